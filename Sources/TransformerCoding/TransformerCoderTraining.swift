import Digests
import Foundation
import Statistics
import ThemeSuggestion
import TransformerEncoder

/// Fine-tunes the base encoder into a theme coder on analysts' coded examples.
///
/// A seeded share of the examples (``validationShare``, at least one) is held out: it alone chooses the
/// stopping epoch and the probability threshold (the calibration), so it is measured on answers the
/// weights never learnt from. With more than one seed the encoder is fine-tuned once per seed on the same
/// training part (seeds `settings.seed`, `settings.seed + 1`, …: head, shuffling and dropout differ, the split
/// does not), each run stopping at its own best epoch, and the coder averages their probabilities; the
/// threshold is chosen for that average. Same examples in the same order, same settings, seeds and BLAS
/// thread count: same weights and the same record, bit for bit (wall times apart).
public enum TransformerCoderTraining {
    /// Fewer examples leave too little to both train and validate on.
    public static let minimumExamples = 10
    public static let validationShare = 0.15
    /// Fine-tuning runs averaged unless told otherwise (`code suggest --seeds`); BENCHMARKS.md says why.
    public static let recommendedSeeds = 1

    /// - Parameters:
    ///   - examples: coded texts; `themes` outside `themeIDs` are ignored (a parent group, say). When any carries
    ///     `ruleThemes` (the rules' codes on its text), the threshold is chosen for the union with the rules,
    ///     which is what `code auto --with-model` counts; each run's stopping epoch is still the model's own best.
    ///   - themeIDs: the labels, in the order the record keeps (the codebook's leaf themes).
    ///   - base: the installed base model, and `baseModelSHA256` the digest of its weights file.
    ///   - seeds: how many fine-tuning runs are averaged (at least 1); each costs a whole fine-tuning.
    ///   - wordsSupplementary: when given, the word model is trained too, on the same training part plus these
    ///     supplementary examples (the codebook's quotes), and the coder is the mean of the two models'
    ///     probabilities, its threshold chosen on the same validation split.
    ///   - progress: called after every epoch, with the epoch count planned (over all seeds: a run's epochs
    ///     are numbered on from the previous run's planned last one).
    /// - Returns: the coder and its safetensors files, the run of `settings.seed` first (for ``TransformerWeightsStore``).
    public static func train(
        _ examples: [TrainingExample], themeIDs: [String], base: SentenceEncoder, baseModelSHA256: String,
        settings: FineTuningSettings, seeds: Int = 1, wordsSupplementary: [TrainingExample]? = nil,
        progress: (EpochReport, Int) -> Void = { _, _ in }
    ) throws -> (coder: TransformerThemeCoder, weightsFiles: [Data]) {
        precondition(seeds >= 1, "at least one fine-tuning run")
        guard examples.count >= minimumExamples else { throw TransformerCodingError.tooFewExamples(examples.count, needed: minimumExamples) }
        let labels = Set(themeIDs)
        guard examples.contains(where: { !$0.themes.isDisjoint(with: labels) }) else { throw TransformerCodingError.noThemeApplied }
        let sequences = examples.map { example in
            LabelledSequence(tokenIDs: base.tokenizer.tokenIDs(example.text), targets: themeIDs.map { example.themes.contains($0) ? 1 : 0 })
        }
        var order = Array(sequences.indices)
        var splitter = SplitMix64(seed: settings.seed)
        splitter.shuffle(&order)
        let validationCount = max(1, Int((Double(sequences.count) * validationShare).rounded()))
        let validation = order.prefix(validationCount).map { sequences[$0] }
        let training = order.dropFirst(validationCount).map { sequences[$0] }
        let planned = seeds * settings.maximumEpochs
        let runs = (0..<seeds).map { run in
            var runSettings = settings
            runSettings.seed = settings.seed &+ UInt64(run)
            let result = fineTune(encoder: base.weights, labelCount: themeIDs.count, training: training, validation: validation,
                                  settings: runSettings) { report in
                progress(EpochReport(epoch: run * settings.maximumEpochs + report.epoch, trainingLoss: report.trainingLoss,
                                     validation: report.validation, seconds: report.seconds), planned)
            }
            return (seed: runSettings.seed, result: result)
        }
        let files = try runs.map { try $0.result.weights.safeTensorsData() }
        let held = order.prefix(validationCount).map { examples[$0] }
        var scores = TransformerThemeCoder.mean(runs.map { $0.result.weights.labelProbabilities(tokenSequences: validation.map(\.tokenIDs)) })
        var words: SuggestionModel?
        if let wordsSupplementary {
            let trained = try SuggestionTrainer.train(order.dropFirst(validationCount).map { examples[$0] }, supplementary: wordsSupplementary,
                                                      themeIDs: themeIDs, configuration: .recommended)
            scores = zip(scores, held).map { row, example in
                zip(row, trained.confidences(for: example.text)).map { ($0 + Float($1.confidence)) / 2 }
            }
            words = trained
        }
        // What counts is the rules' codes united with the model's: where the rules code a theme, the model's
        // decision cannot change the outcome, so the threshold is chosen for the union.
        let withRules = examples.contains { !$0.ruleThemes.isEmpty }
        if withRules {
            scores = zip(scores, held).map { row, example in zip(row, themeIDs).map { example.ruleThemes.contains($1) ? 1 : $0 } }
        }
        let calibration = ValidationScore.best(probabilities: scores, targets: validation.map(\.targets))
        let first = runs[0].result
        let record = TransformerModelRecord(
            configuration: base.weights.configuration, themeIDs: themeIDs, words: words, calibratedWithRules: withRules,
            threshold: (Double(calibration.threshold) * 100).rounded() / 100,  // a multiple of 0.05, without Float's tail
            validationMicroF1: calibration.microF1,
            bestEpoch: first.bestEpoch,
            epochs: TransformerModelRecord.epochs(first.history),
            otherSeeds: seeds == 1 ? nil : zip(runs, files).dropFirst().map { run, file in
                .init(seed: run.seed, bestEpoch: run.result.bestEpoch, epochs: TransformerModelRecord.epochs(run.result.history),
                      weightsSHA256: sha256Hex(of: file), weightsBytes: file.count)
            },
            settings: settings, validationShare: validationShare, trainingExamples: training.count, validationExamples: validation.count,
            trainingSHA256: TrainingExample.digest(examples), baseModelSHA256: baseModelSHA256,
            weightsSHA256: sha256Hex(of: files[0]), weightsBytes: files[0].count)
        return (try TransformerThemeCoder(record: record, tokenizer: base.tokenizer, weights: runs.map { $0.result.weights }), files)
    }
}

/// Fine-tuned weights kept as files named by their SHA-256 under `$CONSULT_HOME/models/fine-tuned/`: the
/// database keeps the model version's record (small), the file its 86 MB of weights. A file is written under
/// a temporary name and renamed into place, and is checked against its digest whenever it is loaded.
public struct TransformerWeightsStore: Sendable {
    public let directory: URL

    public init(consultHome: URL) {
        directory = consultHome.appendingPathComponent("models").appendingPathComponent("fine-tuned")
    }

    public func url(sha256: String) -> URL { directory.appendingPathComponent("\(sha256).safetensors") }

    /// Writes `data` (whose digest is `sha256`) unless a file of that digest is already there.
    public func save(_ data: Data, sha256: String) throws {
        let target = url(sha256: sha256)
        guard !FileManager.default.fileExists(atPath: target.path) else { return }
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let partial = directory.appendingPathComponent(".\(sha256).partial")
        try data.write(to: partial)
        guard rename(partial.path, target.path) == 0 else { throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: target.path]) }
    }

    /// The coder a stored record describes, with the weights of each of its runs read from this store and checked.
    public func coder(_ record: TransformerModelRecord, tokenizer: WordPieceTokenizer) throws -> TransformerThemeCoder {
        let weights = try record.weightsDigests.map { sha256 in
            let file = url(sha256: sha256)
            guard let data = FileManager.default.contents(atPath: file.path) else { throw TransformerCodingError.weightsMissing(path: file.path) }
            let actual = sha256Hex(of: data)
            guard actual == sha256 else { throw TransformerCodingError.weightsDamaged(path: file.path, expected: sha256, actual: actual) }
            return try EncoderWeights(savedData: data, source: file.path, configuration: record.configuration)
        }
        return try TransformerThemeCoder(record: record, tokenizer: tokenizer, weights: weights)
    }
}

/// The installed base model (`consult model install`) as the transformer coder needs it.
public enum TransformerBase {
    /// The base encoder under `$CONSULT_HOME/models/`, and the SHA-256 of its weights file.
    public static func load(consultHome: URL) throws -> (encoder: SentenceEncoder, sha256: String) {
        let files = try installed(consultHome)
        return (try SentenceEncoder(files: files), sha256Hex(of: try Data(contentsOf: files.weights, options: .alwaysMapped)))
    }

    /// The base model's tokeniser alone (a stored coder brings its own weights).
    public static func tokenizer(consultHome: URL) throws -> WordPieceTokenizer {
        try WordPieceTokenizer(vocabularyFile: installed(consultHome).vocabulary)
    }

    private static func installed(_ consultHome: URL) throws -> BaseModelFiles {
        let files = BaseModelFiles.installed(consultHome: consultHome)
        guard files.isComplete else { throw TransformerCodingError.baseModelMissing(directory: files.directory.path) }
        return files
    }
}
