import Statistics
import COpenBLAS
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

/// Mean-pooled encoder outputs (not normalised), computed in batches without dropout.
func pooledOutputs(_ weights: EncoderWeights, tokenSequences: [[Int32]], batchSize: Int) -> [[Float]] {
    let h = weights.configuration.hiddenSize
    return inferenceBatches(weights, tokenSequences: tokenSequences, batchSize: batchSize, through: nil) { pass, slot in
        Array(UnsafeBufferPointer(start: pass.pooled.pointer + slot * h, count: h))
    }
}

/// Each sequence's rows (length × hidden) as layer `layer - 1` outputs them without dropout: the start input
/// of a pass that trains only layers `layer` and up (`EncoderPass(startLayer:startInput:)`).
func lowerLayerOutputs(_ weights: EncoderWeights, tokenSequences: [[Int32]], below layer: Int, batchSize: Int = 32) -> [[Float]] {
    let h = weights.configuration.hiddenSize
    return inferenceBatches(weights, tokenSequences: tokenSequences, batchSize: batchSize, through: layer) { pass, slot in
        Array(UnsafeBufferPointer(start: pass.output(below: layer).pointer + pass.rowStarts[slot] * h, count: pass.sequences[slot].count * h))
    }
}

/// Runs dropout-free passes through the layers below `endLayer` (nil: all, with pooling) over batches of
/// sequences taken in order of length (so each batch's attention blocks are similar in size), and returns
/// `collect(pass, position in batch)` for every sequence in the original order.
///
/// Batches are shared round-robin among one worker per core, each with single-threaded BLAS: on 2 cores this
/// is faster than one worker with threaded BLAS, because the element-wise work (LayerNorm, GELU, softmax) runs
/// in parallel too. Each batch is computed the same whichever worker takes it, so results do not depend on
/// the number of workers.
private func inferenceBatches(
    _ weights: EncoderWeights, tokenSequences: [[Int32]], batchSize: Int, through endLayer: Int?,
    collect: @escaping @Sendable (EncoderPass, Int) -> [Float]
) -> [[Float]] {
    let order = tokenSequences.indices.sorted { tokenSequences[$0].count < tokenSequences[$1].count }
    let step = max(batchSize, 1)
    let batches = stride(from: 0, to: order.count, by: step).map { Array(order[$0..<min($0 + step, order.count)]) }
    let workers = max(1, min(ProcessInfo.processInfo.activeProcessorCount, batches.count))
    let results = UnsafeMutablePointer<[Float]>.allocate(capacity: tokenSequences.count)
    results.initialize(repeating: [], count: tokenSequences.count)
    defer { results.deinitialize(count: tokenSequences.count); results.deallocate() }
    let slots = ResultSlots(base: results)
    let blasThreads = openblas_get_num_threads()
    if workers > 1 { openblas_set_num_threads(1) }
    defer { if workers > 1 { openblas_set_num_threads(blasThreads) } }
    DispatchQueue.concurrentPerform(iterations: workers) { worker in
        var generator = SplitMix64(seed: 0)
        weights.values.withUnsafeBufferPointer { parameters in
            for members in stride(from: worker, to: batches.count, by: workers).map({ batches[$0] }) {
                let pass = EncoderPass(layout: weights.layout, sequences: members.map { tokenSequences[$0] }, dropoutRate: 0, keepsActivations: false)
                pass.run(parameters.baseAddress!, generator: &generator, through: endLayer)
                for (slot, index) in members.enumerated() { slots.base[index] = collect(pass, slot) }
            }
        }
    }
    return Array(UnsafeBufferPointer(start: results, count: tokenSequences.count))
}

/// Where the workers of `inferenceBatches` write: each index is written by exactly one worker.
private struct ResultSlots: @unchecked Sendable {
    let base: UnsafeMutablePointer<[Float]>
}
