import Statistics
import Foundation
import Testing
@testable import TransformerEncoder

@Suite("Encoder forward pass against the reference")
struct EncoderReferenceTests {
    struct Case: Decodable { let text: String; let ids: [Int32]; let embedding: [Float] }

    @Test("reproduces the reference sentence embeddings of all-MiniLM-L6-v2 to 1e-5, batched or one at a time")
    func referenceEmbeddings() throws {
        let cases = try transformerFixture("embedding-reference.json", as: [Case].self)
        let encoder = try ReferenceModel.loadEncoder()
        #expect(cases.map { encoder.tokenizer.tokenIDs($0.text) } == cases.map(\.ids))
        for batchSize in [1, cases.count] {
            let vectors = encoder.embed(cases.map(\.text), batchSize: batchSize)
            for (item, vector) in zip(cases, vectors) {
                let worst = zip(item.embedding, vector).map { abs($0 - $1) }.max() ?? .infinity
                #expect(vector.count == 384)
                #expect(worst <= 1e-5, "\(item.text): largest difference \(worst)")
            }
        }
    }

    @Test("the pass with every layer's activations kept gives the same vectors as the memory-saving one")
    func keptActivationsAgree() {
        let configuration = EncoderConfiguration(vocabularySize: 30, hiddenSize: 8, layerCount: 3, headCount: 2, intermediateSize: 12, maximumPositions: 16)
        let weights = EncoderWeights(configuration: configuration, seed: 7)
        let sequences: [[Int32]] = [[2, 5, 9, 3], [2, 3], [2, 11, 12, 13, 14, 3]]
        var generator = SplitMix64(seed: 1)
        let kept = EncoderPass(layout: weights.layout, sequences: sequences, dropoutRate: 0, keepsActivations: true)
        weights.values.withUnsafeBufferPointer { kept.run($0.baseAddress!, generator: &generator) }
        let shared = pooledOutputs(weights, tokenSequences: sequences, batchSize: 2)
        for s in sequences.indices {
            let kept = Array(UnsafeBufferPointer(start: kept.pooled.pointer + s * 8, count: 8))
            #expect(zip(kept, shared[s]).allSatisfy { abs($0 - $1) <= 1e-6 }, "\(kept) vs \(shared[s])")
        }
    }
}
