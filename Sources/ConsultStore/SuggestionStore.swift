import Postgres

/// A segment some human coder reviewed, as training data for the suggestion model: its text, the
/// themes of the final coding (the rules' codes as the reviewers left or corrected them), and the
/// rules' own themes (for choosing the model's threshold).
public struct ReviewedSegment: Sendable, Equatable {
    public var segment: Int
    public var text: String
    public var themes: Set<String>
    public var ruleThemes: Set<String>
}

extension Store {
    /// The coder name model suggestions are stored under.
    public static let modelCoder = "model"

    /// Every segment with at least one human decision under the current codebook, in segment order.
    public func reviewedSegments() throws -> [ReviewedSegment] {
        let codebook = try currentCodebookVersion()
        return try db.query("""
            WITH reviewed AS (SELECT DISTINCT segment_id FROM consult.coding WHERE codebook_version = $1 AND kind = 'human')
            SELECT s.id, s.text,
                   coalesce((SELECT string_agg(f.theme_id, ',' ORDER BY f.theme_id) FROM consult.final_coding f
                             WHERE f.segment_id = s.id AND f.codebook_version = $1), '') AS themes,
                   coalesce((SELECT string_agg(c.theme_id, ',' ORDER BY c.theme_id) FROM consult.coding c
                             WHERE c.segment_id = s.id AND c.codebook_version = $1 AND c.kind = 'rule' AND c.applied), '') AS rule_themes
            FROM consult.segment s JOIN reviewed r ON r.segment_id = s.id ORDER BY s.id
            """, codebook).rows.map { row in
            func themes(_ column: String) throws -> Set<String> {
                Set(try row.string(column).split(separator: ",").map(String.init))
            }
            return ReviewedSegment(segment: try row.int("id"), text: try row.string("text"), themes: try themes("themes"),
                                   ruleThemes: try themes("rule_themes"))
        }
    }

    /// Records a trained model; its suggestions are then stored with `replaceCodings(coder: modelCoder, kind: .model, ...)`.
    ///
    /// - Returns: the model's id (suggestions name it in their `rule` column as `model:ID`).
    public func saveSuggestionModel(codebookVersion: String, examples: Int, trainingSHA256: String, json: String) throws -> Int {
        try db.query("""
            INSERT INTO consult.suggestion_model (codebook_version, examples, training_sha256, model) VALUES ($1, $2::int, $3, $4::jsonb) RETURNING id
            """, codebookVersion, examples, trainingSHA256, json).rows[0].int("id")
    }
}
