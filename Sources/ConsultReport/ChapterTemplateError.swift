/// A chapter template that cannot be used, as one line naming the file and, where known, the line:
/// `surveys/templates/chapter.md.mustache:12: section "quotes" is closed by "quote"`.
public struct ChapterTemplateError: Error, Sendable, Equatable, CustomStringConvertible {
    public var file: String
    public var line: Int?
    public var message: String

    public init(file: String, line: Int? = nil, message: String) {
        self.file = file
        self.line = line
        self.message = message
    }

    public var description: String {
        "\(file)\(line.map { ":\($0)" } ?? ""): \(message)"
    }
}
