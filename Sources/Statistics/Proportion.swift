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
        let n = Double(total)
        let p = Double(successes) / n
        let z2 = z * z
        let centre = p + z2 / (2 * n)
        let spread = z * ((p * (1 - p) + z2 / (4 * n)) / n).squareRoot()
        let denominator = 1 + z2 / n
        estimate = p
        // At 0 and n successes the bound is exactly 0 or 1; rounding must not move it past the estimate.
        lower = successes == 0 ? 0 : max(0, (centre - spread) / denominator)
        upper = successes == total ? 1 : min(1, (centre + spread) / denominator)
    }
}
