import ConsultCore
import Foundation
import Testing

@Suite struct StatisticsTests {
    /// Newcombe (1998) Table I, Wilson score intervals, as shipped in shared/reference/stats.
    static let newcombe: [(x: Int, n: Int, lower: Double, upper: Double)] = {
        guard let url = TestFiles.shared("reference/stats/wilson_newcombe1998_tableI.csv"),
              let text = try? String(contentsOf: url, encoding: .utf8) else { return [] }
        return text.split(separator: "\n").dropFirst().map { line in
            let f = line.split(separator: ",").map(String.init)
            return (Int(f[0])!, Int(f[1])!, Double(f[2])!, Double(f[3])!)
        }
    }()

    @Test func wilsonMatchesNewcombeTableI() throws {
        try #require(!Self.newcombe.isEmpty, "reference file not found")
        for row in Self.newcombe {
            let p = Proportion(successes: row.x, total: row.n)
            #expect(abs(p.lower - row.lower) < 0.00006, "\(row)")
            #expect(abs(p.upper - row.upper) < 0.00006, "\(row)")
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

    @Test(arguments: [
        ([50, 3, 40], true, [false, true, true]),
        ([50, 3, 4, 40], true, [false, true, true, false]),
        ([50, 0, 40], true, [false, false, false]),
        ([50, 3, 40], false, [false, true, false]),
        ([12, 11], true, [false, false]),
        ([9], true, [true]),
    ])
    func smallCellsAndTheirComplementsAreHidden(_ counts: [Int], _ additive: Bool, _ expected: [Bool]) {
        #expect(DisclosureControl.suppressed(counts, minimum: 10, additive: additive) == expected)
    }
}
