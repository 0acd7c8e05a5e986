import Statistics

/// A difference between two respondent groups in the share raising a theme (or choosing an answer)
/// that passes a test: Newcombe's hybrid-score 95% interval for the difference excludes zero.
/// The chi-square statistic of the 2×2 table is given beside it for readers who expect a p-value.
///
/// Only counts that may be published are compared: both groups must have at least `minimumCell`
/// respondents, and each count must be 0 or at least `minimumCell` (a hidden count must not be
/// recoverable from a published difference).
public struct GroupDifference: Sendable, Equatable {
    public var first: String
    public var second: String
    /// 0-100 shares, and the difference first − second in percentage points with its interval.
    public var firstPercent: Double
    public var secondPercent: Double
    public var difference: Double
    public var lower: Double
    public var upper: Double
    public var pValue: Double?

    /// - Returns: nil when the counts may not be published or the interval includes zero.
    public static func test(first: String, count1: Int, base1: Int, second: String, count2: Int, base2: Int,
                            minimumCell: Int) -> GroupDifference? {
        let publishable = [count1, count2].allSatisfy { $0 == 0 || $0 >= minimumCell } && base1 >= minimumCell && base2 >= minimumCell
        guard publishable, let difference = try? ProportionDifference(successes1: count1, total1: base1, successes2: count2, total2: base2),
              difference.lower > 0 || difference.upper < 0
        else { return nil }
        let table = try? CountTable([[count1, base1 - count1], [count2, base2 - count2]])
        let chi = table.flatMap { try? ChiSquareTest($0) }
        return GroupDifference(first: first, second: second, firstPercent: difference.first.estimate * 100,
                               secondPercent: difference.second.estimate * 100, difference: difference.estimate * 100,
                               lower: difference.lower * 100, upper: difference.upper * 100, pValue: chi?.pValue)
    }
}
