/// A theme's classifier and the confidence at or above which the model suggests the theme.
public struct ThemeClassifier: Sendable, Codable, Equatable {
    public var themeID: String
    public var threshold: Double
    public var classifier: LinearClassifier

    public init(themeID: String, threshold: Double, classifier: LinearClassifier) {
        self.themeID = themeID
        self.threshold = threshold
        self.classifier = classifier
    }
}
