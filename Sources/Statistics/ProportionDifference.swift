/// The difference of two independent proportions, p1 - p2, with Newcombe's hybrid score interval.
///
/// Method 10 of Newcombe (1998, Statistics in Medicine 17:873-890): combine each proportion's Wilson
/// interval (l, u) as L = d - √((p1 - l1)² + (u2 - p2)²), U = d + √((u1 - p1)² + (p2 - l2)²).
/// Unlike the Wald interval it stays inside [-1, 1] and behaves with zero counts and small groups,
/// which is what comparing two respondent groups often means.
public struct ProportionDifference: Sendable, Equatable {
    public let first: Proportion
    public let second: Proportion
    /// p1 - p2.
    public let estimate: Double
    public let lower: Double
    public let upper: Double

    /// - Parameter z: the normal quantile; 1.959964 gives a 95% interval.
    /// - Throws: `.zeroTotal` when a group is empty; `.invalidParameter` when successes are negative
    ///   or exceed their total, or z is not positive.
    public init(successes1: Int, total1: Int, successes2: Int, total2: Int, z: Double = 1.959964) throws(StatisticsError) {
        for (name, successes, total) in [("group 1", successes1, total1), ("group 2", successes2, total2)] {
            guard total > 0 else { throw .zeroTotal(what: name) }
            guard (0...total).contains(successes) else {
                throw .invalidParameter(name: "successes in \(name)", value: Double(successes))
            }
        }
        guard z > 0, z.isFinite else { throw .invalidParameter(name: "z", value: z) }
        let p1 = Proportion(successes: successes1, total: total1, z: z)
        let p2 = Proportion(successes: successes2, total: total2, z: z)
        first = p1
        second = p2
        estimate = p1.estimate - p2.estimate
        let below = (p1.estimate - p1.lower) * (p1.estimate - p1.lower) + (p2.upper - p2.estimate) * (p2.upper - p2.estimate)
        let above = (p1.upper - p1.estimate) * (p1.upper - p1.estimate) + (p2.estimate - p2.lower) * (p2.estimate - p2.lower)
        lower = estimate - below.squareRoot()
        upper = estimate + above.squareRoot()
    }
}
