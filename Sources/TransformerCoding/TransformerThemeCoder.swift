import Digests
import Foundation
import Statistics
import ThemeSuggestion
import TransformerEncoder

/// A fine-tuned transformer theme coder: all-MiniLM-L6-v2 with one sigmoid per theme, fine-tuned once or
/// once per seed (the mean of the runs' probabilities), with the one probability threshold its validation
/// split chose; or
/// (``TransformerModelRecord/words`` present) the mean of that and the word model's probabilities, trained on
/// the same answers, with the mean's own threshold.
///
/// Contract: ``probabilities(_:)`` is pure and deterministic; a text's probabilities do not depend on the
/// other texts scored with it (batches are padded per sequence, not mixed). The weights live in files named
/// by their SHA-256 (``TransformerWeightsStore``); ``record`` says everything a model version must carry to be
/// traced and reproduced: training-set digest, seeds, settings, base-model digest, validation results.
public struct TransformerThemeCoder: Sendable {
    public let record: TransformerModelRecord
    public let tokenizer: WordPieceTokenizer
    /// One set of weights per run, in ``TransformerModelRecord/weightsDigests`` order.
    public let weights: [EncoderWeights]

    public init(record: TransformerModelRecord, tokenizer: WordPieceTokenizer, weights: [EncoderWeights]) throws {
        guard weights.count == record.weightsDigests.count else {
            throw TransformerCodingError.weightsDoNotFit(labels: weights.count, themes: record.weightsDigests.count)
        }
        for member in weights where member.layout.labelCount != record.themeIDs.count {
            throw TransformerCodingError.weightsDoNotFit(labels: member.layout.labelCount, themes: record.themeIDs.count)
        }
        if let words = record.words, words.themes.map(\.themeID) != record.themeIDs {
            throw TransformerCodingError.weightsDoNotFit(labels: words.themes.count, themes: record.themeIDs.count)
        }
        self.record = record
        self.tokenizer = tokenizer
        self.weights = weights
    }

    /// Per text, each theme's probability, in ``TransformerModelRecord/themeIDs`` order.
    public func probabilities(_ texts: [String]) -> [[Double]] {
        let ids = texts.map { tokenizer.tokenIDs($0) }
        let own = Self.mean(weights.map { $0.labelProbabilities(tokenSequences: ids) }).map { $0.map(Double.init) }
        guard let words = record.words else { return own }
        return zip(own, texts).map { row, text in zip(row, words.confidences(for: text)).map { ($0 + $1.confidence) / 2 } }
    }

    /// The element-wise mean of runs' probabilities (texts × labels); one run is returned as it is.
    static func mean(_ runs: [[[Float]]]) -> [[Float]] {
        guard runs.count > 1 else { return runs[0] }
        let scale = 1 / Float(runs.count)
        return runs.dropFirst().reduce(runs[0]) { sum, run in zip(sum, run).map { zip($0, $1).map(+) } }.map { $0.map { $0 * scale } }
    }
}

/// What is stored as a transformer model version (the JSON of `consult.suggestion_model.model`): how it was
/// trained, from what, and how it scored on its own validation split.
public struct TransformerModelRecord: Codable, Sendable, Equatable {
    /// Always "transformer": tells this record from a word model's JSON.
    public var kind = TransformerModelRecord.kind
    public static let kind = "transformer"
    /// The encoder's shape (all-MiniLM-L6-v2's, `EncoderConfiguration.miniLM`, outside tests).
    public var configuration: EncoderConfiguration
    /// The labels of the head, in order: the codebook's leaf themes when it was trained.
    public var themeIDs: [String]
    /// The word model trained on the same training part, when the coder is the mean of the two models'
    /// probabilities (`code suggest --model combined`); nil for the transformer alone.
    public var words: SuggestionModel?
    /// Whether ``threshold`` was chosen for the union of the model's decisions with the rules' codes (the
    /// counted coding) rather than for the model alone: so when the training examples carried the rules' codes.
    public var calibratedWithRules: Bool
    /// The validation split's best threshold (one for every theme), as a probability: of the mean when
    /// ``words`` is there.
    public var threshold: Double
    /// Micro-F1 on the validation split at ``threshold`` (of the mean when ``words`` is there; of the union with
    /// the rules when ``calibratedWithRules``).
    public var validationMicroF1: Double
    /// The best epoch and the epochs of the run of `settings.seed`.
    public var bestEpoch: Int
    public var epochs: [Epoch]
    /// The runs of the further seeds (`settings.seed + 1`, …) whose probabilities are averaged with that run's;
    /// nil or empty when one run codes alone.
    public var otherSeeds: [SeedRun]?
    public var settings: FineTuningSettings
    /// Share of the examples held out for early stopping and the threshold (seeded by `settings.seed`).
    public var validationShare: Double
    public var trainingExamples: Int
    public var validationExamples: Int
    /// `TrainingExample.digest` of every example in the order given (before the split).
    public var trainingSHA256: String
    /// SHA-256 of the base model's `model.safetensors` the run started from.
    public var baseModelSHA256: String
    /// SHA-256 of the fine-tuned weights file (safetensors) of the run of `settings.seed`: its name in the
    /// weights store.
    public var weightsSHA256: String
    public var weightsBytes: Int

    /// Every run's weights file, the run of `settings.seed` first.
    public var weightsDigests: [String] { [weightsSHA256] + (otherSeeds ?? []).map(\.weightsSHA256) }

    /// A further seed's run: its best epoch, its epochs and its weights file.
    public struct SeedRun: Codable, Sendable, Equatable {
        public var seed: UInt64
        public var bestEpoch: Int
        public var epochs: [Epoch]
        public var weightsSHA256: String
        public var weightsBytes: Int
    }

    /// A run's epochs as stored.
    static func epochs(_ history: [EpochReport]) -> [Epoch] {
        history.map {
            Epoch(epoch: $0.epoch, trainingLoss: $0.trainingLoss, validationMicroF1: $0.validation.microF1,
                  threshold: Double($0.validation.threshold), seconds: $0.seconds)
        }
    }

    /// One epoch as the run reported it.
    public struct Epoch: Codable, Sendable, Equatable {
        public var epoch: Int
        public var trainingLoss: Double
        public var validationMicroF1: Double
        public var threshold: Double
        public var seconds: Double
    }

    /// Canonical JSON (sorted keys) for storage.
    public func jsonData() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(self)
    }

    /// Whether a stored model JSON is a transformer record (rather than a word model).
    public static func isTransformer(json: Data) -> Bool {
        struct Kind: Decodable { var kind: String? }
        return (try? JSONDecoder().decode(Kind.self, from: json))?.kind == kind
    }
}

/// Why the transformer coder could not be trained or loaded; each names what to do.
public enum TransformerCodingError: Error, Equatable, CustomStringConvertible {
    case tooFewExamples(Int, needed: Int)
    case noThemeApplied
    case baseModelMissing(directory: String)
    case weightsMissing(path: String)
    case weightsDamaged(path: String, expected: String, actual: String)
    case weightsDoNotFit(labels: Int, themes: Int)

    public var description: String {
        switch self {
        case let .tooFewExamples(count, needed):
            return "the transformer needs at least \(needed) coded examples (human-reviewed segments plus --examples rows) to fine-tune and validate; found \(count)"
        case .noThemeApplied:
            return "no coded example applies any theme of the codebook; nothing for the transformer to learn"
        case let .baseModelMissing(directory):
            return "the base model is not installed in \(directory): run `consult model install` (or `consult model install --from DIR`)"
        case let .weightsMissing(path):
            return "the fine-tuned weights \(path) are missing (they live under $CONSULT_HOME/models/fine-tuned/ of the machine that trained them): retrain with `consult code suggest --model transformer`"
        case let .weightsDamaged(path, expected, actual):
            return "the fine-tuned weights \(path) have SHA-256 \(actual), expected \(expected): the file was changed; retrain with `consult code suggest --model transformer`"
        case let .weightsDoNotFit(labels, themes):
            return "the fine-tuned weights have \(labels) labels but the model version names \(themes) themes"
        }
    }
}
