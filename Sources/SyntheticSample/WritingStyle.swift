/// How one respondent writes, drawn once per respondent so that all their answers share habits.
struct WritingStyle: Sendable {
    /// How the writer types apostrophes.
    enum Apostrophes: Sendable {
        case straight
        /// "dont", "its": common on phones and among young writers.
        case dropped
        /// ’ and “ ”: phones with smart punctuation.
        case curly
    }

    var voice: Voice
    /// Whose habits join ideas (a note-taker writes up a young speaker in plain sentences).
    var joins: Voice
    var lowercase = false
    var textspeak = false
    var misspells = false
    var apostrophes = Apostrophes.straight
    /// Chance that an answer gets one slip of the finger (scaled up for long answers).
    var typoRate = 0.03
    /// Whether answers end with a full stop.
    var fullStops = true
    /// Two spaces after a full stop (a typewriter habit of some older writers).
    var doubleSpaces = false
    /// Chance of an emoji at the end of an answer (online only).
    var emojiRate = 0.0
    /// Chance of breaking a long answer into paragraphs.
    var paragraphRate = 0.04

    init(voice: Voice) {
        self.voice = voice
        joins = voice
    }

    /// A style typical for `voice`; `online` is false for paper forms typed in by staff.
    static func draw(voice: Voice, online: Bool, _ rng: inout SeededRandom) -> WritingStyle {
        var s = WritingStyle(voice: voice)
        switch voice {
        case .youth:
            s.lowercase = rng.chance(0.55)
            s.textspeak = rng.chance(0.4)
            s.misspells = rng.chance(0.25)
            s.apostrophes = rng.chance(0.55) ? .dropped : .straight
            s.typoRate = 0.07
            s.fullStops = rng.chance(0.3)
            s.emojiRate = online ? (rng.chance(0.25) ? 0.3 : 0.01) : 0
        case .plain:
            s.misspells = rng.chance(0.14)
            s.apostrophes = rng.chance(0.18) ? .dropped : .straight
            s.lowercase = rng.chance(0.07)
            s.typoRate = 0.035
            s.fullStops = rng.chance(0.7)
            s.emojiRate = online && rng.chance(0.06) ? 0.2 : 0
        case .older:
            s.misspells = rng.chance(0.1)
            s.doubleSpaces = rng.chance(0.3)
            s.typoRate = 0.03
            s.paragraphRate = 0.1
        case .esol:
            s.misspells = rng.chance(0.3)
            s.apostrophes = rng.chance(0.3) ? .dropped : .straight
            s.typoRate = 0.05
            s.fullStops = rng.chance(0.8)
        case .professional:
            s.misspells = rng.chance(0.03)
            s.typoRate = 0.015
            s.paragraphRate = 0.08
        }
        if online && s.apostrophes == .straight && rng.chance(0.14) { s.apostrophes = .curly }
        if !online {
            s.typoRate *= 0.5
            s.emojiRate = 0
        }
        return s
    }
}

/// A join between two ideas in an answer.
struct Connective: Sendable {
    let afterOpen: [UInt8]
    let afterSentence: [UInt8]
    /// Whether the next idea continues the sentence and so loses its capital.
    let lowersNext: Bool

    init(_ afterOpen: String, _ afterSentence: String, lowers: Bool) {
        self.afterOpen = Array(afterOpen.utf8)
        self.afterSentence = Array(afterSentence.utf8)
        lowersNext = lowers
    }

    static let youth: [Connective] = [
        .init(". ", " ", lowers: false), .init(" ", " ", lowers: false), .init(", ", " ", lowers: true),
        .init(" and ", " and ", lowers: true), .init(" n ", " n ", lowers: true), .init(" plus ", " plus ", lowers: true),
        .init(". also ", " also ", lowers: true), .init(". ", " ", lowers: false),
        .init(" and ", " and ", lowers: true), .init(" ", " ", lowers: false),
    ]
    static let plain: [Connective] = [
        .init(". ", " ", lowers: false), .init(". ", " ", lowers: false), .init(". ", " ", lowers: false),
        .init(", and ", " And ", lowers: true), .init(". Also ", " Also ", lowers: true),
        .init(". Plus ", " Plus ", lowers: true), .init(" - ", " ", lowers: true), .init("... ", " ", lowers: false),
        .init(". And ", " And ", lowers: true), .init(". On top of that ", " On top of that ", lowers: true),
        .init(". Not to mention ", " Not to mention ", lowers: true), .init("; ", " ", lowers: true),
        .init(". Another thing, ", " Another thing, ", lowers: true),
    ]
    static let older: [Connective] = [
        .init(". ", " ", lowers: false), .init(". ", " ", lowers: false), .init(". Also, ", " Also, ", lowers: true),
        .init("... ", " ", lowers: false), .init(". Furthermore ", " Furthermore ", lowers: true),
        .init(", and ", " And ", lowers: true), .init(". I would add that ", " I would add that ", lowers: true),
    ]
    static let esol: [Connective] = [
        .init(". ", " ", lowers: false), .init(". ", " ", lowers: false), .init(", ", " ", lowers: true),
        .init(". Also ", " Also ", lowers: true), .init(" and ", " And ", lowers: true),
    ]
    static let professional: [Connective] = [
        .init(". ", " ", lowers: false), .init(". ", " ", lowers: false), .init(". ", " ", lowers: false),
        .init(". In addition, ", " In addition, ", lowers: true), .init("; ", " ", lowers: true),
        .init(". Additionally, ", " Additionally, ", lowers: true), .init(", and ", " And ", lowers: true),
        .init(" - ", " ", lowers: true), .init(". ", " ", lowers: false), .init(". Also, ", " Also, ", lowers: true),
    ]

    static func forVoice(_ voice: Voice) -> [Connective] {
        switch voice {
        case .youth: youth
        case .plain: plain
        case .older: older
        case .esol: esol
        case .professional: professional
        }
    }
}
