import Postgres

/// How many focus-group sessions raised each theme: focus groups are reported as "raised in k of n
/// groups", since a discussion's participants are not independent respondents.
public struct SessionThemeCounts: Sendable, Equatable {
    /// Sessions held (with at least one participant turn imported).
    public var sessions: Int
    /// Theme id → sessions in which at least one participant turn carries it.
    public var raising: [String: Int]

    public init(sessions: Int, raising: [String: Int]) {
        self.sessions = sessions
        self.raising = raising
    }
}

extension Store {
    /// Sessions raising each theme, under the counted coding (final, or one coder's).
    public func sessionThemeCounts(coder: String?) throws -> SessionThemeCounts {
        let sessions = try db.query("SELECT count(*) AS n FROM consult.focus_group_session").rows[0].int("n")
        var raising: [String: Int] = [:]
        for row in try db.query("""
            SELECT c.theme_id, count(DISTINCT s.question_id) AS n
            FROM (\(Self.countedCodings(coder: "$1"))) c JOIN consult.segment s ON s.id = c.segment_id
            JOIN consult.focus_group_session f ON f.id = s.question_id
            GROUP BY c.theme_id
            """, coder).rows {
            raising[try row.string("theme_id")] = try row.int("n")
        }
        return SessionThemeCounts(sessions: sessions, raising: raising)
    }
}
