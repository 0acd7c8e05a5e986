/// One answer option of a closed question.
public struct AnswerOption: Sendable, Equatable, Codable {
    /// What import files and the database hold ("black_caribbean", "E09000022", "4").
    public var value: String
    /// What respondents saw ("Caribbean", "Lambeth", "Quite well").
    public var label: String
    /// For ethnicity: the ONS 5-group the category belongs to ("Black"); nil elsewhere.
    public var group: String?

    public init(value: String, label: String, group: String? = nil) {
        self.value = value
        self.label = label
        self.group = group
    }
}

/// The kinds of question an instrument may ask.
public enum QuestionType: String, Sendable, Codable, CaseIterable {
    case single, multi, likert5, text, number, demographic

    /// Closed questions have a fixed option list; their answers are stored as option values.
    public var isClosed: Bool { self == .single || self == .multi || self == .likert5 || self == .demographic }
}

public struct Question: Sendable, Equatable, Codable {
    public var id: String
    public var type: QuestionType
    public var wording: String
    public var options: [AnswerOption]

    public init(id: String, type: QuestionType, wording: String, options: [AnswerOption] = []) {
        self.id = id
        self.type = type
        self.wording = wording
        self.options = options
    }

    /// The option whose value or label equals `text` (ignoring case and surrounding spaces), so both
    /// coded exports ("black_african") and label exports ("African") import.
    public func option(matching text: String) -> AnswerOption? {
        let wanted = text.trimmingWhitespace().lowercased()
        return options.first { $0.value.lowercased() == wanted }
            ?? options.first { $0.label.lowercased() == wanted }
    }
}

/// A survey questionnaire or a focus-group protocol, as loaded from `surveys/*.yaml`.
public struct Instrument: Sendable, Equatable, Codable {
    public enum Kind: String, Sendable, Codable { case survey, focusGroup = "focus_group" }

    /// Optional columns every export may carry besides the id column and the questions. Part of the
    /// instrument's contract because no question or personal column may take these names.
    public static let metadataColumns = ["submitted_at", "mode"]

    /// A facilitator prompt of a focus-group protocol.
    public struct Prompt: Sendable, Equatable, Codable {
        public var id: String
        public var wording: String
    }

    public var id: String
    public var title: String
    public var kind: Kind
    /// The group every respondent of this instrument belongs to (`community`, `partner`, `focus_group`).
    public var respondentGroup: String
    /// Survey import files: the column holding the source's respondent id (never stored; pseudonymised).
    public var idColumn: String?
    /// The yes/no question recording consent to be quoted.
    public var consentQuestion: String?
    /// Survey import files: columns holding the respondent's own name or contact details. They are
    /// never stored; their values are redacted wherever they appear in that respondent's free text.
    public var personalColumns: [String] = []
    public var questions: [Question]
    /// Focus groups: the allowed `group_type` values of a session.
    public var groupTypes: [AnswerOption]
    public var prompts: [Prompt]
    /// The SHA-256 of the file it was loaded from, so a report can say which version was used.
    public var sourceSHA256: String

    public init(id: String, title: String, kind: Kind, respondentGroup: String, idColumn: String?, consentQuestion: String?,
                questions: [Question], groupTypes: [AnswerOption], prompts: [Prompt], sourceSHA256: String) {
        self.id = id
        self.title = title
        self.kind = kind
        self.respondentGroup = respondentGroup
        self.idColumn = idColumn
        self.consentQuestion = consentQuestion
        self.questions = questions
        self.groupTypes = groupTypes
        self.prompts = prompts
        self.sourceSHA256 = sourceSHA256
    }

    public func question(_ id: String) -> Question? { questions.first { $0.id == id } }

    enum CodingKeys: String, CodingKey {
        case id, title, kind, respondentGroup, idColumn, consentQuestion, personalColumns, questions, groupTypes, prompts, sourceSHA256
    }

    /// Decodes an instrument as stored in the database; one stored before `personalColumns` existed
    /// has none.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(id: try c.decode(String.self, forKey: .id), title: try c.decode(String.self, forKey: .title),
                  kind: try c.decode(Kind.self, forKey: .kind), respondentGroup: try c.decode(String.self, forKey: .respondentGroup),
                  idColumn: try c.decodeIfPresent(String.self, forKey: .idColumn),
                  consentQuestion: try c.decodeIfPresent(String.self, forKey: .consentQuestion),
                  questions: try c.decode([Question].self, forKey: .questions), groupTypes: try c.decode([AnswerOption].self, forKey: .groupTypes),
                  prompts: try c.decode([Prompt].self, forKey: .prompts), sourceSHA256: try c.decode(String.self, forKey: .sourceSHA256))
        personalColumns = try c.decodeIfPresent([String].self, forKey: .personalColumns) ?? []
    }
}
