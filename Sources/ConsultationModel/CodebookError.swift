import Foundation

/// Why a codebook could not be loaded or compiled.
///
/// `description` is one line that names the file and, where known, the line, theme and rule:
/// `surveys/codebook.yaml:88: theme 'fairness.racial' rule 'racial.profiling': invalid pattern '(black': missing )`.
/// The CLI prints it as it is, so staff can go straight to the place to fix.
public struct CodebookError: Error, CustomStringConvertible, Sendable, Equatable {
    /// The file as the caller named it.
    public var file: String
    /// 1-based line in the file, where known.
    public var line: Int?
    /// The theme concerned, if any.
    public var themeID: String?
    /// The rule concerned, if any.
    public var ruleID: String?
    /// What is wrong, in one line.
    public var message: String

    /// Creates an error; newlines in `message` are folded so the description stays one line.
    public init(file: String, line: Int? = nil, themeID: String? = nil, ruleID: String? = nil, message: String) {
        self.file = file
        self.line = line
        self.themeID = themeID
        self.ruleID = ruleID
        self.message = message
            .split(whereSeparator: \.isNewline)
            .map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }
            .joined(separator: " ")
    }

    /// One line: `file[:line]: [theme 'x' ][rule 'y': ]message`.
    public var description: String {
        var place = file
        if let line { place += ":\(line)" }
        var subject: [String] = []
        if let themeID { subject.append("theme '\(themeID)'") }
        if let ruleID { subject.append("rule '\(ruleID)'") }
        let prefix = subject.isEmpty ? "" : subject.joined(separator: " ") + ": "
        return "\(place): \(prefix)\(message)"
    }
}
