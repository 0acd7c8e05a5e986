/// Checks a survey export's header against its instrument and turns each data row into a
/// `PreparedRespondent`: source id replaced by a pseudonym, option labels normalised to values, free
/// text redacted. Pure: no file or database access, so every rule here is unit-tested.
public struct SurveyRowPreparer: Sendable {
    /// Optional columns every export may carry besides the id column and the questions.
    public static let metadataColumns = ["submitted_at", "mode"]

    public let instrument: Instrument
    private let columns: [String]
    private let idIndex: Int
    private let redactor: Redactor
    private let pseudonymiser: Pseudonymiser

    /// Validates the header.
    ///
    /// - Throws: `SurveyFileError` at line 1 for a missing id column, missing or unknown question columns,
    ///   or a repeated column: a file that does not match its instrument is refused as a whole.
    public init(instrument: Instrument, header: CSVRecord, file: String, redactor: Redactor, pseudonymiser: Pseudonymiser) throws {
        guard let idColumn = instrument.idColumn else {
            throw SurveyFileError(file: file, message: "instrument '\(instrument.id)' is not a survey; import its notes with `consult import notes`")
        }
        let names = header.fields.map { $0.trimmingWhitespace().lowercased() }
        var seen = Set<String>()
        for name in names where !seen.insert(name).inserted {
            throw SurveyFileError(file: file, line: header.line, field: name, message: "column appears twice in the header")
        }
        guard let idIndex = names.firstIndex(of: idColumn.lowercased()) else {
            throw SurveyFileError(file: file, line: header.line, field: idColumn,
                                  message: "the respondent id column is missing from the header (is this a '\(instrument.id)' export?)")
        }
        let known = Set(instrument.questions.map { $0.id.lowercased() } + Self.metadataColumns + [idColumn.lowercased()])
        let unknown = names.filter { !known.contains($0) }
        if !unknown.isEmpty {
            throw SurveyFileError(file: file, line: header.line, field: unknown[0],
                                  message: "unknown column\(unknown.count > 1 ? "s" : "") \(unknown.joined(separator: ", ")) for survey '\(instrument.id)'; nothing is imported silently, so remove or rename \(unknown.count > 1 ? "them" : "it")")
        }
        let missing = instrument.questions.map(\.id).filter { !names.contains($0.lowercased()) }
        if !missing.isEmpty {
            throw SurveyFileError(file: file, line: header.line, field: missing[0],
                                  message: "question column\(missing.count > 1 ? "s" : "") \(missing.joined(separator: ", ")) missing from the header")
        }
        self.instrument = instrument
        self.columns = names
        self.idIndex = idIndex
        self.redactor = redactor
        self.pseudonymiser = pseudonymiser
    }

    /// The source respondent id of a row (for duplicate detection within one file), or nil if blank.
    public func sourceID(of record: CSVRecord) -> String? {
        guard idIndex < record.fields.count else { return nil }
        let id = record.fields[idIndex].trimmingWhitespace()
        return id.isEmpty ? nil : id
    }

    /// Validates and prepares one data row.
    public func prepare(_ record: CSVRecord) -> Result<PreparedRespondent, RejectedRow> {
        guard record.fields.count == columns.count else {
            return .failure(RejectedRow(line: record.line, field: nil,
                                        reason: "has \(record.fields.count) fields but the header has \(columns.count)"))
        }
        guard let sourceID = sourceID(of: record) else {
            return .failure(RejectedRow(line: record.line, field: instrument.idColumn, reason: "respondent id is blank"))
        }
        var respondent = PreparedRespondent(pseudonym: pseudonymiser.pseudonym(scope: instrument.id, sourceID: sourceID), quoteConsent: false)
        for (index, column) in columns.enumerated() where index != idIndex {
            let cell = record.fields[index].trimmingWhitespace()
            if cell.isEmpty { continue }
            switch column {
            case "submitted_at":
                guard cell.count >= 10, Transcript.isISODate(String(cell.prefix(10))) else {
                    return .failure(RejectedRow(line: record.line, field: column, reason: "'\(cell)' is not an ISO 8601 date or date-time"))
                }
                respondent.submittedAt = cell
            case "mode":
                respondent.mode = cell.lowercased()
            default:
                guard let question = instrument.questions.first(where: { $0.id.lowercased() == column }) else { continue }
                if let rejection = add(cell, for: question, to: &respondent, line: record.line) { return .failure(rejection) }
            }
        }
        return .success(respondent)
    }

    private func add(_ cell: String, for question: Question, to respondent: inout PreparedRespondent, line: Int) -> RejectedRow? {
        switch question.type {
        case .text:
            let redacted = redactor.redact(cell)
            respondent.segments.append(.init(question: question.id, position: 1, text: redacted.text, redactions: redacted.total))
        case .number:
            guard Double(cell) != nil else { return RejectedRow(line: line, field: question.id, reason: "'\(cell)' is not a number") }
            respondent.answers.append(.init(question: question.id, value: cell))
        case .single, .likert5, .demographic, .multi:
            let parts = question.type == .multi
                ? cell.split(separator: ";").map { $0.trimmingWhitespace() }.filter { !$0.isEmpty }
                : [cell]
            for part in parts {
                guard let option = question.option(matching: part) else {
                    let allowed = question.options.prefix(12).map(\.value).joined(separator: ", ")
                    return RejectedRow(line: line, field: question.id,
                                       reason: "'\(part)' is not an option (\(allowed)\(question.options.count > 12 ? ", ..." : ""))")
                }
                if !respondent.answers.contains(.init(question: question.id, value: option.value)) {
                    respondent.answers.append(.init(question: question.id, value: option.value))
                }
                if let group = option.group {
                    respondent.answers.append(.init(question: question.id + "_group", value: group))
                }
                if question.id == instrument.consentQuestion { respondent.quoteConsent = option.value == "yes" }
            }
        }
        return nil
    }
}
