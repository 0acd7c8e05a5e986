/// Who is writing or speaking. It chooses phrase variants, slot values and orthography.
enum Voice: Sendable {
    /// 16-24s: slang, text-speak, little punctuation.
    case youth
    /// Most adults: everyday written English.
    case plain
    /// Older residents: fuller sentences, more formal, sometimes old-fashioned.
    case older
    /// Writers of English as an additional language: short, simple constructions.
    case esol
    /// Staff of partner agencies: professional prose and acronyms.
    case professional
}

/// A placeholder inside a phrase, filled per answer so one phrase yields many surface forms.
enum Slot: String, Sendable {
    case kin, n, period, spot, age, area, borough, police, matrix, school, year, paper, social, faith
    case music, pct, team, panel, doc
}

/// A phrase with `{slot}` placeholders, parsed once so that rendering is a run of appends.
///
/// Four renderings are prepared up front: as written, with common misspellings, with text-speak,
/// and with both; the composer chooses one per answer from the writer's style, which keeps the
/// per-row cost to appends (the generator must stream 100,000+ rows a second).
struct Fragment: Sendable {
    /// A literal run of UTF-8 bytes or a slot to fill.
    enum Part: Sendable {
        case text([UInt8])
        case slot(Slot)
    }

    private let variants: [[Part]]
    /// The phrase as written, so an answer can avoid saying the same thing twice.
    let source: String
    /// True when the phrase starts with "I", an acronym or a proper noun, so it keeps its capital
    /// when it follows a connective such as ", and".
    let keepsCapital: Bool
    /// True when the phrase already ends a sentence (`.`, `?`, `!`, `)`), so no full stop is added.
    let endsSentence: Bool
    /// The core themes the phrase expresses, whatever its slots are filled with and however it is spelt.
    let themes: ThemeSet

    init(_ source: String, themes: ThemeSet = []) {
        let misspelt = Orthography.misspell(source)
        let texted = Orthography.textspeak(source)
        let both = Orthography.textspeak(misspelt)
        self.source = source
        self.themes = themes
        variants = [source, misspelt, texted, both].map(Fragment.parse)
        keepsCapital = Fragment.startsWithProperWord(source)
        endsSentence = source.last.map { ".?!)".contains($0) } ?? false
    }

    /// The parts to render for a writer who misspells and/or uses text-speak.
    func parts(misspelt: Bool, textspeak: Bool) -> [Part] {
        variants[(misspelt ? 1 : 0) + (textspeak ? 2 : 0)]
    }

    private static func parse(_ source: String) -> [Part] {
        var parts: [Part] = []
        var literal: [UInt8] = []
        var bytes = Array(source.utf8)[...]
        while let byte = bytes.popFirst() {
            guard byte == UInt8(ascii: "{"), let close = bytes.firstIndex(of: UInt8(ascii: "}")) else {
                literal.append(byte)
                continue
            }
            let name = String(decoding: bytes[bytes.startIndex..<close], as: UTF8.self)
            guard let slot = Slot(rawValue: name) else {
                preconditionFailure("unknown slot {\(name)} in phrase: \(source)")
            }
            if !literal.isEmpty { parts.append(.text(literal)) }
            literal = []
            parts.append(.slot(slot))
            bytes = bytes[(close + 1)...]
        }
        if !literal.isEmpty { parts.append(.text(literal)) }
        return parts
    }

    private static let properWords: Set<Substring> = [
        "I", "I'm", "I've", "I'd", "I'll", "Amnesty", "Trident", "Prevent", "London", "MOPAC", "ICO",
        "Met", "Matrix", "Gangs", "Sadiq", "Google", "StopWatch", "Facebook", "Twitter", "Instagram",
        "YouTube", "BBC", "LBC", "Channel", "Operation", "Section", "English", "Black", "Muslim",
    ]

    private static func startsWithProperWord(_ source: String) -> Bool {
        if source.hasPrefix("{") { return true }
        let word = source.prefix { $0.isLetter || $0 == "'" }
        if properWords.contains(word) { return true }
        return word.count > 1 && word.allSatisfy(\.isUppercase)
    }
}

/// Alternative wordings of one idea, by voice. Picking falls back to `plain` when a voice has none.
/// `themes` are what the idea expresses; a `PhraseLine.coded` wording states its own instead.
struct Phrases: Sendable {
    let youth: [Fragment]
    let plain: [Fragment]
    let older: [Fragment]
    let esol: [Fragment]

    init(themes: ThemeSet = [], youth: [PhraseLine] = [], _ plain: [PhraseLine], older: [PhraseLine] = [], esol: [PhraseLine] = []) {
        func fragments(_ lines: [PhraseLine]) -> [Fragment] { lines.map { Fragment($0.text, themes: $0.themes ?? themes) } }
        self.youth = fragments(youth)
        self.plain = fragments(plain)
        self.older = fragments(older)
        self.esol = fragments(esol)
    }

    /// A phrasing for `voice`: mostly the voice's own, sometimes the plain one (people mix registers).
    func pick(_ voice: Voice, _ rng: inout SeededRandom) -> Fragment {
        let own: [Fragment]
        let preference: Double
        switch voice {
        case .youth: (own, preference) = (youth, 0.75)
        case .older: (own, preference) = (older, 0.6)
        case .esol: (own, preference) = (esol, 0.85)
        case .plain, .professional: (own, preference) = (plain, 1)
        }
        if plain.isEmpty { return rng.pick(own.isEmpty ? youth + older + esol : own) }
        if !own.isEmpty && rng.chance(preference) { return rng.pick(own) }
        return rng.pick(plain)
    }
}
