import Statistics
import Testing

@Suite struct ProportionTests {
    /// Newcombe (1998) Table I, Wilson score intervals, to the 4 decimals published.
    @Test func wilsonMatchesNewcombeTableI() throws {
        let rows = try ReferenceData.rows("wilson_newcombe1998_tableI.csv")
        try #require(!rows.isEmpty)
        for row in rows {
            let p = Proportion(successes: try integer(row[0]), total: try integer(row[1]))
            #expect(abs(p.lower - (try number(row[2]))) < 0.00006, "\(row)")
            #expect(abs(p.upper - (try number(row[3]))) < 0.00006, "\(row)")
        }
    }

    @Test(arguments: [(0, 10), (10, 10), (1, 1), (500, 1000)])
    func wilsonStaysInsideZeroOne(_ x: Int, _ n: Int) {
        let p = Proportion(successes: x, total: n)
        #expect(p.lower >= 0 && p.upper <= 1 && p.lower <= p.estimate && p.estimate <= p.upper)
    }

    @Test func emptyBaseHasNoEstimate() {
        #expect(Proportion(successes: 0, total: 0).estimate.isNaN)
    }
}
