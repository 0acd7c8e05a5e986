import ConsultReport
import ConsultStore
import Statistics
import Testing

@Suite struct PerceptionSummaryTests {
    func row(_ theme: String, _ group: String, _ respondents: Int, base: Int, minimum: Int) -> ThemeCount {
        let hidden = respondents > 0 && respondents < minimum
        return ThemeCount(theme: theme, label: theme.uppercased(), parent: nil, group: group, base: base, respondents: hidden ? nil : respondents,
                          segments: hidden ? nil : respondents, percent: hidden ? nil : Double(respondents) * 100 / Double(base), suppressed: hidden)
    }

    func counts(minimum: Int) -> [ThemeCount] {
        [row("awareness.aware", "community", 400, base: 1000, minimum: minimum), row("awareness.aware", "partner", 210, base: 300, minimum: minimum),
         row("fairness.racial", "community", 150, base: 1000, minimum: minimum), row("fairness.racial", "partner", 45, base: 300, minimum: minimum),
         row("information.media", "community", 5, base: 1000, minimum: minimum), row("information.media", "partner", 0, base: 300, minimum: minimum),
         row("awareness.aware", "focus_group", 30, base: 40, minimum: minimum), row("fairness.racial", "focus_group", 12, base: 40, minimum: minimum)]
    }

    func summary() -> PerceptionSummary {
        PerceptionSummary.make(themes: counts(minimum: 10), raw: counts(minimum: 1),
                               sessions: 6, raising: ["awareness.aware": 6, "fairness.racial": 4],
                               answers: [], surveyOfGroup: ["community": "community", "partner": "partner"], minimumCell: 10)
    }

    @Test func onlyDifferencesWhoseIntervalExcludesZeroAndWhoseCellsArePublishable() throws {
        let s = summary()
        // 40% vs 70% aware: a clear difference; 15% vs 15% racial: none; media 5 vs 0: not publishable.
        #expect(s.differences.map(\.theme) == ["awareness.aware"])
        let d = try #require(s.differences.first?.result)
        let expected = try ProportionDifference(successes1: 400, total1: 1000, successes2: 210, total2: 300)
        #expect(d.interval == expected)
        #expect(d.interval.upper < 0)
        #expect((d.chiSquare?.pValue ?? 1) < 0.001)
    }

    @Test func focusGroupsCountGroupsAndSmallCellsAreWithheld() throws {
        let s = summary()
        let focus = try #require(s.groups.first { $0.group == "focus_group" })
        #expect(focus.sessions == 6)
        #expect(focus.awareness.first?.sessions == 6)
        let text = s.render(markdown: false)
        #expect(text.contains("AWARENESS.AWARE: raised in 6 of 6 groups"))
        #expect(text.contains("FAIRNESS.RACIAL: raised in 4 of 6 groups"))
        #expect(text.contains("INFORMATION.MEDIA: <10"))
        #expect(!text.contains("INFORMATION.MEDIA: 5"))
        let community = try #require(s.groups.first { $0.group == "community" })
        #expect(community.leading.map(\.theme) == ["awareness.aware", "fairness.racial"])
        let markdown = s.render(markdown: true)
        #expect(markdown.contains("## Community respondents (1000 respondents)"))
        #expect(PublicationCheck.scan(markdown).isEmpty)
    }
}
