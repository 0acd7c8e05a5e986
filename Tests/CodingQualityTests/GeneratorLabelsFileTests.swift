import CodingQuality
import FileReading
import TestSupport
import Testing

/// `generator-labels.csv`: the committed sample's file parses, and every malformed input is refused
/// with the file, line and field.
@Suite struct GeneratorLabelsFileTests {
    private func parse(_ text: String) throws -> [GeneratorLabel] {
        try GeneratorLabelsFile.parse(bytes: Array(text.utf8), name: "labels.csv")
    }

    @Test func committedSampleLabelsParse() throws {
        let labels = try GeneratorLabelsFile.read(path: ProjectRoot.path("surveys/sample/generator-labels.csv"))
        #expect(labels.count > 5_000)
        #expect(labels.first?.line == 2)
        #expect(Set(labels.map(\.survey)) == ["community", "partner", "focus_groups"])
        #expect(labels.filter { $0.survey != "focus_groups" }.allSatisfy { $0.position == 1 })
        #expect(labels.filter { $0.survey == "focus_groups" }.allSatisfy { $0.respondent.hasPrefix($0.question + "/P") })
    }

    @Test func readsRecordsInAnyColumnOrder() throws {
        let labels = try parse("theme,position,question,respondent,survey\nfairness.racial,1,concerns,C-000009,community\n\n"
            + "trust.low, 14 ,fg-02,fg-02/P3,focus_groups\n")
        #expect(labels == [
            GeneratorLabel(survey: "community", respondent: "C-000009", question: "concerns", position: 1, theme: "fairness.racial", line: 2),
            GeneratorLabel(survey: "focus_groups", respondent: "fg-02/P3", question: "fg-02", position: 14, theme: "trust.low", line: 4),
        ])
    }

    @Test(arguments: [
        ("", 1, nil, "is empty"),
        ("survey,respondent,question,position\n", 1, "theme", "missing column"),
        ("survey,respondent,question,position,theme,coder\n", 1, "coder", "unknown column"),
        ("survey,respondent,question,position,theme,theme\n", 1, "theme", "appears twice"),
        ("survey,respondent,question,position,theme\ncommunity,C-1,help,1\n", 2, nil, "has 4 fields"),
        ("survey,respondent,question,position,theme\ncommunity,,help,1,trust.low\n", 2, "respondent", "is empty"),
        ("survey,respondent,question,position,theme\ncommunity,C-1,help,0,trust.low\n", 2, "position", "'0'"),
        ("survey,respondent,question,position,theme\ncommunity,C-1,help,one,trust.low\n", 2, "position", "'one'"),
        ("survey,respondent,question,position,theme\ncommunity,C-1,help,1,Trust Low\n", 2, "theme", "'Trust Low'"),
        ("survey,respondent,question,position,theme\ncommunity,C-1,help,1,trust.low\ncommunity,C-1,help,1,trust.low\n", 3, nil, "line 2"),
    ] as [(String, Int, String?, String)])
    func malformedFilesNameLineAndField(_ text: String, _ line: Int, _ field: String?, _ message: String) throws {
        let error = try #require(throws: SurveyFileError.self) { try parse(text) }
        #expect(error.file == "labels.csv")
        #expect(error.line == line)
        #expect(error.field == field)
        #expect(error.message.contains(message), "\(error)")
    }
}
