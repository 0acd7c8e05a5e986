/// The backward pass of `EncoderPass` (built with `keepsActivations: true`): from ∂L/∂pooled to the gradient
/// of every parameter, accumulated (added) into a flat buffer of the layout's shape.
extension EncoderPass {
    /// Adds ∂L/∂θ to `gradients` given ∂L/∂pooled (sequences × hidden). Layers below `firstTrainableLayer`
    /// (and the embeddings, when it is above 0) are treated as frozen: the pass stops there. A pass that
    /// started at a layer (`startLayer`) can only go back to that layer.
    func backward(
        pooledGradient: UnsafePointer<Float>, _ p: UnsafePointer<Float>, gradients g: UnsafeMutablePointer<Float>,
        firstTrainableLayer: Int = 0
    ) {
        precondition(keepsActivations && firstTrainableLayer >= startLayer, "backward needs the activations of every trained layer")
        let h = hidden, n = rows
        let upstream = FloatBuffer(count: n * h)
        for s in sequences.indices {
            let inverse = 1 / Float(sequences[s].count)
            for row in rowStarts[s]..<rowStarts[s + 1] {
                for j in 0..<h { upstream.pointer[row * h + j] = pooledGradient[s * h + j] * inverse }
            }
        }
        let scratch = BackwardScratch(rows: n, hidden: h, inner: layout.configuration.intermediateSize)
        for index in stride(from: layout.configuration.layerCount - 1, through: firstTrainableLayer, by: -1) {
            backwardLayer(index, upstream: upstream, p, gradients: g, scratch: scratch)
        }
        if firstTrainableLayer == 0 { backwardEmbeddings(upstream: upstream, p, gradients: g) }
    }

    /// Buffers reused across layers while going backward.
    final class BackwardScratch {
        let attended, intermediate, context, query, key, value: FloatBuffer
        init(rows: Int, hidden: Int, inner: Int) {
            attended = FloatBuffer(count: rows * hidden)
            intermediate = FloatBuffer(count: rows * inner)
            context = FloatBuffer(count: rows * hidden)
            query = FloatBuffer(count: rows * hidden)
            key = FloatBuffer(count: rows * hidden)
            value = FloatBuffer(count: rows * hidden)
        }
    }

    /// Replaces `upstream` (∂L/∂output of layer `index`) with ∂L/∂input of that layer, adding parameter gradients.
    func backwardLayer(_ index: Int, upstream: FloatBuffer, _ p: UnsafePointer<Float>, gradients g: UnsafeMutablePointer<Float>, scratch: BackwardScratch) {
        let configuration = layout.configuration, w = layout.layers[index], a = activations(index)
        let h = hidden, inner = configuration.intermediateSize, n = rows, count = n * h
        let x = layerInput(index).pointer
        let dy = upstream.pointer
        // Output LayerNorm: dy becomes ∂L/∂(dropout(FFN) + attended).
        layerNormBackward(dy, rows: n, width: h, scale: p + w.outputNormScale, normalized: a.outputNormalized.pointer,
                          inverseDeviation: a.outputInverseDeviation.pointer, scaleGradient: g + w.outputNormScale,
                          shiftGradient: g + w.outputNormShift, dx: dy)
        // Residual: ∂L/∂attended starts as dy; the FFN branch gets dy ⊙ dropout mask.
        let dAttended = scratch.attended.pointer
        dAttended.update(from: dy, count: count)
        if let mask = a.outputDropout { multiply(dy, by: mask.pointer, count: count) }
        let dInner = scratch.intermediate.pointer
        linearBackward(dy, rows: n, inputs: inner, outputs: h, x: a.activated.pointer, weights: p + w.output,
                       weightGradient: g + w.output, biasGradient: g + w.outputBias, dx: dInner, accumulate: false)
        for j in 0..<(n * inner) { dInner[j] *= geluDerivative(a.intermediate.pointer[j]) }
        linearBackward(dInner, rows: n, inputs: h, outputs: inner, x: a.attended.pointer, weights: p + w.intermediate,
                       weightGradient: g + w.intermediate, biasGradient: g + w.intermediateBias, dx: dAttended, accumulate: true)
        // Attention LayerNorm: dAttended becomes ∂L/∂(dropout(attention projection) + x).
        layerNormBackward(dAttended, rows: n, width: h, scale: p + w.attentionNormScale, normalized: a.attentionNormalized.pointer,
                          inverseDeviation: a.attentionInverseDeviation.pointer, scaleGradient: g + w.attentionNormScale,
                          shiftGradient: g + w.attentionNormShift, dx: dAttended)
        // Residual to the input: ∂L/∂x starts as dAttended.
        dy.update(from: dAttended, count: count)
        if let mask = a.attentionOutputDropout { multiply(dAttended, by: mask.pointer, count: count) }
        linearBackward(dAttended, rows: n, inputs: h, outputs: h, x: a.context.pointer, weights: p + w.attentionOutput,
                       weightGradient: g + w.attentionOutput, biasGradient: g + w.attentionOutputBias,
                       dx: scratch.context.pointer, accumulate: false)
        attendBackward(a, contextGradient: scratch.context, scratch: scratch)
        for (dProjection, weight, bias) in [(scratch.query, w.query, w.queryBias), (scratch.key, w.key, w.keyBias), (scratch.value, w.value, w.valueBias)] {
            linearBackward(dProjection.pointer, rows: n, inputs: h, outputs: h, x: x, weights: p + weight,
                           weightGradient: g + weight, biasGradient: g + bias, dx: dy, accumulate: true)
        }
    }

    /// From ∂L/∂context to ∂L/∂Q, ∂L/∂K, ∂L/∂V (written into the scratch buffers), per sequence and head.
    func attendBackward(_ a: LayerActivations, contextGradient: FloatBuffer, scratch: BackwardScratch) {
        let configuration = layout.configuration, h = hidden, d = configuration.headSize
        let scale = 1 / Float(d).squareRoot()
        let longest = sequences.map(\.count).max() ?? 0
        let dropped = FloatBuffer(count: longest * longest)
        let dWeights = FloatBuffer(count: longest * longest)
        for s in sequences.indices {
            let length = sequences[s].count, row = rowStarts[s] * h, cells = length * length
            for head in 0..<configuration.headCount {
                let block = attentionStarts[s] + head * cells
                let probabilities = a.probabilities.pointer + block
                let column = row + head * d
                var weights = UnsafePointer(probabilities)
                if let mask = a.attentionDropout {
                    for j in 0..<cells { dropped.pointer[j] = probabilities[j] * mask.pointer[block + j] }
                    weights = UnsafePointer(dropped.pointer)
                }
                // context = W·V: ∂V = Wᵀ·∂context, ∂W = ∂context·Vᵀ.
                matrixProduct(transposeA: true, transposeB: false, m: length, n: d, k: length, weights, lda: length,
                              contextGradient.pointer + column, ldb: h, beta: 0, scratch.value.pointer + column, ldc: h)
                let dP = dWeights.pointer
                matrixProduct(transposeA: false, transposeB: true, m: length, n: length, k: d, contextGradient.pointer + column, lda: h,
                              a.value.pointer + column, ldb: h, beta: 0, dP, ldc: length)
                if let mask = a.attentionDropout { multiply(dP, by: mask.pointer + block, count: cells) }
                // Softmax: ∂S = P ⊙ (∂P − rowsum(∂P ⊙ P)).
                for i in 0..<length {
                    let pRow = probabilities + i * length, dRow = dP + i * length
                    var dot: Float = 0
                    for j in 0..<length { dot += dRow[j] * pRow[j] }
                    for j in 0..<length { dRow[j] = pRow[j] * (dRow[j] - dot) }
                }
                // S = scale·Q·Kᵀ: ∂Q = scale·∂S·K, ∂K = scale·∂Sᵀ·Q.
                matrixProduct(transposeA: false, transposeB: false, m: length, n: d, k: length, alpha: scale, dP, lda: length,
                              a.key.pointer + column, ldb: h, beta: 0, scratch.query.pointer + column, ldc: h)
                matrixProduct(transposeA: true, transposeB: false, m: length, n: d, k: length, alpha: scale, dP, lda: length,
                              a.query.pointer + column, ldb: h, beta: 0, scratch.key.pointer + column, ldc: h)
            }
        }
    }

    /// From ∂L/∂(embedding output) to the word, position and type embeddings and the embedding LayerNorm.
    func backwardEmbeddings(upstream: FloatBuffer, _ p: UnsafePointer<Float>, gradients g: UnsafeMutablePointer<Float>) {
        let h = hidden, dy = upstream.pointer
        if let mask = embeddingDropout { multiply(dy, by: mask.pointer, count: mask.count) }
        layerNormBackward(dy, rows: rows, width: h, scale: p + layout.embeddingNormScale, normalized: embeddingNormalized.pointer,
                          inverseDeviation: embeddingInverseDeviation.pointer, scaleGradient: g + layout.embeddingNormScale,
                          shiftGradient: g + layout.embeddingNormShift, dx: dy)
        for (s, sequence) in sequences.enumerated() {
            for (position, token) in sequence.enumerated() {
                let row = dy + (rowStarts[s] + position) * h
                let word = g + layout.wordEmbeddings + Int(token) * h
                let place = g + layout.positionEmbeddings + position * h
                let type = g + layout.typeEmbeddings
                for j in 0..<h { word[j] += row[j]; place[j] += row[j]; type[j] += row[j] }
            }
        }
    }
}
