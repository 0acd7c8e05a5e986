import ConsultCore
import Foundation
import Testing
import ThemeSuggestion

/// Model, feature and threshold choice by 5-fold cross-validation on held-out set 1 only (set 2 is
/// not read here), with the codebook's examples as supplementary training data. Each configuration's
/// out-of-fold confidences are scored at the threshold that maximises micro F1, for the model alone
/// and for rules ∪ model. The full grid is in Benchmarks/suggestion-model.md; this keeps the
/// recommended configuration and its nearest rivals so a change that loses the choice fails.
@Suite struct ModelSelectionTests {
    struct Result {
        var alone: ThresholdChoice
        var both: ThresholdChoice
    }

    static func crossValidate(_ configuration: TrainingConfiguration) throws -> Result {
        let set = HeldOutSet.first
        let confidences = try SuggestionTrainer.outOfFoldConfidences(set.examples, supplementary: HeldOutSet.codebookExamples,
                                                                     themeIDs: CoreThemes.ids, configuration: configuration)
        let result = Result(
            alone: try ThresholdChoice(confidences: confidences, examples: set.modelOnlyExamples, themeIDs: CoreThemes.ids, candidates: configuration.thresholds),
            both: try ThresholdChoice(confidences: confidences, examples: set.examples, themeIDs: CoreThemes.ids, candidates: configuration.thresholds)
        )
        print(String(format: "CV %@ %@ | model t=%.2f P=%.3f R=%.3f F1=%.3f macro=%.3f | rules+model t=%.2f P=%.3f R=%.3f F1=%.3f macro=%.3f",
                     "\(configuration.classifier)", "\(configuration.features)",
                     result.alone.threshold, result.alone.evaluation.micro.precision ?? 0, result.alone.evaluation.micro.recall ?? 0,
                     result.alone.evaluation.micro.f1 ?? 0, result.alone.evaluation.macroF1 ?? 0,
                     result.both.threshold, result.both.evaluation.micro.precision ?? 0, result.both.evaluation.micro.recall ?? 0,
                     result.both.evaluation.micro.f1 ?? 0, result.both.evaluation.macroF1 ?? 0))
        return result
    }

    static let rivals: [TrainingConfiguration] = [
        TrainingConfiguration(features: FeatureOptions(bigrams: false, negationWindow: 0), classifier: .logisticRegression(l2: 0.1)),
        TrainingConfiguration(features: FeatureOptions(bigrams: true, negationWindow: 3), classifier: .logisticRegression(l2: 0.1)),
        TrainingConfiguration(features: FeatureOptions(bigrams: false, negationWindow: 3), classifier: .logisticRegression(l2: 0.3)),
        TrainingConfiguration(features: FeatureOptions(bigrams: false, negationWindow: 3), classifier: .naiveBayes(alpha: 0.1)),
        TrainingConfiguration(features: FeatureOptions(bigrams: true, negationWindow: 3, minimumDocumentFrequency: 2), classifier: .naiveBayes(alpha: 0.5)),
    ]

    @Test func recommendedConfigurationWinsCrossValidationOnSetOne() throws {
        let recommended = try Self.crossValidate(.recommended)
        let rivals = try Self.rivals.map(Self.crossValidate)
        let rulesAlone = HeldOutSet.first.evaluate(HeldOutSet.first.examples.map(\.ruleThemes))
        #expect((recommended.alone.evaluation.micro.f1 ?? 0) >= rivals.map { $0.alone.evaluation.micro.f1 ?? 0 }.max() ?? 0)
        #expect((recommended.both.evaluation.micro.f1 ?? 0) >= (rivals.map { $0.both.evaluation.micro.f1 ?? 0 }.max() ?? 0) - 0.01)
        #expect((recommended.both.evaluation.micro.f1 ?? 0) > (rulesAlone.micro.f1 ?? 1) + 0.03)
    }
}
