import ConsultCore

/// The responses of a CSV export: the header row (or two header rows) resolved to a `ColumnPlan`,
/// then one response per record.
struct CSVResponses: ResponseSource {
    private var reader: CSVReader
    private let plan: ColumnPlan
    /// The record read to decide whether there is a second header row, when it turned out to be data.
    private var firstData: CSVRecord?

    /// - Throws: `SurveyFileError` for an empty file or an unusable header, `UnmatchedColumns` for
    ///   headers that match nothing.
    init(path: String, encoding: InputEncoding, matcher: HeaderMatcher) throws {
        try self.init(reader: try CSVReader(path: path, encoding: encoding), name: path, matcher: matcher)
    }

    /// The responses `reader` reads; `name` stands for the file in messages.
    init(reader: CSVReader, name path: String, matcher: HeaderMatcher) throws {
        var reader = reader
        guard let header = try reader.next() else { throw SurveyFileError(file: path, message: "is empty (no header row)") }
        let next = try reader.next()
        let second = next.flatMap { ColumnPlan.isHeaderRow($0.fields, matcher: matcher) ? $0 : nil }
        self.plan = try ColumnPlan(header: header, second: second, matcher: matcher, file: path)
        self.firstData = second == nil ? next : nil
        self.reader = reader
    }

    mutating func next() throws -> SourceResponse? {
        let record: CSVRecord
        if let pending = firstData {
            firstData = nil
            record = pending
        } else {
            guard let read = try reader.next() else { return nil }
            record = read
        }
        return SourceResponse(line: record.line, original: .fields(record.fields), cells: plan.cells(of: record))
    }

    var conversion: EncodingConversion? { reader.input.conversion }
    var bytesRead: Int { reader.input.bytesRead }
    var totalBytes: Int? { reader.input.totalBytes }
}
