import Testing
import ThemeSuggestion

@Suite struct AutomaticCodeTests {
    @Test func unionKeepsEachThemeOnceWithItsSources() {
        let codes = AutomaticCode.combine(
            ruleThemes: ["trust.low", "awareness.aware"],
            suggestions: [Suggestion(themeID: "awareness.aware", confidence: 0.9), Suggestion(themeID: "fairness.racial", confidence: 0.6)]
        )
        #expect(codes == [
            AutomaticCode(themeID: "awareness.aware", fromRules: true, modelConfidence: 0.9),
            AutomaticCode(themeID: "fairness.racial", fromRules: false, modelConfidence: 0.6),
            AutomaticCode(themeID: "trust.low", fromRules: true, modelConfidence: nil),
        ])
    }

    @Test func nothingFromEitherSideIsNoCode() {
        #expect(AutomaticCode.combine(ruleThemes: [], suggestions: []).isEmpty)
    }
}
