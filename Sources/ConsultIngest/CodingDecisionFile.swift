import ConsultStore
import FileReading
import Foundation

/// Reads a batch of human coding decisions, as analysts keep them in a spreadsheet: a CSV with the
/// header `segment,theme,coder` and optionally `applied` (1/0, yes/no, true/false; blank means 1).
///
/// Every row is checked here for shape (a whole-number segment, a theme, a coder, a valid `applied`);
/// whether the segment and theme exist is checked by the store, which reports the same line numbers.
/// The first problem stops the read with file, line and field.
public enum CodingDecisionFile {
    public static func read(path: String) throws -> [CodingDecision] {
        var reader = try CSVReader(path: path)
        guard let header = try reader.next() else { throw SurveyFileError(file: path, line: 1, message: "is empty; expected the header segment,theme,coder[,applied]") }
        let columns = header.fields.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        func column(_ name: String) throws -> Int {
            guard let index = columns.firstIndex(of: name) else {
                throw SurveyFileError(file: path, line: header.line, field: name, message: "missing column (expected segment,theme,coder[,applied])")
            }
            return index
        }
        let segment = try column("segment"), theme = try column("theme"), coder = try column("coder")
        let applied = columns.firstIndex(of: "applied")
        if let unknown = columns.first(where: { !["segment", "theme", "coder", "applied"].contains($0) }) {
            throw SurveyFileError(file: path, line: header.line, field: unknown, message: "unknown column (expected segment,theme,coder[,applied])")
        }
        var decisions: [CodingDecision] = []
        while let record = try reader.next() {
            if record.fields.allSatisfy({ $0.trimmingCharacters(in: .whitespaces).isEmpty }) { continue }
            guard record.fields.count == columns.count else {
                throw SurveyFileError(file: path, line: record.line, message: "has \(record.fields.count) fields, the header has \(columns.count)")
            }
            func value(_ index: Int) -> String { record.fields[index].trimmingCharacters(in: .whitespaces) }
            guard let id = Int(value(segment)), id > 0 else {
                throw SurveyFileError(file: path, line: record.line, field: "segment", message: "'\(value(segment))' is not a segment id (see `consult segments`)")
            }
            for (index, name) in [(theme, "theme"), (coder, "coder")] where value(index).isEmpty {
                throw SurveyFileError(file: path, line: record.line, field: name, message: "is empty")
            }
            let isApplied = try applied.map { try parseApplied(value($0), file: path, line: record.line) } ?? true
            decisions.append(CodingDecision(segment: id, theme: value(theme), coder: value(coder), applied: isApplied, line: record.line))
        }
        return decisions
    }

    static func parseApplied(_ text: String, file: String, line: Int) throws -> Bool {
        switch text.lowercased() {
        case "", "1", "yes", "y", "true", "t": return true
        case "0", "no", "n", "false", "f": return false
        default: throw SurveyFileError(file: file, line: line, field: "applied", message: "'\(text)' is not 1/0, yes/no or true/false")
        }
    }
}
