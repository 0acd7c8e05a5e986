/// Why a suggestion model could not be trained or decoded.
public enum SuggestionError: Error, Sendable, Equatable {
    /// Training needs at least one example.
    case noTrainingExamples
    /// Cross-validation needs at least two folds and at least as many examples as folds.
    case invalidFoldCount(folds: Int, examples: Int)
    /// A theme's weight vector does not match the model's feature list (a corrupt or edited file).
    case weightCountMismatch(theme: String, weights: Int, features: Int)
    /// Choosing a threshold needs at least one candidate.
    case noThresholdCandidates
    /// A stored model was written by a format version this code does not read.
    case unsupportedFormatVersion(Int)
}
