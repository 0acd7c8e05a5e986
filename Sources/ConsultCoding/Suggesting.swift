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
/// `SuggestionTrainer`). Suggestions go only to segments no human reviewed, never count in the final
/// coding, and queue for review (`code queue --reason suggested`) until a human accepts them with
/// `code apply`. Deterministic: the same data give the same model and the same suggestions.
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
        let model = try SuggestionTrainer.train(examples, supplementary: TrainingExample.codebookExamples(codebook), themeIDs: themeIDs,
                                                configuration: .recommended)
        let skip = Set(reviewed.map(\.segment))
        var suggestedSegments = 0
        var modelID = 0
        let suggestions = try store.replaceCodings(coder: Store.modelCoder, kind: .model, codebookVersion: codebook.version) { store, emit in
            modelID = try store.saveSuggestionModel(codebookVersion: codebook.version, examples: examples.count,
                                                    trainingSHA256: TrainingExample.digest(examples),
                                                    json: String(decoding: try model.jsonData(), as: UTF8.self))
            var done = 0
            try store.forEachSegmentBatch { batch in
                for segment in batch where !skip.contains(segment.id) {
                    let suggested = model.suggest(segment.text)
                    if !suggested.isEmpty { suggestedSegments += 1 }
                    for suggestion in suggested {
                        try emit(NewCoding(segment: segment.id, theme: suggestion.themeID, rule: "model:\(modelID)", start: nil, end: nil,
                                           matched: nil, confidence: suggestion.confidence))
                    }
                }
                done += batch.count
                progress(done)
            }
        }
        return Summary(modelID: modelID, examples: examples.count, reviewedSegments: reviewed.count,
                       threshold: model.themes.first?.threshold ?? 1, suggestions: suggestions, suggestedSegments: suggestedSegments)
    }
}
