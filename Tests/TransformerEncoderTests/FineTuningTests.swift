import Statistics
import Foundation
import Testing
@testable import TransformerEncoder

@Suite("Fine-tuning")
struct FineTuningTests {
    static let configuration = EncoderConfiguration(
        vocabularySize: 20, hiddenSize: 16, layerCount: 2, headCount: 4, intermediateSize: 32, maximumPositions: 16)

    /// A learnable toy task: label k is on exactly when token 4 + k occurs.
    static func examples(count: Int, seed: UInt64) -> [LabelledSequence] {
        var generator = SplitMix64(seed: seed)
        return (0..<count).map { _ in
            let length = 2 + Int(generator.next() % 6)
            let tokens = (0..<length).map { _ in Int32(4 + generator.next() % 12) }
            return LabelledSequence(tokenIDs: [2] + tokens + [3], targets: (0..<3).map { tokens.contains(Int32(4 + $0)) ? 1 : 0 })
        }
    }

    func settings(seed: UInt64) -> FineTuningSettings {
        var settings = FineTuningSettings()
        settings.maximumEpochs = 12
        settings.patience = 12
        settings.batchSize = 8
        settings.learningRate = 3e-3
        settings.headLearningRate = 3e-3
        settings.seed = seed
        return settings
    }

    @Test("the same data with the same seed gives identical weights; another seed does not")
    func reproducible() {
        let encoder = EncoderWeights(configuration: Self.configuration, seed: 4)
        let data = Self.examples(count: 40, seed: 1)
        func train(_ seed: UInt64) -> EncoderWeights {
            let tuner = MultiLabelFineTuner(encoder: encoder, labelCount: 3, trainingCount: data.count, settings: settings(seed: seed))
            for _ in 0..<3 { tuner.trainEpoch(data) }
            return tuner.weights
        }
        let first = train(7)
        #expect(first == train(7))
        #expect(first != train(8))
        #expect(first.values != MultiLabelFineTuner(encoder: encoder, labelCount: 3, trainingCount: 40, settings: settings(seed: 7)).weights.values)
    }

    @Test("training learns the toy task, and early stopping keeps the best validation epoch")
    func learns() {
        let encoder = EncoderWeights(configuration: Self.configuration, seed: 4)
        var reports: [EpochReport] = []
        let result = fineTune(encoder: encoder, labelCount: 3, training: Self.examples(count: 200, seed: 2),
                              validation: Self.examples(count: 60, seed: 3), settings: settings(seed: 1)) { reports.append($0) }
        #expect(reports.count == 12)
        #expect(reports.last!.trainingLoss < reports.first!.trainingLoss)
        #expect(result.validation.microF1 >= 0.9, "\(reports.map(\.validation.microF1))")
        #expect(result.validation == reports.max { $0.validation.microF1 < $1.validation.microF1 }!.validation)
        let test = Self.examples(count: 60, seed: 4)
        let probabilities = result.weights.labelProbabilities(tokenSequences: test.map(\.tokenIDs))
        #expect(ValidationScore.microF1(probabilities: probabilities, targets: test.map(\.targets), threshold: result.validation.threshold) >= 0.85)
    }

    @Test("the head's biases start at each label's log-odds when prevalences are given")
    func priorBias() {
        let tuner = MultiLabelFineTuner(encoder: EncoderWeights(configuration: Self.configuration, seed: 4), labelCount: 3, trainingCount: 10,
                                        settings: settings(seed: 1), labelPrevalence: [0.5, 0.1, 0])
        let bias = tuner.weights.values[tuner.weights.layout.headBias...]
        #expect(abs(bias[bias.startIndex] - 0) < 1e-6)
        #expect(abs(bias[bias.startIndex + 1] - log(0.1 / 0.9)) < 1e-5)
        #expect(abs(bias[bias.startIndex + 2] - log(0.001 / 0.999)) < 1e-4)
    }

    @Test("the schedule warms up linearly, peaks at the learning rate, and decays to zero")
    func schedule() {
        var settings = settings(seed: 1)
        settings.maximumEpochs = 10
        settings.learningRate = 1
        let tuner = MultiLabelFineTuner(encoder: EncoderWeights(configuration: Self.configuration, seed: 4), labelCount: 3, trainingCount: 80, settings: settings)
        #expect(tuner.totalSteps == 100)
        #expect(tuner.learningRate(atStep: 0) == 0.1)
        #expect(tuner.learningRate(atStep: 9) == 1)
        #expect(abs(tuner.learningRate(atStep: 55) - 0.5) < 1e-6)
        #expect(tuner.learningRate(atStep: 100) == 0)
    }

    @Test("micro-F1 and the threshold search", arguments: [
        ([[0.9, 0.2], [0.4, 0.7]], [[1, 0], [1, 1]], Float(0.5), 0.8),
        ([[0.9, 0.2], [0.4, 0.7]], [[1, 0], [1, 1]], Float(0.3), 1.0),
        ([[0.1]], [[0]], Float(0.5), 1.0),
    ] as [([[Float]], [[Float]], Float, Double)])
    func scores(_ probabilities: [[Float]], _ targets: [[Float]], _ threshold: Float, _ expected: Double) {
        #expect(abs(ValidationScore.microF1(probabilities: probabilities, targets: targets, threshold: threshold) - expected) < 1e-12)
    }

    @Test("the best threshold is the lowest of equals")
    func bestThreshold() {
        let best = ValidationScore.best(probabilities: [[0.9, 0.2], [0.4, 0.7]], targets: [[1, 0], [1, 1]])
        #expect(best == ValidationScore(threshold: 0.25, microF1: 1))
    }

    @Test("saved weights read back equal, head size included")
    func saveAndLoad() throws {
        let weights = EncoderWeights(configuration: Self.configuration, labelCount: 3, seed: 9)
        let data = try weights.safeTensorsData(metadata: ["seed": "9"])
        #expect(try EncoderWeights(savedData: data, source: "model", configuration: Self.configuration) == weights)
    }
}
