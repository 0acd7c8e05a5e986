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

extension SuggestionError: CustomStringConvertible {
    /// One line for the CLI, saying what to do.
    public var description: String {
        switch self {
        case .noTrainingExamples:
            "the suggestion model has nothing to learn from: code some segments by hand (`consult code apply` / `code import`) or give --examples FILE"
        case .invalidFoldCount(let folds, let examples):
            "the suggestion model needs at least \(folds) coded examples for \(folds)-fold cross-validation, and has \(examples): code more segments by hand or give --examples FILE"
        case .weightCountMismatch(let theme, let weights, let features):
            "stored suggestion model is damaged: theme \(theme) has \(weights) weights for \(features) features"
        case .noThresholdCandidates:
            "no confidence thresholds to choose from"
        case .unsupportedFormatVersion(let version):
            "stored suggestion model has format version \(version), which this consult cannot read"
        }
    }
}
