import ConsultationModel
import ExportShapes
import FileReading
import Foundation
import SurveyExports

/// What `consult import inspect` tells about an export before anything is imported: the tool and
/// variant recognised, the dialect (or sheet), the encoding seen in the first records, the header
/// rows, and what each column maps to. Reads only the first records; writes nothing anywhere.
public struct ExportInspection: Sendable {
    public struct Column: Sendable, Equatable {
        public var number: Int
        public var header: String
        /// "question aware", "dropped: personal data (IP address)", "unmatched"; without an
        /// instrument, a tool column's meaning or "question or attribute (give --survey to check)".
        public var target: String
        /// The mapping file's target for this column, when there is one to write.
        public var mappingTarget: String?
    }

    public var file: String
    public var reading: String
    public var encoding: String
    public var headerRows: Int
    public var columns: [Column]

    public var unmatched: [Column] { columns.filter { $0.target == "unmatched" } }

    /// Inspects `path` (CSV, or `.xlsx`), against `instrument` when one is given.
    public init(path: String, options: ImportOptions, instrument: Instrument?) throws {
        let format = options.format ?? InputFormat.implied(by: path)
        guard format != .jsonl else { throw SurveyFileError(file: path, message: "is JSON Lines: inspect reads CSV and .xlsx exports") }
        var opened = try CSVResponses.open(path, options: options, format: format)
        var records: [[String]] = []
        while records.count < CSVResponses.lookahead, let record = try opened.reader.nextRecord() { records.append(record.fields) }
        guard !records.isEmpty else { throw SurveyFileError(file: path, message: "is empty (no header row)") }
        let shape = ExportShape.detect(records)
        file = path
        headerRows = shape.headerRows
        var reading = "\(shape.tool.name): \(shape.variant)"
        if let dialect = opened.dialect { reading += "; \(dialect)" }
        if let sheet = opened.sheet { reading += "; sheet '\(sheet)'" }
        self.reading = reading
        if format == .xlsx {
            encoding = "UTF-8 (workbook XML)"
        } else {
            encoding = opened.reader.conversion.map { "converted from \($0.summary) in the first \(records.count) records" } ?? "UTF-8"
        }
        guard let instrument else {
            columns = shape.columns.enumerated().map { index, column in
                Column(number: index + 1, header: column.header,
                       target: column.tool?.description ?? "question or attribute (give --survey to check)", mappingTarget: nil)
            }
            return
        }
        let shaped = ShapedColumns(shape: shape, matcher: try HeaderMatcher(instrument: instrument, mapping: options.mapping))
        columns = shaped.columns.map { column in
            Column(number: column.number, header: column.header, target: column.target, mappingTarget: Self.mappingTarget(column.role))
        }
    }

    /// The mapping-file target that says what the matcher found (question, option, id, timestamp).
    static func mappingTarget(_ role: ColumnRole?) -> String? {
        switch role {
        case .question(let id)?: id
        case .option(let question, let value)?: "\(question)/\(value)"
        case .metadata(let name)?: name
        default: nil
        }
    }

    /// A mapping file (YAML) to edit: every matched question column written out, every unmatched
    /// column as a commented line to fill in with a question id, question/option, or ignore.
    public var mappingYAML: String {
        var lines = ["# Mapping for \(file)", "# \(reading)", "# Each line: header: target (a question id, question/option, submitted_at, mode, or ignore).",
                     "# Tool columns (ids, timestamps, personal data, metadata) are recognised without a mapping and are not listed."]
        for column in columns {
            if let target = column.mappingTarget {
                lines.append("\(Self.yamlKey(column.header)): \(target)")
            } else if column.target == "unmatched" {
                lines.append("# \(Self.yamlKey(column.header)): ignore   # column \(column.number): unmatched; give its question id, question/option, or ignore")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// A header as a double-quoted YAML key: a JSON string literal, which YAML reads as the same text.
    static func yamlKey(_ header: String) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .withoutEscapingSlashes
        return (try? encoder.encode(header)).map { String(decoding: $0, as: UTF8.self) } ?? "\"\""
    }
}
