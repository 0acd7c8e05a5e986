import Digests
import FileReading
import Foundation
import Yams

/// Turns instrument and option-set YAML into `Instrument`s, checking everything a later import relies
/// on: unique ids, known question types, an option list for every closed question, a yes/no consent
/// question, an id column for surveys. Each failure names file, line and field.
public enum InstrumentParser {
    /// Parses an option-sets file: top-level keys are set names, each a list of `{value, label, group?}`.
    public static func optionSets(yaml: String, file: String) throws -> [String: [AnswerOption]] {
        let doc = try YAMLMapping.parse(yaml, file: file)
        var sets: [String: [AnswerOption]] = [:]
        for (key, _) in doc.node.mapping ?? [:] {
            guard let name = key.string else { continue }
            sets[name] = try options(in: doc.mappings(name), owner: doc, key: name)
        }
        return sets
    }

    /// Parses one instrument. `optionSets` resolves `options: NAME` references.
    public static func instrument(yaml: String, file: String, optionSets: [String: [AnswerOption]]) throws -> Instrument {
        let doc = try YAMLMapping.parse(yaml, file: file)
        let id = try identifier(doc, "id")
        let kindText = try doc.string("kind")
        guard let kind = Instrument.Kind(rawValue: kindText) else {
            throw doc.error("kind", "must be 'survey' or 'focus_group', found '\(kindText)'", at: doc.node("kind"))
        }
        var questions: [Question] = []
        for q in try doc.optionalMappings("questions") {
            let qid = try identifier(q, "id")
            guard !questions.contains(where: { $0.id == qid }) else {
                throw q.error("id", "question id '\(qid)' is used twice", at: q.node("id"))
            }
            let typeText = try q.string("type")
            guard let type = QuestionType(rawValue: typeText) else {
                throw q.error("type", "unknown question type '\(typeText)' (expected one of: \(QuestionType.allCases.map(\.rawValue).joined(separator: ", ")))", at: q.node("type"))
            }
            let opts = try resolveOptions(q, optionSets: optionSets)
            if type.isClosed && opts.isEmpty { throw q.error("options", "a \(type.rawValue) question needs options") }
            if !type.isClosed && !opts.isEmpty { throw q.error("options", "a \(type.rawValue) question takes no options", at: q.node("options")) }
            if type == .likert5 && opts.count != 5 { throw q.error("options", "a likert5 question needs exactly 5 options, found \(opts.count)", at: q.node("options")) }
            questions.append(Question(id: qid, type: type, wording: try q.string("wording"), options: opts))
        }
        let groupTypes = try options(in: doc.optionalMappings("group_types"), owner: doc, key: "group_types")
        var prompts: [Instrument.Prompt] = []
        for p in try doc.optionalMappings("prompts") {
            prompts.append(Instrument.Prompt(id: try identifier(p, "id"), wording: try p.string("wording")))
        }
        let instrument = Instrument(
            id: id, title: try doc.string("title"), kind: kind,
            respondentGroup: try identifier(doc, "respondent_group"),
            idColumn: try doc.optionalString("id_column"),
            consentQuestion: try doc.optionalString("consent_question").flatMap { $0 == Self.noConsentQuestion ? nil : $0 },
            questions: questions, groupTypes: groupTypes, prompts: prompts,
            sourceSHA256: sha256Hex(of: Array(yaml.utf8))
        )
        var checked = instrument
        checked.personalColumns = try personalColumns(doc, instrument: instrument)
        try checkShape(checked, doc)
        return checked
    }

    /// `personal_columns`: names of columns with the respondent's own name or contact details.
    private static func personalColumns(_ doc: YAMLMapping, instrument: Instrument) throws -> [String] {
        guard doc.node("personal_columns") != nil else { return [] }
        let columns = try doc.strings("personal_columns")
        for column in columns where instrument.question(column) != nil || column == instrument.idColumn
            || Instrument.metadataColumns.contains(column) {
            throw doc.error("personal_columns", "'\(column)' is already a question, the id column or a metadata column", at: doc.node("personal_columns"))
        }
        return columns
    }

    private static func checkShape(_ instrument: Instrument, _ doc: YAMLMapping) throws {
        switch instrument.kind {
        case .survey:
            guard !instrument.questions.isEmpty else { throw doc.error("questions", "a survey needs at least one question") }
            guard let idColumn = instrument.idColumn else { throw doc.error("id_column", "a survey needs the name of its respondent id column") }
            if instrument.question(idColumn) != nil {
                throw doc.error("id_column", "'\(idColumn)' is also a question id", at: doc.node("id_column"))
            }
        case .focusGroup:
            guard !instrument.groupTypes.isEmpty else { throw doc.error("group_types", "a focus-group protocol needs its group types") }
            guard !instrument.prompts.isEmpty else { throw doc.error("prompts", "a focus-group protocol needs its prompts") }
        }
        if let consent = instrument.consentQuestion {
            guard let question = instrument.question(consent) else {
                throw doc.error("consent_question", "names '\(consent)', which is not a question of this instrument", at: doc.node("consent_question"))
            }
            let values = Set(question.options.map(\.value))
            guard question.type == .single, values == ["yes", "no"] else {
                throw doc.error("consent_question", "'\(consent)' must be a single-choice question with options yes and no", at: doc.node("consent_question"))
            }
        } else if instrument.kind == .survey, try doc.optionalString("consent_question") != Self.noConsentQuestion {
            throw doc.error("consent_question", "a survey must record consent to be quoted (or say `consent_question: \(Self.noConsentQuestion)`: nobody is quoted)")
        }
    }

    /// `consent_question: none` says the survey asked nobody for consent to be quoted (an export that
    /// carries no such answer), so none of its respondents is ever quoted; it must be said, not left out.
    static let noConsentQuestion = "none"

    private static func resolveOptions(_ q: YAMLMapping, optionSets: [String: [AnswerOption]]) throws -> [AnswerOption] {
        guard let node = q.node("options") else { return [] }
        if let name = node.scalar?.string {
            guard let set = optionSets[name] else {
                throw q.error("options", "unknown option set '\(name)' (defined: \(optionSets.keys.sorted().joined(separator: ", ")))", at: node)
            }
            return set
        }
        return try options(in: YAMLMapping.mappings(in: node, parent: q, key: "options"), owner: q, key: "options")
    }

    private static func options(in items: [YAMLMapping], owner: YAMLMapping, key: String) throws -> [AnswerOption] {
        var seen = Set<String>()
        return try items.map { item in
            let value = try item.string("value")
            guard seen.insert(value.lowercased()).inserted else {
                throw item.error("value", "option value '\(value)' is used twice", at: item.node("value"))
            }
            return AnswerOption(value: value, label: try item.string("label"), group: try item.optionalString("group"))
        }
    }

    /// Ids become database keys and CLI arguments: lower-case letters, digits, `_`, `-` and `.`.
    package static func identifier(_ doc: YAMLMapping, _ key: String) throws -> String {
        let text = try doc.string(key)
        let allowed = text.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || "_-.".unicodeScalars.contains($0) }
        guard allowed else {
            throw doc.error(key, "'\(text)' is not a valid id (use lower-case letters, digits, '_', '-', '.')", at: doc.node(key))
        }
        return text
    }
}
