/// A workbook that cannot be read, located as precisely as the problem allows: file, sheet, row
/// (1-based, as Excel numbers them) and column (letters, as Excel names them). One line, for the CLI.
public struct WorkbookError: Error, Sendable, Equatable, CustomStringConvertible {
    public var file: String
    public var sheet: String?
    public var row: Int?
    public var column: String?
    public var message: String

    public init(file: String, sheet: String? = nil, row: Int? = nil, column: String? = nil, message: String) {
        self.file = file
        self.sheet = sheet
        self.row = row
        self.column = column
        self.message = message
    }

    public var description: String {
        var text = file
        if let sheet { text += ": sheet '\(sheet)'" }
        if let row { text += ": row \(row)" }
        if let column { text += ": column \(column)" }
        return text + ": " + message
    }
}
