import ConsultStore
import FileReading
import Foundation

/// Reads a batch of human coding decisions, as analysts keep them in a spreadsheet: a CSV with the
/// header `segment,theme,coder` and optionally `applied` (1/0, yes/no, true/false; blank means 1), or
/// one row per segment, `segment,coder,themes` (themes separated by `;`, possibly empty), as the blind
/// validation queue (`code queue --sample`) is filled in: such a row decides the segment for every
/// leaf theme, the listed ones applying and every other one not. The export's context columns
/// (`respondent,survey,question,text`) may stay in the file; they are not read.
///
/// Every row is checked here for shape (a whole-number segment, a theme, a coder, a valid `applied`);
/// whether the segment and theme exist is checked by the store, which reports the same line numbers.
/// The first problem stops the read with file, line and field.
public enum CodingDecisionFile {
    /// - Parameter leafThemes: the themes a `segment,coder,themes` row decides (the current codebook's
    ///   leaf themes); a listed theme outside them is an error naming the line.
    public static func read(path: String, leafThemes: [String]) throws -> [CodingDecision] {
        var reader = try CSVReader(path: path)
        guard let header = try reader.next() else { throw SurveyFileError(file: path, line: 1, message: "is empty; expected the header segment,theme,coder[,applied]") }
        let columns = header.fields.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        if columns.contains("themes") {
            let allowed: Set<String> = ["segment", "coder", "themes", "respondent", "survey", "question", "text"]
            for name in ["segment", "coder"] where !columns.contains(name) {
                throw SurveyFileError(file: path, line: header.line, field: name, message: "missing column (expected segment,coder,themes)")
            }
            if let unknown = columns.first(where: { !allowed.contains($0) }) {
                throw SurveyFileError(file: path, line: header.line, field: unknown, message: "unknown column (expected segment,coder,themes)")
            }
            return try readThemeLists(&reader, path: path, columns: columns, leafThemes: leafThemes)
        }
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
        try forEachRow(&reader, path: path, columns: columns, segment: segment, required: [(theme, "theme"), (coder, "coder")]) { value, id, line in
            let isApplied = try applied.map { try parseApplied(value($0), file: path, line: line) } ?? true
            decisions.append(CodingDecision(segment: id, theme: value(theme), coder: value(coder), applied: isApplied, line: line))
        }
        return decisions
    }

    /// Calls `body` with each non-blank row's trimmed cells, its segment id and its line, after checking
    /// the number of fields, the segment id, and that the `required` columns (index, name) are not empty.
    static func forEachRow(_ reader: inout CSVReader, path: String, columns: [String], segment: Int, required: [(Int, String)],
                           _ body: (_ value: (Int) -> String, _ segment: Int, _ line: Int) throws -> Void) throws {
        while let record = try reader.next() {
            if record.fields.allSatisfy({ $0.trimmingCharacters(in: .whitespaces).isEmpty }) { continue }
            guard record.fields.count == columns.count else {
                throw SurveyFileError(file: path, line: record.line, message: "has \(record.fields.count) fields, the header has \(columns.count)")
            }
            func value(_ index: Int) -> String { record.fields[index].trimmingCharacters(in: .whitespaces) }
            guard let id = Int(value(segment)), id > 0 else {
                throw SurveyFileError(file: path, line: record.line, field: "segment", message: "'\(value(segment))' is not a segment id (see `consult segments`)")
            }
            for (index, name) in required where value(index).isEmpty {
                throw SurveyFileError(file: path, line: record.line, field: name, message: "is empty")
            }
            try body(value, id, record.line)
        }
    }

    /// The `segment,coder,themes` layout: every leaf theme decided for each segment listed.
    static func readThemeLists(_ reader: inout CSVReader, path: String, columns: [String], leafThemes: [String]) throws -> [CodingDecision] {
        let segment = columns.firstIndex(of: "segment")!, coder = columns.firstIndex(of: "coder")!, themes = columns.firstIndex(of: "themes")!
        let known = Set(leafThemes)
        var decisions: [CodingDecision] = []
        var seen: [String: Int] = [:]
        try forEachRow(&reader, path: path, columns: columns, segment: segment, required: [(coder, "coder")]) { value, id, line in
            if let first = seen.updateValue(line, forKey: "\(id) \(value(coder))") {
                throw SurveyFileError(file: path, line: line, field: "segment", message: "segment \(id) is listed for \(value(coder)) on line \(first) already")
            }
            let listed = Set(value(themes).split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty })
            if let unknown = listed.subtracting(known).sorted().first {
                throw SurveyFileError(file: path, line: line, field: "themes", message: "'\(unknown)' is not a leaf theme of the current codebook")
            }
            decisions += leafThemes.map { CodingDecision(segment: id, theme: $0, coder: value(coder), applied: listed.contains($0), line: line) }
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
