/// Micro-averaged F1 over every (answer, label) decision, and the single probability threshold that
/// maximises it on a validation set: the calibration step of fine-tuning.
public struct ValidationScore: Sendable, Equatable {
    public let threshold: Float
    public let microF1: Double

    /// Micro-F1 of deciding `probability >= threshold` against `targets` (1 = applied).
    public static func microF1(probabilities: [[Float]], targets: [[Float]], threshold: Float) -> Double {
        var truePositives = 0, falsePositives = 0, falseNegatives = 0
        for (row, truth) in zip(probabilities, targets) {
            for (probability, target) in zip(row, truth) {
                let predicted = probability >= threshold, actual = target >= 0.5
                if predicted && actual { truePositives += 1 } else if predicted { falsePositives += 1 } else if actual { falseNegatives += 1 }
            }
        }
        let denominator = 2 * truePositives + falsePositives + falseNegatives
        return denominator == 0 ? 1 : Double(2 * truePositives) / Double(denominator)
    }

    /// The best threshold among 0.05, 0.10, …, 0.95 (the lowest of equals) and its micro-F1.
    public static func best(probabilities: [[Float]], targets: [[Float]]) -> ValidationScore {
        var best = ValidationScore(threshold: 0.5, microF1: -1)
        for step in 1...19 {
            let threshold = Float(step) * 0.05
            let score = microF1(probabilities: probabilities, targets: targets, threshold: threshold)
            if score > best.microF1 { best = ValidationScore(threshold: threshold, microF1: score) }
        }
        return best
    }
}
