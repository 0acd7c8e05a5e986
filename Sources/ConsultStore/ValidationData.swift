import Postgres

/// What the validated-share estimator needs, per respondent of the selected survey (or all): their
/// group under `--by`, their design stratum in the sample, whether they wrote any free text, and per
/// theme the automatic coding that is counted, the model's highest calibrated probability, and for
/// the sample's fully coded respondents, the human coding.
public struct ValidationData: Sendable, Equatable {
    public struct Respondent: Sendable, Equatable {
        public var group: String?
        public var design: String
        public var hasText: Bool
        public init(group: String?, design: String, hasText: Bool) {
            self.group = group
            self.design = design
            self.hasText = hasText
        }
    }

    public var respondents: [Int: Respondent]
    /// Sampled respondents whose every segment a human decided for every leaf theme.
    public var validated: Set<Int>
    /// Theme → respondents the counted automatic coding gives it (rules, and the model when it counts).
    public var automatic: [String: Set<Int>]
    /// Theme → respondent → the model's highest probability over their segments (from 0.05 up); nil
    /// when the model does not count.
    public var probability: [String: [Int: Double]]?
    /// Theme → validated respondents the human coding gives it.
    public var human: [String: Set<Int>]

    public init(respondents: [Int: Respondent], validated: Set<Int>, automatic: [String: Set<Int>], probability: [String: [Int: Double]]?,
                human: [String: Set<Int>]) {
        self.respondents = respondents
        self.validated = validated
        self.automatic = automatic
        self.probability = probability
        self.human = human
    }
}

extension Store {
    /// The most recently drawn validation sample's name, or an error saying how to draw one.
    public func latestValidationSample() throws -> String {
        guard let row = try db.query("SELECT name FROM consult.validation_sample ORDER BY created_at DESC, name DESC LIMIT 1").rows.first else {
            throw StoreError("no validation sample yet: draw one with `consult code sample create NAME --size N`, code it, then estimate")
        }
        return try row.string("name")
    }

    /// Whether the model's decisions count under the current codebook, and which model version.
    public func automaticCodingModel() throws -> Int? {
        try db.query("""
            SELECT a.model_id FROM consult.automatic_coding a JOIN consult.codebook cb ON cb.version = a.codebook_version AND cb.is_current
            WHERE a.with_model
            """).rows.first.map { try $0.int("model_id") }
    }

    /// The estimator's inputs for `sample`, respondents split by `field` and limited to `survey`.
    public func validationData(sample: String, by field: String?, survey: String?) throws -> ValidationData {
        try checkGroupingField(field)
        if let survey { _ = try instrument(survey) }
        let info = try validationSample(sample)
        var respondents: [Int: ValidationData.Respondent] = [:]
        for row in try db.query("""
            WITH resp AS (\(Self.respondentsByField))
            SELECT resp.id, resp.grp, EXISTS (SELECT 1 FROM consult.segment s WHERE s.respondent_id = resp.id) AS has_text FROM resp
            """, field, survey).rows {
            respondents[try row.int("id")] = ValidationData.Respondent(group: row["grp"], design: "", hasText: row["has_text"] == "t")
        }
        if let design = info.stratifiedBy {
            for row in try db.query("WITH resp AS (\(Self.respondentsByField)) SELECT id, grp FROM resp", design, survey).rows {
                respondents[try row.int("id")]?.design = row["grp"] ?? ""
            }
        }
        let validated = Set(try db.query("WITH done AS (\(Self.fullyCodedMembers)) SELECT respondent_id FROM done WHERE coder IS NULL", sample)
            .rows.map { try $0.int("respondent_id") })
        let model = try automaticCodingModel()
        func pairs(_ sql: String, _ parameter: any SQLParameter) throws -> [String: Set<Int>] {
            var result: [String: Set<Int>] = [:]
            for row in try db.query(sql, parameter).rows { result[try row.string("theme_id"), default: []].insert(try row.int("respondent_id")) }
            return result
        }
        let automatic = try pairs("""
            SELECT DISTINCT c.theme_id, s.respondent_id
            FROM consult.coding c JOIN consult.codebook cb ON cb.version = c.codebook_version AND cb.is_current
            JOIN consult.segment s ON s.id = c.segment_id
            WHERE c.applied AND (c.kind = 'rule' OR (c.kind = 'model' AND c.coder = 'model' AND $1::boolean))
            """, model != nil)
        var probability: [String: [Int: Double]]?
        if model != nil {
            var found: [String: [Int: Double]] = [:]
            for row in try db.query("""
                WITH cb AS (SELECT version FROM consult.codebook WHERE is_current)
                SELECT p.theme_id, s.respondent_id, max(p.probability) AS probability FROM (
                    SELECT c.segment_id, c.theme_id, c.confidence AS probability FROM consult.coding c JOIN cb ON cb.version = c.codebook_version
                    WHERE c.kind = 'model' AND c.coder = 'model' AND c.applied AND c.confidence IS NOT NULL
                    UNION ALL
                    SELECT m.segment_id, m.theme_id, m.probability FROM consult.model_score m JOIN cb ON cb.version = m.codebook_version) p
                JOIN consult.segment s ON s.id = p.segment_id
                GROUP BY p.theme_id, s.respondent_id
                """).rows {
                found[try row.string("theme_id"), default: [:]][try row.int("respondent_id")] = try row.double("probability")
            }
            probability = found
        }
        var human = try pairs("""
            SELECT DISTINCT f.theme_id, s.respondent_id
            FROM consult.final_coding f JOIN consult.codebook cb ON cb.version = f.codebook_version AND cb.is_current
            JOIN consult.segment s ON s.id = f.segment_id
            JOIN consult.validation_sample_member m ON m.respondent_id = s.respondent_id AND m.sample_name = $1
            WHERE f.decided_by = 'human'
            """, sample)
        for theme in human.keys { human[theme]?.formIntersection(validated) }
        return ValidationData(respondents: respondents, validated: validated.filter { respondents[$0] != nil }, automatic: automatic,
                              probability: probability, human: human)
    }
}
