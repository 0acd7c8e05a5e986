import Statistics
import Testing

@Suite struct FleissKappaTests {
    /// Fleiss (1971) psychiatric diagnoses, 30 subjects by 6 raters, categories 1-5: kappa 0.4302445.
    @Test func matchesFleiss1971() throws {
        let subjects = try ReferenceData.rows("fleiss1971_diagnoses_30subjects_x_6raters.csv")
        try #require(subjects.count == 30)
        let counts = try subjects.map { row in
            let ratings = try row.dropFirst().map(integer)
            return (1...5).map { category in ratings.filter { $0 == category }.count }
        }
        #expect(abs(try #require(try FleissKappa.kappa(counts)) - 0.4302445) < 5e-8)
    }

    @Test func perfectAgreementIsOne() throws {
        #expect(try FleissKappa.kappa([[3, 0], [0, 3], [3, 0]]) == 1)
    }

    @Test func oneCategoryOnlyIsNil() throws {
        #expect(try FleissKappa.kappa([[4, 0], [4, 0]]) == nil)
    }

    @Test(arguments: [
        ([[3, 0], [1, 1]], StatisticsError.unequalRaterCount(subject: 1, expected: 3, found: 2)),
        ([[1, 0], [0, 1]], StatisticsError.invalidParameter(name: "raters per subject", value: 1)),
        ([], StatisticsError.empty(what: "table")),
    ])
    func badTablesAreErrors(_ counts: [[Int]], _ error: StatisticsError) {
        #expect(throws: error) { try FleissKappa.kappa(counts) }
    }
}
