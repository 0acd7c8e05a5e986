import ConsultReport
import ConsultStore
import Foundation
import Testing

@Suite struct ResultTableTests {
    let table = ResultTable(columns: ["theme", "respondents", "percent", "suppressed"], rows: [
        [.text("trust.low"), .int(12), .number(33.333, decimals: 1), .absent],
        [.text("a \"quoted\", odd\ntheme"), .null, .null, .bool(true)],
    ])

    @Test func jsonHasRowsWithNullsAndOptionalKeys() throws {
        let json = table.render(.json)
        let object = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]
        let rows = try #require(object?["rows"] as? [[String: Any]])
        #expect(rows.count == 2)
        #expect(rows[0]["respondents"] as? Int == 12)
        #expect(rows[0]["percent"] as? Double == 33.3)
        #expect(rows[0]["suppressed"] == nil)
        #expect(rows[1]["respondents"] is NSNull)
        #expect(rows[1]["suppressed"] as? Bool == true)
        #expect(rows[1]["theme"] as? String == "a \"quoted\", odd\ntheme")
    }

    @Test func csvQuotesAndLeavesNullEmpty() {
        let lines = table.render(.csv).split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines[0] == "theme,respondents,percent,suppressed")
        #expect(lines[1] == "trust.low,12,33.3,")
        #expect(lines[2] == "\"a \"\"quoted\"\", odd")
    }

    @Test func textTableAlignsColumns() {
        let lines = table.render(.table).split(separator: "\n")
        #expect(lines[0].hasPrefix("theme"))
        #expect(lines[1].allSatisfy { $0 == "-" || $0 == " " })
        #expect(lines[2].contains("trust.low") && lines[2].contains("33.3"))
        #expect(lines[3].contains("-"))
    }

    @Test(arguments: [("plain", "\"plain\""), ("tab\there", "\"tab\\there\""), ("\u{01}", "\"\\u0001\""), ("é👍", "\"é👍\"")])
    func jsonStringsEscape(_ input: String, _ expected: String) {
        #expect(ResultTable.jsonString(input) == expected)
    }
}

@Suite struct ThemeChartTests {
    @Test func barsForValuesSuppressedLabelAndEscapedText() {
        let svg = ThemeChart.svg(title: "Q & A", groups: ["Community", "Partners"], rows: [
            .init(label: "Trust <low>", values: [40, nil]),
            .init(label: "Stigma", values: [12.4, 0]),
        ], suppressedLabel: "<10")
        #expect(svg.hasPrefix("<svg xmlns=\"http://www.w3.org/2000/svg\""))
        #expect(svg.components(separatedBy: "height=\"10.0\"").count - 1 == 3)
        #expect(svg.contains(">&lt;10</text>"))
        #expect(svg.contains("Trust &lt;low&gt;"))
        #expect(svg.contains("<title>Q &amp; A</title>"))
        #expect(svg.contains(">40%</text>") && svg.contains(">12%</text>"))
        #expect(ThemeChart.svg(title: "Q & A", groups: ["Community", "Partners"], rows: [.init(label: "x", values: [1, 2])], suppressedLabel: "<10")
                == ThemeChart.svg(title: "Q & A", groups: ["Community", "Partners"], rows: [.init(label: "x", values: [1, 2])], suppressedLabel: "<10"))
    }
}

@Suite struct OptionShareTests {
    func cell(_ option: String, _ count: Int, answered: Int, group: String? = nil, type: String = "single", question: String = "q") -> OptionCount {
        OptionCount(survey: "s", question: question, questionType: type, option: option, group: group, count: count, answered: answered)
    }

    @Test func percentagesAndIntervalsOfTheAnsweringBase() {
        let shares = OptionShare.compute([cell("a", 81, answered: 263), cell("b", 182, answered: 263)], minimumCell: 10)
        #expect(abs(shares[0].percent! - 30.8) < 0.05)
        #expect(abs(shares[0].ciLow! - 25.53) < 0.01 && abs(shares[0].ciHigh! - 36.62) < 0.01)
        #expect(!shares.contains { $0.suppressed })
    }

    @Test func smallCellsAndTheirComplementAreHiddenWithinEachGroupOnly() {
        let shares = OptionShare.compute([
            cell("a", 50, answered: 58, group: "g1"), cell("b", 3, answered: 58, group: "g1"), cell("c", 5, answered: 58, group: "g1"),
            cell("a", 40, answered: 63, group: "g2"), cell("b", 12, answered: 63, group: "g2"), cell("c", 11, answered: 63, group: "g2"),
        ], minimumCell: 10)
        #expect(shares.map(\.suppressed) == [false, true, true, false, false, false])
        #expect(shares[1].percent == nil && shares[1].ciLow == nil)
    }

    @Test func aSmallGroupShowsNothingAndMultiNeedsNoComplement() {
        let small = OptionShare.compute([cell("a", 6, answered: 8), cell("b", 2, answered: 8)], minimumCell: 10)
        #expect(small.allSatisfy { $0.suppressed })
        let multi = OptionShare.compute([cell("a", 40, answered: 50, type: "multi"), cell("b", 4, answered: 50, type: "multi"),
                                         cell("c", 30, answered: 50, type: "multi")], minimumCell: 10)
        #expect(multi.map(\.suppressed) == [false, true, false])
    }
}
