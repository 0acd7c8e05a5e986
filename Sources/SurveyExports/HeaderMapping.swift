import FileReading
/// The `--mapping FILE` of an import: what staff say about headers the importer cannot match itself.
///
/// Two shapes, chosen by the file's extension: YAML (`.yaml`/`.yml`, one `header: target` line each)
/// or CSV (`header,target` rows, an optional `header,target` title row). A target is a question id,
/// `question/option` for a one-column-per-option export, the respondent id column, a metadata column
/// (`submitted_at`, `mode`), or `ignore` to leave the column out on purpose. Headers are compared
/// normalised (`HeaderText`). Targets are checked against the instrument by `HeaderMatcher`.
public struct HeaderMapping: Sendable, Equatable {
    public struct Entry: Sendable, Equatable {
        public var header: String
        public var target: String
        /// Line in the mapping file, for errors.
        public var line: Int?
        public init(header: String, target: String, line: Int?) {
            self.header = header
            self.target = target
            self.line = line
        }
    }

    public var file: String
    public var entries: [Entry]

    public init(file: String, entries: [Entry]) {
        self.file = file
        self.entries = entries
    }

    /// No mapping: every header must match on its own.
    public static let none = HeaderMapping(file: "", entries: [])

    /// Parses a mapping file's text; YAML when `file` ends in `.yaml`/`.yml`, CSV otherwise.
    public static func parse(_ text: String, file: String) throws -> HeaderMapping {
        let lower = file.lowercased()
        let entries = lower.hasSuffix(".yaml") || lower.hasSuffix(".yml") ? try yamlEntries(text, file: file) : try csvEntries(text, file: file)
        var seen: [String: Int?] = [:]
        for entry in entries {
            let key = HeaderText.normalise(entry.header)
            if let earlier = seen[key] {
                throw SurveyFileError(file: file, line: entry.line, field: entry.header,
                                      message: "header is mapped twice (also at line \(earlier.map(String.init) ?? "?"))")
            }
            seen[key] = entry.line
        }
        return HeaderMapping(file: file, entries: entries)
    }

    private static func yamlEntries(_ text: String, file: String) throws -> [Entry] {
        let doc = try YAMLMapping.parse(text, file: file)
        return try (doc.node.mapping ?? [:]).map { key, value in
            guard let header = key.string, let target = value.scalar?.string, !target.isEmpty else {
                throw SurveyFileError(file: file, line: key.mark?.line, field: key.string,
                                      message: "each line must be `header: target` (a question id, question/option, or ignore)")
            }
            return Entry(header: header, target: target, line: key.mark?.line)
        }
    }

    private static func csvEntries(_ text: String, file: String) throws -> [Entry] {
        var reader = CSVReader(bytes: Array(text.utf8), name: file, encoding: .utf8)
        var entries: [Entry] = []
        while let record = try reader.next() {
            let cells = record.fields.map { $0.trimmingWhitespace() }
            if record.line == 1 && cells.map({ $0.lowercased() }) == ["header", "target"] { continue }
            guard cells.count == 2, !cells[0].isEmpty, !cells[1].isEmpty else {
                throw SurveyFileError(file: file, line: record.line, message: "each row must be `header,target` (a question id, question/option, or ignore)")
            }
            entries.append(Entry(header: cells[0], target: cells[1], line: record.line))
        }
        return entries
    }
}
