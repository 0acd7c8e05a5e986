import Postgres

extension Store {
    /// For each leaf theme, the number of focus-group sessions in which at least one turn was coded
    /// with it (final coding). The chapter reports focus groups as "raised in k of n groups": a
    /// session is the unit there, not a participant, because turns in a discussion are not
    /// independent answers. Themes raised in no session are absent from the result.
    ///
    /// Reached from the focus-group instruments' few participants, so a count after a coding change
    /// reads their codings only: each participant's through the codings' respondent index (`OFFSET 0`
    /// keeps the planner from merging the subquery into a join, which it then planned as a scan of every
    /// final coding, 2.8 s against 0.45 s at 1,000,000 responses).
    ///
    /// - Parameter coder: count one coder's codings instead of the final coding.
    public func themeSessionCounts(coder: String? = nil) throws -> [String: Int] {
        try cachedAggregate(Self.cacheKey("sessions", coder)) {
            var counts: [String: Int] = [:]
            for row in try db.query("""
                SELECT c.theme_id, count(DISTINCT s.question_id) AS sessions
                FROM consult.instrument i JOIN consult.respondent r ON r.instrument_id = i.id
                CROSS JOIN LATERAL (SELECT * FROM (\(Self.countedCodings(coder: "$1"))) counted WHERE counted.respondent_id = r.id OFFSET 0) c
                JOIN consult.segment s ON s.id = c.segment_id
                JOIN consult.focus_group_session f ON f.id = s.question_id
                WHERE i.kind = 'focus_group'
                GROUP BY c.theme_id ORDER BY c.theme_id
                """, coder).rows {
                counts[try row.string("theme_id")] = try row.int("sessions")
            }
            return counts
        }
    }

    /// Coders who recorded human decisions under the current codebook, sorted by name: the chapter
    /// reports inter-coder agreement only when there are at least two.
    public func humanCoders() throws -> [String] {
        try db.query("""
            SELECT DISTINCT c.coder FROM consult.coding c
            JOIN consult.codebook cb ON cb.version = c.codebook_version AND cb.is_current
            WHERE c.kind = 'human' ORDER BY 1
            """).rows.map { try $0.string("coder") }
    }
}
