import ConsultStore
import Foundation
import ThemeSuggestion
import TransformerCoding
import TransformerEncoder

/// What a model kind owes the counted coding: per theme a probability and the threshold from which the
/// theme is applied, and (where the kind can say) the evidence for a decision. The word model
/// (`SuggestionModel`) and the fine-tuned transformer (`TransformerThemeCoder`) both provide it, so either
/// codes through ``ModelCoding``, feeds the validation sample's estimates through the same stored
/// probabilities, and records its model version and probability on each decision.
public protocol ThemeScorer: Sendable {
    /// The themes scored, in order, each with its threshold (a probability).
    var thresholds: [(themeID: String, threshold: Double)] { get }
    /// Per text, each theme's probability, in ``thresholds`` order; texts scored together or alone score alike.
    func probabilities(_ texts: [String]) -> [[Double]]
    /// What weighed most for coding `themeID` on `text`, as one line; nil when the kind cannot say.
    func evidence(for text: String, themeID: String) -> String?
}

extension SuggestionModel: ThemeScorer {
    public var thresholds: [(themeID: String, threshold: Double)] { themes.map { ($0.themeID, $0.threshold) } }
    public func probabilities(_ texts: [String]) -> [[Double]] { texts.map { confidences(for: $0).map(\.confidence) } }
    public func evidence(for text: String, themeID: String) -> String? { evidenceLine(for: text, themeID: themeID) }
}

extension TransformerThemeCoder: ThemeScorer {
    public var thresholds: [(themeID: String, threshold: Double)] { record.themeIDs.map { ($0, record.threshold) } }
    /// A fine-tuned encoder has no word weights to show: its decisions carry their probability only.
    public func evidence(for text: String, themeID: String) -> String? { nil }
}

/// Codes segments with a model version and stores its decisions as coder `model`: each with its model
/// version (`rule` = `model:ID`), its probability (`confidence`) and, for the word model, the words that
/// weighed most (`evidence`); probabilities from 0.05 up to the threshold go to `consult.model_score`.
///
/// Where the model was also fitted per fold (analysts had coded validation-sample respondents), each
/// segment is coded by the fold version that never saw its respondent's fold of the sample (respondent
/// id mod 2): sampled and unsampled respondents of a fold are then coded by the same function, one
/// independent of the sample, which is what lets the sample measure and correct the counted coding.
/// The transformer has no fold versions (two more fine-tunings would triple its cost): it never trains
/// on validation-sample respondents instead (``Suggesting``), which gives the same independence.
public enum ModelCoding {
    /// A model version that codes: its stored id and its scorer.
    public struct Version: Sendable {
        public var id: Int
        public var model: any ThemeScorer
        public init(id: Int, model: any ThemeScorer) {
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

    /// The latest stored model of the current codebook, of either kind, or an error saying to train one.
    /// A transformer version's weights are read from `consultHome`'s weights store and checked against
    /// their digest; its vocabulary is the installed base model's.
    public static func latestVersions(_ store: Store, consultHome: URL) throws -> Versions {
        guard let stored = try store.latestSuggestionModel() else {
            throw StoreError("no suggestion model for the current codebook yet: train one with `consult code suggest [--examples FILE]...`")
        }
        func decode(_ json: String) throws -> any ThemeScorer {
            let data = Data(json.utf8)
            guard TransformerModelRecord.isTransformer(json: data) else { return try SuggestionModel(json: data) }
            let record = try JSONDecoder().decode(TransformerModelRecord.self, from: data)
            return try TransformerWeightsStore(consultHome: consultHome).coder(record, tokenizer: try TransformerBase.tokenizer(consultHome: consultHome))
        }
        return Versions(full: Version(id: stored.id, model: try decode(stored.json)),
                        folds: try stored.folds.map { Version(id: $0.id, model: try decode($0.json)) })
    }

    /// `code auto --with-model`: the latest model's decisions on every segment, counted from now on
    /// under the current codebook (its rules' codings are left as they are).
    /// `waiting` as for ``AutoCoding/run(store:progress:waiting:)``.
    public static func run(store: Store, consultHome: URL, progress: (Int) -> Void = { _ in }, waiting: () -> Void = {}) throws -> Summary {
        let versions = try latestVersions(store, consultHome: consultHome)
        let codebook = try store.currentCodebookVersion()
        var coded = 0
        let decisions = try store.replaceCodings(coder: Store.modelCoder, kind: .model, codebookVersion: codebook, waiting: waiting) { store, emit in
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
            let todo = batch.filter { !skipping.contains($0.id) }
            let chosen = todo.map { segment in folds[segment.id].map { versions.folds[$0] } ?? versions.full }
            var scored: [[Double]] = Array(repeating: [], count: todo.count)
            for version in [versions.full] + versions.folds {
                let members = chosen.indices.filter { chosen[$0].id == version.id }
                for (index, row) in zip(members, version.model.probabilities(members.map { todo[$0].text })) { scored[index] = row }
            }
            for (index, segment) in todo.enumerated() {
                let version = chosen[index]
                var coded = false
                for ((theme, threshold), probability) in zip(version.model.thresholds, scored[index]) {
                    if probability >= threshold {
                        coded = true
                        try emit(NewCoding(segment: segment.id, theme: theme, rule: "model:\(version.id)", start: nil, end: nil, matched: nil,
                                           confidence: probability, evidence: version.model.evidence(for: segment.text, themeID: theme)))
                    } else if probability >= 0.05 {
                        scores.append(ModelScore(segment: segment.id, theme: theme, modelID: version.id, probability: probability))
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
