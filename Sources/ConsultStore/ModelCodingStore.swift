import Postgres

/// A stored suggestion model version and its cross-fitted fold versions.
public struct StoredModel: Sendable, Equatable {
    public var id: Int
    public var json: String
    /// Fold 0 and fold 1 versions (each trained without that fold's sampled respondents); empty when no
    /// validation-sample respondent had been coded when the model was trained.
    public var folds: [(id: Int, json: String)]

    public static func == (a: Self, b: Self) -> Bool {
        a.id == b.id && a.json == b.json && a.folds.map(\.id) == b.folds.map(\.id) && a.folds.map(\.json) == b.folds.map(\.json)
    }
}

/// A model's probability for a segment and theme below its threshold (kept from 0.05 up).
public struct ModelScore: Sendable, Equatable {
    public var segment: Int
    public var theme: String
    public var modelID: Int
    public var probability: Double
    public init(segment: Int, theme: String, modelID: Int, probability: Double) {
        self.segment = segment
        self.theme = theme
        self.modelID = modelID
        self.probability = probability
    }
}

extension Store {
    /// Records a fold version of model `fullModelID` (see `StoredModel.folds`).
    public func saveFoldModel(of fullModelID: Int, fold: Int, codebookVersion: String, examples: Int, trainingSHA256: String, json: String) throws -> Int {
        try db.query("""
            INSERT INTO consult.suggestion_model (codebook_version, examples, training_sha256, model, full_model_id, fold)
            VALUES ($1, $2::int, $3, $4::jsonb, $5::bigint, $6::int) RETURNING id
            """, codebookVersion, examples, trainingSHA256, json, fullModelID, fold).rows[0].int("id")
    }

    /// The latest model trained under the current codebook, with its fold versions; nil when none.
    public func latestSuggestionModel() throws -> StoredModel? {
        guard let row = try db.query("""
            SELECT m.id, m.model::text AS json FROM consult.suggestion_model m JOIN consult.codebook cb ON cb.version = m.codebook_version AND cb.is_current
            WHERE m.full_model_id IS NULL ORDER BY m.id DESC LIMIT 1
            """).rows.first else { return nil }
        let id = try row.int("id")
        let folds = try db.query("SELECT id, model::text AS json FROM consult.suggestion_model WHERE full_model_id = $1::bigint ORDER BY fold", id)
            .rows.map { (id: try $0.int("id"), json: try $0.string("json")) }
        return StoredModel(id: id, json: try row.string("json"), folds: folds)
    }

    /// Segment → the fold of its respondent (respondent id mod 2), for segments of respondents in any
    /// validation sample; with `all`, for every segment.
    public func segmentFolds(all: Bool) throws -> [Int: Int] {
        var folds: [Int: Int] = [:]
        for row in try db.query("""
            SELECT s.id, s.respondent_id % 2 AS fold FROM consult.segment s
            WHERE $1::boolean OR EXISTS (SELECT 1 FROM consult.validation_sample_member m WHERE m.respondent_id = s.respondent_id)
            """, all).rows { folds[try row.int("id")] = try row.int("fold") }
        return folds
    }

    /// Says whether the model's decisions count with the rules' under the current codebook (and which
    /// model version coded them), as `code auto --with-model` / `--rules-only` decide.
    public func setAutomaticCoding(withModel modelID: Int?) throws {
        try db.query("""
            INSERT INTO consult.automatic_coding (codebook_version, with_model, model_id)
            SELECT version, $1::bigint IS NOT NULL, $1::bigint FROM consult.codebook WHERE is_current
            ON CONFLICT (codebook_version) DO UPDATE SET with_model = excluded.with_model, model_id = excluded.model_id, set_at = now()
            """, modelID)
    }

    /// Replaces the model's below-threshold scores under `codebookVersion` (call inside the transaction
    /// that replaces its codings, so the two always belong to the same model).
    public func replaceModelScores(codebookVersion: String, _ scores: [ModelScore]) throws {
        try db.query("DELETE FROM consult.model_score WHERE codebook_version = $1", codebookVersion)
        guard !scores.isEmpty else { return }
        try db.query("""
            INSERT INTO consult.model_score (segment_id, codebook_version, theme_id, model_id, probability)
            SELECT s.segment_id, $1, s.theme_id, s.model_id, s.probability
            FROM unnest($2::bigint[], $3::text[], $4::bigint[], $5::float8[]) AS s(segment_id, theme_id, model_id, probability)
            """, codebookVersion, TextArray(scores.map { String($0.segment) }), TextArray(scores.map(\.theme)),
            TextArray(scores.map { String($0.modelID) }), TextArray(scores.map { String($0.probability) }))
    }
}
