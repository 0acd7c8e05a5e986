import FileReading
import SurveyExports

/// The responses of a JSON Lines export: each object's keys matched like CSV headers.
///
/// A key that matches nothing, or two keys for the same question, reject that line with the keys
/// named (a JSON export has no header row to refuse up front). Keys are matched once and remembered.
struct JSONLResponses: ResponseSource {
    private var reader: JSONLinesReader
    private let matcher: HeaderMatcher
    private var roles: [String: ColumnRole?] = [:]

    init(reader: JSONLinesReader, matcher: HeaderMatcher) {
        self.reader = reader
        self.matcher = matcher
    }

    mutating func next() throws -> SourceResponse? {
        guard let object = try reader.next() else { return nil }
        switch object.fields {
        case .failure(let rejection):
            return SourceResponse(line: object.line, original: .text(object.text), cells: .failure(rejection))
        case .success(let fields):
            return SourceResponse(line: object.line, original: .text(object.text), cells: cells(fields, line: object.line))
        }
    }

    private mutating func cells(_ fields: [(key: String, content: ResponseCell.Content?)], line: Int) -> Result<[ResponseCell], RejectedRow> {
        var cells: [ResponseCell] = []
        var unmatched: [String] = []
        for (key, content) in fields {
            guard let role = role(for: key) else { unmatched.append(key); continue }
            if let earlier = cells.first(where: { $0.role == role && role != .ignored }) {
                return .failure(RejectedRow(line: line, field: key, reason: "answers \(role) like key '\(earlier.header)'"))
            }
            guard let content, role != .ignored else { continue }
            cells.append(ResponseCell(role: role, column: 0, header: key, content: content))
        }
        guard unmatched.isEmpty else {
            return .failure(RejectedRow(line: line, field: unmatched[0],
                                        reason: "key\(unmatched.count > 1 ? "s" : "") \(unmatched.map { "'\($0)'" }.joined(separator: ", ")) match\(unmatched.count > 1 ? "" : "es") no question of survey '\(matcher.instrument.id)'; map with --mapping FILE (key → question id, question/option, or ignore)"))
        }
        return .success(cells)
    }

    private mutating func role(for key: String) -> ColumnRole? {
        if let known = roles[key] { return known }
        let role = matcher.role(for: key)
        roles[key] = role
        return role
    }

    var conversion: EncodingConversion? { reader.input.conversion }
    var bytesRead: Int { reader.input.bytesRead }
    var totalBytes: Int? { reader.input.totalBytes }
    var reading: TabularReading? { nil }
    var skipped: [String: Int] { [:] }
}
