import ConsultationModel
import FileReading
/// What every column of a CSV export holds, worked out from its header row (or two header rows),
/// and the split of each data row into `ResponseCell`s.
///
/// Two header rows (a tool's code row, then the question text) are recognised by the second row:
/// when at least half of its non-blank cells match a question, option or known column, it is a header
/// row, not a response. Each column then takes the role its first row gives it, else its second row's.
public struct ColumnPlan: Sendable {
    public var roles: [ColumnRole]
    /// The header text of each column (the first row's, or the second's when the first is blank).
    public var headers: [String]
    /// 1 or 2: header rows before the first response.
    public var headerRows: Int

    /// Whether `row` (the record after the first header row) is a second header row.
    public static func isHeaderRow(_ row: [String], matcher: HeaderMatcher) -> Bool {
        let cells = row.map { $0.trimmingWhitespace() }.filter { !$0.isEmpty }
        let matched = cells.filter { matcher.role(for: $0) != nil }.count
        return matched > 0 && matched * 2 >= cells.count
    }

    /// Resolves the header row(s).
    ///
    /// - Throws: `UnmatchedColumns` listing every column nothing matches (with its number and text),
    ///   or `SurveyFileError` for a missing id column, a missing question, or two columns for one thing.
    public init(header: CSVRecord, second: CSVRecord?, matcher: HeaderMatcher, file: String) throws {
        var roles: [ColumnRole?] = []
        var headers: [String] = []
        var unmatchedHeaders: [String] = []
        for index in 0..<max(header.fields.count, second?.fields.count ?? 0) {
            let texts = [header, second].compactMap { $0 }.compactMap { index < $0.fields.count ? $0.fields[index].trimmingWhitespace() : nil }
            roles.append(texts.lazy.filter({ !$0.isEmpty }).compactMap(matcher.role(for:)).first)
            headers.append(texts.first { !$0.isEmpty } ?? "")
            unmatchedHeaders.append(texts.filter { !$0.isEmpty }.joined(separator: " / "))
        }
        try self.init(roles: roles, headers: headers, unmatchedHeaders: unmatchedHeaders, headerRows: second == nil ? 1 : 2,
                      instrument: matcher.instrument, file: file, line: header.line)
    }

    /// Checks roles already resolved (nil: nothing matched the column), for readers that know more
    /// about a file's header rows than this type (a survey tool's shape).
    ///
    /// - Parameters:
    ///   - unmatchedHeaders: how each column is named if it is unmatched (defaults to `headers`).
    ///   - derivedID: the respondent id is derived from each row's content (the file has none).
    /// - Throws: `UnmatchedColumns`, or `SurveyFileError` for a missing id column or question, or two
    ///   columns for one thing.
    public init(roles resolved: [ColumnRole?], headers: [String], unmatchedHeaders: [String]? = nil, headerRows: Int,
                instrument: Instrument, file: String, line: Int, derivedID: Bool = false) throws {
        var roles: [ColumnRole] = []
        var unmatched: [UnmatchedColumns.Column] = []
        for (index, role) in resolved.enumerated() {
            guard let role else {
                unmatched.append(.init(number: index + 1, header: unmatchedHeaders?[index] ?? headers[index]))
                roles.append(.ignored)
                continue
            }
            if role != .ignored, let earlier = roles.firstIndex(of: role) {
                throw SurveyFileError(file: file, line: line, field: headers[index],
                                      message: "column \(index + 1) is the same \(role) as column \(earlier + 1) ('\(headers[earlier])'): the column appears twice in the header")
            }
            roles.append(role)
        }
        if !unmatched.isEmpty { throw UnmatchedColumns(file: file, line: line, survey: instrument.id, columns: unmatched) }
        guard derivedID || roles.contains(.respondentID) else {
            throw SurveyFileError(file: file, line: line, field: instrument.idColumn,
                                  message: "the respondent id column is missing from the header (is this a '\(instrument.id)' export?)")
        }
        let answered = Set(roles.compactMap { role -> String? in
            switch role {
            case .question(let id), .option(let id, _): id
            default: nil
            }
        })
        let missing = instrument.questions.map(\.id).filter { !answered.contains($0) }
        if !missing.isEmpty {
            throw SurveyFileError(file: file, line: line, field: missing[0],
                                  message: "question column\(missing.count > 1 ? "s" : "") \(missing.joined(separator: ", ")) missing from the header")
        }
        self.roles = roles
        self.headers = headers
        self.headerRows = headerRows
    }

    /// The cells of a data row, or its rejection when it has the wrong number of fields.
    public func cells(of record: CSVRecord) -> Result<[ResponseCell], RejectedRow> {
        guard record.fields.count == roles.count else {
            return .failure(RejectedRow(line: record.line, field: nil,
                                        reason: "has \(record.fields.count) fields but the header has \(roles.count)"))
        }
        return .success(zip(roles.indices, record.fields).compactMap { index, text in
            roles[index] == .ignored ? nil : ResponseCell(role: roles[index], column: index + 1, header: headers[index], content: .text(text))
        })
    }
}

/// Header cells that match nothing in the instrument or the mapping file: the whole file is refused,
/// naming every one, so that no answers are silently dropped.
public struct UnmatchedColumns: Error, Sendable, Equatable, CustomStringConvertible {
    public struct Column: Sendable, Equatable {
        public var number: Int
        public var header: String
        public init(number: Int, header: String) {
            self.number = number
            self.header = header
        }
    }
    public var file: String
    public var line: Int
    public var survey: String
    public var columns: [Column]

    public var description: String {
        let list = columns.map { "column \($0.number) '\($0.header)'" }.joined(separator: ", ")
        return "\(file):\(line): unknown column\(columns.count > 1 ? "s" : "") for survey '\(survey)': \(list); nothing is imported silently, so rename \(columns.count > 1 ? "them" : "it") or map \(columns.count > 1 ? "them" : "it") with --mapping FILE (header → question id, question/option, or ignore)"
    }
}
