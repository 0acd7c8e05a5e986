import ExportShapes
import FileReading
import SurveyExports
import Workbooks

/// Records of a tabular export, whatever holds them: a delimited text file or a worksheet.
protocol RecordReader {
    mutating func nextRecord() throws -> CSVRecord?
    var conversion: EncodingConversion? { get }
    var bytesRead: Int { get }
    var totalBytes: Int? { get }
}

extension CSVReader: RecordReader {
    mutating func nextRecord() throws -> CSVRecord? { try next() }
    var conversion: EncodingConversion? { input.conversion }
    var bytesRead: Int { input.bytesRead }
    var totalBytes: Int? { input.totalBytes }
}

/// A worksheet's rows as records; a record's line is the sheet's row number.
struct SheetRecords: RecordReader {
    let rows: SheetReader
    private(set) var rowsRead = 0
    let totalBytes: Int? = nil

    mutating func nextRecord() throws -> CSVRecord? {
        guard let row = try rows.next() else { return nil }
        rowsRead += 1
        return CSVRecord(fields: row.cells, line: row.number)
    }

    var conversion: EncodingConversion? { nil }
    var bytesRead: Int { 0 }
}

/// How a tabular file was read, for the import report and `consult import inspect`.
public struct TabularReading: Sendable {
    /// The tool shape recognised (or plain) and what each column maps to.
    public var columns: ShapedColumns
    /// The delimited file's dialect; nil for a workbook.
    public var dialect: CSVDialect?
    /// The worksheet read; nil for a delimited file.
    public var sheet: String?

    /// "Qualtrics: 3 header rows (...); delimiter ',' (detected), LF".
    public var summary: String {
        var text = "\(columns.shape.tool.name): \(columns.shape.variant)"
        if let dialect { text += "; \(dialect)" }
        if let sheet { text += "; sheet '\(sheet)'" }
        return text
    }

    /// Columns left out, grouped: "personal data" and "metadata" with the headers (never values).
    public var dropped: [(kind: String, headers: [String])] {
        var personal: [String] = []
        var metadata: [String] = []
        for column in columns.columns {
            if case .personal? = column.role { personal.append(column.header) }
            else if column.role == .ignored, column.tool != nil { metadata.append(column.header) }
        }
        return [("personal data", personal), ("metadata", metadata)].filter { !$0.1.isEmpty }
    }
}

/// The responses of a CSV export or a worksheet: the first records decide the tool shape (see
/// `ExportShape`); a plain file keeps the original header matching (one or two header rows); a
/// tool's file is read through `ShapedColumns`. Rows the tool marks as not real or unfinished are
/// skipped and counted by reason, never silently.
struct CSVResponses: ResponseSource {
    private var reader: any RecordReader
    private let plan: ColumnPlan
    private let shaped: ShapedColumns?
    private let includePartial: Bool
    /// Records read ahead to recognise the shape, still to be handed out.
    private var pending: [CSVRecord]
    private let tabular: TabularReading
    var reading: TabularReading? { tabular }
    private(set) var skipped: [String: Int] = [:]

    /// How many records are read ahead to recognise a shape (header rows plus some responses, for dates).
    static let lookahead = 50

    /// - Throws: `SurveyFileError` for an empty file or an unusable header, `UnmatchedColumns` for
    ///   headers that match nothing, `WorkbookError` for a workbook that cannot be read.
    init(path: String, options: ImportOptions, format: InputFormat, matcher: HeaderMatcher) throws {
        let opened = try Self.open(path, options: options, format: format)
        try self.init(reader: opened.reader, dialect: opened.dialect, sheet: opened.sheet, name: path, options: options, matcher: matcher)
    }

    /// The responses of delimited text held in memory (a request to `consult serve`), read exactly as
    /// a file of the same bytes: same dialect detection, shapes and header matching.
    init(bytes: [UInt8], name: String, options: ImportOptions, matcher: HeaderMatcher) throws {
        let dialect = CSVDialect.detect(bytes, forcing: options.delimiter)
        try self.init(reader: CSVReader(bytes: bytes, name: name, encoding: options.encoding, delimiter: dialect.delimiter), dialect: dialect,
                      sheet: nil, name: name, options: options, matcher: matcher)
    }

    /// The responses `reader` reads; `path` stands for the file in messages.
    private init(reader: any RecordReader, dialect: CSVDialect?, sheet: String?, name path: String, options: ImportOptions,
                 matcher: HeaderMatcher) throws {
        var reader = reader
        var records: [CSVRecord] = []
        while records.count < Self.lookahead, let record = try reader.nextRecord() { records.append(record) }
        guard let header = records.first else { throw SurveyFileError(file: path, message: "is empty (no header row)") }
        let shape = ExportShape.detect(records.map(\.fields))
        if shape.tool == .plain {
            let second = records.count > 1 && ColumnPlan.isHeaderRow(records[1].fields, matcher: matcher) ? records[1] : nil
            plan = try ColumnPlan(header: header, second: second, matcher: matcher, file: path)
            shaped = nil
        } else {
            let columns = ShapedColumns(shape: shape, matcher: matcher)
            plan = try columns.plan(file: path, line: header.line)
            shaped = columns
        }
        pending = Array(records.dropFirst(plan.headerRows))
        self.reader = reader
        tabular = TabularReading(columns: ShapedColumns(shape: shape, matcher: matcher), dialect: dialect, sheet: sheet)
        includePartial = options.includePartial
    }

    /// The records of `path` and how they are written: a worksheet for `.xlsx`, else delimited text
    /// in its detected (or forced) dialect.
    static func open(_ path: String, options: ImportOptions, format: InputFormat) throws -> (reader: any RecordReader, dialect: CSVDialect?, sheet: String?) {
        if format == .xlsx {
            let rows = try Workbook(path: path).rows(sheet: options.sheet)
            return (SheetRecords(rows: rows), nil, rows.sheet)
        }
        let dialect = try CSVDialect.detect(path: path, forcing: options.delimiter)
        return (try CSVReader(path: path, encoding: options.encoding, delimiter: dialect.delimiter), dialect, nil)
    }

    mutating func next() throws -> SourceResponse? {
        while true {
            let record: CSVRecord
            if !pending.isEmpty {
                record = pending.removeFirst()
            } else {
                guard let read = try reader.nextRecord() else { return nil }
                record = read
            }
            guard let shaped else {
                return SourceResponse(line: record.line, original: .fields(record.fields), cells: plan.cells(of: record))
            }
            switch shaped.row(record, plan: plan, includePartial: includePartial) {
            case .response(let cells): return SourceResponse(line: record.line, original: .fields(record.fields), cells: .success(cells))
            case .rejected(let rejection): return SourceResponse(line: record.line, original: .fields(record.fields), cells: .failure(rejection))
            case .skipped(let reason): skipped[reason, default: 0] += 1
            }
        }
    }

    var conversion: EncodingConversion? { reader.conversion }
    var bytesRead: Int { reader.bytesRead }
    var totalBytes: Int? { reader.totalBytes }
}
