import Foundation
import Statistics

/// A theme's share in two respondent groups compared: Newcombe's hybrid score interval for the
/// difference and Pearson's chi-square on the 2x2 table (raised / not raised × group).
///
/// The chapter reports a difference only when its 95% interval excludes 0 (`isReportable`); the
/// chi-square is printed beside it as the test readers expect, with a caution when an expected
/// count is below 5. Both groups' counts must already have passed disclosure control: a difference
/// computed from a withheld cell would give that cell away.
public struct GroupDifference: Sendable, Equatable {
    public var raised1: Int
    public var base1: Int
    public var raised2: Int
    public var base2: Int
    public var interval: ProportionDifference
    public var chiSquare: ChiSquareTest?

    /// - Throws: `StatisticsError` when a base is 0 or a count exceeds its base.
    public init(raised1: Int, base1: Int, raised2: Int, base2: Int) throws(StatisticsError) {
        self.raised1 = raised1
        self.base1 = base1
        self.raised2 = raised2
        self.base2 = base2
        interval = try ProportionDifference(successes1: raised1, total1: base1, successes2: raised2, total2: base2)
        // A theme nobody (or everybody) raised leaves a column empty: no test, and no difference either.
        chiSquare = try? ChiSquareTest(CountTable([[raised1, base1 - raised1], [raised2, base2 - raised2]]))
    }

    /// Whether the 95% interval for the difference excludes 0.
    public var isReportable: Bool { interval.lower > 0 || interval.upper < 0 }

    /// "χ²(1) = 52.1, p < 0.001"; empty when the test is undefined.
    public var testText: String {
        guard let chiSquare else { return "" }
        return String(format: "χ²(%d) = %.1f, ", chiSquare.degreesOfFreedom, chiSquare.statistic) + Self.pText(chiSquare.pValue)
    }

    /// p-values as journals print them: below 0.001 as "p < 0.001", otherwise three decimals.
    static func pText(_ p: Double) -> String {
        p < 0.001 ? "p < 0.001" : String(format: "p = %.3f", p)
    }
}
