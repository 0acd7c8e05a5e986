/// The perceptions codebook: themes with definitions, notes, examples and automatic-coding rules.
///
/// Loaded from `surveys/codebook.yaml` with ``parse(yaml:file:)``, which checks everything the
/// rest of the product relies on (every core theme the file lists present with a rule, unique ids,
/// parents before children, theme groups of defined leaf themes, every pattern compiles), so code
/// that holds a `Codebook` can trust it.
public struct Codebook: Sendable, Equatable {
    /// Version reports cite, e.g. "2018.1"; every coding is traceable to it.
    public var version: String
    /// Human title of the codebook.
    public var title: String
    /// Flat list in file order; parents come before their children.
    public var themes: [Theme]
    /// Named pattern lists that rule patterns reference as `{name}`.
    public var vocabulary: [String: [String]]
    /// How the automatic coder recognises negation.
    public var negation: Codebook.NegationSettings
    /// The consultation's core theme ids (`core_themes:`), in the file's order: the themes its
    /// questions and reports depend on, so each must stay defined, under the same id, with at least
    /// one rule. They belong to the consultation, not to consult: this review lists its 32
    /// (DESIGN.md), another consultation lists its own or none.
    public var coreThemeIDs: [String]
    /// The theme groups the perception summary reports before its leading themes (`theme_groups:`),
    /// in the file's order. Like the core themes they belong to the consultation: this review groups
    /// awareness, understanding and sources of information; a codebook without groups gives a
    /// summary of leading themes alone.
    public var themeGroups: [ThemeGroup]

    /// A named set of leaf themes the summary shows together, e.g. "Awareness". Stored with the
    /// loaded codebook as JSON: `{"id","label","themes"}`.
    public struct ThemeGroup: Sendable, Equatable, Codable {
        /// Lower-case word naming the group; the key of its figures in `summary --format json`.
        public var id: String
        /// The heading the summary prints.
        public var label: String
        /// Its leaf themes, in the file's order.
        public var themeIDs: [String]

        enum CodingKeys: String, CodingKey {
            case id, label
            case themeIDs = "themes"
        }

        public init(id: String, label: String, themeIDs: [String]) {
            self.id = id
            self.label = label
            self.themeIDs = themeIDs
        }
    }

    /// Creates a codebook without validation; use ``parse(yaml:file:)`` for files.
    public init(
        version: String, title: String, themes: [Theme],
        vocabulary: [String: [String]] = [:], negation: Codebook.NegationSettings = .standard,
        coreThemeIDs: [String] = [], themeGroups: [ThemeGroup] = []
    ) {
        self.version = version
        self.title = title
        self.themes = themes
        self.vocabulary = vocabulary
        self.negation = negation
        self.coreThemeIDs = coreThemeIDs
        self.themeGroups = themeGroups
    }

    /// Parses and validates a codebook file.
    /// - Parameters:
    ///   - yaml: the file's text.
    ///   - file: the path to name in error messages, e.g. "surveys/codebook.yaml".
    /// - Throws: ``CodebookError`` with one line naming the file, and the line, theme and rule
    ///   where known.
    public static func parse(yaml: String, file: String) throws -> Codebook {
        try checked(yaml: yaml, file: file).codebook
    }

    /// The codebook read and validated, with where each part was in the file.
    package static func checked(yaml: String, file: String) throws -> (codebook: Codebook, lines: CodebookSourceLines) {
        let parsed = try CodebookParser(file: file).parse(yaml)
        try CodebookValidator(file: file).validate(parsed.codebook, lines: parsed.lines)
        return parsed
    }

    /// The theme with this id, if any.
    public func theme(_ id: String) -> Theme? {
        themes.first { $0.id == id }
    }

    /// The direct children of a theme, in file order.
    public func children(of id: String) -> [Theme] {
        themes.filter { $0.parent == id }
    }

    /// The ids of the themes without children, in file order: what a coder applies (and what the
    /// suggestion model has a classifier for).
    public var leafThemeIDs: [String] {
        themes.filter { children(of: $0.id).isEmpty }.map(\.id)
    }

    /// Every rule of every theme, in file order.
    public var rules: [CodingRule] {
        themes.flatMap(\.rules)
    }
}

/// One theme of the codebook. Group themes ("fairness") have no parent; their children's ids
/// extend the parent's id ("fairness.racial").
public struct Theme: Sendable, Equatable {
    /// Dotted id, e.g. "fairness.racial"; fixed for core themes (see ``Codebook/coreThemeIDs``).
    public var id: String
    /// The parent group's id, or nil for a group.
    public var parent: String?
    /// Short label for tables.
    public var label: String
    /// The definition coders apply.
    public var description: String
    /// What the theme covers beyond the obvious (inclusion note).
    public var include: String?
    /// What belongs elsewhere (exclusion note).
    public var exclude: String?
    /// Invented example segments that carry the theme.
    public var examples: [String]
    /// Automatic-coding rules, in the order they are tried.
    public var rules: [CodingRule]
    /// Themes a segment also carries whenever it carries this one, by the codebook's
    /// conventions: describing the Matrix (`understanding.purpose`) or naming a source
    /// (`information.media`) shows `awareness.aware`. Applied by ``AutoCoder``, one level deep.
    public var implies: [String]

    /// Creates a theme.
    public init(
        id: String, parent: String? = nil, label: String, description: String,
        include: String? = nil, exclude: String? = nil, examples: [String] = [],
        rules: [CodingRule] = [], implies: [String] = []
    ) {
        self.id = id
        self.parent = parent
        self.label = label
        self.description = description
        self.include = include
        self.exclude = exclude
        self.examples = examples
        self.rules = rules
        self.implies = implies
    }
}
