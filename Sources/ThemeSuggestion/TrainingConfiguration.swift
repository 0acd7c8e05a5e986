/// Everything that decides what training produces besides the examples.
public struct TrainingConfiguration: Sendable, Equatable, Hashable {
    public var features: FeatureOptions
    public var classifier: ClassifierKind
    /// Folds of the cross-validation that chooses the suggestion threshold.
    public var folds: Int
    /// Candidate thresholds, tried in order; the first with the best out-of-fold micro F1 wins.
    public var thresholds: [Double]

    public init(features: FeatureOptions, classifier: ClassifierKind, folds: Int = 5, thresholds: [Double] = Self.thresholdGrid) {
        self.features = features
        self.classifier = classifier
        self.folds = folds
        self.thresholds = thresholds
    }

    /// The configuration chosen by 5-fold cross-validation on the training pool (held-out set 1 and
    /// the two training sets, 1,200 coded answers) with the codebook's examples as supplementary
    /// data (Benchmarks/suggestion-model.md has the grid): logistic regression over words, adjacent
    /// word pairs, negation marking and each word's 4-letter sequences scored best both alone
    /// (micro F1 0.652) and with the rules (0.761); letter sequences added about 0.02 to the model
    /// alone, and naive Bayes trailed in every setting.
    public static let recommended = TrainingConfiguration(
        features: FeatureOptions(bigrams: true, negationWindow: 3, minimumDocumentFrequency: 1, characterGrams: 4),
        classifier: .logisticRegression(l2: 0.3)
    )

    /// 0.05, 0.10, … 0.95.
    public static let thresholdGrid: [Double] = (1...19).map { Double($0) / 20 }
}
