import Statistics
import Testing

@Suite struct ProportionDifferenceTests {
    /// Newcombe (1998b) examples a, b and d, method 10, to the 4 decimals published.
    @Test func matchesNewcombeMethodTen() throws {
        let examples = try ReferenceData.rows("newcombe1998b_diff_hybrid_score.csv")
        try #require(examples.count == 3)
        for row in examples {
            let difference = try ProportionDifference(
                successes1: integer(row[1]), total1: integer(row[2]), successes2: integer(row[3]), total2: integer(row[4]))
            #expect(abs(difference.lower - (try number(row[6]))) < 0.00006, "\(row) → \(difference.lower)")
            #expect(abs(difference.upper - (try number(row[7]))) < 0.00006, "\(row) → \(difference.upper)")
        }
    }

    @Test(arguments: [(0, 10, 0, 10), (10, 10, 0, 10), (0, 5, 5, 5), (3, 7, 4, 9), (1, 1, 1, 1000)])
    func intervalStaysInsideMinusOneToOneAndContainsTheEstimate(_ x1: Int, _ n1: Int, _ x2: Int, _ n2: Int) throws {
        let d = try ProportionDifference(successes1: x1, total1: n1, successes2: x2, total2: n2)
        #expect(d.lower >= -1 && d.upper <= 1)
        #expect(d.lower <= d.estimate && d.estimate <= d.upper)
    }

    @Test func swappingGroupsMirrorsTheInterval() throws {
        let d = try ProportionDifference(successes1: 56, total1: 70, successes2: 48, total2: 80)
        let m = try ProportionDifference(successes1: 48, total1: 80, successes2: 56, total2: 70)
        #expect(abs(d.lower + m.upper) < 1e-12 && abs(d.upper + m.lower) < 1e-12)
    }

    @Test(arguments: [
        (1, 0, 1, 5, StatisticsError.zeroTotal(what: "group 1")),
        (1, 5, 0, 0, StatisticsError.zeroTotal(what: "group 2")),
        (6, 5, 1, 5, StatisticsError.invalidParameter(name: "successes in group 1", value: 6)),
        (1, 5, -1, 5, StatisticsError.invalidParameter(name: "successes in group 2", value: -1)),
    ])
    func badCountsAreErrors(_ x1: Int, _ n1: Int, _ x2: Int, _ n2: Int, _ error: StatisticsError) {
        #expect(throws: error) { try ProportionDifference(successes1: x1, total1: n1, successes2: x2, total2: n2) }
    }
}
