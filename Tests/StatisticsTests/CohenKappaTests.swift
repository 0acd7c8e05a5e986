import Statistics
import Testing

@Suite struct CohenKappaTests {
    /// SAS PROC FREQ example: kappa 0.4842, ASE 0.1380, 95% CI 0.2137 to 0.7547 (4 decimals).
    @Test func matchesSASExample() throws {
        let rows = try ReferenceData.rows("cohen_sas_3x3_contingency.csv")
        let cells = try rows.map { try $0.dropFirst().map(integer) }
        let result = try CohenKappa(table: CountTable(cells))
        let kappa = try #require(result.kappa)
        let se = try #require(result.standardError)
        let interval = try #require(result.confidenceInterval())
        #expect(abs(kappa - 0.4842) < 0.00005)
        #expect(abs(se - 0.1380) < 0.00005)
        #expect(abs(interval.lower - 0.2137) < 0.00005)
        #expect(abs(interval.upper - 0.7547) < 0.00005)
        #expect(result.units == 19)
    }

    @Test(arguments: [
        ([[20, 5], [10, 15]], 0.7, 0.4),
        ([[45, 15], [25, 15]], 0.6, 0.06 / 0.46),
        ([[10, 0], [0, 10]], 1.0, 1.0),
        ([[0, 10], [10, 0]], 0.0, -1.0),
        ([[5, 0, 0], [0, 5, 0], [0, 0, 5]], 1.0, 1.0),
    ])
    func handComputedKappa(_ cells: [[Int]], _ agreement: Double, _ kappa: Double) throws {
        let result = try CohenKappa(table: CountTable(cells))
        #expect(abs(result.observedAgreement - agreement) < 1e-12)
        #expect(abs(try #require(result.kappa) - kappa) < 1e-12)
    }

    @Test func pairsGiveTheSameKappaAsTheirTable() throws {
        let pairs = [("a", "a"), ("a", "b"), ("b", "b"), ("c", "c"), ("c", "a"), ("b", "b"), ("a", "a")]
        let fromPairs = try CohenKappa(pairs: pairs)
        let fromTable = try CohenKappa(table: CountTable([[2, 1, 0], [0, 2, 0], [1, 0, 1]]))
        #expect(fromPairs == fromTable)
    }

    @Test(arguments: [[[7, 0], [0, 0]], [[0, 0], [0, 3]]])
    func kappaIsNilWhenChanceAgreementIsOne(_ cells: [[Int]]) throws {
        let result = try CohenKappa(table: CountTable(cells))
        #expect(result.expectedAgreement == 1)
        #expect(result.kappa == nil && result.standardError == nil && result.confidenceInterval() == nil)
        #expect(result.observedAgreement == 1)
    }

    @Test(arguments: [
        ([[1, 2, 3], [4, 5, 6]], StatisticsError.notSquare(rows: 2, columns: 3)),
        ([[0, 0], [0, 0]], StatisticsError.zeroTotal(what: "kappa table")),
    ])
    func badTablesAreErrors(_ cells: [[Int]], _ error: StatisticsError) {
        #expect(throws: error) { try CohenKappa(table: CountTable(cells)) }
    }

    @Test func noPairsIsAnError() {
        let pairs: [(Int, Int)] = []
        #expect(throws: StatisticsError.empty(what: "coded pairs")) { try CohenKappa(pairs: pairs) }
    }
}
