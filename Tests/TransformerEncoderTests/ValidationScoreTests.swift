import Testing
@testable import TransformerEncoder

/// Per-theme thresholds: chosen on validation only where a theme has enough positives, shrunk towards the
/// global threshold, independent of the themes' order.
@Suite("Per-theme thresholds")
struct ValidationScoreTests {
    /// Label 0: positives at 0.3, negatives at 0.1 (best from 0.15); label 1: positives 0.9, negatives 0.2
    /// (perfect at the global 0.5); label 2: two positives at 0.35, negatives at 0.1.
    static func validation(positives: Int) -> (probabilities: [[Float]], targets: [[Float]]) {
        var probabilities: [[Float]] = [], targets: [[Float]] = []
        for index in 0..<(2 * positives) {
            let positive = index < positives, rare = index < 2
            probabilities.append([positive ? 0.3 : 0.1, positive ? 0.9 : 0.2, rare ? 0.35 : 0.1])
            targets.append([positive ? 1 : 0, positive ? 1 : 0, rare ? 1 : 0])
        }
        return (probabilities, targets)
    }

    @Test("a theme with enough positives moves to its best threshold when not shrunk; others keep the global one")
    func unshrunk() {
        let (p, t) = Self.validation(positives: 10)
        let thresholds = ValidationScore.perLabelThresholds(probabilities: p, targets: t, global: 0.5, minimumPositives: 5, shrinkage: 0)
        #expect(thresholds == [0.15, 0.5, 0.5])
        #expect(ValidationScore.microF1(probabilities: p, targets: t, thresholds: thresholds)
                > ValidationScore.microF1(probabilities: p, targets: t, threshold: 0.5))
    }

    @Test("shrinkage moves a theme n/(n+k) of the way, rounded to the 0.05 grid", arguments: [
        (10, 30.0, Float(0.40)),  // 0.5 - 0.25 × 0.35 = 0.4125
        (10, 10.0, Float(0.35)),  // 0.5 - 0.5 × 0.35 = 0.325 → 0.35 (6.5 steps rounds away from zero)
        (30, 10.0, Float(0.25)),  // 0.5 - 0.75 × 0.35 = 0.2375
    ] as [(Int, Double, Float)])
    func shrunk(positives: Int, shrinkage: Double, expected: Float) {
        let (p, t) = Self.validation(positives: positives)
        let thresholds = ValidationScore.perLabelThresholds(probabilities: p, targets: t, global: 0.5, minimumPositives: 5, shrinkage: shrinkage)
        #expect(abs(thresholds[0] - expected) < 1e-6)
        #expect(thresholds[1] == 0.5)
    }

    @Test("below the minimum of positives a theme keeps the global threshold, however much it would gain")
    func fewPositives() {
        let (p, t) = Self.validation(positives: 10)
        #expect(ValidationScore.perLabelThresholds(probabilities: p, targets: t, global: 0.5, minimumPositives: 11, shrinkage: 0) == [0.5, 0.5, 0.5])
        #expect(ValidationScore.perLabelThresholds(probabilities: p, targets: t, global: 0.5, minimumPositives: 2, shrinkage: 0)[2] == 0.15)
    }

    @Test("reordering the themes reorders the thresholds and changes nothing else")
    func orderFree() {
        let (p, t) = Self.validation(positives: 12)
        let forward = ValidationScore.perLabelThresholds(probabilities: p, targets: t, global: 0.45, minimumPositives: 2, shrinkage: 4)
        let backward = ValidationScore.perLabelThresholds(probabilities: p.map { $0.reversed() }, targets: t.map { $0.reversed() },
                                                          global: 0.45, minimumPositives: 2, shrinkage: 4)
        #expect(forward == backward.reversed())
    }

    @Test("a theme no threshold improves keeps the global one; equal thresholds score as the single threshold")
    func ties() {
        let p: [[Float]] = [[0.9], [0.6], [0.2]], t: [[Float]] = [[1], [1], [0]]
        #expect(ValidationScore.perLabelThresholds(probabilities: p, targets: t, global: 0.5, minimumPositives: 1, shrinkage: 0) == [0.5])
        #expect(ValidationScore.microF1(probabilities: p, targets: t, thresholds: [0.5]) == ValidationScore.microF1(probabilities: p, targets: t, threshold: 0.5))
    }
}
