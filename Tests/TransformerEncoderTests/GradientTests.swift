import Statistics
import Foundation
import Testing
@testable import TransformerEncoder

/// Backward pass against central finite differences on a tiny random model, for every parameter tensor.
@Suite("Encoder gradients")
struct GradientTests {
    static let configuration = EncoderConfiguration(
        vocabularySize: 16, hiddenSize: 8, layerCount: 2, headCount: 2, intermediateSize: 12, maximumPositions: 10, layerNormEpsilon: 1e-5)

    /// Weights with every tensor random at a scale where all paths matter (LayerNorm scales around 1).
    static func weights() -> EncoderWeights {
        var weights = EncoderWeights(configuration: configuration, labelCount: 3, seed: 1)
        var generator = SplitMix64(seed: 99)
        for tensor in weights.layout.tensors {
            let isScale = tensor.name.hasSuffix("LayerNorm.weight")
            for i in tensor.offset..<(tensor.offset + tensor.count) {
                weights.values[i] = (isScale ? 1 : 0) + 0.4 * generator.nextGaussian()
            }
        }
        return weights
    }

    static let batch = [
        LabelledSequence(tokenIDs: [2, 5, 7, 9, 3], targets: [1, 0, 1]),
        LabelledSequence(tokenIDs: [2, 11, 3], targets: [0, 0, 1]),
        LabelledSequence(tokenIDs: [2, 4, 4, 8, 12, 13, 3], targets: [0, 1, 0]),
    ]

    func loss(_ weights: EncoderWeights, dropout: Float, gradients: inout [Float], firstTrainableLayer: Int = 0) -> Double {
        var generator = SplitMix64(seed: 5)
        return trainingLoss(weights, Self.batch, dropoutRate: dropout, generator: &generator, gradients: &gradients,
                            firstTrainableLayer: firstTrainableLayer)
    }

    @Test("every tensor's gradient agrees with finite differences (dropout on, masks fixed by the seed)", arguments: [Float(0), 0.2])
    func finiteDifferences(dropout: Float) {
        let base = Self.weights()
        var analytic = [Float](repeating: 0, count: base.layout.count)
        _ = loss(base, dropout: dropout, gradients: &analytic)
        var scratch = analytic
        var generator = SplitMix64(seed: 3)
        let used = Set(Self.batch.flatMap(\.tokenIDs).map(Int.init))
        for tensor in base.layout.tensors {
            var indices = (0..<4).map { _ in tensor.offset + Int(generator.next() % UInt64(tensor.count)) }
            if tensor.name == "embeddings.word_embeddings.weight" {
                indices = used.sorted().prefix(3).map { tensor.offset + $0 * 8 + 1 } + [tensor.offset + 15 * 8 + 2]
            } else if tensor.name == "embeddings.position_embeddings.weight" {
                indices = [tensor.offset + 3, tensor.offset + 6 * 8 + 5, tensor.offset + 9 * 8]
            }
            for index in indices {
                let epsilon: Float = 1e-2
                var plus = base, minus = base
                plus.values[index] += epsilon
                minus.values[index] -= epsilon
                let numeric = (loss(plus, dropout: dropout, gradients: &scratch) - loss(minus, dropout: dropout, gradients: &scratch)) / Double(2 * epsilon)
                let difference = abs(Double(analytic[index]) - numeric)
                #expect(difference <= 2e-4 + 2e-2 * abs(numeric), "\(tensor.name)[\(index - tensor.offset)]: analytic \(analytic[index]), numeric \(numeric)")
            }
        }
        // Unused rows get no gradient: position 9 is past the longest sequence, token 15 is never used.
        let positions = base.layout.tensors.first { $0.name == "embeddings.position_embeddings.weight" }!
        #expect(analytic[positions.offset + 9 * 8] == 0)
    }

    @Test("with lower layers frozen, their gradients stay zero and the trained layers' gradients are unchanged")
    func frozenLayers() {
        let base = Self.weights()
        var full = [Float](repeating: 0, count: base.layout.count), top = full
        _ = loss(base, dropout: 0.1, gradients: &full)
        _ = loss(base, dropout: 0.1, gradients: &top, firstTrainableLayer: 1)
        let split = base.layout.layerStart(1)
        #expect(top[0..<split].allSatisfy { $0 == 0 })
        #expect(Array(top[split...]) == Array(full[split...]))
    }

    @Test("starting at a layer from cached lower-layer outputs gives the same loss and gradients as running them")
    func cachedLowerLayers() {
        let base = Self.weights()
        var direct = [Float](repeating: 0, count: base.layout.count), cached = direct
        let loss = loss(base, dropout: 0, gradients: &direct, firstTrainableLayer: 1)
        let lower = lowerLayerOutputs(base, tokenSequences: Self.batch.map(\.tokenIDs), below: 1, batchSize: 2)
        var generator = SplitMix64(seed: 5)
        let cachedLoss = trainingLoss(base, Self.batch, dropoutRate: 0, generator: &generator, gradients: &cached,
                                      firstTrainableLayer: 1, startInput: lower)
        #expect(abs(loss - cachedLoss) < 1e-6)
        #expect(zip(direct, cached).allSatisfy { abs($0 - $1) <= 1e-5 * max(1, abs($0)) })
    }
}
