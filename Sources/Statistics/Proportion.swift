import Foundation

/// A proportion with its Wilson score interval.
///
/// The Wilson interval (Wilson 1927; method 3 of Newcombe 1998) stays inside [0, 1] and behaves at
/// small n and at 0 or n successes, where the textbook Wald interval does not; survey tables by
/// group often have both.
public struct Proportion: Sendable, Equatable {
    public var successes: Int
    public var total: Int
    public var estimate: Double
    public var lower: Double
    public var upper: Double

    /// - Parameter z: the normal quantile; 1.959964 gives a 95% interval.
    public init(successes: Int, total: Int, z: Double = 1.959964) {
        self.successes = successes
        self.total = total
        guard total > 0 else {
            estimate = .nan
            lower = .nan
            upper = .nan
            return
        }
        estimate = Double(successes) / Double(total)
        let bounds = Self.wilson(estimate: estimate, n: Double(total), z: z) ?? (lower: .nan, upper: .nan)
        // At 0 and n successes the bound is exactly 0 or 1; rounding must not move it past the estimate.
        lower = successes == 0 ? 0 : bounds.lower
        upper = successes == total ? 1 : bounds.upper
    }

    /// The Wilson bounds for an estimate `p` from `n` observations, where `n` may be fractional: for a
    /// weighted share, `p` is the weighted proportion and `n` the Kish effective sample size, the
    /// usual approximation that carries the loss of precision from unequal weights into the interval.
    ///
    /// - Returns: nil when `n` is not positive or `p` is outside [0, 1].
    public static func wilson(estimate p: Double, n: Double, z: Double = 1.959964) -> (lower: Double, upper: Double)? {
        guard n > 0, p >= 0, p <= 1 else { return nil }
        let z2 = z * z
        let centre = p + z2 / (2 * n)
        let spread = z * ((p * (1 - p) + z2 / (4 * n)) / n).squareRoot()
        let denominator = 1 + z2 / n
        return (max(0, (centre - spread) / denominator), min(1, (centre + spread) / denominator))
    }
}
