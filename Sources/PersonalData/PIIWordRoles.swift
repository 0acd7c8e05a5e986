/// Everything the cue-driven patterns may want to know about a word, from one dictionary lookup.
///
/// Why: checking each word against a dozen sets costs a dozen string hashes; redacting a
/// million answers makes that the bottleneck. Each word's key is looked up once when the text
/// is split into words (`PIIWords`), and patterns test bits.
struct PIIWordRoles: OptionSet, Sendable {
    let rawValue: UInt32

    /// In `PIIWordLists.functionWords`.
    static let function = PIIWordRoles(rawValue: 1 << 0)
    /// In `PIIWordLists.notNames`.
    static let notName = PIIWordRoles(rawValue: 1 << 1)
    /// In `PIIWordLists.placesAndGroups`.
    static let place = PIIWordRoles(rawValue: 1 << 2)
    /// In `PIIWordLists.notLowercaseNames`.
    static let notLowercaseName = PIIWordRoles(rawValue: 1 << 3)
    /// In `PIINameCues.possessives`.
    static let possessive = PIIWordRoles(rawValue: 1 << 4)
    /// In `PIINameCues.relations`.
    static let relation = PIIWordRoles(rawValue: 1 << 5)
    /// In `PIINameCues.pluralRelations`.
    static let pluralRelation = PIIWordRoles(rawValue: 1 << 6)
    /// In `PIINameCues.greetings`.
    static let greeting = PIIWordRoles(rawValue: 1 << 7)
    /// The lower-case form of a title spelling in `PIINameCues.titles` (the spelling itself is
    /// checked separately, as case matters).
    static let title = PIIWordRoles(rawValue: 1 << 8)
    /// In `PIINameCues.lowercaseTitles`.
    static let lowercaseTitle = PIIWordRoles(rawValue: 1 << 9)
    /// In `PIIWordLists.platforms`.
    static let platform = PIIWordRoles(rawValue: 1 << 10)
    /// The first word of a self-statement or label cue phrase ("my", "name", "called", ...).
    static let cueStart = PIIWordRoles(rawValue: 1 << 11)

    /// Any role that can start a name cue.
    static let nameCue: PIIWordRoles = [.cueStart, .greeting, .relation, .pluralRelation, .title, .lowercaseTitle]

    /// Roles by lower-case word key.
    static let table: [String: PIIWordRoles] = {
        var table: [String: PIIWordRoles] = [:]
        func add(_ words: some Sequence<String>, _ role: PIIWordRoles) {
            for word in words { table[word, default: []].insert(role) }
        }
        add(PIIWordLists.functionWords, .function)
        add(PIIWordLists.notNames, .notName)
        add(PIIWordLists.placesAndGroups, .place)
        add(PIIWordLists.notLowercaseNames, .notLowercaseName)
        add(PIIWordLists.platforms, .platform)
        add(PIINameCues.possessives, .possessive)
        add(PIINameCues.relations, .relation)
        add(PIINameCues.pluralRelations, .pluralRelation)
        add(PIINameCues.greetings, .greeting)
        add(PIINameCues.titles.map { $0.lowercased() }, .title)
        add(PIINameCues.lowercaseTitles, .lowercaseTitle)
        add((PIINameCues.selfStatements + PIINameCues.labels).compactMap(\.first), .cueStart)
        return table
    }()

    /// The roles of the word with lower-case key `key`.
    static func of(_ key: String) -> PIIWordRoles {
        table[key] ?? []
    }
}
