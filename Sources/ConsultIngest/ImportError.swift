import SurveyExports

/// An import refused as a whole: nothing was written.
public struct ImportError: Error, CustomStringConvertible, Sendable {
    public var file: String
    public var message: String
    /// The rows that failed validation, when that is why the import was refused (for `--format json`).
    public var rejected: [RejectedRow]
    public init(file: String, message: String, rejected: [RejectedRow] = []) {
        self.file = file
        self.message = message
        self.rejected = rejected
    }
    public var description: String { "\(file): \(message)" }

    /// The refusal for rows that failed validation: the first failure in full, and how many more.
    static func rejected(_ rows: [RejectedRow], file: String) -> ImportError {
        let more = rows.count > 1 ? " (and \(rows.count - 1) more rejected row\(rows.count > 2 ? "s" : ""))" : ""
        return ImportError(file: file, message: "\(rows[0])\(more); nothing was imported. Fix the file, or import the valid rows with --accept-valid --rejects FILE",
                           rejected: rows)
    }
}
