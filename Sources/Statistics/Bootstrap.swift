/// A bootstrap percentile interval and how many replicates it rests on.
public struct BootstrapInterval: Sendable, Equatable {
    public let lower: Double
    public let upper: Double
    /// Coverage asked for, e.g. 0.95.
    public let level: Double
    /// Replicates drawn.
    public let replicates: Int
    /// Replicates whose statistic was nil or not finite, and so left out of the percentiles.
    public let skipped: Int
}

/// Deterministic nonparametric bootstrap: resample units with replacement and take percentiles of a
/// statistic over the replicates.
///
/// The resampling uses `SplitMix64` and its own bounded draw, so a given seed gives the same interval
/// on every platform and toolchain; a published figure can be reproduced exactly. The statistic sees
/// unit indices, so any per-unit data (weights, groups, codes) can be resampled together.
public enum Bootstrap {
    /// - Parameters:
    ///   - units: how many units to resample (each replicate draws this many indices in 0..<units).
    ///   - replicates: number of resamples, at least 1 (1000 is usual for a 95% interval).
    ///   - level: coverage, strictly between 0 and 1.
    ///   - seed: the generator's seed.
    ///   - statistic: the estimate for one resample, given its unit indices; nil where it is undefined
    ///     (e.g. a ratio with a zero base), and such replicates are skipped and counted.
    /// - Returns: the (1 - level)/2 and (1 + level)/2 quantiles of the usable replicates, interpolated
    ///   linearly between order statistics (Hyndman & Fan type 7, R's default).
    /// - Throws: `.empty` for no units; `.invalidParameter` for a bad replicate count or level;
    ///   `.noUsableReplicates` when the statistic was undefined in every replicate.
    public static func percentileInterval(
        units: Int, replicates: Int = 1000, level: Double = 0.95, seed: UInt64, statistic: ([Int]) -> Double?
    ) throws(StatisticsError) -> BootstrapInterval {
        let result = try percentileIntervals(units: units, replicates: replicates, level: level, seed: seed) { [statistic($0)] }
        guard let interval = result[0] else { throw .noUsableReplicates(replicates: replicates) }
        return interval
    }

    /// Several statistics from the same resamples, computed together (one pass per replicate when
    /// they share work, e.g. precision, recall and F1 of every theme from one count).
    ///
    /// - Parameter statistics: the estimates for one resample; must return the same number of values
    ///   for every resample. A statistic undefined in every replicate gets a nil interval.
    /// - Throws: `.empty` for no units; `.invalidParameter` for a bad replicate count or level.
    public static func percentileIntervals(
        units: Int, replicates: Int = 1000, level: Double = 0.95, seed: UInt64, statistics: ([Int]) -> [Double?]
    ) throws(StatisticsError) -> [BootstrapInterval?] {
        guard units >= 1 else { throw .empty(what: "units") }
        guard replicates >= 1 else { throw .invalidParameter(name: "replicates", value: Double(replicates)) }
        guard level > 0, level < 1 else { throw .invalidParameter(name: "level", value: level) }
        var generator = SplitMix64(seed: seed)
        var values: [[Double]] = []
        for _ in 0..<replicates {
            let sample = (0..<units).map { _ in generator.index(below: units) ?? 0 }
            let estimates = statistics(sample)
            if values.isEmpty { values = Array(repeating: [], count: estimates.count) }
            for (slot, value) in estimates.enumerated() where slot < values.count {
                if let value, value.isFinite { values[slot].append(value) }
            }
        }
        return values.map { column in
            guard !column.isEmpty else { return nil }
            let sorted = column.sorted()
            return BootstrapInterval(lower: quantile(sorted, (1 - level) / 2), upper: quantile(sorted, (1 + level) / 2),
                                     level: level, replicates: replicates, skipped: replicates - sorted.count)
        }
    }

    /// Type 7 quantile of sorted, non-empty values for p in [0, 1].
    static func quantile(_ sorted: [Double], _ p: Double) -> Double {
        let position = p * Double(sorted.count - 1)
        let below = Int(position.rounded(.down))
        let above = min(below + 1, sorted.count - 1)
        let fraction = position - Double(below)
        return sorted[below] + fraction * (sorted[above] - sorted[below])
    }
}
