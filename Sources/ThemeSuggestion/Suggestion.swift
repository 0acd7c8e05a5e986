/// A theme the model proposes for a text, with its confidence (the classifier's probability, 0–1).
public struct Suggestion: Sendable, Equatable, Hashable {
    public var themeID: String
    public var confidence: Double

    public init(themeID: String, confidence: Double) {
        self.themeID = themeID
        self.confidence = confidence
    }
}
