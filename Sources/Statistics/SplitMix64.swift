/// SplitMix64 (Steele, Lea & Flood 2014): a small seeded generator whose output depends only on the
/// seed, so bootstrap intervals and property tests are the same on every platform and Swift version
/// (the standard library's generator is neither seedable nor specified).
public struct SplitMix64: RandomNumberGenerator, Sendable {
    private var state: UInt64

    public init(seed: UInt64) {
        state = seed
    }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A uniform integer in 0..<bound, or nil when bound < 1.
    ///
    /// Lemire's multiply-and-reject method, written out here rather than taken from
    /// `Int.random(in:using:)`, whose algorithm the standard library does not promise to keep.
    public mutating func index(below bound: Int) -> Int? {
        guard bound >= 1 else { return nil }
        let range = UInt64(bound)
        let threshold = (0 &- range) % range
        while true {
            let (high, low) = range.multipliedFullWidth(by: next())
            if low >= threshold { return Int(high) }
        }
    }
}
