import ConsultReport
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
    @Test func barsForValuesAsterisksForSuppressedAndEscapedText() {
        let svg = ThemeChart.svg(title: "Q & A", groups: ["Community", "Partners"], rows: [
            .init(label: "Trust <low>", values: [40, nil]),
            .init(label: "Stigma", values: [12.4, 0]),
        ])
        #expect(svg.hasPrefix("<svg xmlns=\"http://www.w3.org/2000/svg\""))
        #expect(svg.components(separatedBy: "height=\"10.0\"").count - 1 == 3)
        #expect(svg.contains(">*</text>"))
        #expect(svg.contains("Trust &lt;low&gt;"))
        #expect(svg.contains("<title>Q &amp; A</title>"))
        #expect(svg.contains(">40%</text>") && svg.contains(">12%</text>"))
        #expect(ThemeChart.svg(title: "Q & A", groups: ["Community", "Partners"], rows: [.init(label: "x", values: [1, 2])])
                == ThemeChart.svg(title: "Q & A", groups: ["Community", "Partners"], rows: [.init(label: "x", values: [1, 2])]))
    }
}
