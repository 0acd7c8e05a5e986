import CodingQuality
import ConsultStore
import Digests
import Foundation
import RuleCoding
import ThemeSuggestion
import TransformerCoding
import TransformerEncoder

/// Trains a suggestion model, stores it as a model version and its suggestions as coder `model` (kind `model`).
///
/// Training data: every segment a human reviewed (labelled with its final coding), plus any coded
/// texts given in files (e.g. a hand-coded evaluation set). Two kinds:
/// - the word model (``run(store:extra:progress:)``): logistic regression per theme, with the codebook's
///   example quotes as supplementary positives; the threshold is chosen by cross-validation for rules ∪
///   model (see `SuggestionTrainer`);
/// - the transformer (``runTransformer(store:extra:consultHome:settings:seeds:withWords:epochs:progress:)``): the
///   base encoder fine-tuned with one sigmoid per leaf theme, once per seed (their probabilities averaged); a
///   seeded validation split chooses each run's stopping epoch and the thresholds; `withWords`: the mean of its
///   probabilities and the word model's.
///
/// Unless the model counts (`code auto --with-model`), suggestions go only to segments no human reviewed,
/// never count in the final coding, and queue for review (`code queue --reason suggested`) until a human
/// accepts them with `code apply`; while it counts, this is the retraining: the new version codes every
/// segment and counts in the old one's place. Deterministic: the same data give the same model and the
/// same suggestions.
public enum Suggesting {
    public struct Summary: Sendable, Equatable {
        public var modelID: Int
        public var examples: Int
        public var reviewedSegments: Int
        public var threshold: Double
        public var suggestions: Int
        public var suggestedSegments: Int
        /// The transformer version's record (provenance, validation results); nil for the word model.
        public var transformer: TransformerModelRecord? = nil
    }

    /// The word model.
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
        var folds: [FoldVersion] = []
        if reviewed.contains(where: { sampled[$0.segment] != nil }) {
            for fold in 0...1 {
                let kept = zip(reviewed, examples).filter { sampled[$0.0.segment] != fold }.map(\.1) + examples.dropFirst(reviewed.count)
                let fitted = try SuggestionTrainer.fit(kept + supplementary, themeIDs: themeIDs, configuration: .recommended,
                                                       threshold: model.themes.first?.threshold ?? 0.5)
                folds.append(FoldVersion(examples: kept, json: try fitted.jsonData(), model: fitted))
            }
        }
        var summary = try storeAndCode(store: store, codebookVersion: codebook.version, examples: examples, json: try model.jsonData(),
                                       model: model, folds: folds, reviewed: reviewed.map(\.segment), progress: progress)
        summary.threshold = model.themes.first?.threshold ?? 1
        return summary
    }

    /// The transformer: fine-tunes the installed base model (`consult model install`) on the analysts'
    /// decisions and `extra`, keeps the weights under `consultHome` (by digest) and the record as the model
    /// version. Segments of validation-sample respondents are left out of its training, so the sample
    /// measures a coding that never learnt from it (there are no fold versions; see ``ModelCoding``).
    /// - Parameters:
    ///   - seeds: fine-tuning runs averaged (`--seeds`), each with its own seed from `settings.seed` up.
    ///   - withWords: also train the word model on the same answers and code with the mean of the two models'
    ///     probabilities (`--model combined`; BENCHMARKS.md says when it is better).
    ///   - epochs: called after each epoch with the epochs planned (for a progress line).
    ///   - progress: called while the new version codes the segments.
    /// - Throws: `TransformerCodingError` (base model not installed, too few examples) or a store error.
    public static func runTransformer(
        store: Store, extra: [CodedText], consultHome: URL, settings: FineTuningSettings, seeds: Int = 1, withWords: Bool = false,
        epochs: (EpochReport, Int) -> Void = { _, _ in }, progress: (Int) -> Void = { _ in }
    ) throws -> Summary {
        let codebook = try store.currentCodebook()
        let sampled = try store.segmentFolds(all: false)
        let reviewed = try store.reviewedSegments()
        let learnt = reviewed.filter { sampled[$0.segment] == nil }
        let rules = try AutoCoder(codebook: codebook)
        let examples = learnt.map { TrainingExample(text: $0.text, themes: $0.themes, ruleThemes: $0.ruleThemes) }
            + extra.map { TrainingExample(text: $0.text, themes: $0.themes, ruleThemes: Set(rules.code($0.text).map(\.themeID))) }
        let base = try TransformerBase.load(consultHome: consultHome)
        let (coder, files) = try TransformerCoderTraining.train(examples, themeIDs: codebook.leafThemeIDs, base: base.encoder,
                                                                baseModelSHA256: base.sha256, settings: settings, seeds: seeds,
                                                                wordsSupplementary: withWords ? TrainingExample.codebookExamples(codebook) : nil, progress: epochs)
        let weightsStore = TransformerWeightsStore(consultHome: consultHome)
        for (file, sha256) in zip(files, coder.record.weightsDigests) { try weightsStore.save(file, sha256: sha256) }
        var summary = try storeAndCode(store: store, codebookVersion: codebook.version, examples: examples, json: try coder.record.jsonData(),
                                       model: coder, folds: [], reviewed: reviewed.map(\.segment), progress: progress)
        summary.threshold = coder.record.threshold
        summary.transformer = coder.record
        return summary
    }

    /// A version fitted without one fold of the validation sample's respondents.
    private struct FoldVersion {
        var examples: [TrainingExample]
        var json: Data
        var model: any ThemeScorer
    }

    /// Stores the model version (and its fold versions) and its suggestions in one transaction: while the
    /// model counts, on every segment, and it keeps counting; otherwise on the segments no human reviewed.
    private static func storeAndCode(
        store: Store, codebookVersion: String, examples: [TrainingExample], json: Data, model: any ThemeScorer,
        folds: [FoldVersion], reviewed: [Int], progress: (Int) -> Void
    ) throws -> Summary {
        let counted = try store.automaticCodingModel() != nil
        var suggestedSegments = 0
        var modelID = 0
        let suggestions = try store.replaceCodings(coder: Store.modelCoder, kind: .model, codebookVersion: codebookVersion) { store, emit in
            modelID = try store.saveSuggestionModel(codebookVersion: codebookVersion, examples: examples.count,
                                                    trainingSHA256: TrainingExample.digest(examples), json: String(decoding: json, as: UTF8.self))
            let foldVersions = try folds.enumerated().map { fold, version in
                ModelCoding.Version(id: try store.saveFoldModel(of: modelID, fold: fold, codebookVersion: codebookVersion, examples: version.examples.count,
                                                                trainingSHA256: TrainingExample.digest(version.examples),
                                                                json: String(decoding: version.json, as: UTF8.self)),
                                    model: version.model)
            }
            suggestedSegments = try ModelCoding.code(store: store, versions: ModelCoding.Versions(full: ModelCoding.Version(id: modelID, model: model), folds: foldVersions),
                                                     skipping: counted ? [] : Set(reviewed), emit: emit, progress: progress)
            if counted { try store.setAutomaticCoding(withModel: modelID) }
        }
        return Summary(modelID: modelID, examples: examples.count, reviewedSegments: reviewed.count, threshold: 0,
                       suggestions: suggestions, suggestedSegments: suggestedSegments)
    }
}
