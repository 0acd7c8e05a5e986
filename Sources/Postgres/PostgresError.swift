import Foundation

/// A failure reported by libpq or the server, with the context a user needs to act on it.
///
/// `description` is always one line: libpq's multi-line messages are folded so the CLI can print
/// exactly one line per error.
public struct PostgresError: Error, CustomStringConvertible, Sendable {
    /// What the wrapper was doing when the failure happened.
    public enum Stage: String, Sendable {
        case connect = "cannot connect to the database"
        case query = "query failed"
        case copy = "COPY failed"
        case result = "unexpected result"
    }

    public var stage: Stage
    /// The five-character SQLSTATE (for example `23505` for a unique violation), when the server sent one.
    public var sqlState: String?
    /// The server's (or libpq's) primary message.
    public var message: String
    /// The server's DETAIL field, when present.
    public var detail: String?

    public init(stage: Stage, sqlState: String? = nil, message: String, detail: String? = nil) {
        self.stage = stage
        self.sqlState = sqlState
        self.message = message
        self.detail = detail
    }

    public var description: String {
        var line = "\(stage.rawValue): \(Self.oneLine(message))"
        if let detail, !detail.isEmpty { line += " (\(Self.oneLine(detail)))" }
        if let sqlState { line += " [SQLSTATE \(sqlState)]" }
        return line
    }

    /// True when the server refused the statement because a unique or primary key already holds the value.
    public var isUniqueViolation: Bool { sqlState == "23505" }

    static func oneLine(_ text: String) -> String {
        text.split(whereSeparator: \.isNewline)
            .map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }
            .joined(separator: "; ")
    }
}
