import Statistics
import Testing

@Suite struct SplitMix64Tests {
    /// The reference implementation's output for seed 1234567 (as used to test xoshiro seeding).
    @Test func matchesReferenceSequence() {
        var generator = SplitMix64(seed: 1_234_567)
        let expected: [UInt64] = [
            6_457_827_717_110_365_317, 3_203_168_211_198_807_973, 9_817_491_932_198_370_423,
            4_593_380_528_125_082_431, 16_408_922_859_458_223_821,
        ]
        #expect((0..<5).map { _ in generator.next() } == expected)
    }

    @Test(arguments: [1, 2, 3, 7, 1000, Int.max])
    func indicesStayBelowTheBound(_ bound: Int) {
        var generator = SplitMix64(seed: 42)
        for _ in 0..<1000 {
            let index = generator.index(below: bound)
            #expect(index.map { $0 >= 0 && $0 < bound } == true)
        }
    }

    @Test(arguments: [0, -5])
    func emptyRangeIsNil(_ bound: Int) {
        var generator = SplitMix64(seed: 1)
        #expect(generator.index(below: bound) == nil)
    }

    @Test func indicesAreRoughlyUniform() {
        var generator = SplitMix64(seed: 7)
        var counts = Array(repeating: 0, count: 10)
        for _ in 0..<100_000 { counts[generator.index(below: 10) ?? 0] += 1 }
        // Each count is binomial(100000, 0.1): sd ≈ 95, so ±600 is over 6 sd.
        #expect(counts.allSatisfy { abs($0 - 10_000) < 600 }, "\(counts)")
    }
}
