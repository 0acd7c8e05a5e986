import ConsultStore
import Foundation
import ThemeSuggestion

/// Codes segments with a suggestion model version and stores its decisions as coder `model`: each with
/// its model version (`rule` = `model:ID`), its probability (`confidence`) and the words that weighed
/// most (`evidence`); probabilities from 0.05 up to the threshold go to `consult.model_score`.
///
/// Where the model was also fitted per fold (analysts had coded validation-sample respondents), each
/// segment is coded by the fold version that never saw its respondent's fold of the sample (respondent
/// id mod 2): sampled and unsampled respondents of a fold are then coded by the same function, one
/// independent of the sample, which is what lets the sample measure and correct the counted coding.
/// The interface a model kind owes the counted coding is what ``code(store:versions:skipping:emit:progress:)``
/// asks of a version: per theme a probability and a threshold (`confidences(for:)`, `themes`), and a
/// decision's evidence (`evidenceLine`). Another kind (issue 13's transformer) joins by making
/// ``Version/model`` a protocol with those three and storing its kind beside the model version.
public enum ModelCoding {
    /// A model version that codes: its stored id and its scorer.
    public struct Version: Sendable {
        public var id: Int
        public var model: SuggestionModel
        public init(id: Int, model: SuggestionModel) {
            self.id = id
            self.model = model
        }
    }

    /// The full version, and the fold versions (fold 0, fold 1) when there are any.
    public struct Versions: Sendable {
        public var full: Version
        public var folds: [Version]
        public init(full: Version, folds: [Version]) {
            self.full = full
            self.folds = folds
        }
    }

    public struct Summary: Sendable, Equatable {
        public var modelID: Int
        public var decisions: Int
        public var codedSegments: Int
    }

    /// The latest stored model of the current codebook, or an error saying to train one.
    public static func latestVersions(_ store: Store) throws -> Versions {
        guard let stored = try store.latestSuggestionModel() else {
            throw StoreError("no suggestion model for the current codebook yet: train one with `consult code suggest [--examples FILE]...`")
        }
        func decode(_ json: String) throws -> SuggestionModel { try SuggestionModel(json: Data(json.utf8)) }
        return Versions(full: Version(id: stored.id, model: try decode(stored.json)),
                        folds: try stored.folds.map { Version(id: $0.id, model: try decode($0.json)) })
    }

    /// `code auto --with-model`: the latest model's decisions on every segment, counted from now on
    /// under the current codebook (its rules' codings are left as they are).
    public static func run(store: Store, progress: (Int) -> Void = { _ in }) throws -> Summary {
        let versions = try latestVersions(store)
        let codebook = try store.currentCodebookVersion()
        var coded = 0
        let decisions = try store.replaceCodings(coder: Store.modelCoder, kind: .model, codebookVersion: codebook) { store, emit in
            coded = try code(store: store, versions: versions, skipping: [], emit: emit, progress: progress)
            try store.setAutomaticCoding(withModel: versions.full.id)
        }
        return Summary(modelID: versions.full.id, decisions: decisions, codedSegments: coded)
    }

    /// Codes every segment but `skipping` inside `replaceCodings`; returns how many got a decision.
    static func code(store: Store, versions: Versions, skipping: Set<Int>, emit: (NewCoding) throws -> Void,
                     progress: (Int) -> Void) throws -> Int {
        let codebook = try store.currentCodebookVersion()
        let folds = versions.folds.count == 2 ? try store.segmentFolds(all: true) : [:]
        var scores: [ModelScore] = []
        var codedSegments = 0, done = 0
        try store.forEachSegmentBatch { batch in
            for segment in batch where !skipping.contains(segment.id) {
                let version = folds[segment.id].map { versions.folds[$0] } ?? versions.full
                var coded = false
                for (theme, suggestion) in zip(version.model.themes, version.model.confidences(for: segment.text)) {
                    if suggestion.confidence >= theme.threshold {
                        coded = true
                        try emit(NewCoding(segment: segment.id, theme: theme.themeID, rule: "model:\(version.id)", start: nil, end: nil, matched: nil,
                                           confidence: suggestion.confidence,
                                           evidence: version.model.evidenceLine(for: segment.text, themeID: theme.themeID)))
                    } else if suggestion.confidence >= 0.05 {
                        scores.append(ModelScore(segment: segment.id, theme: theme.themeID, modelID: version.id, probability: suggestion.confidence))
                    }
                }
                if coded { codedSegments += 1 }
            }
            done += batch.count
            progress(done)
        }
        try store.replaceModelScores(codebookVersion: codebook, scores)
        return codedSegments
    }
}
