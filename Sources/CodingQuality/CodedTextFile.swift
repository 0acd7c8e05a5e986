import FileReading
/// A file of texts with the themes a person coded them with: a CSV with columns `text` and `themes`
/// (theme ids separated by `;`, empty for none) and optionally `id`, in any order, other columns
/// ignored. The held-out evaluation sets in `surveys/evaluation/` have this shape, and
/// `consult code suggest --examples FILE` trains on files like them.
public struct CodedText: Sendable, Equatable {
    public var id: String?
    public var text: String
    public var themes: Set<String>
    public var line: Int

    public init(id: String?, text: String, themes: Set<String>, line: Int) {
        self.id = id
        self.text = text
        self.themes = themes
        self.line = line
    }
}

public enum CodedTextFile {
    /// Reads every row; checks the header and that each row has every column.
    ///
    /// - Parameter knownThemes: when given, a theme outside it is an error naming line and theme.
    /// - Throws: `SurveyFileError` with file, line and field.
    public static func read(path: String, knownThemes: Set<String>? = nil) throws -> [CodedText] {
        var reader = try CSVReader(path: path)
        guard let header = try reader.next() else { throw SurveyFileError(file: path, line: 1, message: "is empty; expected columns text,themes") }
        guard let text = header.fields.firstIndex(of: "text") else { throw SurveyFileError(file: path, line: header.line, field: "text", message: "missing column") }
        guard let themes = header.fields.firstIndex(of: "themes") else { throw SurveyFileError(file: path, line: header.line, field: "themes", message: "missing column") }
        let id = header.fields.firstIndex(of: "id")
        var rows: [CodedText] = []
        while let record = try reader.next() {
            guard record.fields.count == header.fields.count else {
                throw SurveyFileError(file: path, line: record.line, message: "has \(record.fields.count) fields, the header has \(header.fields.count)")
            }
            let coded = Set(record.fields[themes].split(separator: ";").map { $0.trimmingWhitespace() }.filter { !$0.isEmpty })
            if let knownThemes, let unknown = coded.sorted().first(where: { !knownThemes.contains($0) }) {
                throw SurveyFileError(file: path, line: record.line, field: "themes", message: "'\(unknown)' is not a theme of the codebook")
            }
            rows.append(CodedText(id: id.map { record.fields[$0] }, text: record.fields[text], themes: coded, line: record.line))
        }
        return rows
    }
}
