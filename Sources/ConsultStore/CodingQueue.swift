import Postgres

/// Why a segment is in a coder's review queue.
public enum QueueReason: String, Sendable, CaseIterable {
    /// No theme in the final coding and no decision by this coder yet.
    case uncoded
    /// A model suggestion no human has decided on, least certain first.
    case suggested
    /// Coders (human, or a human and the rules) decided differently on a theme.
    case disagreement
    /// Segment-theme pairs no human decided where the model is least sure (probability nearest its
    /// threshold, above or below): the decisions that would teach it most (uncertainty sampling).
    case uncertain
}

/// One item to review: the segment's redacted text, and for suggestions and disagreements the theme.
public struct QueueItem: Sendable, Equatable, Codable {
    public var segment: Int
    public var reason: String
    public var theme: String?
    /// The suggestion's confidence, or who decided what (`alice=yes, rules=no`).
    public var detail: String?
    public var text: String
}

extension Store {
    /// Segments for `coder` to review, in a stable order, at most `limit`: for `uncoded` and
    /// `suggested`, those `coder` has not decided yet; for `disagreement`, those where `coder` is one
    /// of the parties (every disagreement when `coder` is nil).
    public func codingQueue(reason: QueueReason, coder: String?, limit: Int) throws -> [QueueItem] {
        let sql: String
        switch reason {
        case .uncoded:
            sql = """
                SELECT s.id AS segment, NULL::text AS theme, NULL::text AS detail, s.text
                FROM consult.segment s
                WHERE NOT EXISTS (SELECT 1 FROM consult.final_coding f JOIN consult.codebook cb ON cb.version = f.codebook_version AND cb.is_current
                                  WHERE f.segment_id = s.id)
                  AND NOT EXISTS (SELECT 1 FROM consult.coding c JOIN consult.codebook cb ON cb.version = c.codebook_version AND cb.is_current
                                  WHERE c.segment_id = s.id AND c.coder = $1)
                ORDER BY s.id LIMIT $2::bigint
                """
        case .suggested:
            sql = """
                SELECT c.segment_id AS segment, c.theme_id AS theme, to_char(c.confidence, 'FM0.000') AS detail, s.text
                FROM consult.coding c JOIN consult.codebook cb ON cb.version = c.codebook_version AND cb.is_current
                JOIN consult.segment s ON s.id = c.segment_id
                WHERE c.kind = 'model' AND c.applied
                  AND NOT EXISTS (SELECT 1 FROM consult.coding h WHERE h.kind = 'human' AND h.segment_id = c.segment_id
                                  AND h.codebook_version = c.codebook_version AND h.theme_id = c.theme_id)
                  AND ($1::text IS NULL OR NOT EXISTS (SELECT 1 FROM consult.coding m WHERE m.coder = $1 AND m.segment_id = c.segment_id
                                  AND m.codebook_version = c.codebook_version AND m.theme_id = c.theme_id))
                ORDER BY abs(c.confidence - 0.5), c.segment_id, c.theme_id LIMIT $2::bigint
                """
        case .disagreement:
            sql = """
                WITH c AS (SELECT c.* FROM consult.coding c JOIN consult.codebook cb ON cb.version = c.codebook_version AND cb.is_current
                           WHERE c.kind IN ('human', 'rule')),
                touched AS (SELECT DISTINCT segment_id FROM c WHERE kind = 'human'),
                cover AS (SELECT DISTINCT segment_id, coder FROM c WHERE kind = 'human'
                          UNION SELECT t.segment_id, r.coder FROM touched t CROSS JOIN (SELECT DISTINCT coder FROM c WHERE kind = 'rule') r),
                pairs AS (SELECT DISTINCT c.segment_id, c.theme_id FROM c JOIN touched USING (segment_id) WHERE c.applied),
                decisions AS (
                    SELECT p.segment_id, p.theme_id, cv.coder, coalesce(c.applied, false) AS applied
                    FROM pairs p JOIN cover cv ON cv.segment_id = p.segment_id
                    LEFT JOIN c ON c.segment_id = p.segment_id AND c.theme_id = p.theme_id AND c.coder = cv.coder)
                SELECT d.segment_id AS segment, d.theme_id AS theme,
                       string_agg(d.coder || '=' || CASE WHEN d.applied THEN 'yes' ELSE 'no' END, ', ' ORDER BY d.coder) AS detail,
                       min(s.text) AS text
                FROM decisions d JOIN consult.segment s ON s.id = d.segment_id
                GROUP BY d.segment_id, d.theme_id
                HAVING bool_or(d.applied) AND NOT bool_and(d.applied)
                   AND ($1::text IS NULL OR bool_or(d.coder = $1))
                ORDER BY d.segment_id, d.theme_id LIMIT $2::bigint
                """
        case .uncertain:
            sql = """
                WITH cb AS (SELECT version FROM consult.codebook WHERE is_current),
                scored AS (
                    SELECT c.segment_id, c.theme_id, c.codebook_version, c.confidence AS probability,
                           substr(c.rule_id, 7)::bigint AS model_id
                    FROM consult.coding c JOIN cb ON cb.version = c.codebook_version
                    WHERE c.kind = 'model' AND c.coder = 'model' AND c.applied AND c.rule_id LIKE 'model:%'
                    UNION ALL
                    SELECT m.segment_id, m.theme_id, m.codebook_version, m.probability, m.model_id
                    FROM consult.model_score m JOIN cb ON cb.version = m.codebook_version),
                -- One threshold per model version, read once (the stored model is large): a word model keeps it with
                -- each theme, a transformer once for all themes.
                threshold AS MATERIALIZED (
                    SELECT id, coalesce(model->'themes'->0->>'threshold', model->>'threshold')::float8 AS threshold FROM consult.suggestion_model
                    WHERE id IN (SELECT DISTINCT model_id FROM scored)),
                margin AS (
                    SELECT p.*, t.threshold, abs(p.probability - t.threshold) AS distance FROM scored p JOIN threshold t ON t.id = p.model_id)
                SELECT m.segment_id AS segment, m.theme_id AS theme,
                       to_char(m.probability, 'FM0.000') || ' (threshold ' || to_char(m.threshold, 'FM0.000') || ')' AS detail, s.text
                FROM margin m JOIN consult.segment s ON s.id = m.segment_id
                WHERE NOT EXISTS (SELECT 1 FROM consult.coding h WHERE h.kind = 'human' AND h.segment_id = m.segment_id
                                  AND h.codebook_version = m.codebook_version AND h.theme_id = m.theme_id)
                  AND ($1::text IS NULL OR NOT EXISTS (SELECT 1 FROM consult.coding h WHERE h.coder = $1 AND h.segment_id = m.segment_id
                                  AND h.codebook_version = m.codebook_version))
                ORDER BY m.distance, m.segment_id, m.theme_id LIMIT $2::bigint
                """
        }
        return try db.query(sql, coder, limit).rows.map { row in
            QueueItem(segment: try row.int("segment"), reason: reason.rawValue, theme: row["theme"], detail: row["detail"], text: try row.string("text"))
        }
    }
}
