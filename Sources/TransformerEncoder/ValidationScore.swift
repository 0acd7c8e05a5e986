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

extension ValidationScore {
    /// One threshold per label, each moved from `global` only as far as its own validation positives justify.
    ///
    /// For a label with at least `minimumPositives` positives in `targets`, the grid threshold (0.05 … 0.95)
    /// that maximises the micro-F1 of every decision, the other labels staying at `global`, is found; a label
    /// gains nothing unless it is strictly better. It is then shrunk towards `global` by n / (n + `shrinkage`)
    /// for n positives and rounded to the grid: a theme seen a handful of times keeps (nearly) the global
    /// threshold, where one lucky validation answer would otherwise set it. Each label is chosen against the
    /// others at `global`, so the result does not depend on the labels' order.
    public static func perLabelThresholds(
        probabilities: [[Float]], targets: [[Float]], global: Float, minimumPositives: Int, shrinkage: Double
    ) -> [Float] {
        let labels = targets.first?.count ?? 0
        func counts(_ label: Int, _ threshold: Float) -> (tp: Int, fp: Int, fn: Int) {
            var result = (tp: 0, fp: 0, fn: 0)
            for (row, truth) in zip(probabilities, targets) {
                let predicted = row[label] >= threshold, actual = truth[label] >= 0.5
                if predicted && actual { result.tp += 1 } else if predicted { result.fp += 1 } else if actual { result.fn += 1 }
            }
            return result
        }
        let atGlobal = (0..<labels).map { counts($0, global) }
        let total = atGlobal.reduce((tp: 0, fp: 0, fn: 0)) { (tp: $0.tp + $1.tp, fp: $0.fp + $1.fp, fn: $0.fn + $1.fn) }
        func f1(_ c: (tp: Int, fp: Int, fn: Int)) -> Double {
            let denominator = 2 * c.tp + c.fp + c.fn
            return denominator == 0 ? 1 : Double(2 * c.tp) / Double(denominator)
        }
        return (0..<labels).map { label in
            let own = atGlobal[label], positives = own.tp + own.fn
            guard positives >= minimumPositives else { return global }
            var best = (threshold: global, f1: f1(total))
            for step in 1...19 {
                let threshold = Float(step) * 0.05, c = counts(label, threshold)
                let score = f1((tp: total.tp - own.tp + c.tp, fp: total.fp - own.fp + c.fp, fn: total.fn - own.fn + c.fn))
                if score > best.f1 { best = (threshold, score) }
            }
            let weight = Double(positives) / (Double(positives) + shrinkage)
            let shrunk = Double(global) + weight * Double(best.threshold - global)
            return Float(Int((shrunk / 0.05).rounded())) * 0.05  // as the grid writes it
        }
    }

    /// Micro-F1 of deciding `probability >= thresholds[label]` against `targets`.
    public static func microF1(probabilities: [[Float]], targets: [[Float]], thresholds: [Float]) -> Double {
        microF1(probabilities: probabilities.map { zip($0, thresholds).map { $0 >= $1 ? 1 : 0 } }, targets: targets, threshold: 0.5)
    }
}
