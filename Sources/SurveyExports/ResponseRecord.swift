/// A respondent ready to store: pseudonymised, closed answers normalised to option values, free text
/// redacted. The import pipeline produces these; the store writes them. Nothing here is raw personal data.
public struct PreparedRespondent: Sendable, Equatable {
    public struct Answer: Sendable, Equatable {
        public var question: String
        public var value: String
        public init(question: String, value: String) { self.question = question; self.value = value }
    }

    public struct Segment: Sendable, Equatable {
        public var question: String
        public var position: Int
        /// Redacted text.
        public var text: String
        public var redactions: Int
        public init(question: String, position: Int, text: String, redactions: Int) {
            self.question = question
            self.position = position
            self.text = text
            self.redactions = redactions
        }
    }

    public var pseudonym: String
    public var quoteConsent: Bool
    /// ISO 8601 timestamp as given by the source, or nil.
    public var submittedAt: String?
    public var mode: String?
    public var answers: [Answer]
    public var segments: [Segment]
    /// Where the response starts in its source file, so a changed response can be listed by line.
    public var sourceLine: Int?

    /// Personal-data items replaced in this respondent's free text.
    public var redactions: Int { segments.reduce(0) { $0 + $1.redactions } }

    public init(pseudonym: String, quoteConsent: Bool, submittedAt: String? = nil, mode: String? = nil,
                answers: [Answer] = [], segments: [Segment] = []) {
        self.pseudonym = pseudonym
        self.quoteConsent = quoteConsent
        self.submittedAt = submittedAt
        self.mode = mode
        self.answers = answers
        self.segments = segments
    }
}

/// A row that failed validation: where (line, CSV column), which field, the offending value, and
/// why. Kept for the rejects file (without the value) and the `--format json` report.
public struct RejectedRow: Error, Sendable, Equatable, CustomStringConvertible {
    public var line: Int
    public var field: String?
    public var reason: String
    public var column: Int?
    public var value: String?
    public init(line: Int, field: String?, reason: String, column: Int? = nil, value: String? = nil) {
        self.line = line
        self.field = field
        self.reason = reason
        self.column = column
        self.value = value
    }
    public var description: String {
        "line \(line)\(column.map { ", column \($0)" } ?? "")\(field.map { ", field '\($0)'" } ?? ""): \(reason)"
    }
}
