import Foundation

/// A small, fast, seedable generator (SplitMix64) so that weight initialisation, shuffling and dropout are
/// the same on every run with the same seed: training the same data with the same seed gives the same
/// weights bit for bit (given the same BLAS and thread count).
public struct SeededGenerator: RandomNumberGenerator, Sendable {
    private var state: UInt64

    public init(seed: UInt64) { state = seed }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// Uniform in [0, 1) with 24 random bits.
    public mutating func nextUnitFloat() -> Float { Float(next() >> 40) * 0x1p-24 }

    /// A standard normal draw (Box–Muller), for weight initialisation.
    public mutating func nextGaussian() -> Float {
        let u = max(Double(next() >> 11) * 0x1p-53, 1e-300), v = Double(next() >> 11) * 0x1p-53
        return Float((-2 * log(u)).squareRoot() * cos(2 * Double.pi * v))
    }
}
