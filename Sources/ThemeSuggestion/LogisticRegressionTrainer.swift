import Foundation

/// Fits one theme's L2-regularised logistic regression by L-BFGS.
///
/// Objective: Σ log(1 + e^(−y·s)) + l2/2 · ‖w‖², with y = ±1 and s = bias + Σ w over the row's
/// features; the bias is unpenalised so a rare theme can keep a low base rate. Deterministic: starts
/// from zero weights and a bias at the log prior odds.
struct LogisticRegressionTrainer {
    let l2: Double
    var optimizer = LBFGS()

    func fit(_ design: SparseDesign, labels: [Bool]) -> LinearClassifier {
        let positives = Double(labels.filter { $0 }.count), total = Double(labels.count)
        let prior = log((positives + 0.5) / (total - positives + 0.5))
        var start = [Double](repeating: 0, count: design.featureCount + 1)
        start[design.featureCount] = prior
        let solution = optimizer.minimize(from: start) { objective($0, design: design, labels: labels) }
        return LinearClassifier(bias: solution[design.featureCount], weights: Array(solution[..<design.featureCount]))
    }

    private func objective(_ parameters: [Double], design: SparseDesign, labels: [Bool]) -> (value: Double, gradient: [Double]) {
        let biasIndex = design.featureCount
        var value = 0.0
        var gradient = [Double](repeating: 0, count: parameters.count)
        for index in 0..<design.featureCount {
            value += 0.5 * l2 * parameters[index] * parameters[index]
            gradient[index] = l2 * parameters[index]
        }
        for (row, label) in zip(design.rows, labels) {
            var score = parameters[biasIndex]
            for feature in row { score += parameters[feature] }
            let margin = label ? score : -score
            // log(1 + e^(−m)) computed without overflow for either sign of m.
            value += margin > 0 ? log1p(exp(-margin)) : -margin + log1p(exp(margin))
            let probability = 1 / (1 + exp(-score))
            let residual = probability - (label ? 1 : 0)
            for feature in row { gradient[feature] += residual }
            gradient[biasIndex] += residual
        }
        return (value, gradient)
    }
}
