import Digests
import Foundation
import Testing
import ThemeSuggestion
import TransformerCoding
import TransformerEncoder

/// Training a theme coder on a tiny random encoder (the real model's runs are in ConsultDatabaseTests and
/// BENCHMARKS.md): reproducible, its record complete, its weights file round-trips and is checked.
@Suite struct TransformerCoderTrainingTests {
    static let vocabulary = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", "the", "driver", "was", "late", "kind", "staff",
                             "very", "and", "rude", "on", "time", "nurse", "waited", "hours", "lovely"]
    static let base = try! SentenceEncoder(
        tokenizer: WordPieceTokenizer(vocabulary: vocabulary),
        weights: EncoderWeights(configuration: EncoderConfiguration(vocabularySize: vocabulary.count, hiddenSize: 16, layerCount: 2,
                                                                    headCount: 4, intermediateSize: 32, maximumPositions: 32), seed: 4))
    static let themes = ["timeliness", "manner"]

    /// Invented answers: "late", "waited", "hours" mean timeliness; "kind", "lovely", "rude" mean manner.
    static var examples: [TrainingExample] {
        let timely = ["the driver was late", "waited hours", "late and rude", "the nurse was on time", "waited very late"]
        let manner = ["the staff was kind", "lovely nurse", "rude driver", "very kind and lovely", "the driver was rude"]
        return (0..<4).flatMap { _ in
            timely.map { TrainingExample(text: $0, themes: $0.contains("rude") ? ["timeliness", "manner"] : ["timeliness"]) }
                + manner.map { TrainingExample(text: $0, themes: ["manner"]) }
        }
    }

    static var settings: FineTuningSettings {
        var settings = FineTuningSettings()
        settings.maximumEpochs = 4
        settings.batchSize = 8
        settings.learningRate = 3e-3
        settings.seed = 21
        return settings
    }

    func scratch() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("consult-transformer-coding-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test func sameDataAndSeedGiveTheSameRecordAndWeights() throws {
        var epochs: [Int] = []
        let first = try TransformerCoderTraining.train(Self.examples, themeIDs: Self.themes, base: Self.base, baseModelSHA256: "base",
                                                       settings: Self.settings) { report, planned in
            epochs.append(report.epoch)
            #expect(planned == 4)
        }
        let second = try TransformerCoderTraining.train(Self.examples, themeIDs: Self.themes, base: Self.base, baseModelSHA256: "base", settings: Self.settings)
        #expect(first.weightsFiles == second.weightsFiles)
        #expect(epochs == Array(1...first.coder.record.epochs.count))
        var record = first.coder.record
        record.epochs = second.coder.record.epochs  // wall times differ
        #expect(record == second.coder.record)

        var otherSeed = Self.settings
        otherSeed.seed = 22
        #expect(try TransformerCoderTraining.train(Self.examples, themeIDs: Self.themes, base: Self.base, baseModelSHA256: "base",
                                                   settings: otherSeed).weightsFiles != first.weightsFiles)
    }

    @Test func theRecordCarriesItsProvenance() throws {
        let (coder, files) = try TransformerCoderTraining.train(Self.examples, themeIDs: Self.themes, base: Self.base, baseModelSHA256: "abc",
                                                                settings: Self.settings)
        let file = try #require(files.first)
        #expect(files.count == 1)
        let record = coder.record
        #expect(record.kind == "transformer")
        #expect(record.themeIDs == Self.themes)
        #expect(record.trainingExamples + record.validationExamples == 40)
        #expect(record.validationExamples == 6)
        #expect(record.trainingSHA256 == TrainingExample.digest(Self.examples))
        #expect(record.baseModelSHA256 == "abc")
        #expect(record.weightsBytes == file.count)
        #expect(record.settings == Self.settings)
        #expect((0.05...0.95).contains(record.threshold))
        #expect((record.threshold * 20).rounded() == record.threshold * 20)
        #expect(record.epochs.contains { $0.epoch == record.bestEpoch && $0.validationMicroF1 == record.validationMicroF1 })
        let json = try record.jsonData()
        #expect(TransformerModelRecord.isTransformer(json: json))
        #expect(!TransformerModelRecord.isTransformer(json: Data(#"{"formatVersion":1}"#.utf8)))
        #expect(try JSONDecoder().decode(TransformerModelRecord.self, from: json) == record)
    }

    @Test func weightsRoundTripThroughTheStoreAndADamagedFileIsRefused() throws {
        let (coder, files) = try TransformerCoderTraining.train(Self.examples, themeIDs: Self.themes, base: Self.base, baseModelSHA256: "abc",
                                                                settings: Self.settings)
        let file = try #require(files.first)
        let home = try scratch()
        defer { try? FileManager.default.removeItem(at: home) }
        let store = TransformerWeightsStore(consultHome: home)
        try store.save(file, sha256: coder.record.weightsSHA256)
        #expect(store.url(sha256: coder.record.weightsSHA256).path.hasSuffix("models/fine-tuned/\(coder.record.weightsSHA256).safetensors"))
        let loaded = try store.coder(coder.record, tokenizer: Self.base.tokenizer)
        let texts = ["the driver was late", "lovely staff", "nothing known here"]
        #expect(loaded.probabilities(texts) == coder.probabilities(texts))
        #expect(coder.probabilities(texts).allSatisfy { $0.count == 2 && $0.allSatisfy { (0...1).contains($0) } })
        // One text scores the same alone as in a batch (up to the order of float sums).
        #expect(zip(coder.probabilities([texts[1]])[0], coder.probabilities(texts)[1]).allSatisfy { abs($0 - $1) < 1e-5 })

        try Data("damaged".utf8).write(to: store.url(sha256: coder.record.weightsSHA256))
        #expect {
            try store.coder(coder.record, tokenizer: Self.base.tokenizer)
        } throws: { error in
            guard case let .weightsDamaged(_, expected, _) = error as? TransformerCodingError else { return false }
            return expected == coder.record.weightsSHA256
        }
        try FileManager.default.removeItem(at: store.url(sha256: coder.record.weightsSHA256))
        #expect(throws: TransformerCodingError.weightsMissing(path: store.url(sha256: coder.record.weightsSHA256).path)) {
            try store.coder(coder.record, tokenizer: Self.base.tokenizer)
        }
    }

    /// With the word model: both trained on the same part, the mean of their probabilities coded, its threshold
    /// chosen on the same validation split; the record keeps the word model, so the stored coder scores alike.
    @Test func combinedWithTheWordModelCodesTheMeanOfTheTwo() throws {
        let alone = try TransformerCoderTraining.train(Self.examples, themeIDs: Self.themes, base: Self.base, baseModelSHA256: "abc",
                                                       settings: Self.settings)
        let both = try TransformerCoderTraining.train(Self.examples, themeIDs: Self.themes, base: Self.base, baseModelSHA256: "abc",
                                                      settings: Self.settings, wordsSupplementary: [])
        #expect(both.weightsFiles == alone.weightsFiles)
        let words = try #require(both.coder.record.words)
        #expect(words.themes.map(\.themeID) == Self.themes)
        #expect(alone.coder.record.words == nil)
        let texts = ["the driver was late", "lovely staff"]
        for (index, text) in texts.enumerated() {
            let expected = zip(alone.coder.probabilities([text])[0], words.confidences(for: text)).map { ($0 + $1.confidence) / 2 }
            #expect(zip(both.coder.probabilities(texts)[index], expected).allSatisfy { abs($0 - $1) < 1e-6 })
        }
        let decoded = try JSONDecoder().decode(TransformerModelRecord.self, from: try both.coder.record.jsonData())
        #expect(decoded == both.coder.record)
    }

    /// With the rules' codes on the examples the threshold is chosen for the union with the rules (what
    /// counts): rules that code exactly the analysts' themes leave nothing for the model to add, and the union
    /// is perfect on the validation split.
    @Test func withTheRulesCodesTheThresholdIsChosenForTheUnion() throws {
        let ruled = Self.examples.map { TrainingExample(text: $0.text, themes: $0.themes, ruleThemes: $0.themes) }
        let record = try TransformerCoderTraining.train(ruled, themeIDs: Self.themes, base: Self.base, baseModelSHA256: "", settings: Self.settings).coder.record
        #expect(record.calibratedWithRules)
        #expect(record.validationMicroF1 == 1)
        let alone = try TransformerCoderTraining.train(Self.examples, themeIDs: Self.themes, base: Self.base, baseModelSHA256: "", settings: Self.settings).coder.record
        #expect(!alone.calibratedWithRules)
        #expect(alone.validationMicroF1 == alone.epochs.first { $0.epoch == alone.bestEpoch }?.validationMicroF1)
    }

    /// Several seeds: one run per seed on the same split (the first is the one-seed run), the coder the mean
    /// of their probabilities, every run in the record and its weights in the store; reproducible.
    @Test func severalSeedsAreAveragedRecordedAndStored() throws {
        let one = try TransformerCoderTraining.train(Self.examples, themeIDs: Self.themes, base: Self.base, baseModelSHA256: "abc", settings: Self.settings)
        var planned: Set<Int> = []
        let three = try TransformerCoderTraining.train(Self.examples, themeIDs: Self.themes, base: Self.base, baseModelSHA256: "abc",
                                                       settings: Self.settings, seeds: 3) { _, total in planned.insert(total) }
        #expect(planned == [3 * Self.settings.maximumEpochs])
        #expect(three.weightsFiles.count == 3 && three.weightsFiles[0] == one.weightsFiles[0] && Set(three.weightsFiles).count == 3)
        let record = three.coder.record
        #expect(record.otherSeeds?.map(\.seed) == [22, 23])
        #expect(record.weightsDigests == three.weightsFiles.map(sha256Hex(of:)))
        #expect(record.bestEpoch == one.coder.record.bestEpoch && record.epochs.map(\.validationMicroF1) == one.coder.record.epochs.map(\.validationMicroF1))
        #expect(try JSONDecoder().decode(TransformerModelRecord.self, from: try record.jsonData()) == record)

        let texts = ["the driver was late", "lovely staff", "rude nurse"]
        let runs = three.coder.weights.map { $0.labelProbabilities(tokenSequences: texts.map { Self.base.tokenizer.tokenIDs($0) }) }
        for (index, row) in three.coder.probabilities(texts).enumerated() {
            for label in row.indices {
                #expect(abs(row[label] - Double(runs.map { $0[index][label] }.reduce(0, +)) / 3) < 1e-6)
            }
        }
        let again = try TransformerCoderTraining.train(Self.examples, themeIDs: Self.themes, base: Self.base, baseModelSHA256: "abc",
                                                       settings: Self.settings, seeds: 3)
        #expect(again.weightsFiles == three.weightsFiles)

        let home = try scratch()
        defer { try? FileManager.default.removeItem(at: home) }
        let store = TransformerWeightsStore(consultHome: home)
        for (file, sha256) in zip(three.weightsFiles, record.weightsDigests) { try store.save(file, sha256: sha256) }
        #expect(try store.coder(record, tokenizer: Self.base.tokenizer).probabilities(texts) == three.coder.probabilities(texts))
        try FileManager.default.removeItem(at: store.url(sha256: record.weightsDigests[2]))
        #expect(throws: TransformerCodingError.weightsMissing(path: store.url(sha256: record.weightsDigests[2]).path)) {
            try store.coder(record, tokenizer: Self.base.tokenizer)
        }
    }

    @Test func tooFewExamplesOrNoThemeAreRefused() {
        #expect(throws: TransformerCodingError.tooFewExamples(3, needed: TransformerCoderTraining.minimumExamples)) {
            try TransformerCoderTraining.train(Array(Self.examples.prefix(3)), themeIDs: Self.themes, base: Self.base, baseModelSHA256: "", settings: Self.settings)
        }
        let unthemed = Self.examples.map { TrainingExample(text: $0.text, themes: []) }
        #expect(throws: TransformerCodingError.noThemeApplied) {
            try TransformerCoderTraining.train(unthemed, themeIDs: Self.themes, base: Self.base, baseModelSHA256: "", settings: Self.settings)
        }
    }
}
