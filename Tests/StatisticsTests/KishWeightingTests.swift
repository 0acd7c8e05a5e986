import Statistics
import Testing

@Suite struct KishWeightingTests {
    @Test(arguments: [
        // Equal weights: no loss.
        ([2.5, 2.5, 2.5, 2.5], 1.0, 4.0),
        // Σw = 8, Σw² = 12, n = 6: CV² = (2/9) / (4/3)² = 1/8.
        ([1, 1, 1, 1, 2, 2], 1.125, 64.0 / 12.0),
        ([1, 3], 20.0 / 16.0, 1.6),
        // A zero weight still counts in n.
        ([0, 5], 2.0, 1.0),
        ([7], 1.0, 1.0),
    ])
    func handComputed(_ weights: [Double], _ designEffect: Double, _ effective: Double) throws {
        let kish = try KishWeighting(weights: weights)
        #expect(abs(kish.designEffect - designEffect) < 1e-12)
        #expect(abs(kish.effectiveSampleSize - effective) < 1e-12)
        #expect(kish.units == weights.count)
    }

    /// Grouped weights are the same units: [1, 1, 1, 1, 2, 2] as two weights with counts.
    @Test func countsAreRepeatedUnits() throws {
        let grouped = try KishWeighting(weights: [1, 2, 7], counts: [4, 2, 0])
        #expect(abs(grouped.designEffect - 1.125) < 1e-12 && abs(grouped.effectiveSampleSize - 64.0 / 12.0) < 1e-12 && grouped.units == 6)
        #expect(throws: StatisticsError.empty(what: "weights")) { try KishWeighting(weights: [3], counts: [0]) }
    }

    @Test(arguments: [0.001, 3.0, 1000.0])
    func scalingTheWeightsChangesNothing(_ factor: Double) throws {
        let weights = [1.0, 2.0, 2.0, 5.0, 0.5]
        let base = try KishWeighting(weights: weights)
        let scaled = try KishWeighting(weights: weights.map { $0 * factor })
        #expect(abs(base.designEffect - scaled.designEffect) < 1e-12)
    }

    @Test(arguments: [
        ([Double](), StatisticsError.empty(what: "weights")),
        ([0, 0], StatisticsError.zeroTotal(what: "weights")),
        ([1, -2], StatisticsError.invalidValue(what: "weights", index: 1, value: -2)),
    ])
    func badWeightsAreErrors(_ weights: [Double], _ error: StatisticsError) {
        #expect(throws: error) { try KishWeighting(weights: weights) }
    }

    @Test func nonFiniteWeightIsAnError() {
        #expect(throws: StatisticsError.self) { try KishWeighting(weights: [1, .infinity]) }
        #expect(throws: StatisticsError.self) { try KishWeighting(weights: [.nan]) }
    }
}
