import Testing
import ThemeSuggestion

@Suite struct SuggestionEvidenceTests {
    /// A hand-made model: the evidence is the present features with positive weight, heaviest first.
    @Test func heaviestPresentPositiveFeaturesFirst() throws {
        let model = try SuggestionModel(featureOptions: FeatureOptions(bigrams: false, characterGrams: 0), classifierKind: .logisticRegression(l2: 1),
                                        features: ["#gan", "gang", "list", "police", "weather"],
                                        themes: [ThemeClassifier(themeID: "t", threshold: 0.5,
                                                                 classifier: LinearClassifier(bias: -1, weights: [9, 2.5, 0.75, -0.5, 3]))])
        let evidence = model.evidence(for: "The police gang list", themeID: "t")
        #expect(evidence.map(\.feature) == ["gang", "list"])
        #expect(evidence.map(\.weight) == [2.5, 0.75])
        #expect(model.evidenceLine(for: "The police gang list", themeID: "t") == "gang (+2.50), list (+0.75)")
        #expect(model.evidence(for: "The police gang list", themeID: "t", count: 1).map(\.feature) == ["gang"])
        #expect(model.evidence(for: "nothing here", themeID: "t").isEmpty)
        #expect(model.evidence(for: "gang", themeID: "unknown").isEmpty)
    }

    /// On a trained model, every decision's evidence names words of its own text.
    @Test func trainedModelsExplainTheirDecisions() throws {
        let model = try SuggestionModelTests.train(.logisticRegression(l2: 0.1))
        for example in SuggestionModelTests.examples {
            for suggestion in model.suggest(example.text) {
                let evidence = model.evidence(for: example.text, themeID: suggestion.themeID)
                #expect(!evidence.isEmpty, "\(example.text)")
                #expect(evidence.allSatisfy { example.text.lowercased().contains($0.feature.split(separator: " ")[0].prefix(4)) }, "\(evidence)")
            }
        }
    }
}
