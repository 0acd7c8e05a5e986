import Foundation

/// The published sentence encoder at inference: text → token ids → 6 BERT layers → mean pooling → L2
/// normalisation, which is what sentence-transformers returns for all-MiniLM-L6-v2 (checked against
/// reference vectors to 1e-5). Texts are cut at `WordPieceTokenizer.maximumTokens` tokens.
public struct SentenceEncoder: Sendable {
    public let tokenizer: WordPieceTokenizer
    public let weights: EncoderWeights

    public init(tokenizer: WordPieceTokenizer, weights: EncoderWeights) {
        precondition(tokenizer.vocabularySize == weights.configuration.vocabularySize, "vocabulary and embedding rows differ")
        self.tokenizer = tokenizer
        self.weights = weights
    }

    /// Loads an installed base model (`ModelInstaller`): its vocabulary and weights.
    public init(files: BaseModelFiles) throws {
        let tokenizer = try WordPieceTokenizer(vocabularyFile: files.vocabulary)
        let weights = try EncoderWeights(checkpoint: SafeTensors(contentsOf: files.weights), configuration: .miniLM)
        self.init(tokenizer: tokenizer, weights: weights)
    }

    /// One unit-length vector per text, in order.
    public func embed(_ texts: [String], batchSize: Int = 32) -> [[Float]] {
        embed(tokenSequences: texts.map { tokenizer.tokenIDs($0) }, batchSize: batchSize)
    }

    /// One unit-length vector per token sequence (each starting `[CLS]`, ending `[SEP]`).
    public func embed(tokenSequences: [[Int32]], batchSize: Int = 32) -> [[Float]] {
        pooledOutputs(weights, tokenSequences: tokenSequences, batchSize: batchSize).map { vector in
            let norm = max(vector.reduce(0) { $0 + $1 * $1 }.squareRoot(), 1e-12)
            return vector.map { $0 / norm }
        }
    }
}

/// Mean-pooled encoder outputs (not normalised), computed in batches without dropout. Sequences are
/// batched in order of length so that each batch's attention blocks are similar in size.
func pooledOutputs(_ weights: EncoderWeights, tokenSequences: [[Int32]], batchSize: Int) -> [[Float]] {
    let order = tokenSequences.indices.sorted { tokenSequences[$0].count < tokenSequences[$1].count }
    var results = [[Float]](repeating: [], count: tokenSequences.count)
    let h = weights.configuration.hiddenSize
    var generator = SeededGenerator(seed: 0)
    weights.values.withUnsafeBufferPointer { parameters in
        for start in stride(from: 0, to: order.count, by: max(batchSize, 1)) {
            let members = Array(order[start..<min(start + max(batchSize, 1), order.count)])
            let pass = EncoderPass(layout: weights.layout, sequences: members.map { tokenSequences[$0] }, dropoutRate: 0, keepsActivations: false)
            pass.run(parameters.baseAddress!, generator: &generator)
            for (slot, index) in members.enumerated() {
                results[index] = Array(UnsafeBufferPointer(start: pass.pooled.pointer + slot * h, count: h))
            }
        }
    }
    return results
}
