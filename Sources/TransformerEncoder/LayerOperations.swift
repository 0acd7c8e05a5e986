import Statistics
import Foundation

/// A zero-filled Float array at a fixed address, for activations and gradients that BLAS reads and writes.
/// A class so a pass can hand out pointers without copy-on-write getting in the way.
final class FloatBuffer {
    let pointer: UnsafeMutablePointer<Float>
    let count: Int

    init(count: Int) {
        self.count = count
        pointer = .allocate(capacity: max(count, 1))
        pointer.initialize(repeating: 0, count: max(count, 1))
    }

    deinit { pointer.deallocate() }

    func zero() { pointer.update(repeating: 0, count: count) }
}

/// y = x·Wᵀ + b for `rows` rows: x is rows×inputs, W is outputs×inputs (PyTorch's layout), y rows×outputs.
func linearForward(
    _ x: UnsafePointer<Float>, rows: Int, inputs: Int, weights: UnsafePointer<Float>, bias: UnsafePointer<Float>,
    outputs: Int, into y: UnsafeMutablePointer<Float>
) {
    for row in 0..<rows { (y + row * outputs).update(from: bias, count: outputs) }
    matrixProduct(transposeA: false, transposeB: true, m: rows, n: outputs, k: inputs, x, lda: inputs, weights, ldb: inputs, beta: 1, y, ldc: outputs)
}

/// The backward of `linearForward`: adds ∂L/∂W = dyᵀ·x and ∂L/∂b = Σ dy to the gradients, and writes (or,
/// with `accumulate`, adds) ∂L/∂x = dy·W into `dx` when it is given.
func linearBackward(
    _ dy: UnsafePointer<Float>, rows: Int, inputs: Int, outputs: Int, x: UnsafePointer<Float>,
    weights: UnsafePointer<Float>, weightGradient: UnsafeMutablePointer<Float>, biasGradient: UnsafeMutablePointer<Float>,
    dx: UnsafeMutablePointer<Float>?, accumulate: Bool
) {
    for row in 0..<rows {
        let line = dy + row * outputs
        for column in 0..<outputs { biasGradient[column] += line[column] }
    }
    matrixProduct(transposeA: true, transposeB: false, m: outputs, n: inputs, k: rows, dy, lda: outputs, x, ldb: inputs, beta: 1, weightGradient, ldc: inputs)
    if let dx {
        matrixProduct(transposeA: false, transposeB: false, m: rows, n: inputs, k: outputs, dy, lda: outputs, weights, ldb: inputs, beta: accumulate ? 1 : 0, dx, ldc: inputs)
    }
}

/// LayerNorm over each row of width `width`: y = x̂·γ + β with x̂ = (x − mean)/√(var + ε) (biased variance, as
/// BERT). Keeps x̂ and 1/√(var + ε) for the backward pass. `x` and `y` may be the same buffer.
func layerNormForward(
    _ x: UnsafePointer<Float>, rows: Int, width: Int, scale: UnsafePointer<Float>, shift: UnsafePointer<Float>,
    epsilon: Float, normalized: UnsafeMutablePointer<Float>, inverseDeviation: UnsafeMutablePointer<Float>,
    into y: UnsafeMutablePointer<Float>
) {
    for row in 0..<rows {
        let input = x + row * width, xhat = normalized + row * width, output = y + row * width
        var mean: Float = 0
        for j in 0..<width { mean += input[j] }
        mean /= Float(width)
        var variance: Float = 0
        for j in 0..<width { let d = input[j] - mean; variance += d * d }
        variance /= Float(width)
        let inverse = 1 / (variance + epsilon).squareRoot()
        inverseDeviation[row] = inverse
        for j in 0..<width {
            xhat[j] = (input[j] - mean) * inverse
            output[j] = xhat[j] * scale[j] + shift[j]
        }
    }
}

/// The backward of `layerNormForward`: adds ∂L/∂γ, ∂L/∂β, and writes ∂L/∂x into `dx` (may alias `dy`).
func layerNormBackward(
    _ dy: UnsafePointer<Float>, rows: Int, width: Int, scale: UnsafePointer<Float>, normalized: UnsafePointer<Float>,
    inverseDeviation: UnsafePointer<Float>, scaleGradient: UnsafeMutablePointer<Float>, shiftGradient: UnsafeMutablePointer<Float>,
    dx: UnsafeMutablePointer<Float>
) {
    let n = Float(width)
    for row in 0..<rows {
        let g = dy + row * width, xhat = normalized + row * width, out = dx + row * width
        var sum: Float = 0, dot: Float = 0
        for j in 0..<width {
            scaleGradient[j] += g[j] * xhat[j]
            shiftGradient[j] += g[j]
            let d = g[j] * scale[j]
            sum += d
            dot += d * xhat[j]
        }
        let inverse = inverseDeviation[row]
        for j in 0..<width {
            let d = g[j] * scale[j]
            out[j] = inverse * (d - sum / n - xhat[j] * dot / n)
        }
    }
}

/// erf(x) by Abramowitz & Stegun 7.1.26 (absolute error below 1.5e-7, under Float's own rounding at 1): libm's
/// `erff` was a seventh of inference time, this is one `exp` and a division. Takes e^(−x²) precomputed, since
/// GELU's derivative needs the same exponential.
@inline(__always) func erf(_ x: Float, gaussian: Float) -> Float {
    let a = abs(x)
    let t = 1 / (1 + 0.3275911 * a)
    let polynomial = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))))
    let magnitude = 1 - polynomial * gaussian
    return x < 0 ? -magnitude : magnitude
}

/// GELU as BERT uses it (the exact form, not the tanh approximation): x·Φ(x) = ½x(1 + erf(x/√2)).
@inline(__always) func gelu(_ x: Float) -> Float {
    0.5 * x * (1 + erf(x * 0.70710678118654752, gaussian: exp(-0.5 * x * x)))
}

/// dGELU/dx = Φ(x) + x·φ(x).
@inline(__always) func geluDerivative(_ x: Float) -> Float {
    let gaussian = exp(-0.5 * x * x)
    return 0.5 * (1 + erf(x * 0.70710678118654752, gaussian: gaussian)) + x * 0.39894228040143268 * gaussian
}

/// Fills `mask` with inverted-dropout factors: 0 with probability `rate`, else 1/(1 − rate).
func fillDropoutMask(_ mask: UnsafeMutablePointer<Float>, count: Int, rate: Float, generator: inout SplitMix64) {
    let keep = 1 / (1 - rate)
    for index in 0..<count { mask[index] = generator.nextUnitFloat() < rate ? 0 : keep }
}

/// x ← x ⊙ mask.
@inline(__always) func multiply(_ x: UnsafeMutablePointer<Float>, by mask: UnsafePointer<Float>, count: Int) {
    for index in 0..<count { x[index] *= mask[index] }
}
