import ConsultReport
import ConsultStore
import ConsultationModel
import Foundation
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

    static let groups = [Codebook.ThemeGroup(id: "awareness", label: "Awareness", themeIDs: ["awareness.aware", "awareness.unaware"]),
                         Codebook.ThemeGroup(id: "sources", label: "Information came from", themeIDs: ["information.media"])]

    func summary(themeGroups: [Codebook.ThemeGroup] = Self.groups) -> PerceptionSummary {
        PerceptionSummary.make(themes: counts(minimum: 10), raw: counts(minimum: 1),
                               sessions: 6, raising: ["awareness.aware": 6, "fairness.racial": 4],
                               answers: [], surveyOfGroup: ["community": "community", "partner": "partner"],
                               themeGroups: themeGroups, minimumCell: 10)
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
        #expect(focus.themeGroups.first?.figures.first?.sessions == 6)
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

    /// The codebook's theme groups, in its order, under their labels: each with the figures of its
    /// own themes only (most raised first; a theme no one raised in a group is not listed), and in
    /// JSON each group's figures stand under the group's id.
    @Test func themeGroupsComeFromTheCodebook() throws {
        let s = summary()
        let community = try #require(s.groups.first { $0.group == "community" })
        #expect(community.themeGroups.map(\.id) == ["awareness", "sources"])
        #expect(community.themeGroups.map { $0.figures.map(\.theme) } == [["awareness.aware"], ["information.media"]])
        let text = s.render(markdown: false)
        #expect(text.contains("Awareness:\n  AWARENESS.AWARE: 400 (40.0%"))
        #expect(text.contains("Information came from:\n  INFORMATION.MEDIA: <10\nLeading themes:"))
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let json = try #require(try JSONSerialization.jsonObject(with: try encoder.encode(s)) as? [String: Any])
        let first = try #require((json["groups"] as? [[String: Any]])?.first)
        #expect(Set(first.keys) == ["group", "respondents", "awareness", "sources", "leading", "answers"])
        #expect((first["awareness"] as? [[String: Any]])?.first?["theme"] as? String == "awareness.aware")
    }

    /// Another consultation's codebook without `theme_groups`: no empty headings, and each group
    /// still lists its leading themes.
    @Test func aCodebookWithoutGroupsStillListsItsThemes() throws {
        let s = summary(themeGroups: [])
        #expect(s.groups.allSatisfy { $0.themeGroups.isEmpty && !$0.leading.isEmpty })
        let text = s.render(markdown: false)
        #expect(!text.contains("Awareness") && !text.contains("Information came from"))
        #expect(text.contains("=\nLeading themes:\n  AWARENESS.AWARE: 400"))
        #expect(text.contains("Leading themes:\n  AWARENESS.AWARE: raised in 6 of 6 groups\n  FAIRNESS.RACIAL: raised in 4 of 6 groups"))
    }
}
