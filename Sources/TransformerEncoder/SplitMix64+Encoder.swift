import Foundation
import Statistics

/// The draws the encoder needs from the project's seeded generator, so that weight initialisation, shuffling
/// and dropout are the same on every run with the same seed: training the same data with the same seed gives
/// the same weights bit for bit (given the same BLAS and thread count).
extension SplitMix64 {
    /// Uniform in [0, 1) with 24 random bits.
    mutating func nextUnitFloat() -> Float { Float(next() >> 40) * 0x1p-24 }

    /// A standard normal draw (Box–Muller), for weight initialisation.
    mutating func nextGaussian() -> Float {
        let u = max(Double(next() >> 11) * 0x1p-53, 1e-300), v = Double(next() >> 11) * 0x1p-53
        return Float((-2 * log(u)).squareRoot() * cos(2 * Double.pi * v))
    }

    /// Fisher–Yates with our own bounded draw, not `shuffle(using:)`, whose algorithm the standard library
    /// does not promise to keep: the order, and so the trained weights, must not change with the Swift version.
    public mutating func shuffle<T>(_ items: inout [T]) {
        guard items.count > 1 else { return }
        for i in stride(from: items.count - 1, to: 0, by: -1) {
            items.swapAt(i, index(below: i + 1)!)
        }
    }
}
