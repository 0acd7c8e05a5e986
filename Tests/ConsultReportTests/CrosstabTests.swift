import ConsultReport
import ConsultStore
import Statistics
import Testing

/// Column percentages, the chi-square test and two-way suppression of `consult crosstab`.
@Suite struct CrosstabTests {
    func counts(_ type: String, _ table: [(String, String, Int)], bases: [String: Int]) -> [OptionCount] {
        table.map { OptionCount(survey: "s", question: "q", questionType: type, option: $0.0, group: $0.1, count: $0.2, answered: bases[$0.1] ?? 0) }
    }

    @Test func columnPercentagesAndTheTestMatchTheStatistics() throws {
        let cells = [("yes", "a", 40), ("yes", "b", 20), ("no", "a", 60), ("no", "b", 80)]
        let crosstab = try Crosstab.make(counts("single", cells, bases: ["a": 100, "b": 100]), minimumCell: 10)
        #expect(crosstab.cells.map(\.percent) == [40, 20, 60, 80])
        let expected = try ChiSquareTest(try CountTable([[40, 20], [60, 80]]))
        #expect(crosstab.test?.statistic == expected.statistic)
        #expect(crosstab.test?.degreesOfFreedom == 1)
        #expect(crosstab.test?.pValue == expected.pValue)
        #expect(crosstab.test?.sparseCells == [])
        let wilson = Proportion(successes: 40, total: 100)
        #expect(crosstab.cells[0].ciLow == wilson.lower * 100 && crosstab.cells[0].ciHigh == wilson.upper * 100)
    }

    @Test func smallCellsAreHiddenWithTheirComplementsAndSmallGroupsEntirely() throws {
        let cells = [("yes", "a", 3), ("yes", "b", 30), ("yes", "c", 4), ("no", "a", 50), ("no", "b", 40), ("no", "c", 2)]
        let crosstab = try Crosstab.make(counts("single", cells, bases: ["a": 53, "b": 70, "c": 6]), minimumCell: 10)
        let hidden = Dictionary(uniqueKeysWithValues: crosstab.cells.map { ("\($0.option)/\($0.group)", $0.suppressed) })
        #expect(hidden["yes/a"] == true)
        #expect(hidden["yes/c"] == true && hidden["no/c"] == true)
        // Row "yes" would reveal yes/a from its total: a second cell in that row is hidden too.
        #expect(crosstab.cells.filter { $0.option == "yes" && $0.suppressed }.count >= 2)
        #expect(crosstab.cells.allSatisfy { !$0.suppressed || ($0.count == nil && $0.percent == nil) })
        #expect(crosstab.test?.sparseCells.contains("yes / c") == true)
        #expect(crosstab.testNote?.contains("expected count under 5") == true)
    }

    @Test func multiChoiceQuestionsGetNoTest() throws {
        let cells = [("tv", "a", 40), ("tv", "b", 20), ("web", "a", 60), ("web", "b", 80)]
        let crosstab = try Crosstab.make(counts("multi", cells, bases: ["a": 90, "b": 90]), minimumCell: 10)
        #expect(crosstab.test == nil)
        #expect(crosstab.testNote?.contains("multi-choice") == true)
    }
}
