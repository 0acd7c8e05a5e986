/// Kish's approximate loss of precision from unequal weights.
///
/// Unequal weights inflate the variance of a weighted mean by about 1 + CV² of the weights (Kish 1965),
/// which is n Σw² / (Σw)²; the effective sample size n / deff = (Σw)² / Σw² is the equal-weight sample
/// that would be as precise. Both ignore clustering and any correlation between weights and outcome,
/// so they describe the weighting only, not the whole design.
public struct KishWeighting: Sendable, Equatable {
    /// Number of weights given, zeros included: a unit weighted zero still counts as interviewed, so it
    /// raises the design effect (pass only the units in the analysis).
    public let units: Int
    /// n Σw² / (Σw)², at least 1; 1 exactly when all weights are equal.
    public let designEffect: Double
    /// (Σw)² / Σw², between 1 and n.
    public let effectiveSampleSize: Double

    /// - Throws: `.empty` for no weights, `.invalidValue` for a negative or non-finite weight,
    ///   `.zeroTotal` when every weight is zero.
    public init(weights: [Double]) throws(StatisticsError) {
        guard !weights.isEmpty else { throw .empty(what: "weights") }
        if let bad = weights.firstIndex(where: { !$0.isFinite || $0 < 0 }) {
            throw .invalidValue(what: "weights", index: bad, value: weights[bad])
        }
        let sum = weights.reduce(0, +)
        guard sum > 0 else { throw .zeroTotal(what: "weights") }
        let sumOfSquares = weights.reduce(0) { $0 + $1 * $1 }
        units = weights.count
        effectiveSampleSize = sum * sum / sumOfSquares
        designEffect = Double(weights.count) / effectiveSampleSize
    }
}
