import Statistics
import Testing

/// Worked examples for the validated-share estimator, computed by hand (and checked with a few lines
/// of Python) from the formulas in `ValidatedShare`'s documentation.
@Suite struct ValidatedShareTests {
    /// Two strata: W = 0.25, 0.75; p = 10/20, 3/30; Wilson on effective n 25 and 37.5 (finite population).
    @Test func twoStrataWorkedExample() throws {
        let result = try #require(ValidatedShare.estimate([
            ValidationStratum(population: 100, sampled: 20, positives: 10),
            ValidationStratum(population: 300, sampled: 30, positives: 3),
        ]))
        #expect(abs(result.estimate - 0.2) < 1e-12)
        #expect(abs(result.lower - 0.134003265) < 1e-8)
        #expect(abs(result.upper - 0.318800209) < 1e-8)
    }

    /// A census stratum (respondents who wrote nothing) adds weight but no width; a stratum with no
    /// positives in the sample still widens the upper bound.
    @Test func censusStratumAndEmptyStratum() throws {
        let result = try #require(ValidatedShare.estimate([
            ValidationStratum(population: 50, sampled: 50, positives: 0),
            ValidationStratum(population: 200, sampled: 40, positives: 0),
            ValidationStratum(population: 750, sampled: 60, positives: 6),
        ]))
        #expect(abs(result.estimate - 0.075) < 1e-12)
        #expect(abs(result.lower - 0.036059161) < 1e-8)
        #expect(abs(result.upper - 0.148710756) < 1e-8)
    }

    @Test func wholePopulationSampledIsExact() throws {
        let result = try #require(ValidatedShare.estimate([ValidationStratum(population: 40, sampled: 40, positives: 10)]))
        #expect(result == ValidatedShare.Estimate(estimate: 0.25, lower: 0.25, upper: 0.25))
    }

    /// d = 0.30 − 0.10; L = 0.2 − √(0.05² + 0.04²), U = 0.2 + √(0.06² + 0.03²).
    @Test func differenceOfTwoEstimates() {
        let d = ValidatedShare.difference(ValidatedShare.Estimate(estimate: 0.30, lower: 0.25, upper: 0.36),
                                          ValidatedShare.Estimate(estimate: 0.10, lower: 0.07, upper: 0.14))
        #expect(abs(d.estimate - 0.2) < 1e-12)
        #expect(abs(d.lower - (0.2 - 0.0640312424)) < 1e-9)
        #expect(abs(d.upper - (0.2 + 0.0670820393)) < 1e-9)
    }

    @Test func unsampledStratumOrEmptyPopulationHasNoEstimate() {
        #expect(ValidatedShare.estimate([ValidationStratum(population: 10, sampled: 0, positives: 0),
                                         ValidationStratum(population: 10, sampled: 5, positives: 1)]) == nil)
        #expect(ValidatedShare.estimate([]) == nil)
        #expect(ValidatedShare.estimate([ValidationStratum(population: 5, sampled: 6, positives: 1)]) == nil)
    }

    @Test func collapseMergesShortStrataIntoTheirSmallerNeighbour() {
        let strata = [ValidationStratum(population: 500, sampled: 80, positives: 1),
                      ValidationStratum(population: 20, sampled: 1, positives: 0),
                      ValidationStratum(population: 60, sampled: 10, positives: 4),
                      ValidationStratum(population: 0, sampled: 0, positives: 0),
                      ValidationStratum(population: 30, sampled: 0, positives: 0)]
        #expect(ValidatedShare.collapse(strata, minimumSampled: 2) == [
            ValidationStratum(population: 500, sampled: 80, positives: 1),
            ValidationStratum(population: 110, sampled: 11, positives: 4),
        ])
        #expect(ValidatedShare.collapse([ValidationStratum(population: 9, sampled: 1, positives: 1)], minimumSampled: 5)
                == [ValidationStratum(population: 9, sampled: 1, positives: 1)])
    }

    @Test(arguments: [(false, nil as Double?, 0), (false, 0.01, 0), (false, 0.05, 1), (false, 0.19, 1), (false, 0.2, 2), (false, 0.9, 2),
                      (true, nil, 3), (true, 0.01, 3)])
    func scoreStrata(_ coded: Bool, _ probability: Double?, _ stratum: Int) {
        #expect(ValidatedShare.scoreStratum(coded: coded, probability: probability) == stratum)
    }

    @Test func proportionalAllocationAddsUp() {
        #expect(StratifiedDraw.allocate([1500, 300, 40], size: 300) == [245, 49, 6])
        #expect(StratifiedDraw.allocate([1, 1, 1], size: 2) == [1, 1, 0])
        #expect(StratifiedDraw.allocate([0, 10], size: 3) == [0, 3])
    }

    @Test func drawIsSeededStratifiedAndWithoutReplacement() throws {
        let strata = ["a": Array(1...100), "b": Array(101...120)]
        let first = try #require(StratifiedDraw.draw(strata, size: 30, seed: 7))
        #expect(first == StratifiedDraw.draw(["b": Array((101...120).reversed()), "a": Array(1...100)], size: 30, seed: 7))
        #expect(first["a"]?.count == 25 && first["b"]?.count == 5)
        #expect(Set(first["a"]!).count == 25 && first["a"]!.allSatisfy { (1...100).contains($0) })
        #expect(first != StratifiedDraw.draw(strata, size: 30, seed: 8))
        #expect(StratifiedDraw.draw(strata, size: 121, seed: 7) == nil)
    }

    /// Every member is equally likely: over 4,000 draws of 10 from 40, each is drawn about 1,000 times.
    @Test func drawIsUniform() {
        var hits = [Int](repeating: 0, count: 40)
        for seed in 0..<4000 {
            for id in StratifiedDraw.draw(["": Array(0..<40)], size: 10, seed: UInt64(seed))![""]! { hits[id] += 1 }
        }
        #expect(hits.allSatisfy { (880...1120).contains($0) }, "\(hits)")
    }
}
