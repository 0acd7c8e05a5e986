/// One answer cell of a response, whatever the file format: where it came from and what it holds.
public struct ResponseCell: Sendable, Equatable {
    /// A CSV cell is text; a JSON value may also be a list (the options of a multi-select answer).
    public enum Content: Sendable, Equatable {
        case text(String)
        case list([String])
    }

    public var role: ColumnRole
    /// The CSV column number (1-based), or 0 for a JSON key.
    public var column: Int
    /// The header or JSON key as written in the file.
    public var header: String
    public var content: Content

    public init(role: ColumnRole, column: Int, header: String, content: Content) {
        self.role = role
        self.column = column
        self.header = header
        self.content = content
    }

    /// The content as one trimmed text (a list joined with "; "), for ids, metadata and messages.
    public var text: String {
        switch content {
        case .text(let text): text.trimmingWhitespace()
        case .list(let items): items.map { $0.trimmingWhitespace() }.joined(separator: "; ")
        }
    }

    /// Blank cells, null JSON values and empty lists are no answer.
    public var isBlank: Bool {
        switch content {
        case .text(let text): text.trimmingWhitespace().isEmpty
        case .list(let items): items.allSatisfy { $0.trimmingWhitespace().isEmpty }
        }
    }
}
