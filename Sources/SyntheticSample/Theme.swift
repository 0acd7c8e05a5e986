/// A core theme of the perceptions codebook (`/shared/CODEBOOK.md`, `surveys/codebook.yaml`).
///
/// The generator tags the phrases it writes with the themes a careful human coder would apply to
/// that wording, so its output can serve as the `generator` coder. The raw value is the codebook
/// id; the case order is the codebook's, and is the order labels are written in.
enum Theme: String, CaseIterable, Sendable {
    case aware = "awareness.aware", unaware = "awareness.unaware", notTold = "awareness.not_told"
    case purpose = "understanding.purpose", misconception = "understanding.misconception"
    case criteriaUnclear = "understanding.criteria_unclear"
    case infoPolice = "information.police", infoMedia = "information.media", infoCommunity = "information.community"
    case infoPartner = "information.partner", infoNone = "information.none"
    case racial = "fairness.racial", age = "fairness.age", association = "fairness.association", stigma = "fairness.stigma"
    case enforcement = "impact.enforcement", services = "impact.services", support = "impact.support", victims = "impact.victims"
    case sharing = "data.sharing", rights = "data.rights", challenge = "data.challenge"
    case positive = "effectiveness.positive", negative = "effectiveness.negative"
    case lowTrust = "trust.low", highTrust = "trust.high"
    case otherTools = "context.other_tools"
    case transparency = "improvement.transparency", notification = "improvement.notification"
    case engagement = "improvement.engagement", oversight = "improvement.oversight", abolish = "improvement.abolish"
}

/// A set of core themes as one bit per theme, so composing an answer unions its phrases' themes
/// with a single OR (the generator writes 100,000+ rows a second).
struct ThemeSet: Sendable, Hashable, ExpressibleByArrayLiteral {
    private var bits: UInt64 = 0

    init(arrayLiteral themes: Theme...) {
        for theme in themes { insert(theme) }
    }

    init(_ themes: some Sequence<Theme>) {
        for theme in themes { insert(theme) }
    }

    var isEmpty: Bool { bits == 0 }

    /// The themes in codebook order.
    var themes: [Theme] { Theme.allCases.filter(contains) }

    func contains(_ theme: Theme) -> Bool { bits & Self.bit(theme) != 0 }

    mutating func insert(_ theme: Theme) { bits |= Self.bit(theme) }

    mutating func formUnion(_ other: ThemeSet) { bits |= other.bits }

    private static let index: [Theme: Int] = Dictionary(uniqueKeysWithValues: Theme.allCases.enumerated().map { ($1, $0) })

    private static func bit(_ theme: Theme) -> UInt64 { 1 << UInt64(index[theme] ?? 0) }
}

/// Text the generator wrote, with the themes it expresses.
struct CodedText: Sendable, Equatable {
    var text: String
    var themes: ThemeSet
}
