import FileReading
import SurveyExports

/// One response as read from an import file, before validation: its first line, the row as it
/// stands in the file, and its cells, or why the line could not be read as a response.
struct SourceResponse {
    var line: Int
    var original: OriginalRow
    var cells: Result<[ResponseCell], RejectedRow>
}

/// A row as it stands in the import file, kept so that a rejected row can be written to the rejects
/// file unchanged. Holding it costs nothing for accepted rows: it shares the record's storage and is
/// only rendered for rejected ones.
enum OriginalRow {
    /// A CSV record's fields, as read (UTF-8).
    case fields([String])
    /// A JSON line's text.
    case text(String)

    /// The row as one line of its own format: a CSV record re-quoted (RFC 4180), a JSON line as is.
    var rendered: String {
        switch self {
        case .fields(let fields): fields.map(csvField).joined(separator: ",")
        case .text(let text): text
        }
    }
}

/// The responses of one import file, whatever its format, read one at a time (memory stays flat).
protocol ResponseSource {
    mutating func next() throws -> SourceResponse?
    /// What was converted to UTF-8 on the way in, if anything.
    var conversion: EncodingConversion? { get }
    var bytesRead: Int { get }
    var totalBytes: Int? { get }
    /// How a tabular file was read (tool shape, dialect, sheet); nil for JSON Lines.
    var reading: TabularReading? { get }
    /// Rows not imported because the tool marks them (preview, test, spam, unfinished), by reason.
    var skipped: [String: Int] { get }
}

/// Opens `path` as `format`, matching its header (CSV) or keys (JSON Lines) with `matcher`.
func responseSource(_ path: String, format: InputFormat, options: ImportOptions, matcher: HeaderMatcher) throws -> any ResponseSource {
    switch format {
    case .csv, .xlsx: try CSVResponses(path: path, options: options, format: format, matcher: matcher)
    case .jsonl: JSONLResponses(reader: try JSONLinesReader(path: path, encoding: options.encoding), matcher: matcher)
    }
}
