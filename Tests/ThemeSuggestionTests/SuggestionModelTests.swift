import Foundation
import Testing
import ThemeSuggestion

@Suite struct SuggestionModelTests {
    /// Two themes, each signalled by its own words; every text is perfectly separable.
    static let examples: [TrainingExample] = [
        .init(text: "the police stopped and searched me again", themes: ["enforcement"]),
        .init(text: "stopped searched every week by officers", themes: ["enforcement"]),
        .init(text: "they raided our flat and searched it", themes: ["enforcement"]),
        .init(text: "it should be scrapped", themes: ["abolish"]),
        .init(text: "scrap it now, get rid of it", themes: ["abolish"]),
        .init(text: "just get rid of the whole thing", themes: ["abolish"]),
        .init(text: "searched on the street, scrap the list", themes: ["abolish", "enforcement"]),
        .init(text: "no idea really", themes: []),
        .init(text: "the weather is nice today", themes: []),
        .init(text: "I like football", themes: []),
    ]
    static let themeIDs = ["abolish", "enforcement"]
    static let kinds: [ClassifierKind] = [.logisticRegression(l2: 0.1), .naiveBayes(alpha: 0.5)]

    static func train(_ kind: ClassifierKind) throws -> SuggestionModel {
        try SuggestionTrainer.fit(examples, themeIDs: themeIDs, configuration: TrainingConfiguration(features: FeatureOptions(), classifier: kind), threshold: 0.5)
    }

    @Test(arguments: kinds)
    func learnsASeparableSetPerfectly(kind: ClassifierKind) throws {
        let model = try Self.train(kind)
        for example in Self.examples {
            #expect(Set(model.suggest(example.text).map(\.themeID)) == example.themes, "\(example.text)")
        }
    }

    @Test(arguments: kinds)
    func sameDataGivesTheSameBytes(kind: ClassifierKind) throws {
        let first = try Self.train(kind).jsonData(), second = try Self.train(kind).jsonData()
        #expect(first == second)
        let shuffled = try SuggestionTrainer.fit(Self.examples.reversed(), themeIDs: Self.themeIDs,
                                                 configuration: TrainingConfiguration(features: FeatureOptions(), classifier: kind), threshold: 0.5)
        #expect(shuffled.features == (try Self.train(kind)).features)
    }

    @Test(arguments: kinds)
    func jsonRoundTripKeepsTheModelAndItsScores(kind: ClassifierKind) throws {
        let model = try Self.train(kind)
        let decoded = try SuggestionModel(json: model.jsonData())
        #expect(decoded == model)
        #expect(try decoded.jsonData() == model.jsonData())
        #expect(decoded.confidences(for: "searched and scrapped") == model.confidences(for: "searched and scrapped"))
    }

    @Test func unknownWordsScoreLikeAnEmptyText() throws {
        let model = try Self.train(.logisticRegression(l2: 0.1))
        #expect(model.confidences(for: "zxqv blorp") == model.confidences(for: ""))
        #expect(model.suggest("").isEmpty)
        #expect(model.confidences(for: "").count == 2)
    }

    @Test func suggestionsComeMostConfidentFirst() throws {
        let model = try Self.train(.logisticRegression(l2: 0.1))
        let suggestions = try SuggestionModel(featureOptions: model.featureOptions, classifierKind: model.classifierKind, features: model.features,
                                              themes: model.themes.map { ThemeClassifier(themeID: $0.themeID, threshold: 0, classifier: $0.classifier) })
            .suggest("searched")
        #expect(suggestions.map(\.themeID) == ["enforcement", "abolish"])
    }

    @Test func trainingNeedsExamplesAndEnoughForTheFolds() {
        let configuration = TrainingConfiguration(features: FeatureOptions(), classifier: .naiveBayes(alpha: 1), folds: 5)
        #expect(throws: SuggestionError.noTrainingExamples) {
            try SuggestionTrainer.fit([], themeIDs: ["a"], configuration: configuration, threshold: 0.5)
        }
        #expect(throws: SuggestionError.invalidFoldCount(folds: 5, examples: 3)) {
            try SuggestionTrainer.train(Array(Self.examples.prefix(3)), themeIDs: ["a"], configuration: configuration)
        }
        #expect(throws: SuggestionError.noThresholdCandidates) {
            try SuggestionTrainer.train(Self.examples, themeIDs: ["a"],
                                        configuration: TrainingConfiguration(features: FeatureOptions(), classifier: .naiveBayes(alpha: 1), thresholds: []))
        }
    }

    @Test func decodingRejectsAnotherFormatVersionAndMismatchedWeights() throws {
        let json = try #require(String(data: Self.train(.naiveBayes(alpha: 1)).jsonData(), encoding: .utf8))
        #expect(throws: SuggestionError.unsupportedFormatVersion(99)) {
            try SuggestionModel(json: Data(json.replacingOccurrences(of: "\"formatVersion\":1", with: "\"formatVersion\":99").utf8))
        }
        #expect(throws: SuggestionError.weightCountMismatch(theme: "a", weights: 1, features: 0)) {
            try SuggestionModel(featureOptions: FeatureOptions(), classifierKind: .naiveBayes(alpha: 1), features: [],
                                themes: [ThemeClassifier(themeID: "a", threshold: 0.5, classifier: LinearClassifier(bias: 0, weights: [1]))])
        }
    }
}
