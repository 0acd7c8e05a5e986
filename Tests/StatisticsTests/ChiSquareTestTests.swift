import Foundation
import Statistics
import Testing

@Suite struct ChiSquareTestTests {
    /// Agresti, An Introduction to Categorical Data Analysis (2nd ed.), Table 2.5: gender by party
    /// identification, X² = 30.07 on 2 df. With 2 df the tail is exactly e^(-X²/2).
    @Test func agrestiPartyIdentification() throws {
        let test = try ChiSquareTest(CountTable([[762, 327, 468], [484, 239, 477]]))
        #expect(abs(test.statistic - 30.07) < 0.005)
        #expect(test.degreesOfFreedom == 2)
        #expect(abs(test.pValue - exp(-test.statistic / 2)) < 1e-12 * test.pValue)
        #expect(test.sparseCells.isEmpty)
    }

    /// Expected 12, 18, 28, 42; each cell is off by 2, so X² = 4(1/12 + 1/18 + 1/28 + 1/42) = 50/63.
    @Test func handComputedTwoByTwo() throws {
        let test = try ChiSquareTest(CountTable([[10, 20], [30, 40]]))
        #expect(abs(test.statistic - 50.0 / 63.0) < 1e-12)
        #expect(test.expected == [[12, 18], [28, 42]])
        #expect(test.degreesOfFreedom == 1)
    }

    @Test func emptyRowsAndColumnsAreDroppedWithTheirDegreesOfFreedom() throws {
        let test = try ChiSquareTest(CountTable([[10, 0, 20], [0, 0, 0], [30, 0, 40]]))
        #expect(abs(test.statistic - 50.0 / 63.0) < 1e-12)
        #expect(test.degreesOfFreedom == 1)
        #expect(test.keptRows == [0, 2] && test.keptColumns == [0, 2])
        #expect(test.expected[1] == [0, 0, 0] && test.expected[0][1] == 0)
        #expect(test.sparseCells.isEmpty)
    }

    @Test func cellsExpectedBelowFiveAreListed() throws {
        let test = try ChiSquareTest(CountTable([[2, 8], [3, 7]]))
        #expect(test.sparseCells == [.init(row: 0, column: 0), .init(row: 1, column: 0)])
    }

    @Test(arguments: [
        ([[1, 2, 3]], StatisticsError.tooFewCategories(rows: 1, columns: 3)),
        ([[0, 0], [0, 0]], StatisticsError.tooFewCategories(rows: 0, columns: 0)),
        ([[5, 0], [7, 0]], StatisticsError.tooFewCategories(rows: 2, columns: 1)),
        ([[5, 1], [0, 0], [0, 0]], StatisticsError.tooFewCategories(rows: 1, columns: 2)),
    ])
    func tablesWithoutTwoUsableRowsAndColumnsAreErrors(_ cells: [[Int]], _ error: StatisticsError) {
        #expect(throws: error) { try ChiSquareTest(CountTable(cells)) }
    }
}
