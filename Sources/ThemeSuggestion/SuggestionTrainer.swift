/// Trains suggestion models from human-coded examples.
///
/// Contract: deterministic. The same examples (in the same order), theme ids and configuration give a
/// model that is equal and serialises to the same bytes. Cross-validation folds are assigned by
/// position (example i is in fold i mod k), so no random seed is involved.
public enum SuggestionTrainer {
    /// Chooses the threshold by k-fold cross-validation on the examples (see ``ThresholdChoice``),
    /// then fits every theme on all examples.
    ///
    /// - Parameter supplementary: examples that are always trained on but never held out or scored
    ///   (e.g. ``TrainingExample/codebookExamples(_:)``), so they cannot sway the threshold.
    public static func train(_ examples: [TrainingExample], supplementary: [TrainingExample] = [], themeIDs: [String],
                             configuration: TrainingConfiguration) throws -> SuggestionModel {
        let confidences = try outOfFoldConfidences(examples, supplementary: supplementary, themeIDs: themeIDs, configuration: configuration)
        let choice = try ThresholdChoice(confidences: confidences, examples: examples, themeIDs: themeIDs, candidates: configuration.thresholds)
        return try fit(examples + supplementary, themeIDs: themeIDs, configuration: configuration, threshold: choice.threshold)
    }

    /// Fits every theme on all examples with one given threshold (no cross-validation).
    public static func fit(_ examples: [TrainingExample], themeIDs: [String], configuration: TrainingConfiguration, threshold: Double) throws -> SuggestionModel {
        guard !examples.isEmpty else { throw SuggestionError.noTrainingExamples }
        let vocabulary = FeatureVocabulary(texts: examples.map(\.text), options: configuration.features)
        let themes = themeIDs.map { theme in
            let labels = examples.map { $0.themes.contains(theme) }
            return ThemeClassifier(themeID: theme, threshold: threshold, classifier: fitClassifier(configuration.classifier, vocabulary.design, labels))
        }
        return try SuggestionModel(featureOptions: configuration.features, classifierKind: configuration.classifier, features: vocabulary.features, themes: themes)
    }

    /// Each example's confidences (in `themeIDs` order) from a model trained on the other folds and
    /// the supplementary examples.
    public static func outOfFoldConfidences(_ examples: [TrainingExample], supplementary: [TrainingExample] = [], themeIDs: [String],
                                            configuration: TrainingConfiguration) throws -> [[Suggestion]] {
        let folds = configuration.folds
        guard folds >= 2, examples.count >= folds else { throw SuggestionError.invalidFoldCount(folds: folds, examples: examples.count) }
        var confidences = [[Suggestion]](repeating: [], count: examples.count)
        for fold in 0..<folds {
            let training = examples.indices.filter { $0 % folds != fold }.map { examples[$0] } + supplementary
            let model = try fit(training, themeIDs: themeIDs, configuration: configuration, threshold: 1)
            for index in examples.indices where index % folds == fold {
                confidences[index] = model.confidences(for: examples[index].text)
            }
        }
        return confidences
    }

    private static func fitClassifier(_ kind: ClassifierKind, _ design: SparseDesign, _ labels: [Bool]) -> LinearClassifier {
        switch kind {
        case .logisticRegression(let l2): LogisticRegressionTrainer(l2: l2).fit(design, labels: labels)
        case .naiveBayes(let alpha): NaiveBayesTrainer(alpha: alpha).fit(design, labels: labels)
        }
    }
}
