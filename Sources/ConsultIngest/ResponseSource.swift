import ConsultCore

/// One response as read from an import file, before validation: its first line and its cells, or
/// why the line could not be read as a response.
struct SourceResponse {
    var line: Int
    var cells: Result<[ResponseCell], RejectedRow>
}

/// The responses of one import file, whatever its format, read one at a time (memory stays flat).
protocol ResponseSource {
    mutating func next() throws -> SourceResponse?
    /// What was converted to UTF-8 on the way in, if anything.
    var conversion: EncodingConversion? { get }
    var bytesRead: Int { get }
    var totalBytes: Int? { get }
}

/// Opens `path` as `format`, matching its header (CSV) or keys (JSON Lines) with `matcher`.
func responseSource(_ path: String, format: InputFormat, encoding: InputEncoding, matcher: HeaderMatcher) throws -> any ResponseSource {
    switch format {
    case .csv: try CSVResponses(path: path, encoding: encoding, matcher: matcher)
    case .jsonl: JSONLResponses(reader: try JSONLinesReader(path: path, encoding: encoding), matcher: matcher)
    }
}
