/// Which per-theme binary classifier to fit. Both produce the same linear form (a bias plus a weight
/// per feature, squashed by the logistic function), so one model format and one scorer serve both.
public enum ClassifierKind: Sendable, Codable, Equatable, Hashable {
    /// L2-regularised logistic regression; `l2` is the penalty weight on the squared weights (the bias
    /// is not penalised).
    case logisticRegression(l2: Double)
    /// Multinomial naive Bayes over binary feature counts with additive smoothing `alpha`.
    case naiveBayes(alpha: Double)
}
