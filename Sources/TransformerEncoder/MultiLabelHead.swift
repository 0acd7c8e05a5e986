import Foundation

/// The multi-label head on the mean-pooled encoder output: one logit per label (linear layer), a sigmoid per
/// label, binary cross-entropy averaged over sequences × labels (PyTorch's `BCEWithLogitsLoss`).
enum MultiLabelHead {
    /// Logits, sequences × labels, for the pooled vectors of `pass`.
    static func logits(_ pass: EncoderPass, _ p: UnsafePointer<Float>) -> [Float] {
        let layout = pass.layout, labels = layout.labelCount
        var logits = [Float](repeating: 0, count: pass.sequences.count * labels)
        logits.withUnsafeMutableBufferPointer { out in
            linearForward(pass.pooled.pointer, rows: pass.sequences.count, inputs: layout.configuration.hiddenSize,
                          weights: p + layout.headWeights, bias: p + layout.headBias, outputs: labels, into: out.baseAddress!)
        }
        return logits
    }

    /// The loss for `targets` (0 or 1 per sequence and label, row-major), adding ∂L/∂θ for the head and the
    /// encoder to `gradients` when given.
    static func loss(
        _ pass: EncoderPass, _ p: UnsafePointer<Float>, targets: [Float], gradients: UnsafeMutablePointer<Float>?,
        firstTrainableLayer: Int = 0
    ) -> Double {
        let layout = pass.layout, labels = layout.labelCount, count = pass.sequences.count * labels
        precondition(targets.count == count, "one target per sequence and label")
        let z = logits(pass, p)
        var total = 0.0
        var dz = [Float](repeating: 0, count: count)
        for i in 0..<count {
            total += Double(max(z[i], 0) - z[i] * targets[i] + log1p(exp(-abs(z[i]))))
            dz[i] = (sigmoid(z[i]) - targets[i]) / Float(count)
        }
        if let gradients {
            let h = layout.configuration.hiddenSize
            let dPooled = FloatBuffer(count: pass.sequences.count * h)
            dz.withUnsafeBufferPointer { dz in
                linearBackward(dz.baseAddress!, rows: pass.sequences.count, inputs: h, outputs: labels, x: pass.pooled.pointer,
                               weights: p + layout.headWeights, weightGradient: gradients + layout.headWeights,
                               biasGradient: gradients + layout.headBias, dx: dPooled.pointer, accumulate: false)
            }
            pass.backward(pooledGradient: dPooled.pointer, p, gradients: gradients, firstTrainableLayer: firstTrainableLayer)
        }
        return total / Double(count)
    }
}

@inline(__always) func sigmoid(_ x: Float) -> Float { 1 / (1 + exp(-x)) }
