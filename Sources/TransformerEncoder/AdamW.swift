import Foundation

/// AdamW (Loshchilov & Hutter; PyTorch's `AdamW`): Adam moments with bias correction, and weight decay applied
/// to the weights directly (θ ← θ − lr·λ·θ) rather than through the gradient, only to tensors the layout marks
/// as decaying. The learning rate is given per step, so the schedule lives with the training loop.
struct AdamW {
    let beta1: Float = 0.9
    let beta2: Float = 0.999
    let epsilon: Float = 1e-8
    let weightDecay: Float
    /// Offset ranges that decay, and the range that is trained at all (frozen lower layers stay outside it).
    let decaying: [Range<Int>]
    let trained: Range<Int>
    private var firstMoment: [Float]
    private var secondMoment: [Float]
    private(set) var stepCount = 0

    init(layout: ParameterLayout, weightDecay: Float, trained: Range<Int>) {
        self.weightDecay = weightDecay
        self.trained = trained
        decaying = layout.tensors.filter(\.decays).map { $0.offset..<($0.offset + $0.count) }
        firstMoment = [Float](repeating: 0, count: layout.count)
        secondMoment = [Float](repeating: 0, count: layout.count)
    }

    /// One step. `learningRates` gives the rate for each part of the parameters (e.g. encoder and head); parts
    /// outside the trained range are left alone.
    mutating func update(_ parameters: inout [Float], gradients: [Float], learningRates: [(range: Range<Int>, rate: Float)]) {
        stepCount += 1
        let correction1 = 1 - pow(beta1, Float(stepCount)), correction2 = 1 - pow(beta2, Float(stepCount))
        let (b1, b2, eps, decay, trained, decaying) = (beta1, beta2, epsilon, weightDecay, trained, decaying)
        parameters.withUnsafeMutableBufferPointer { theta in
            gradients.withUnsafeBufferPointer { g in
                firstMoment.withUnsafeMutableBufferPointer { m in
                    secondMoment.withUnsafeMutableBufferPointer { v in
                        for (range, rate) in learningRates {
                            let part = range.clamped(to: trained)
                            let decayFactor = 1 - rate * decay, stepSize = rate / correction1
                            for decayed in decaying {
                                for i in decayed.clamped(to: part) { theta[i] *= decayFactor }
                            }
                            for i in part {
                                m[i] = b1 * m[i] + (1 - b1) * g[i]
                                v[i] = b2 * v[i] + (1 - b2) * g[i] * g[i]
                                theta[i] -= stepSize * m[i] / ((v[i] / correction2).squareRoot() + eps)
                            }
                        }
                    }
                }
            }
        }
    }
}
