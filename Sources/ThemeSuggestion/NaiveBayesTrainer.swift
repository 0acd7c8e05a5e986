import Foundation

/// Fits one theme as multinomial naive Bayes over binary feature counts, written as a linear model:
/// weight = log P(feature | theme) − log P(feature | not theme), bias = log prior odds.
///
/// Why it is here: it is the usual baseline for small text sets and needs no optimisation; cross-
/// validation decides between it and logistic regression.
struct NaiveBayesTrainer {
    let alpha: Double

    func fit(_ design: SparseDesign, labels: [Bool]) -> LinearClassifier {
        var positiveCounts = [Double](repeating: 0, count: design.featureCount)
        var negativeCounts = positiveCounts
        var positives = 0.0, negatives = 0.0
        for (row, label) in zip(design.rows, labels) {
            if label { positives += 1 } else { negatives += 1 }
            for feature in row {
                if label { positiveCounts[feature] += 1 } else { negativeCounts[feature] += 1 }
            }
        }
        let smoothing = alpha * Double(design.featureCount)
        let positiveTotal = positiveCounts.reduce(0, +) + smoothing
        let negativeTotal = negativeCounts.reduce(0, +) + smoothing
        let weights = zip(positiveCounts, negativeCounts).map { positive, negative in
            log((positive + alpha) / positiveTotal) - log((negative + alpha) / negativeTotal)
        }
        return LinearClassifier(bias: log((positives + 0.5) / (negatives + 0.5)), weights: weights)
    }
}
