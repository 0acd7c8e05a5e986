import CodingQuality
import ConsultStore
import Foundation
import RuleCoding
import ThemeSuggestion

/// Trains the suggestion model and stores its suggestions as coder `model` (kind `model`).
///
/// Training data: every segment a human reviewed (labelled with its final coding), plus any coded
/// texts given in files (e.g. a hand-coded evaluation set), with the codebook's example quotes as
/// supplementary positives. The threshold is chosen by cross-validation for rules ∪ model (see
/// `SuggestionTrainer`). Unless the model counts (`code auto --with-model`), suggestions go only to
/// segments no human reviewed, never count in the final coding, and queue for review (`code queue
/// --reason suggested`) until a human accepts them with `code apply`; while it counts, this is the
/// retraining: the new version codes every segment and counts in the old one's place. Deterministic:
/// the same data give the same model and the same suggestions.
public enum Suggesting {
    public struct Summary: Sendable, Equatable {
        public var modelID: Int
        public var examples: Int
        public var reviewedSegments: Int
        public var threshold: Double
        public var suggestions: Int
        public var suggestedSegments: Int
    }

    /// - Parameter extra: coded texts from files, already checked against the codebook.
    /// - Throws: `SuggestionError` (too few examples for cross-validation) or a store error.
    public static func run(store: Store, extra: [CodedText], progress: (Int) -> Void = { _ in }) throws -> Summary {
        let codebook = try store.currentCodebook()
        let rules = try AutoCoder(codebook: codebook)
        let reviewed = try store.reviewedSegments()
        let examples = reviewed.map { TrainingExample(text: $0.text, themes: $0.themes, ruleThemes: $0.ruleThemes) }
            + extra.map { TrainingExample(text: $0.text, themes: $0.themes, ruleThemes: Set(rules.code($0.text).map(\.themeID))) }
        let themeIDs = codebook.leafThemeIDs
        let supplementary = TrainingExample.codebookExamples(codebook)
        let model = try SuggestionTrainer.train(examples, supplementary: supplementary, themeIDs: themeIDs, configuration: .recommended)
        // Fold versions, when analysts coded validation-sample respondents: each without one fold of them
        // (same threshold), so that the sample checks a coding that never learnt from it (ModelCoding).
        let sampled = try store.segmentFolds(all: false)
        var folds: [(examples: [TrainingExample], model: SuggestionModel)] = []
        if reviewed.contains(where: { sampled[$0.segment] != nil }) {
            for fold in 0...1 {
                let kept = zip(reviewed, examples).filter { sampled[$0.0.segment] != fold }.map(\.1) + examples.dropFirst(reviewed.count)
                folds.append((kept, try SuggestionTrainer.fit(kept + supplementary, themeIDs: themeIDs, configuration: .recommended,
                                                              threshold: model.themes.first?.threshold ?? 0.5)))
            }
        }
        let counted = try store.automaticCodingModel() != nil
        var suggestedSegments = 0
        var modelID = 0
        let suggestions = try store.replaceCodings(coder: Store.modelCoder, kind: .model, codebookVersion: codebook.version) { store, emit in
            modelID = try store.saveSuggestionModel(codebookVersion: codebook.version, examples: examples.count,
                                                    trainingSHA256: TrainingExample.digest(examples),
                                                    json: String(decoding: try model.jsonData(), as: UTF8.self))
            let foldVersions = try folds.enumerated().map { fold, version in
                ModelCoding.Version(id: try store.saveFoldModel(of: modelID, fold: fold, codebookVersion: codebook.version, examples: version.examples.count,
                                                                trainingSHA256: TrainingExample.digest(version.examples),
                                                                json: String(decoding: try version.model.jsonData(), as: UTF8.self)),
                                    model: version.model)
            }
            // While the model counts, the new version codes every segment and counts in its place.
            suggestedSegments = try ModelCoding.code(store: store, versions: ModelCoding.Versions(full: ModelCoding.Version(id: modelID, model: model), folds: foldVersions),
                                                     skipping: counted ? [] : Set(reviewed.map(\.segment)), emit: emit, progress: progress)
            if counted { try store.setAutomaticCoding(withModel: modelID) }
        }
        return Summary(modelID: modelID, examples: examples.count, reviewedSegments: reviewed.count,
                       threshold: model.themes.first?.threshold ?? 1, suggestions: suggestions, suggestedSegments: suggestedSegments)
    }
}
