import CodebookFixtures
import ConsultCoding
import ConsultReport
import ConsultStore
import ConsultationModel
import Foundation
import Testing

/// The model joining the counted automatic coding (`code auto --with-model`), on the demo data with a
/// small validation sample coded from the generator's labels (so the model is fitted per fold too).
@Suite struct ModelCodingTests {
    @Test func modelDecisionsCountWithTheRulesAndExplainThemselves() throws {
        let store = try ValidationSampleTests.demoWithGeneratorLabels()
        _ = try store.createValidationSample(name: "small", size: 80, by: nil, seed: 11)
        _ = try ValidationSampleTests.codeFromGeneratorLabels(store, sample: "small")
        #expect(throws: StoreError.self) { try ModelCoding.run(store: store, consultHome: FileManager.default.temporaryDirectory) }  // no model trained yet

        let trained = try Suggesting.run(store: store, extra: [])
        let stored = try #require(try store.latestSuggestionModel())
        #expect(stored.id == trained.modelID && stored.folds.count == 2)
        #expect(try store.automaticCodingModel() == nil)
        let rulesOnly = try store.themeCounts(by: nil, filter: SegmentFilter(), minimumCell: 1)

        let run = try ModelCoding.run(store: store, consultHome: FileManager.default.temporaryDirectory)
        #expect(run.modelID == stored.id && run.decisions > 0)
        #expect(try store.automaticCodingModel() == stored.id)

        // `codings --coder automatic`: exactly the rules' codings and the model's decisions.
        let automatic = try store.codings(coder: "automatic")
        let rules = try store.codings(coder: Store.ruleCoder), model = try store.codings(coder: Store.modelCoder)
        #expect(automatic.count == rules.count + model.count)
        #expect(Set(automatic.map { "\($0.segment) \($0.theme) \($0.coder)" }) == Set((rules + model).map { "\($0.segment) \($0.theme) \($0.coder)" }))

        // Every decision names the fold version that never saw its respondent's fold, its probability
        // at or above the threshold, and words of its own text.
        let folds = try store.segmentFolds(all: true)
        let versions = try ModelCoding.latestVersions(store, consultHome: FileManager.default.temporaryDirectory)
        let texts = Dictionary(uniqueKeysWithValues: try store.segments(SegmentFilter()).map { ($0.segment, $0.text) })
        for coding in model {
            let fold = try #require(folds[coding.segment])
            #expect(coding.rule == "model:\(stored.folds[fold].id)")
            let threshold = versions.folds[fold].model.thresholds[0].threshold
            #expect((coding.confidence ?? 0) >= threshold)
            let words = (coding.evidence ?? "").split(separator: ",").map { $0.split(separator: " (")[0].trimmingCharacters(in: .whitespaces) }
            let text = (texts[coding.segment] ?? "").lowercased().replacingOccurrences(of: "'", with: "").replacingOccurrences(of: "\u{2019}", with: "")
            #expect(words.allSatisfy { word in word.split(separator: " ").allSatisfy { text.contains($0.replacingOccurrences(of: "not_", with: "").prefix(3)) } },
                    "\(coding.evidence ?? "") / \(text)")
        }
        #expect(model.contains { !($0.evidence ?? "").isEmpty })
        let scores = try store.db.query("SELECT min(probability) AS low, count(*) AS n FROM consult.model_score").rows[0]
        #expect(try scores.int("n") > 0 && (try scores.double("low")) >= 0.05)

        // The final coding now counts model-only decisions where no human decided; --rules-only undoes it.
        let modelOnly = try store.db.query("SELECT count(*) AS n FROM consult.final_coding WHERE decided_by = 'model'").rows[0].int("n")
        #expect(modelOnly > 0)
        let withModel = try store.themeCounts(by: nil, filter: SegmentFilter(), minimumCell: 1)
        #expect(zip(withModel, rulesOnly).allSatisfy { ($0.respondents ?? 0) >= ($1.respondents ?? 0) })
        #expect(withModel != rulesOnly)

        // The estimator sees the model's probabilities, and the estimates still follow from the sample.
        let data = try store.validationData(sample: "small", by: nil, survey: nil)
        #expect(data.probability != nil && data.validated.count == 80)
        #expect(ThemeEstimation.estimate(data, themes: CodebookFixtures.coreThemeIDs, suppressed: { _, _ in false }, minimumCell: 10).allSatisfy { $0.estimate != nil })

        // Retraining while the model counts: the new version codes every segment and counts instead.
        let retrained = try Suggesting.run(store: store, extra: [])
        #expect(try store.automaticCodingModel() == retrained.modelID)
        #expect(try store.codings(coder: Store.modelCoder).allSatisfy { coding in
            ["model:\(retrained.modelID + 1)", "model:\(retrained.modelID + 2)"].contains(coding.rule ?? "")
        })

        // Uncertainty queue: undecided pairs, nearest the threshold first.
        let queue = try store.codingQueue(reason: .uncertain, coder: nil, limit: 50)
        #expect(queue.count == 50)
        let distances = queue.map { item -> Double in
            let parts = (item.detail ?? "").split(separator: " ")
            return abs(Double(parts[0])! - Double(parts[2].dropLast())!)
        }
        #expect(distances == distances.sorted())
        let decided = Set(try store.codings(coder: "checker").map { "\($0.segment) \($0.theme)" })
        #expect(queue.allSatisfy { !decided.contains("\($0.segment) \($0.theme ?? "")") })

        try store.setAutomaticCoding(withModel: nil)
        #expect(try store.db.query("SELECT count(*) AS n FROM consult.final_coding WHERE decided_by = 'model'").rows[0].int("n") == 0)
        #expect(try store.codings(coder: "automatic").count == rules.count)
    }
}
