import Statistics
import Foundation

/// One forward pass of the encoder over a batch of token sequences, keeping what the backward pass needs.
///
/// The sequences are packed row after row with no padding (so no attention mask is needed, and a short
/// answer costs only its own tokens); the dense layers run over all rows of the batch in one matrix product,
/// attention runs per sequence and head. Each sequence's output is the mean of its token vectors (mean
/// pooling over every token, `[CLS]` and `[SEP]` included, as sentence-transformers does for this model).
///
/// With `keepsActivations` false (inference) one set of per-layer buffers is reused for every layer, so memory
/// does not grow with depth; with it true (training) every layer's activations stay for `backward`.
final class EncoderPass {
    /// Activations of one transformer layer over the packed batch.
    final class LayerActivations {
        let query, key, value, context: FloatBuffer
        /// Softmax outputs, before dropout: per sequence, per head, a length×length block.
        let probabilities: FloatBuffer
        let attentionDropout: FloatBuffer?
        let attentionOutputDropout: FloatBuffer?
        let attentionNormalized, attentionInverseDeviation, attended: FloatBuffer
        let intermediate, activated: FloatBuffer
        let outputDropout: FloatBuffer?
        let outputNormalized, outputInverseDeviation, output: FloatBuffer

        init(rows: Int, hidden: Int, inner: Int, attentionCells: Int, dropout: Bool) {
            query = FloatBuffer(count: rows * hidden)
            key = FloatBuffer(count: rows * hidden)
            value = FloatBuffer(count: rows * hidden)
            context = FloatBuffer(count: rows * hidden)
            probabilities = FloatBuffer(count: attentionCells)
            attentionDropout = dropout ? FloatBuffer(count: attentionCells) : nil
            attentionOutputDropout = dropout ? FloatBuffer(count: rows * hidden) : nil
            attentionNormalized = FloatBuffer(count: rows * hidden)
            attentionInverseDeviation = FloatBuffer(count: rows)
            attended = FloatBuffer(count: rows * hidden)
            intermediate = FloatBuffer(count: rows * inner)
            activated = FloatBuffer(count: rows * inner)
            outputDropout = dropout ? FloatBuffer(count: rows * hidden) : nil
            outputNormalized = FloatBuffer(count: rows * hidden)
            outputInverseDeviation = FloatBuffer(count: rows)
            output = FloatBuffer(count: rows * hidden)
        }
    }

    let layout: ParameterLayout
    let sequences: [[Int32]]
    /// First row of each sequence in the packed batch, and (last element) the total row count.
    let rowStarts: [Int]
    /// Offset of each sequence's attention blocks in `probabilities`.
    let attentionStarts: [Int]
    let dropoutRate: Float
    /// The first layer this pass runs; below it, `embeddingOutput` holds the given start input instead.
    let startLayer: Int
    let keepsActivations: Bool
    let embeddingNormalized, embeddingInverseDeviation, embeddingOutput: FloatBuffer
    let embeddingDropout: FloatBuffer?
    let layers: [LayerActivations]
    /// Mean-pooled sequence vectors, sequences × hidden.
    let pooled: FloatBuffer

    var rows: Int { rowStarts[sequences.count] }
    var hidden: Int { layout.configuration.hiddenSize }

    /// Sets up buffers for `sequences` (each non-empty, no longer than the model's positions). `dropoutRate` > 0
    /// means training: dropout masks are drawn during `run`.
    ///
    /// With `startLayer` above 0 the pass begins at that layer from `startInput`: each sequence's rows
    /// (length × hidden) as layer `startLayer - 1` gave them, computed once by `lowerLayerOutputs` while the
    /// layers below are frozen. Only layers from `startLayer` up then run, keep activations and go backward.
    init(layout: ParameterLayout, sequences: [[Int32]], dropoutRate: Float, keepsActivations: Bool,
         startLayer: Int = 0, startInput: [[Float]] = []) {
        let configuration = layout.configuration
        precondition(sequences.allSatisfy { !$0.isEmpty && $0.count <= configuration.maximumPositions }, "sequence length out of range")
        self.layout = layout
        self.sequences = sequences
        self.dropoutRate = dropoutRate
        self.startLayer = startLayer
        self.keepsActivations = keepsActivations
        var rowStarts = [0], attentionStarts = [0]
        for sequence in sequences {
            rowStarts.append(rowStarts.last! + sequence.count)
            attentionStarts.append(attentionStarts.last! + configuration.headCount * sequence.count * sequence.count)
        }
        self.rowStarts = rowStarts
        self.attentionStarts = attentionStarts
        let rows = rowStarts.last!, h = configuration.hiddenSize
        let embeds = startLayer == 0
        embeddingNormalized = FloatBuffer(count: embeds ? rows * h : 0)
        embeddingInverseDeviation = FloatBuffer(count: embeds ? rows : 0)
        embeddingOutput = FloatBuffer(count: rows * h)
        embeddingDropout = embeds && dropoutRate > 0 ? FloatBuffer(count: rows * h) : nil
        if !embeds {
            precondition(startInput.count == sequences.count, "one start input per sequence")
            for (s, input) in startInput.enumerated() {
                precondition(input.count == sequences[s].count * h, "start input of the wrong size")
                (embeddingOutput.pointer + rowStarts[s] * h).update(from: input, count: input.count)
            }
        }
        let running = configuration.layerCount - startLayer
        layers = (0..<(keepsActivations ? running : min(1, running))).map { _ in
            LayerActivations(rows: rows, hidden: h, inner: configuration.intermediateSize,
                             attentionCells: attentionStarts.last!, dropout: dropoutRate > 0)
        }
        pooled = FloatBuffer(count: sequences.count * h)
    }

    /// The activations of layer `index` (the shared set when activations are not kept).
    func activations(_ index: Int) -> LayerActivations { layers[keepsActivations ? index - startLayer : 0] }

    /// The input rows of layer `index`: the embeddings' output (or the start input) for the first layer run,
    /// else the previous layer's output.
    func layerInput(_ index: Int) -> FloatBuffer { index == startLayer ? embeddingOutput : activations(index - 1).output }

    /// The output rows of layer `index - 1`, i.e. what layer `index` reads (after `run(through: index)`).
    func output(below index: Int) -> FloatBuffer { layerInput(index) }

    /// Runs the forward pass through the layers below `endLayer` (default: all, then pooling: `pooled` holds one
    /// vector per sequence, not normalised).
    func run(_ parameters: UnsafePointer<Float>, generator: inout SplitMix64, through endLayer: Int? = nil) {
        if startLayer == 0 { embed(parameters, generator: &generator) }
        for index in startLayer..<(endLayer ?? layout.configuration.layerCount) {
            runLayer(index, parameters, generator: &generator)
        }
        if endLayer == nil { pool() }
    }

    func embed(_ p: UnsafePointer<Float>, generator: inout SplitMix64) {
        let h = hidden, configuration = layout.configuration
        let sum = embeddingOutput.pointer
        for (s, sequence) in sequences.enumerated() {
            for (position, token) in sequence.enumerated() {
                precondition(token >= 0 && Int(token) < configuration.vocabularySize, "token id \(token) outside the vocabulary")
                let row = sum + (rowStarts[s] + position) * h
                let word = p + layout.wordEmbeddings + Int(token) * h
                let place = p + layout.positionEmbeddings + position * h
                let type = p + layout.typeEmbeddings
                for j in 0..<h { row[j] = word[j] + place[j] + type[j] }
            }
        }
        layerNormForward(sum, rows: rows, width: h, scale: p + layout.embeddingNormScale, shift: p + layout.embeddingNormShift,
                         epsilon: configuration.layerNormEpsilon, normalized: embeddingNormalized.pointer,
                         inverseDeviation: embeddingInverseDeviation.pointer, into: embeddingOutput.pointer)
        if let mask = embeddingDropout {
            fillDropoutMask(mask.pointer, count: mask.count, rate: dropoutRate, generator: &generator)
            multiply(embeddingOutput.pointer, by: mask.pointer, count: mask.count)
        }
    }

    func runLayer(_ index: Int, _ p: UnsafePointer<Float>, generator: inout SplitMix64) {
        let configuration = layout.configuration, weights = layout.layers[index], a = activations(index)
        let h = hidden, inner = configuration.intermediateSize, n = rows
        let x = layerInput(index).pointer
        linearForward(x, rows: n, inputs: h, weights: p + weights.query, bias: p + weights.queryBias, outputs: h, into: a.query.pointer)
        linearForward(x, rows: n, inputs: h, weights: p + weights.key, bias: p + weights.keyBias, outputs: h, into: a.key.pointer)
        linearForward(x, rows: n, inputs: h, weights: p + weights.value, bias: p + weights.valueBias, outputs: h, into: a.value.pointer)
        attend(a, generator: &generator)
        // Attention output projection, dropout, residual, LayerNorm.
        linearForward(a.context.pointer, rows: n, inputs: h, weights: p + weights.attentionOutput, bias: p + weights.attentionOutputBias,
                      outputs: h, into: a.attended.pointer)
        if let mask = a.attentionOutputDropout {
            fillDropoutMask(mask.pointer, count: mask.count, rate: dropoutRate, generator: &generator)
            multiply(a.attended.pointer, by: mask.pointer, count: mask.count)
        }
        for j in 0..<(n * h) { a.attended.pointer[j] += x[j] }
        layerNormForward(a.attended.pointer, rows: n, width: h, scale: p + weights.attentionNormScale, shift: p + weights.attentionNormShift,
                         epsilon: configuration.layerNormEpsilon, normalized: a.attentionNormalized.pointer,
                         inverseDeviation: a.attentionInverseDeviation.pointer, into: a.attended.pointer)
        // Feed-forward: GELU, projection back, dropout, residual, LayerNorm.
        linearForward(a.attended.pointer, rows: n, inputs: h, weights: p + weights.intermediate, bias: p + weights.intermediateBias,
                      outputs: inner, into: a.intermediate.pointer)
        for j in 0..<(n * inner) { a.activated.pointer[j] = gelu(a.intermediate.pointer[j]) }
        let out = a.output.pointer
        linearForward(a.activated.pointer, rows: n, inputs: inner, weights: p + weights.output, bias: p + weights.outputBias, outputs: h, into: out)
        if let mask = a.outputDropout {
            fillDropoutMask(mask.pointer, count: mask.count, rate: dropoutRate, generator: &generator)
            multiply(out, by: mask.pointer, count: mask.count)
        }
        for j in 0..<(n * h) { out[j] += a.attended.pointer[j] }
        layerNormForward(out, rows: n, width: h, scale: p + weights.outputNormScale, shift: p + weights.outputNormShift,
                         epsilon: configuration.layerNormEpsilon, normalized: a.outputNormalized.pointer,
                         inverseDeviation: a.outputInverseDeviation.pointer, into: out)
    }

    /// Scaled dot-product self-attention per sequence and head: context = dropout(softmax(QKᵀ/√d))·V.
    func attend(_ a: LayerActivations, generator: inout SplitMix64) {
        let configuration = layout.configuration, h = hidden, d = configuration.headSize
        let scale = 1 / Float(d).squareRoot()
        let longest = sequences.map(\.count).max() ?? 0
        let dropped = FloatBuffer(count: a.attentionDropout == nil ? 0 : longest * longest)
        for s in sequences.indices {
            let length = sequences[s].count, row = rowStarts[s] * h
            for head in 0..<configuration.headCount {
                let block = attentionStarts[s] + head * length * length
                let probabilities = a.probabilities.pointer + block
                matrixProduct(transposeA: false, transposeB: true, m: length, n: length, k: d, alpha: scale,
                              a.query.pointer + row + head * d, lda: h, a.key.pointer + row + head * d, ldb: h,
                              beta: 0, probabilities, ldc: length)
                for i in 0..<length { softmaxInPlace(probabilities + i * length, count: length) }
                var weights = UnsafePointer(probabilities)
                if let mask = a.attentionDropout {
                    fillDropoutMask(mask.pointer + block, count: length * length, rate: dropoutRate, generator: &generator)
                    for j in 0..<(length * length) { dropped.pointer[j] = probabilities[j] * mask.pointer[block + j] }
                    weights = UnsafePointer(dropped.pointer)
                }
                matrixProduct(transposeA: false, transposeB: false, m: length, n: d, k: length,
                              weights, lda: length, a.value.pointer + row + head * d, ldb: h,
                              beta: 0, a.context.pointer + row + head * d, ldc: h)
            }
        }
    }

    /// Mean of each sequence's final token vectors.
    func pool() {
        let h = hidden, output = output(below: layout.configuration.layerCount).pointer
        for s in sequences.indices {
            let target = pooled.pointer + s * h
            target.update(repeating: 0, count: h)
            for row in rowStarts[s]..<rowStarts[s + 1] {
                for j in 0..<h { target[j] += output[row * h + j] }
            }
            let inverse = 1 / Float(sequences[s].count)
            for j in 0..<h { target[j] *= inverse }
        }
    }
}

/// Softmax of `count` values in place, shifted by their maximum for stability.
@inline(__always) func softmaxInPlace(_ x: UnsafeMutablePointer<Float>, count: Int) {
    var largest = -Float.infinity
    for j in 0..<count { largest = max(largest, x[j]) }
    var total: Float = 0
    for j in 0..<count { x[j] = exp(x[j] - largest); total += x[j] }
    let inverse = 1 / total
    for j in 0..<count { x[j] *= inverse }
}
