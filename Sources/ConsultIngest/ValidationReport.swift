import ConsultStore
import FileReading
import Foundation
import SurveyExports
import Workbooks

/// One problem found in an import file, located as precisely as the format allows (a JSON line has
/// no column). The machine-readable half of the one-line errors the CLI prints; `value` is the
/// offending closed-answer value or header (free text is never validated, so never echoed).
public struct ValidationProblem: Sendable, Equatable, Encodable {
    public var file: String
    public var line: Int?
    public var column: Int?
    public var field: String?
    public var value: String?
    public var reason: String

    public init(file: String, line: Int?, column: Int?, field: String?, value: String?, reason: String) {
        self.file = file
        self.line = line
        self.column = column
        self.field = field
        self.value = value
        self.reason = reason
    }

    enum CodingKeys: String, CodingKey { case file, line, column, field, value, reason }

    /// Every key is written, absent values as `null`.
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(file, forKey: .file)
        try c.encode(line, forKey: .line)
        try c.encode(column, forKey: .column)
        try c.encode(field, forKey: .field)
        try c.encode(value, forKey: .value)
        try c.encode(reason, forKey: .reason)
    }

    init(file: String, row: RejectedRow) {
        self.init(file: file, line: row.line, column: row.column, field: row.field, value: row.value, reason: row.reason)
    }

    /// The problems an import failure stands for: every rejected row, every unmatched column, or the
    /// one error (a malformed file, an unknown survey).
    public static func problems(in error: Error, file: String) -> [ValidationProblem] {
        switch error {
        case let error as ImportError where !error.rejected.isEmpty:
            return error.rejected.map { ValidationProblem(file: error.file, row: $0) }
        case let error as UnmatchedColumns:
            return error.columns.map {
                ValidationProblem(file: error.file, line: error.line, column: $0.number, field: nil, value: $0.header,
                                  reason: "header matches no question of survey '\(error.survey)'")
            }
        case let error as WorkbookError:
            return [ValidationProblem(file: error.file, line: error.row, column: error.column.flatMap(columnNumber),
                                      field: error.sheet.map { "sheet '\($0)'" }, value: nil, reason: error.message)]
        case let error as SurveyFileError:
            let column = error.field.flatMap { $0.hasPrefix("column ") ? Int($0.dropFirst(7)) : nil }
            return [ValidationProblem(file: error.file, line: error.line, column: column, field: column == nil ? error.field : nil,
                                      value: nil, reason: error.message)]
        default:
            return [ValidationProblem(file: file, line: nil, column: nil, field: nil, value: nil, reason: "\(error)")]
        }
    }
}

/// The `--format json` report of `consult import responses`: what happened to the file and every
/// problem found. Keys are snake_case; absent values are `null`, so scripts can rely on every key.
public struct ValidationReport: Sendable, Encodable {
    public enum Status: String, Sendable, Encodable {
        case imported, alreadyImported = "already_imported", checked, refused
    }
    public var file: String
    public var status: Status
    public var batch: Int?
    public var rowsRead: Int
    public var accepted: Int?
    public var duplicates: Int?
    public var changed: Int?
    public var changedLines: [Int]
    public var rejected: Int
    public var convertedFrom: String?
    public var problems: [ValidationProblem]
    /// How a CSV or workbook was read: tool shape, dialect, sheet (nil for JSON Lines or a refusal).
    public var readAs: String?
    /// Columns left out by kind ("personal data", "metadata"): their headers, never their values.
    public var dropped: [String: [String]] = [:]
    /// Rows the tool marks as not real or unfinished, not imported, by reason.
    public var skipped: [String: Int] = [:]

    enum CodingKeys: String, CodingKey {
        case file, status, batch, rowsRead = "rows_read", accepted, duplicates, changed, changedLines = "changed_lines",
             rejected, convertedFrom = "converted_from", problems, readAs = "read_as", dropped, skipped
    }

    /// The report of an import that ran (imported, skipped as already imported, or checked).
    public init(_ outcome: ImportOutcome) {
        let batch: ImportBatch?
        switch outcome.result {
        case .imported(let b): (status, batch) = (.imported, b)
        case .alreadyImported(let b): (status, batch) = (.alreadyImported, b)
        case .checked: (status, batch) = (.checked, nil)
        }
        file = outcome.file
        self.batch = batch?.id
        rowsRead = outcome.rowsRead
        accepted = batch?.rowsAccepted
        duplicates = batch?.rowsDuplicate
        changed = batch?.rowsChanged
        changedLines = outcome.changedLines
        rejected = outcome.rejected.count
        convertedFrom = outcome.conversion?.summary ?? batch?.convertedFrom
        problems = outcome.rejected.map { ValidationProblem(file: outcome.file, row: $0) }
        readAs = outcome.reading?.summary
        dropped = Dictionary(uniqueKeysWithValues: (outcome.reading?.dropped ?? []).map { ($0.kind, $0.headers) })
        skipped = outcome.skipped
    }

    /// The report of an import refused by `error`: nothing was written.
    public init(file: String, refusedBy error: Error) {
        self.file = file
        status = .refused
        rowsRead = 0
        changedLines = []
        problems = ValidationProblem.problems(in: error, file: file)
        rejected = (error as? ImportError)?.rejected.count ?? 0
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(file, forKey: .file)
        try c.encode(status, forKey: .status)
        try c.encode(batch, forKey: .batch)
        try c.encode(rowsRead, forKey: .rowsRead)
        try c.encode(accepted, forKey: .accepted)
        try c.encode(duplicates, forKey: .duplicates)
        try c.encode(changed, forKey: .changed)
        try c.encode(changedLines, forKey: .changedLines)
        try c.encode(rejected, forKey: .rejected)
        try c.encode(convertedFrom, forKey: .convertedFrom)
        try c.encode(problems, forKey: .problems)
        try c.encode(readAs, forKey: .readAs)
        try c.encode(dropped, forKey: .dropped)
        try c.encode(skipped, forKey: .skipped)
    }

    /// The report as one JSON document (keys sorted, so output is stable).
    public var json: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: (try? encoder.encode(self)) ?? Data("{}".utf8), as: UTF8.self)
    }
}

/// `C` → 3, `AB` → 28: a worksheet column's letters as the 1-based column number the report uses.
private func columnNumber(_ letters: String) -> Int? {
    guard !letters.isEmpty, letters.allSatisfy({ $0.isASCII && $0.isUppercase }) else { return nil }
    return letters.unicodeScalars.reduce(0) { $0 * 26 + Int($1.value) - 64 }
}
