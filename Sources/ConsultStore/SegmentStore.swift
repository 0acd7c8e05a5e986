import Postgres

/// A codable unit of text as the analysis commands see it (text already redacted).
public struct SegmentRow: Sendable, Equatable, Codable {
    public var segment: Int
    public var respondent: String
    public var survey: String
    public var question: String
    public var text: String
}

/// Filters shared by the segment and theme queries; `nil` means no filter.
public struct SegmentFilter: Sendable {
    public var survey: String?
    public var question: String?
    public var theme: String?
    public var coder: String?
    public init(survey: String? = nil, question: String? = nil, theme: String? = nil, coder: String? = nil) {
        self.survey = survey
        self.question = question
        self.theme = theme
        self.coder = coder
    }
}

extension Store {
    /// Segments in a stable order (survey, respondent, question, position), optionally filtered.
    public func segments(_ filter: SegmentFilter, limit: Int? = nil) throws -> [SegmentRow] {
        try db.query("""
            SELECT s.id, r.pseudonym, r.instrument_id, s.question_id, s.text
            FROM consult.segment s JOIN consult.respondent r ON r.id = s.respondent_id
            WHERE ($1::text IS NULL OR r.instrument_id = $1)
              AND ($2::text IS NULL OR s.question_id = $2)
              AND ($3::text IS NULL OR s.id IN (SELECT segment_id FROM (\(Self.countedCodings(coder: "$4"))) counted WHERE theme_id = $3))
            ORDER BY s.id
            LIMIT $5::bigint
            """, filter.survey, filter.question, filter.theme, filter.coder, limit).rows.map { row in
            SegmentRow(segment: try row.int("id"), respondent: try row.string("pseudonym"), survey: try row.string("instrument_id"),
                       question: try row.string("question_id"), text: try row.string("text"))
        }
    }

    /// Calls `body` with every segment, in batches of `batchSize`, through a server-side cursor so
    /// memory stays flat however many segments there are. Runs inside the caller's transaction.
    public func forEachSegmentBatch(batchSize: Int = 5000, _ body: ([(id: Int, text: String)]) throws -> Void) throws {
        try db.query("DECLARE consult_segments NO SCROLL CURSOR FOR SELECT id, text FROM consult.segment ORDER BY id")
        while true {
            let rows = try db.query("FETCH FORWARD \(batchSize) FROM consult_segments").rows
            if rows.isEmpty { break }
            try body(rows.map { (id: try $0.int("id"), text: try $0.string("text")) })
        }
        try db.query("CLOSE consult_segments")
    }
}
