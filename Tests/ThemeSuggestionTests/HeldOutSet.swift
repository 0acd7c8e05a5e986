import CodingQuality
import ConsultationModel
import Foundation
import RuleCoding
import TestSupport
import ThemeSuggestion

/// A hand-coded held-out set of `surveys/evaluation/` as training examples, each carrying what the
/// shipped rules code for its text (so thresholds can be chosen for rules ∪ model).
struct HeldOutSet {
    let ids: [String]
    let examples: [TrainingExample]

    /// Set 1: the rules' author saw its aggregate scores; used here for training and cross-validation.
    static let first = try! HeldOutSet(file: "surveys/evaluation/heldout-gold.csv")
    /// Set 2: never used for tuning; read once for the final evaluation.
    static let second = try! HeldOutSet(file: "surveys/evaluation/heldout-gold-2.csv")
    /// Set 3: written by a third writer, never used for tuning; evaluated once with the model trained
    /// on set 1 and training sets 1-2, and again after training sets 3-4 were added.
    static let third = try! HeldOutSet(file: "surveys/evaluation/heldout-gold-3.csv")
    /// Set 4: written last, by a fifth writer, read by nothing but the final evaluation: the headline.
    static let fourth = try! HeldOutSet(file: "surveys/evaluation/heldout-gold-4.csv")
    /// Everything a model may learn from: set 1 and the four training sets (`surveys/training/`,
    /// 2,040 coded answers, each set from its own writer).
    static let pool = HeldOutSet(merging: [first] + (1...4).map { try! HeldOutSet(file: "surveys/training/training-\($0).csv") })

    /// The shipped codebook's example quotes (supplementary training data).
    static let codebookExamples = TrainingExample.codebookExamples(codebook)
    static let codebook = try! Codebook.parse(yaml: ConsultationLoader.readText(project("surveys/codebook.yaml")), file: "codebook.yaml")

    init(file: String) throws {
        let rules = try AutoCoder(codebook: Self.codebook)
        let rows = try CodedTextFile.read(path: Self.project(file), knownThemes: Set(Self.codebook.themes.map(\.id)))
        let ids = rows.map { $0.id ?? "" }
        let examples = rows.map { TrainingExample(text: $0.text, themes: $0.themes, ruleThemes: Set(rules.code($0.text).map(\.themeID))) }
        self.ids = ids
        self.examples = examples
    }

    /// Coded texts given directly (real statements whose text is read in place, never copied).
    init(ids: [String], texts: [String], themes: [Set<String>]) throws {
        let rules = try AutoCoder(codebook: Self.codebook)
        self.ids = ids
        examples = zip(texts, themes).map { TrainingExample(text: $0, themes: $1, ruleThemes: Set(rules.code($0).map(\.themeID))) }
    }

    private init(merging sets: [HeldOutSet]) {
        ids = sets.flatMap(\.ids)
        examples = sets.flatMap(\.examples)
    }

    /// The examples without their rule themes, for choosing a threshold for the model alone.
    var modelOnlyExamples: [TrainingExample] {
        examples.map { TrainingExample(text: $0.text, themes: $0.themes) }
    }

    /// Scores codes (one set per example, in order) against this set's gold codes on the core themes.
    func evaluate(_ coded: [Set<String>]) -> CodingEvaluation {
        CodingEvaluation(gold: Dictionary(uniqueKeysWithValues: zip(ids, examples.map(\.themes))),
                         coded: Dictionary(uniqueKeysWithValues: zip(ids, coded)), themeIDs: HeldOutSet.codebook.coreThemeIDs)
    }

    private static func project(_ path: String) -> String { ProjectRoot.path(path) }
}
