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
        try self.init(weights: weights, counts: Array(repeating: 1, count: weights.count))
    }

    /// The same for `counts[i]` units of weight `weights[i]` each: units with equal weights grouped
    /// (a weighting cell), so that a million respondents in a dozen cells cost a dozen terms.
    ///
    /// - Precondition: `weights` and `counts` have the same length; counts are not negative.
    /// - Throws: as `init(weights:)`; `.empty` also when the counts add up to no unit.
    public init(weights: [Double], counts: [Int]) throws(StatisticsError) {
        precondition(weights.count == counts.count && counts.allSatisfy { $0 >= 0 }, "one count, at least 0, per weight")
        let n = counts.reduce(0, +)
        guard n > 0 else { throw .empty(what: "weights") }
        if let bad = weights.firstIndex(where: { !$0.isFinite || $0 < 0 }) {
            throw .invalidValue(what: "weights", index: bad, value: weights[bad])
        }
        let sum = zip(weights, counts).reduce(0) { $0 + $1.0 * Double($1.1) }
        guard sum > 0 else { throw .zeroTotal(what: "weights") }
        let sumOfSquares = zip(weights, counts).reduce(0) { $0 + $1.0 * $1.0 * Double($1.1) }
        units = n
        effectiveSampleSize = sum * sum / sumOfSquares
        designEffect = Double(n) / effectiveSampleSize
    }
}
