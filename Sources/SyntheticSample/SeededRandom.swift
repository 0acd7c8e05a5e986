/// A small, fast, seedable pseudo-random generator (SplitMix64) with the helpers the generator needs.
///
/// Why our own: `SystemRandomNumberGenerator` is not seedable, and the standard library's
/// `random(in:using:)` algorithms are not promised to stay the same across Swift releases. Every
/// draw here is defined in this file, so a seed gives the same bytes on every machine and toolchain.
struct SeededRandom {
    private var state: UInt64

    /// A generator started directly from `seed`.
    init(seed: UInt64) {
        state = seed
    }

    /// A generator for one record: its stream depends only on `(seed, stream, index)`, so row `i` of a
    /// file is the same whether the file has 1,500 or 1,000,000 rows.
    init(seed: UInt64, stream: UInt64, index: UInt64) {
        var mixer = SeededRandom(seed: seed)
        let a = mixer.next() ^ stream &* 0xD1B5_4A32_D192_ED03
        var second = SeededRandom(seed: a)
        state = second.next() ^ index &* 0x9E37_79B9_7F4A_7C15
        _ = next()
    }

    /// The next 64 random bits.
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A uniform integer in `0..<n` (multiply-high; `n` must be positive).
    mutating func below(_ n: Int) -> Int {
        Int(truncatingIfNeeded: next().multipliedFullWidth(by: UInt64(n)).high)
    }

    /// A uniform integer in `range`.
    mutating func int(in range: ClosedRange<Int>) -> Int {
        range.lowerBound + below(range.count)
    }

    /// A uniform double in `[0, 1)`.
    mutating func unit() -> Double {
        Double(next() >> 11) * 0x1.0p-53
    }

    /// True with probability `p`.
    mutating func chance(_ p: Double) -> Bool {
        unit() < p
    }

    /// One element of a non-empty array, uniformly.
    mutating func pick<T>(_ items: [T]) -> T {
        items[below(items.count)]
    }

    /// An index chosen with probability proportional to `weights` (non-negative, not all zero).
    mutating func weightedIndex(_ weights: [Double]) -> Int {
        var total = 0.0
        for w in weights { total += w }
        var target = unit() * total
        for (i, w) in weights.enumerated() {
            target -= w
            if target < 0 { return i }
        }
        return weights.count - 1
    }
}

/// A fixed categorical distribution over values, for closed answers drawn many times.
struct WeightedTable<Value: Sendable>: Sendable {
    let values: [Value]
    let cumulative: [Double]

    /// `entries` pairs each value with a non-negative weight; weights need not sum to one.
    init(_ entries: [(Value, Double)]) {
        values = entries.map(\.0)
        var running = 0.0
        var sums: [Double] = []
        for (_, w) in entries {
            running += w
            sums.append(running)
        }
        cumulative = sums.map { $0 / running }
    }

    /// One value, drawn with its weight's share of probability.
    func draw(_ rng: inout SeededRandom) -> Value {
        let u = rng.unit()
        for (i, c) in cumulative.enumerated() where u < c {
            return values[i]
        }
        return values[values.count - 1]
    }
}
