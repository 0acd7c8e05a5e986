/// How a text becomes classifier features; stored with a model so scoring uses what training used.
public struct FeatureOptions: Sendable, Codable, Equatable, Hashable {
    /// Whether adjacent word pairs ("stop search", "not_told me") are features beside single words.
    public var bigrams: Bool
    /// How many words after a negator ("never", "not", "don't", …) are marked `not_`, so "never heard"
    /// yields `not_heard` rather than the `heard` that signals awareness. Zero turns marking off.
    public var negationWindow: Int
    /// A feature must occur in at least this many training texts to be kept; rarer ones are noise.
    public var minimumDocumentFrequency: Int
    /// Length of the letter sequences taken from each word as features beside it ("stopp", "searchd"
    /// and "search" share `sear`), so misspellings and word forms share evidence; zero turns them off.
    public var characterGrams: Int

    public init(bigrams: Bool = true, negationWindow: Int = 3, minimumDocumentFrequency: Int = 1, characterGrams: Int = 0) {
        self.bigrams = bigrams
        self.negationWindow = negationWindow
        self.minimumDocumentFrequency = minimumDocumentFrequency
        self.characterGrams = characterGrams
    }

    private enum CodingKeys: String, CodingKey {
        case bigrams, negationWindow, minimumDocumentFrequency, characterGrams
    }

    /// Models stored before letter sequences existed have none.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        bigrams = try container.decode(Bool.self, forKey: .bigrams)
        negationWindow = try container.decode(Int.self, forKey: .negationWindow)
        minimumDocumentFrequency = try container.decode(Int.self, forKey: .minimumDocumentFrequency)
        characterGrams = try container.decodeIfPresent(Int.self, forKey: .characterGrams) ?? 0
    }
}
