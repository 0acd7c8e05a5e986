import ConsultationModel
import FileReading
import PersonalData
/// Turns the cells of one response (from a CSV row or a JSON line) into a `PreparedRespondent`:
/// source id replaced by a pseudonym, option labels normalised to values, free text redacted. Pure:
/// no file or database access, so every rule here is unit-tested. Which cell answers what is decided
/// before, by `HeaderMatcher` and `ColumnPlan`.
public struct SurveyRowPreparer: Sendable {
    public let instrument: Instrument
    private let redactor: Redactor
    private let pseudonymiser: Pseudonymiser

    /// - Throws: `SurveyFileError` when `instrument` is not a survey (it has no respondent id column).
    public init(instrument: Instrument, file: String, redactor: Redactor, pseudonymiser: Pseudonymiser) throws {
        guard instrument.idColumn != nil else {
            throw SurveyFileError(file: file, message: "instrument '\(instrument.id)' is not a survey; import its notes with `consult import notes`")
        }
        self.instrument = instrument
        self.redactor = redactor
        self.pseudonymiser = pseudonymiser
    }

    /// The source respondent id of a response (for duplicate detection within one file), or nil if blank.
    public func sourceID(of cells: [ResponseCell]) -> String? {
        guard let id = cells.first(where: { $0.role == .respondentID })?.text, !id.isEmpty else { return nil }
        return id
    }

    /// The keyed pseudonym of a response's source id, or nil if it has none (a rejected row's record
    /// carries it, so that erasure and retention can find it).
    public func pseudonym(of cells: [ResponseCell]) -> String? {
        sourceID(of: cells).map { pseudonymiser.pseudonym(scope: instrument.id, sourceID: $0) }
    }

    /// Validates and prepares one response that starts on `line`.
    public func prepare(_ cells: [ResponseCell], line: Int) -> Result<PreparedRespondent, RejectedRow> {
        guard let sourceID = sourceID(of: cells) else {
            return .failure(RejectedRow(line: line, field: instrument.idColumn, reason: "respondent id is blank"))
        }
        var respondent = PreparedRespondent(pseudonym: pseudonymiser.pseudonym(scope: instrument.id, sourceID: sourceID), quoteConsent: false)
        respondent.sourceLine = line
        let ownDetails = OwnDetailsRedaction(values: cells.compactMap { cell in
            if case .personal = cell.role { return cell.text }
            return nil
        })
        for cell in cells where !cell.isBlank {
            let problem: String?
            switch cell.role {
            case .respondentID, .ignored, .personal:
                problem = nil
            case .metadata(let name):
                problem = addMetadata(name, cell.text, to: &respondent)
            case .question(let id):
                problem = instrument.question(id).flatMap { add(cell, for: $0, to: &respondent, ownDetails: ownDetails) }
            case .option(let id, let value):
                problem = instrument.question(id).flatMap { addTick(cell.text, question: $0, value: value, to: &respondent) }
            case .otherText(let id):
                addText(cell.text, question: id, to: &respondent, ownDetails: ownDetails)
                problem = nil
            }
            if let problem {
                return .failure(RejectedRow(line: line, field: cell.role.description, reason: problem,
                                            column: cell.column == 0 ? nil : cell.column, value: cell.text))
            }
        }
        return .success(respondent)
    }

    private func addMetadata(_ name: String, _ text: String, to respondent: inout PreparedRespondent) -> String? {
        if name == "mode" {
            respondent.mode = text.lowercased()
            return nil
        }
        guard text.count >= 10, Transcript.isISODate(String(text.prefix(10))) else { return "'\(text)' is not an ISO 8601 date or date-time" }
        respondent.submittedAt = text
        return nil
    }

    private func add(_ cell: ResponseCell, for question: Question, to respondent: inout PreparedRespondent,
                     ownDetails: OwnDetailsRedaction) -> String? {
        let text = cell.text
        switch question.type {
        case .text:
            addText(text, question: question.id, to: &respondent, ownDetails: ownDetails)
        case .number:
            guard Double(text) != nil else { return "'\(text)' is not a number" }
            respondent.answers.append(.init(question: question.id, value: text))
        case .single, .likert5, .demographic, .multi:
            let parts: [String]
            if question.type != .multi {
                parts = [text]
            } else if case .list(let items) = cell.content {
                parts = items.map { $0.trimmingWhitespace() }.filter { !$0.isEmpty }
            } else {
                parts = MultiSelectCell.parts(of: text, question: question)
            }
            for part in parts {
                guard let option = question.option(matching: part) else {
                    let allowed = question.options.prefix(12).map(\.value).joined(separator: ", ")
                    return "'\(part)' is not an option (\(allowed)\(question.options.count > 12 ? ", ..." : ""))"
                }
                record(option, of: question, in: &respondent)
            }
        }
        return nil
    }

    /// Free text: redacted, then the respondent's own details (from personal columns) replaced.
    private func addText(_ text: String, question: String, to respondent: inout PreparedRespondent, ownDetails: OwnDetailsRedaction) {
        let redacted = redactor.redact(text)
        let own = ownDetails.isEmpty ? (text: redacted.text, replaced: 0) : ownDetails.apply(to: redacted.text)
        respondent.segments.append(.init(question: question, position: 1, text: own.text, redactions: redacted.total + own.replaced))
    }

    private func addTick(_ text: String, question: Question, value: String, to respondent: inout PreparedRespondent) -> String? {
        guard let option = question.options.first(where: { $0.value == value }) else { return nil }
        guard let ticked = MultiSelectCell.isTicked(text, option: option) else {
            return "'\(text)' is not a tick for option '\(value)' (use 1, yes, true or x; blank, 0 or no for not ticked)"
        }
        if ticked { record(option, of: question, in: &respondent) }
        return nil
    }

    private func record(_ option: AnswerOption, of question: Question, in respondent: inout PreparedRespondent) {
        if !respondent.answers.contains(.init(question: question.id, value: option.value)) {
            respondent.answers.append(.init(question: question.id, value: option.value))
        }
        if let group = option.group {
            respondent.answers.append(.init(question: question.id + "_group", value: group))
        }
        if question.id == instrument.consentQuestion { respondent.quoteConsent = option.value == "yes" }
    }
}
