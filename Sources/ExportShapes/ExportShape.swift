import SurveyExports

/// The shape of one export, recognised from its first records: which tool wrote it, how many header
/// rows come before the first response, how the tool joins a multi-select answer in one cell, how
/// it writes dates, and, for each column, the header texts to match against the instrument or the
/// tool's own metadata column it is.
///
/// Pure: detection reads records already split into fields (CSV or a worksheet), so it is tested
/// with many small cases and with the real exports in `../shared/survey-exports/`.
public struct ExportShape: Sendable, Equatable {
    /// One column of the export.
    public struct Column: Sendable, Equatable {
        /// The header as staff see it (the most telling header row's text).
        public var header: String
        /// Texts to match against the instrument, most specific first.
        public var candidates: [String]
        /// The tool's own column, when it is one (then it is never matched to a question).
        public var tool: ToolColumn?
    }

    public var tool: SurveyTool
    /// What was seen, for the report: "3 header rows (export tags, labels, ImportId JSON)".
    public var variant: String
    /// Records before the first response.
    public var headerRows: Int
    public var columns: [Column]
    /// How the tool joins the options of a multi-select answer in one cell (nil: no single-cell form).
    public var multiSeparator: String?
    /// Slash dates (`8/21/2019`) are day first (a UK spreadsheet locale) rather than month first.
    public var dayFirst: Bool
    /// Qualtrics numeric exports give closed answers as recode numbers, read by option position.
    public var numericRecodes: Bool
    /// The tool writes no response id (Google Forms): one is derived from the row's content.
    public var derivesID: Bool

    /// Recognises the shape of an export from its first records (header rows and some responses).
    public static func detect(_ records: [[String]]) -> ExportShape {
        var shape = recognise(records)
        guard shape.tool != .plain else { return shape }
        for index in shape.columns.indices where shape.columns[index].tool == nil && shape.columns[index].candidates.allSatisfy({ $0.trimmingWhitespace().isEmpty }) {
            shape.columns[index].tool = .metadata("column without a header")
        }
        return shape
    }

    private static func recognise(_ records: [[String]]) -> ExportShape {
        guard let first = records.first else { return plain(records) }
        let names = Set(first.map(HeaderText.normalise))
        let row2 = records.count > 1 ? records[1] : []
        let row3 = records.count > 2 ? records[2] : []
        func has(_ header: String) -> Bool { names.contains(HeaderText.normalise(header)) }
        if (has("ResponseId") || has("ResponseID")) && has("Finished") || row2.contains(where: { $0 == "ResponseID" }) && first.first == "V1" {
            return qualtrics(records, row2: row2, row3: row3)
        }
        let subHeaders = row2.filter { ["response", "open ended response"].contains(HeaderText.normalise($0)) }.count
        if has("Respondent ID") || has("RespondentID") || subHeaders > 0 && subHeaders * 2 >= row2.filter({ !$0.isEmpty }).count {
            return surveyMonkey(records)
        }
        if has("_uuid") || has("_submission_time") || has("SubmissionDate") && has("KEY") || first.contains(where: { $0.hasSuffix("instanceID") }) {
            return kobo(records)
        }
        if has("Response ID") && (has("Last page") || has("Start language")) || has("submitdate") && has("lastpage") {
            return limeSurvey(records)
        }
        if (has("ID") || has("Id")) && has("Start time") && has("Completion time") {
            return simple(.microsoftForms, records, variant: "1 header row (ID, Start time, Completion time, Email, Name)", separator: ";")
        }
        if let head = first.first, ToolColumns.googleForms[HeaderText.normalise(head)] == .submittedAt {
            var shape = simple(.googleForms, records, variant: "1 header row (Timestamp first, no response id)", separator: ", ")
            shape.derivesID = true
            shape.variant += "; response id derived from the row's content (timestamp and answers)"
            return shape
        }
        if has("Response ID") && ["Submitted", "Submitted on", "Response submitted"].contains(where: has) {
            return simple(.citizenSpace, records, variant: "1 header row (Response ID; assumed Citizen Space layout)", separator: "; ")
        }
        return plain(records)
    }

    /// Not a tool's shape: the existing header matching (one or two header rows) applies unchanged.
    static func plain(_ records: [[String]]) -> ExportShape {
        ExportShape(tool: .plain, variant: "question ids or wording as headers", headerRows: 1,
                    columns: (records.first ?? []).map { Column(header: $0, candidates: [$0], tool: nil) },
                    multiSeparator: nil, dayFirst: false, numericRecodes: false, derivesID: false)
    }

    /// A tool with one header row whose metadata columns are named in its table.
    static func simple(_ tool: SurveyTool, _ records: [[String]], variant: String, separator: String?) -> ExportShape {
        let columns = records[0].map { header in
            Column(header: header, candidates: [header], tool: lookup(header, tool: tool))
        }
        return ExportShape(tool: tool, variant: variant, headerRows: 1, columns: columns, multiSeparator: separator,
                           dayFirst: dayFirst(records.dropFirst(1), columns: columns), numericRecodes: false, derivesID: false)
    }

    static func lookup(_ header: String, tool: SurveyTool) -> ToolColumn? {
        ToolColumns.table(for: tool)[HeaderText.normalise(header)] ?? ToolColumns.pattern(header, tool: tool)
    }

    /// Qualtrics: current (3 rows: export tags, labels, ImportId JSON), 2016 (row 3 a Python dict
    /// string) or legacy (2 rows: `V1`... ids, then labels).
    static func qualtrics(_ records: [[String]], row2: [String], row3: [String]) -> ExportShape {
        let importRow = row3.contains { $0.hasPrefix("{\"ImportId\"") || $0.hasPrefix("{'ImportId'") }
        let legacy = records[0].first == "V1"
        let headerRows = importRow ? 3 : 2
        let variant = importRow
            ? (row3.contains { $0.hasPrefix("{'ImportId'") } ? "2016 format: 3 header rows (export tags, labels, ImportId dict)" : "3 header rows (export tags, labels, ImportId JSON)")
            : (legacy ? "legacy format: 2 header rows (V1... ids, labels)" : "2 header rows (export tags, labels)")
        var columns: [Column] = []
        for index in records[0].indices {
            let tag = records[0][index]
            let label = index < row2.count ? row2[index] : ""
            var tool = lookup(legacy ? label : tag, tool: .qualtrics) ?? (legacy ? lookup(tag, tool: .qualtrics) : nil)
            if legacy && tool == .metadata("end time") { tool = .submittedAt }
            var candidates = [label, tag] + hyphenSplits(label)
            if label.hasSuffix(" - Selected Choice") { candidates.insert(stripTextSuffix(label), at: 1) }
            if tool == nil, tag.hasSuffix("_TEXT") || tag.hasSuffix("-TEXT") {
                let base = String(tag.dropLast(5)).split(separator: "_").first.map(String.init) ?? tag
                let owner = records[0].indices.first { records[0][$0] == base } ?? records[0].indices.first { records[0][$0].hasPrefix(base + "_") && $0 != index }
                let question = owner.map { $0 < row2.count ? row2[$0] : records[0][$0] } ?? stripTextSuffix(label)
                tool = .otherText(of: question.split(separator: " - ").first.map(String.init) ?? question)
                candidates = []
            }
            columns.append(Column(header: label.isEmpty ? tag : label, candidates: candidates.filter { !$0.isEmpty }, tool: tool))
        }
        return ExportShape(tool: .qualtrics, variant: variant, headerRows: headerRows, columns: columns, multiSeparator: ",",
                           dayFirst: dayFirst(records.dropFirst(headerRows), columns: columns), numericRecodes: true, derivesID: false)
    }

    /// `Question - Option - Text` labels of "other" columns, without their last part.
    private static func stripTextSuffix(_ label: String) -> String {
        guard let range = label.range(of: " - ", options: .backwards) else { return label }
        return String(label[..<range.lowerBound])
    }

    /// The 2016 format writes `Question text-Choice text`: each hyphen as a ` - ` split to try.
    static func hyphenSplits(_ label: String) -> [String] {
        guard !label.contains(" - ") else { return [] }
        return label.indices.filter { label[$0] == "-" }.map { String(label[..<$0]) + " - " + String(label[label.index(after: $0)...]) }
    }

    /// SurveyMonkey: question text only over a question's first column; row 2 `Response`,
    /// `Open-Ended Response`, an option's text, or `Other (please specify)`.
    static func surveyMonkey(_ records: [[String]]) -> ExportShape {
        let row2 = records.count > 1 ? records[1] : []
        var columns: [Column] = []
        var question = ""
        for index in records[0].indices {
            let top = records[0][index].trimmingWhitespace()
            let sub = index < row2.count ? row2[index].trimmingWhitespace() : ""
            if !top.isEmpty { question = top }
            if let tool = lookup(top, tool: .surveyMonkey), !top.isEmpty {
                columns.append(Column(header: top, candidates: [], tool: tool))
                continue
            }
            let whole = ["response", "open ended response", ""].contains(HeaderText.normalise(sub))
            if HeaderText.normalise(sub) == "other please specify" && !whole {
                columns.append(Column(header: "\(question) - \(sub)", candidates: [], tool: .otherText(of: question)))
                continue
            }
            columns.append(Column(header: whole ? question : "\(question) - \(sub)", candidates: whole ? [question] : ["\(question) - \(sub)", sub], tool: nil))
        }
        return ExportShape(tool: .surveyMonkey, variant: "2 header rows (question text over its first column, then Response, Open-Ended Response or option text)",
                           headerRows: 2, columns: columns, multiSeparator: "; ", dayFirst: dayFirst(records.dropFirst(2), columns: columns),
                           numericRecodes: false, derivesID: false)
    }

    /// KoboToolbox / ODK: group paths (`/`, `.`, `-`), an optional HXL hashtag row, `question/option` 0/1 columns.
    static func kobo(_ records: [[String]]) -> ExportShape {
        let hxl = records.count > 1 && records[1].contains { $0.hasPrefix("#") } && records[1].allSatisfy { $0.isEmpty || $0.hasPrefix("#") }
        let columns = records[0].map { header -> Column in
            let tool = lookup(header, tool: .koboToolbox) ?? lookup(ToolColumns.lastPathComponent(header), tool: .koboToolbox)
            return Column(header: header, candidates: groupPathCandidates(header), tool: tool)
        }
        return ExportShape(tool: .koboToolbox, variant: hxl ? "2 header rows (names or labels, HXL hashtags)" : "1 header row (names or labels with group paths)",
                           headerRows: hxl ? 2 : 1, columns: columns, multiSeparator: " ",
                           dayFirst: false, numericRecodes: false, derivesID: false)
    }

    /// `group.sub.q` and `group-q` (names have no spaces) tried as `group/sub/q`, then without their
    /// leading groups, longest first; labels (`Group/Question`) are left to the header matcher's `/`.
    static func groupPathCandidates(_ header: String) -> [String] {
        guard !header.contains(" ") else { return [header] }
        let parts = header.split(whereSeparator: { $0 == "/" || $0 == "." || $0 == "-" }).map(String.init)
        guard parts.count > 1 else { return [header] }
        return [header] + parts.indices.map { parts[$0...].joined(separator: "/") }
    }

    /// LimeSurvey: full-text headings with `Question [Option]` sub-columns, or code headings with `Q[SQ]`.
    static func limeSurvey(_ records: [[String]]) -> ExportShape {
        var columns: [Column] = []
        var previous = ""
        for header in records[0] {
            let text = decodeHTML(header).trimmingWhitespace()
            if let tool = lookup(text, tool: .limeSurvey) {
                columns.append(Column(header: text, candidates: [], tool: tool))
                continue
            }
            guard text.hasSuffix("]"), let open = text.lastIndex(of: "[") else {
                if !text.isEmpty { previous = text }
                columns.append(Column(header: text, candidates: [text], tool: nil))
                continue
            }
            let question = text[..<open].trimmingWhitespace()
            if !question.isEmpty { previous = question }
            let option = String(text[text.index(after: open)..<text.index(before: text.endIndex)]).trimmingWhitespace()
            if HeaderText.normalise(option) == "other" {
                columns.append(Column(header: text, candidates: [], tool: .otherText(of: question.isEmpty ? previous : question)))
                continue
            }
            columns.append(Column(header: text, candidates: ["\(question) - \(option)", "\(question)/\(option)"], tool: nil))
        }
        return ExportShape(tool: .limeSurvey, variant: "1 header row (full-text or code headings, `Question [Option]` sub-columns)",
                           headerRows: 1, columns: columns, multiSeparator: nil, dayFirst: false, numericRecodes: false, derivesID: false)
    }

    /// `&amp;` and the other entities LimeSurvey leaves in full-text headings.
    static func decodeHTML(_ text: String) -> String {
        guard text.contains("&") else { return text }
        return [("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&#39;", "'"), ("&#039;", "'"), ("&nbsp;", " "), ("&amp;", "&")]
            .reduce(text) { $0.replacingOccurrences(of: $1.0, with: $1.1) }
    }

    /// Whether the submitted-at column's slash dates are day first: some first part above 12.
    static func dayFirst(_ rows: ArraySlice<[String]>, columns: [Column]) -> Bool {
        guard let index = columns.firstIndex(where: { $0.tool == .submittedAt }) else { return false }
        return rows.contains { row in
            guard index < row.count else { return false }
            let parts = row[index].split(separator: "/")
            return parts.count == 3 && (Int(parts[0]) ?? 0) > 12
        }
    }
}
