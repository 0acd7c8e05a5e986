import ConsultCore
import Foundation
import Testing
import ThemeSuggestion

/// The one evaluation on unseen text: models trained on held-out set 1 (plus the codebook's examples)
/// with the recommended configuration, thresholds chosen by cross-validation on set 1, scored on
/// set 2, which no choice here looked at. Floors sit just below the measured figures (recorded in
/// Benchmarks/suggestion-model.md) so a change that loses quality fails.
@Suite struct SuggestionHeldOutTests {
    static func line(_ name: String, _ evaluation: CodingEvaluation) -> String {
        String(format: "%@: micro P=%.3f R=%.3f F1=%.3f macro F1=%.3f", name, evaluation.micro.precision ?? 0, evaluation.micro.recall ?? 0,
               evaluation.micro.f1 ?? 0, evaluation.macroF1 ?? 0)
    }

    static func perTheme(_ evaluations: [CodingEvaluation]) -> String {
        CoreThemes.ids.map { theme in
            let cells = evaluations.map { evaluation -> String in
                let score = evaluation.themes[theme] ?? CodingEvaluation.Score()
                return [score.precision, score.recall, score.f1].map { $0.map { String(format: "%.2f", $0) } ?? "–" }.joined(separator: " | ")
            }
            return "| \(theme) | \((evaluations.first?.themes[theme]?.support) ?? 0) | " + cells.joined(separator: " | ") + " |"
        }.joined(separator: "\n")
    }

    @Test func rulesPlusModelBeatRulesAloneOnSetTwo() throws {
        let training = HeldOutSet.first, test = HeldOutSet.second
        let combined = try SuggestionTrainer.train(training.examples, supplementary: HeldOutSet.codebookExamples, themeIDs: CoreThemes.ids,
                                                   configuration: .recommended)
        let alone = try SuggestionTrainer.train(training.modelOnlyExamples, supplementary: HeldOutSet.codebookExamples, themeIDs: CoreThemes.ids,
                                                configuration: .recommended)
        let rules = test.evaluate(test.examples.map(\.ruleThemes))
        let model = test.evaluate(test.examples.map { Set(alone.suggest($0.text).map(\.themeID)) })
        let both = test.evaluate(test.examples.map { example in
            Set(AutomaticCode.combine(ruleThemes: example.ruleThemes, suggestions: combined.suggest(example.text)).map(\.themeID))
        })
        print("thresholds: model alone \(alone.themes[0].threshold), with rules \(combined.themes[0].threshold)")
        print([Self.line("rules", rules), Self.line("model", model), Self.line("rules+model", both), Self.perTheme([rules, model, both])].joined(separator: "\n"))
        // Measured once: rules F1 0.649; model 0.586; rules ∪ model P 0.778, F1 0.708, macro 0.682.
        // Codebook 2018.2 (rules tuned for recall on the training sets, not on this set): rules ∪ model
        // F1 0.734; the model's margin over the stronger rules narrowed to just under 0.04.
        #expect((both.micro.f1 ?? 0) >= (rules.micro.f1 ?? 1) + 0.03)
        #expect((both.micro.f1 ?? 0) >= 0.70)
        #expect((both.micro.precision ?? 0) >= 0.76)
        #expect((both.macroF1 ?? 0) >= 0.67)
        #expect((model.micro.f1 ?? 0) >= 0.57)
    }
}
