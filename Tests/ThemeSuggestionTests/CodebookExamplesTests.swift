import Testing
import ThemeSuggestion

@Suite struct CodebookExamplesTests {
    @Test func everyQuoteIsAPositiveForItsThemeAndWhatItImplies() throws {
        let codebook = HeldOutSet.codebook
        let examples = TrainingExample.codebookExamples(codebook)
        #expect(examples.count == codebook.themes.map(\.examples.count).reduce(0, +))
        let purpose = try #require(codebook.theme("understanding.purpose"))
        let first = try #require(examples.first { $0.text == purpose.examples.first })
        #expect(first.themes == Set(["understanding.purpose"] + purpose.implies))
        #expect(first.themes.contains("awareness.aware"))
        #expect(first.ruleThemes.isEmpty)
    }
}
