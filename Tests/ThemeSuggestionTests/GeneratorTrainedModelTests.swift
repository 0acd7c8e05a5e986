import CodingQuality
import ConsultationModel
import Foundation
import RuleCoding
import SyntheticSample
import Testing
import ThemeSuggestion

/// What the generator's own labels are worth as training data, measured on text the generator did not
/// write (held-out set 2, never used for tuning): models trained on freshly generated answers labelled
/// by the generator (seed 7, not the committed sample's), alone and together with held-out set 1,
/// with the recommended configuration fixed before this measurement. Release only (training ~10,000
/// segments and coding them in a debug build takes minutes):
/// `swift test -c release -Xswiftc -enable-testing --filter GeneratorTrainedModelTests`.
@Suite struct GeneratorTrainedModelTests {
    static let isReleaseBuild: Bool = {
        #if DEBUG
        false
        #else
        true
        #endif
    }()

    @Test(.enabled(if: isReleaseBuild)) func generatorLabelsAsTrainingData() throws {
        let rules = try AutoCoder(codebook: HeldOutSet.codebook)
        let generated = try GeneratedSegments.make(seed: 7, community: 2_000, partner: 400).map {
            TrainingExample(text: $0.text, themes: $0.themes, ruleThemes: Set(rules.code($0.text).map(\.themeID)))
        }
        let test = HeldOutSet.second
        var lines = [SuggestionHeldOutTests.line("rules", test.evaluate(test.examples.map(\.ruleThemes)))]
        var scores: [String: CodingEvaluation] = [:]
        for (name, training) in [("generator", generated), ("generator+set1", generated + HeldOutSet.first.examples)] {
            let model = try SuggestionTrainer.train(training, supplementary: HeldOutSet.codebookExamples, themeIDs: HeldOutSet.codebook.coreThemeIDs,
                                                    configuration: .recommended)
            let both = test.evaluate(test.examples.map { example in
                Set(AutomaticCode.combine(ruleThemes: example.ruleThemes, suggestions: model.suggest(example.text)).map(\.themeID))
            })
            scores[name] = both
            lines.append(SuggestionHeldOutTests.line("rules+model trained on \(name) (\(training.count) texts, threshold \(model.themes[0].threshold))", both))
        }
        print(lines.joined(separator: "\n"))
        let rulesF1 = test.evaluate(test.examples.map(\.ruleThemes)).micro.f1 ?? 1
        #expect((scores["generator"]?.micro.f1 ?? 0) > rulesF1)
        #expect((scores["generator+set1"]?.micro.f1 ?? 0) > rulesF1)
    }
}
