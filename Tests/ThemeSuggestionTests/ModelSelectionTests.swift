import ConsultationModel
import Foundation
import Testing
import ThemeSuggestion

/// Model, feature and threshold choice by 5-fold cross-validation on the training pool (held-out
/// set 1 and the two training sets, 1,200 coded answers; sets 2 and 3 are not read here), with the
/// codebook's examples as supplementary training data. Each configuration's out-of-fold
/// confidences are scored at the threshold that maximises micro F1, for the model alone and for
/// rules ∪ model. The grid's figures are in Benchmarks/suggestion-model.md; the test fails if the
/// recommended configuration stops being (within noise) the best, so a change that loses the
/// choice is seen.
@Suite struct ModelSelectionTests {
    struct Result {
        var configuration: TrainingConfiguration
        var alone: ThresholdChoice
        var both: ThresholdChoice
    }

    static func crossValidate(_ configuration: TrainingConfiguration) throws -> Result {
        let set = HeldOutSet.pool
        let confidences = try SuggestionTrainer.outOfFoldConfidences(set.examples, supplementary: HeldOutSet.codebookExamples,
                                                                     themeIDs: HeldOutSet.codebook.coreThemeIDs, configuration: configuration)
        let result = Result(
            configuration: configuration,
            alone: try ThresholdChoice(confidences: confidences, examples: set.modelOnlyExamples, themeIDs: HeldOutSet.codebook.coreThemeIDs, candidates: configuration.thresholds),
            both: try ThresholdChoice(confidences: confidences, examples: set.examples, themeIDs: HeldOutSet.codebook.coreThemeIDs, candidates: configuration.thresholds)
        )
        print(String(format: "CV %@ %@ | model t=%.2f P=%.3f R=%.3f F1=%.3f macro=%.3f | rules+model t=%.2f P=%.3f R=%.3f F1=%.3f macro=%.3f",
                     "\(configuration.classifier)", "\(configuration.features)",
                     result.alone.threshold, result.alone.evaluation.micro.precision ?? 0, result.alone.evaluation.micro.recall ?? 0,
                     result.alone.evaluation.micro.f1 ?? 0, result.alone.evaluation.macroF1 ?? 0,
                     result.both.threshold, result.both.evaluation.micro.precision ?? 0, result.both.evaluation.micro.recall ?? 0,
                     result.both.evaluation.micro.f1 ?? 0, result.both.evaluation.macroF1 ?? 0))
        return result
    }

    static func features(bigrams: Bool = false, negation: Int = 3, letters: Int = 0, minimum: Int = 1) -> FeatureOptions {
        FeatureOptions(bigrams: bigrams, negationWindow: negation, minimumDocumentFrequency: minimum, characterGrams: letters)
    }

    static let rivals: [TrainingConfiguration] = [
        TrainingConfiguration(features: features(), classifier: .logisticRegression(l2: 0.1)),
        TrainingConfiguration(features: features(), classifier: .logisticRegression(l2: 0.3)),
        TrainingConfiguration(features: features(negation: 0), classifier: .logisticRegression(l2: 0.1)),
        TrainingConfiguration(features: features(bigrams: true), classifier: .logisticRegression(l2: 0.1)),
        TrainingConfiguration(features: features(letters: 4), classifier: .logisticRegression(l2: 0.1)),
        TrainingConfiguration(features: features(letters: 4), classifier: .logisticRegression(l2: 1)),
        TrainingConfiguration(features: features(letters: 5), classifier: .logisticRegression(l2: 0.3)),
        TrainingConfiguration(features: features(letters: 3), classifier: .logisticRegression(l2: 0.3)),
        TrainingConfiguration(features: features(bigrams: true, letters: 4), classifier: .logisticRegression(l2: 1)),
        TrainingConfiguration(features: features(), classifier: .naiveBayes(alpha: 0.1)),
        TrainingConfiguration(features: features(bigrams: true, minimum: 2), classifier: .naiveBayes(alpha: 0.5)),
    ]

    @Test func recommendedConfigurationWinsCrossValidationOnThePool() throws {
        let recommended = try Self.crossValidate(.recommended)
        let rivals = try Self.rivals.map(Self.crossValidate)
        let rulesAlone = HeldOutSet.pool.evaluate(HeldOutSet.pool.examples.map(\.ruleThemes))
        print(String(format: "CV rules alone: P=%.3f R=%.3f F1=%.3f macro=%.3f", rulesAlone.micro.precision ?? 0, rulesAlone.micro.recall ?? 0,
                     rulesAlone.micro.f1 ?? 0, rulesAlone.macroF1 ?? 0))
        let bestBoth = rivals.map { $0.both.evaluation.micro.f1 ?? 0 }.max() ?? 0
        let bestAlone = rivals.map { $0.alone.evaluation.micro.f1 ?? 0 }.max() ?? 0
        #expect((recommended.both.evaluation.micro.f1 ?? 0) >= bestBoth - 0.003)
        #expect((recommended.alone.evaluation.micro.f1 ?? 0) >= bestAlone - 0.01)
        #expect((recommended.both.evaluation.micro.f1 ?? 0) > (rulesAlone.micro.f1 ?? 1) + 0.02)
    }
}
