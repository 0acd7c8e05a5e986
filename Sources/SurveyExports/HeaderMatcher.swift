import ConsultationModel
import FileReading
/// Decides what an export header (or JSON key) means for an instrument.
///
/// In order: the mapping file; the id column, a metadata column, a question id or a question's
/// wording (normalised, see `HeaderText`); a `Section - Question` header whose question part matches;
/// a one-column-per-option header (`Q3/option`, `Q3 - Option label`, `Question text - Option label`)
/// of a multi-select question. Nil means unmatched: the caller reports it, never drops it.
public struct HeaderMatcher: Sendable {
    public let instrument: Instrument
    private let mapped: [String: ColumnRole]
    private let names: [String: ColumnRole]
    /// Multi-select questions: normalised option value and label → option value.
    private let options: [String: [String: String]]

    /// Checks the mapping's targets against the instrument.
    ///
    /// - Throws: `SurveyFileError` naming the mapping file's line for a target that is not a question,
    ///   a `question/option` of a multi-select question, a known column, or `ignore`.
    public init(instrument: Instrument, mapping: HeaderMapping = .none) throws {
        var names: [String: ColumnRole] = [:]
        for question in instrument.questions {
            names[HeaderText.normalise(question.wording)] = .question(question.id)
        }
        for question in instrument.questions { names[HeaderText.normalise(question.id)] = .question(question.id) }
        for column in Instrument.metadataColumns { names[HeaderText.normalise(column)] = .metadata(column) }
        if let idColumn = instrument.idColumn { names[HeaderText.normalise(idColumn)] = .respondentID }
        for column in instrument.personalColumns { names[HeaderText.normalise(column)] = .personal(column) }
        var options: [String: [String: String]] = [:]
        for question in instrument.questions where question.type == .multi {
            var byText: [String: String] = [:]
            for option in question.options {
                byText[HeaderText.normalise(option.label)] = option.value
                byText[HeaderText.normalise(option.value)] = option.value
            }
            options[question.id] = byText
        }
        self.instrument = instrument
        self.names = names
        self.options = options
        var mapped: [String: ColumnRole] = [:]
        for entry in mapping.entries {
            guard let role = Self.target(entry.target, names: names, options: options, instrument: instrument) else {
                throw SurveyFileError(file: mapping.file, line: entry.line, field: entry.header,
                                      message: "target '\(entry.target)' is not a question id, question/option of a multi-select question, \(instrument.idColumn ?? "id column"), \(Instrument.metadataColumns.joined(separator: ", ")) or ignore")
            }
            mapped[HeaderText.normalise(entry.header)] = role
        }
        self.mapped = mapped
    }

    /// What `header` holds, or nil if nothing matches.
    public func role(for header: String) -> ColumnRole? {
        if let role = mapped[HeaderText.normalise(header)] { return role }
        if let role = question(header) { return role }
        for (before, after) in HeaderText.splits(header) {
            guard case .question(let id)? = question(before), let value = options[id]?[HeaderText.normalise(after)] else { continue }
            return .option(question: id, value: value)
        }
        return nil
    }

    /// A whole-column match: by name or wording, or the question part of `Section - Question`.
    private func question(_ header: String) -> ColumnRole? {
        if let role = names[HeaderText.normalise(header)] { return role }
        for (_, after) in HeaderText.splits(header) {
            if let role = names[HeaderText.normalise(after)] { return role }
        }
        return nil
    }

    private static func target(_ text: String, names: [String: ColumnRole], options: [String: [String: String]], instrument: Instrument) -> ColumnRole? {
        let trimmed = text.trimmingWhitespace()
        if trimmed.lowercased() == "ignore" { return .ignored }
        if let slash = trimmed.firstIndex(of: "/") {
            let id = String(trimmed[..<slash])
            guard instrument.question(id) != nil, let value = options[id]?[HeaderText.normalise(String(trimmed[trimmed.index(after: slash)...]))] else { return nil }
            return .option(question: id, value: value)
        }
        if instrument.question(trimmed) != nil { return .question(trimmed) }
        if trimmed == instrument.idColumn { return .respondentID }
        if instrument.personalColumns.contains(trimmed) { return .personal(trimmed) }
        return Instrument.metadataColumns.contains(trimmed) ? .metadata(trimmed) : nil
    }
}
