/// How a text becomes classifier features; stored with a model so scoring uses what training used.
public struct FeatureOptions: Sendable, Codable, Equatable, Hashable {
    /// Whether adjacent word pairs ("stop search", "not_told me") are features beside single words.
    public var bigrams: Bool
    /// How many words after a negator ("never", "not", "don't", …) are marked `not_`, so "never heard"
    /// yields `not_heard` rather than the `heard` that signals awareness. Zero turns marking off.
    public var negationWindow: Int
    /// A feature must occur in at least this many training texts to be kept; rarer ones are noise.
    public var minimumDocumentFrequency: Int

    public init(bigrams: Bool = true, negationWindow: Int = 3, minimumDocumentFrequency: Int = 1) {
        self.bigrams = bigrams
        self.negationWindow = negationWindow
        self.minimumDocumentFrequency = minimumDocumentFrequency
    }
}
