import Statistics
import Testing

@Suite struct BootstrapTests {
    /// The share of a resample drawn from the first `successes` units.
    static func share(of successes: Int) -> ([Int]) -> Double? {
        { sample in Double(sample.filter { $0 < successes }.count) / Double(sample.count) }
    }

    /// Pinned against an independent Python re-implementation of SplitMix64, the bounded draw and the
    /// type 7 quantile: 30 successes in 100, seed 2026, 1000 replicates gives 0.21 to 0.39.
    @Test func seedGivesTheSameIntervalEverywhere() throws {
        let interval = try Bootstrap.percentileInterval(units: 100, seed: 2026, statistic: Self.share(of: 30))
        #expect(abs(interval.lower - 0.21) < 1e-12 && abs(interval.upper - 0.39) < 1e-12, "\(interval)")
        #expect(interval.replicates == 1000 && interval.skipped == 0)
    }

    @Test(arguments: [UInt64(0), 1, 99, .max])
    func sameSeedSameInterval(_ seed: UInt64) throws {
        let first = try Bootstrap.percentileInterval(units: 57, replicates: 300, seed: seed, statistic: Self.share(of: 20))
        let second = try Bootstrap.percentileInterval(units: 57, replicates: 300, seed: seed, statistic: Self.share(of: 20))
        #expect(first == second)
    }

    @Test func differentSeedsGiveDifferentReplicates() throws {
        let a = try Bootstrap.percentileInterval(units: 500, replicates: 200, seed: 1, statistic: Self.share(of: 137))
        let b = try Bootstrap.percentileInterval(units: 500, replicates: 200, seed: 2, statistic: Self.share(of: 137))
        #expect(a != b)
    }

    /// For a proportion of 0.3 in 400 the percentile interval should be close to Wilson's.
    @Test func agreesWithWilsonForAProportion() throws {
        let interval = try Bootstrap.percentileInterval(units: 400, seed: 11, statistic: Self.share(of: 120))
        let wilson = Proportion(successes: 120, total: 400)
        #expect(abs(interval.lower - wilson.lower) < 0.01 && abs(interval.upper - wilson.upper) < 0.01, "\(interval) vs \(wilson)")
    }

    /// Coverage sanity: draw 200 samples of 100 from Bernoulli(0.3); about 95% of the intervals should
    /// contain 0.3 (binomial sd of the hit count is about 3, and percentile intervals run a little short).
    @Test func coversATrueProportionAboutAsOftenAsAdvertised() throws {
        var population = SplitMix64(seed: 5)
        var covered = 0
        for trial in 0..<200 {
            let successes = (0..<100).filter { _ in (population.index(below: 10) ?? 0) < 3 }.count
            let interval = try Bootstrap.percentileInterval(
                units: 100, replicates: 400, seed: UInt64(trial), statistic: Self.share(of: successes))
            if interval.lower <= 0.3 && 0.3 <= interval.upper { covered += 1 }
        }
        #expect((176...198).contains(covered), "\(covered) of 200")
    }

    @Test func narrowerLevelGivesANestedInterval() throws {
        let wide = try Bootstrap.percentileInterval(units: 80, level: 0.95, seed: 3, statistic: Self.share(of: 30))
        let narrow = try Bootstrap.percentileInterval(units: 80, level: 0.5, seed: 3, statistic: Self.share(of: 30))
        #expect(wide.lower <= narrow.lower && narrow.upper <= wide.upper && narrow.lower < narrow.upper)
    }

    @Test func constantDataGiveAPointInterval() throws {
        let interval = try Bootstrap.percentileInterval(units: 10, seed: 4) { _ in 0.5 }
        #expect(interval.lower == 0.5 && interval.upper == 0.5)
    }

    @Test func undefinedReplicatesAreSkippedAndCounted() throws {
        // Undefined when unit 0 is absent from the resample: probability (1 - 1/5)^5 ≈ 0.33.
        let interval = try Bootstrap.percentileInterval(units: 5, replicates: 1000, seed: 8) { sample in
            sample.contains(0) ? Double(sample.filter { $0 == 0 }.count) : nil
        }
        #expect((250...420).contains(interval.skipped), "\(interval.skipped)")
        #expect(interval.lower >= 1)
    }

    @Test func noUsableReplicateIsAnError() {
        #expect(throws: StatisticsError.noUsableReplicates(replicates: 50)) {
            try Bootstrap.percentileInterval(units: 5, replicates: 50, seed: 1) { _ in .nan }
        }
    }

    @Test(arguments: [
        (0, 100, 0.95, StatisticsError.empty(what: "units")),
        (5, 0, 0.95, StatisticsError.invalidParameter(name: "replicates", value: 0)),
        (5, 100, 1.0, StatisticsError.invalidParameter(name: "level", value: 1)),
        (5, 100, 0.0, StatisticsError.invalidParameter(name: "level", value: 0)),
    ])
    func badSettingsAreErrors(_ units: Int, _ replicates: Int, _ level: Double, _ error: StatisticsError) {
        #expect(throws: error) {
            try Bootstrap.percentileInterval(units: units, replicates: replicates, level: level, seed: 1) { _ in 1 }
        }
    }
}
