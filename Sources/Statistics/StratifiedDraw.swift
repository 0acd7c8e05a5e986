/// A seeded simple random sample without replacement, stratified with proportional allocation.
///
/// Contract: the result depends only on the strata (their names and members, in any order), the size
/// and the seed; members come back sorted within each stratum. Each stratum gets its population share
/// of `size`, rounded by largest remainder (ties to the stratum named first), so the allocation adds up
/// to `size` exactly and every respondent of a stratum has the same chance `n_h / N_h` of selection.
public enum StratifiedDraw {
    /// - Parameters:
    ///   - strata: stratum name → member ids (one stratum named "" for a simple random sample).
    ///   - size: how many to draw in all, at most the number of members.
    /// - Returns: stratum name → the drawn ids, sorted; nil when `size` is negative or above the population.
    public static func draw(_ strata: [String: [Int]], size: Int, seed: UInt64) -> [String: [Int]]? {
        let names = strata.keys.sorted()
        let total = strata.values.reduce(0) { $0 + $1.count }
        guard size >= 0, size <= total else { return nil }
        let allocation = allocate(names.map { strata[$0]!.count }, size: size)
        var generator = SplitMix64(seed: seed)
        var drawn: [String: [Int]] = [:]
        for (name, count) in zip(names, allocation) {
            var members = strata[name]!.sorted()
            // Partial Fisher–Yates: the first `count` places end up a uniform sample without replacement.
            for place in 0..<count {
                let pick = place + generator.index(below: members.count - place)!
                members.swapAt(place, pick)
            }
            drawn[name] = members.prefix(count).sorted()
        }
        return drawn
    }

    /// Proportional allocation of `size` over strata of the given sizes, by largest remainder.
    public static func allocate(_ sizes: [Int], size: Int) -> [Int] {
        let total = sizes.reduce(0, +)
        guard total > 0 else { return sizes.map { _ in 0 } }
        var counts = sizes.map { $0 * size / total }
        let remainders = sizes.indices.map { (sizes[$0] * size) % total }
        let order = sizes.indices.sorted { (remainders[$0], -$0) > (remainders[$1], -$1) }
        for index in order.prefix(size - counts.reduce(0, +)) { counts[index] += 1 }
        return counts
    }
}
