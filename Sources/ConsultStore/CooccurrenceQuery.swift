import Postgres

/// How often two themes are raised by the same respondent.
public struct ThemePair: Sendable, Equatable {
    public var first: String
    public var second: String
    /// Respondents with both themes; nil when suppressed.
    public var respondents: Int?
    /// Of the respondents with `first`, the percentage who also raised `second` (0-100); nil when suppressed.
    public var percentOfFirst: Double?
    public var suppressed: Bool
}

extension Store {
    /// Every ordered pair of leaf themes that share at least one respondent, under the counted coding
    /// (final, or one coder), optionally in one survey, most shared first. Counts from 1 to
    /// `minimumCell - 1` are withheld (with the percentage).
    public func themeCooccurrence(survey: String?, coder: String?, minimumCell: Int) throws -> [ThemePair] {
        if let survey { _ = try instrument(survey) }
        return try db.query("""
            WITH counted AS (
                SELECT DISTINCT c.respondent_id, c.theme_id
                FROM (\(Self.countedCodings(coder: "$2"))) c JOIN consult.respondent r ON r.id = c.respondent_id
                WHERE $1::text IS NULL OR r.instrument_id = $1),
            totals AS (SELECT theme_id, count(*) AS n FROM counted GROUP BY theme_id)
            SELECT a.theme_id AS first, b.theme_id AS second, count(*) AS both_, t.n AS first_total
            FROM counted a JOIN counted b ON a.respondent_id = b.respondent_id AND a.theme_id <> b.theme_id
            JOIN totals t ON t.theme_id = a.theme_id
            GROUP BY a.theme_id, b.theme_id, t.n
            ORDER BY both_ DESC, first, second
            """, survey, coder).rows.map { row in
            let both = try row.int("both_")
            let hidden = both < minimumCell
            return ThemePair(first: try row.string("first"), second: try row.string("second"), respondents: hidden ? nil : both,
                             percentOfFirst: hidden ? nil : Double(both) * 100 / Double(try row.int("first_total")), suppressed: hidden)
        }
    }
}
