import CodingQuality
import ConsultationModel
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
        HeldOutSet.codebook.coreThemeIDs.map { theme in
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
        let combined = try! SuggestionTrainer.train(pool.examples, supplementary: HeldOutSet.codebookExamples, themeIDs: HeldOutSet.codebook.coreThemeIDs,
                                                    configuration: .recommended)
        let alone = try! SuggestionTrainer.train(pool.modelOnlyExamples, supplementary: HeldOutSet.codebookExamples, themeIDs: HeldOutSet.codebook.coreThemeIDs,
                                                 configuration: .recommended)
        print("thresholds: model alone \(alone.themes[0].threshold), with rules \(combined.themes[0].threshold)")
        return (combined, alone)
    }()

    static func scores(_ test: HeldOutSet, name: String) throws -> Scores {
        let coded = test.examples.map { example in
            Set(AutomaticCode.combine(ruleThemes: example.ruleThemes, suggestions: models.combined.suggest(example.text)).map(\.themeID))
        }
        let scores = Scores(
            rules: test.evaluate(test.examples.map(\.ruleThemes)),
            model: test.evaluate(test.examples.map { Set(models.alone.suggest($0.text).map(\.themeID)) }),
            both: test.evaluate(coded))
        let intervals = try CodingEvaluationIntervals.compute(
            gold: Dictionary(uniqueKeysWithValues: zip(test.ids, test.examples.map(\.themes))),
            coded: Dictionary(uniqueKeysWithValues: zip(test.ids, coded)), themeIDs: HeldOutSet.codebook.coreThemeIDs)
        let f1 = intervals.micro.f1.map { String(format: "%.3f–%.3f", $0.lower, $0.upper) } ?? "–"
        print(["\(name):", line("rules", scores.rules), line("model", scores.model), line("rules+model", scores.both),
               "rules+model micro F1 bootstrap 95% interval \(f1)", perTheme([scores.rules, scores.model, scores.both])].joined(separator: "\n"))
        return scores
    }

    /// The headline: set 4, scored once after every choice was fixed (2026-11-26): rules F1 0.688,
    /// model 0.721, rules ∪ model P 0.742 R 0.768 F1 0.755 (macro 0.749).
    @Test func rulesPlusModelReachTheTargetOnSetFour() throws {
        let scores = try Self.scores(HeldOutSet.fourth, name: "set 4")
        #expect((scores.both.micro.f1 ?? 0) >= 0.75)
        #expect((scores.both.micro.f1 ?? 0) >= (scores.rules.micro.f1 ?? 1) + 0.05)
        #expect((scores.both.micro.precision ?? 0) >= 0.73)
        #expect((scores.both.macroF1 ?? 0) >= 0.74)
        #expect((scores.model.micro.f1 ?? 0) >= 0.71)
    }

    /// Set 3, second look (its first, with the model trained on 1,200 answers, gave 0.732): 0.772.
    @Test func rulesPlusModelOnSetThree() throws {
        let scores = try Self.scores(HeldOutSet.third, name: "set 3")
        #expect((scores.both.micro.f1 ?? 0) >= 0.76)
        #expect((scores.both.micro.f1 ?? 0) >= (scores.rules.micro.f1 ?? 1) + 0.05)
    }

    /// Set 2 (its aggregate scores were seen while the first rule pass ran): 0.780.
    @Test func rulesPlusModelOnSetTwo() throws {
        let scores = try Self.scores(HeldOutSet.second, name: "set 2")
        #expect((scores.both.micro.f1 ?? 0) >= 0.77)
        #expect((scores.both.micro.f1 ?? 0) >= (scores.rules.micro.f1 ?? 1) + 0.05)
    }
}
