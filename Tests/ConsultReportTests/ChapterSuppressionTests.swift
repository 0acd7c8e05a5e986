@testable import ConsultReport
@testable import ConsultStore
@testable import ConsultationModel
import Testing

/// Disclosure control and the difference rule in the chapter's tables, charts and text.
@Suite struct ChapterSuppressionTests {
    func count(_ theme: String, _ group: String, _ respondents: Int, of base: Int, minimumCell: Int = 10) -> ThemeCount {
        let suppressed = base < minimumCell || (respondents > 0 && respondents < minimumCell)
        return ThemeCount(theme: theme, label: theme, parent: nil, group: group, base: base,
                          respondents: suppressed ? nil : respondents, segments: suppressed ? nil : respondents,
                          percent: suppressed ? nil : Double(respondents) * 100 / Double(base), suppressed: suppressed)
    }

    func section(_ counts: [ThemeCount]) -> ThemeSection {
        ThemeSection(themes: Array(Set(counts.map(\.theme))).sorted(), labels: [:], counts: counts, sessionCounts: ["a": 3],
                     sessions: 8, groups: ["community", "partner", "focus_group"], minimumCell: 10)
    }

    @Test func smallCountsShowAsBelowTheMinimumInTableAndChart() throws {
        let themes = section([count("a", "community", 300, of: 1500), count("a", "partner", 4, of: 300)])
        let table = try #require(themes.table())
        #expect(table.rows[0].cells.map(\.text) == ["a", "20% (300)", "<10", "3 of 8"])
        #expect(table.anySuppressed)
        let chart = try #require(themes.chart(number: 1, title: "t"))
        #expect(chart.svg.contains(">&lt;10</text>"))
        #expect(!chart.svg.contains("1%</text>"))
    }

    @Test func differencesOnlyWhenTheIntervalExcludesZero() throws {
        let themes = section([
            count("a", "community", 300, of: 1500), count("a", "partner", 120, of: 300),   // 20% vs 40%: reported
            count("b", "community", 150, of: 1500), count("b", "partner", 33, of: 300),    // 10% vs 11%: interval spans 0
            count("c", "community", 150, of: 1500), count("c", "partner", 5, of: 300),     // suppressed: never compared
        ])
        let differences = try #require(themes.differences())
        #expect(differences.map(\.theme) == ["a"])
        #expect(differences[0].comparison == "Partners 40% (120 of 300) vs community 20% (300 of 1500)")
        #expect(differences[0].difference.hasPrefix("+20 points (95% CI +"))
        #expect(differences[0].test.hasPrefix("χ²(1) = ") && differences[0].test.hasSuffix("p < 0.001"))
    }

    @Test func withoutBothSurveyGroupsNothingIsTested() {
        let themes = ThemeSection(themes: ["a"], labels: [:], counts: [count("a", "community", 300, of: 1500)], sessionCounts: [:],
                                  sessions: 0, groups: ["community"], minimumCell: 10)
        #expect(themes.differences() == nil)
    }

    @Test(arguments: [
        // Newcombe (1998) example: 56/70 vs 48/80, interval 0.0524 to 0.3339 excludes 0.
        (56, 70, 48, 80, true),
        (10, 100, 12, 100, false),
        (0, 300, 60, 1500, true),
        (0, 10, 0, 10, false),
    ])
    func groupDifferenceRule(_ a: Int, _ n: Int, _ b: Int, _ m: Int, _ reportable: Bool) throws {
        let difference = try GroupDifference(raised1: a, base1: n, raised2: b, base2: m)
        #expect(difference.isReportable == reportable)
        if a == 56 {
            #expect(abs(difference.interval.lower - 0.0524) < 0.0005 && abs(difference.interval.upper - 0.3339) < 0.0005)
        }
    }

    @Test func oneGroupClosedTableHidesASecondCellWithTheFirst() {
        let hide = ClosedTable.hidden([[500], [4], [30], [200]], answered: [734], multi: false, minimumCell: 10)
        #expect(hide == [[false], [true], [true], [false]])
    }

    @Test func multiGroupClosedTableUsesTwoWaySuppression() {
        // The 4 is hidden; its row and column each need a second hidden cell.
        let hide = ClosedTable.hidden([[100, 50], [4, 40], [60, 30]], answered: [164, 120], multi: false, minimumCell: 10)
        #expect(hide.joined().filter { $0 }.count >= 4)
        for row in hide { #expect(row.filter { $0 }.count != 1) }
        for column in 0..<2 { #expect(hide.map { $0[column] }.filter { $0 }.count != 1) }
    }

    @Test func multiChoiceAndSmallGroups() {
        #expect(ClosedTable.hidden([[500], [4]], answered: [600], multi: true, minimumCell: 10) == [[false], [true]])
        #expect(ClosedTable.hidden([[5, 50], [3, 40]], answered: [8, 90], multi: true, minimumCell: 10) == [[true, false], [true, false]])
    }

    @Test func closedTableShowsTheSuppressedLabelAndNoPercentage() throws {
        let question = Question(id: "aware", type: .single, wording: "Heard of it?",
                                options: [AnswerOption(value: "yes", label: "Yes"), AnswerOption(value: "no", label: "No"), AnswerOption(value: "unsure", label: "Not sure")])
        let counts = [("yes", 500), ("no", 4), ("unsure", 200)].map {
            OptionCount(survey: "community", question: "aware", questionType: "single", option: $0.0, group: "community", count: $0.1, answered: 704)
        }
        let table = try #require(ClosedTable.view(ChapterData.ClosedResult(survey: "community", question: question, counts: counts), minimumCell: 10))
        #expect(table.rows.map { $0.cells.map(\.text) } == [["Yes", "500", "71%", "68–74%"], ["No", "<10", "", ""], ["Not sure", "<10", "", ""]])
        #expect(table.anySuppressed)
    }

    @Test func representativenessHidesSmallGroupsAndTheirRatio() throws {
        let view = try #require(RepresentativenessTable.view(
            ethnicity: [(value: "asian", respondents: 100), (value: "black", respondents: 5), (value: "white", respondents: 300)], notGiven: 7,
            population: [PopulationGroup(group: "asian", detail: "", residents: 200), PopulationGroup(group: "black", detail: "", residents: 100),
                         PopulationGroup(group: "white", detail: "", residents: 700)],
            minimumCell: 10))
        #expect(view.table.rows.map { $0.cells.map(\.text) } == [
            ["Asian", "<10", "", "20.0%", ""], ["Black", "<10", "", "10.0%", ""], ["White", "300", "74.1%", "70.0%", "1.06"],
        ])
    }
}
