/// Limited-memory BFGS minimisation with a backtracking (Armijo) line search.
///
/// Why: a smooth convex objective (regularised logistic loss) converges in tens of iterations, where
/// plain gradient descent needs hundreds. Deterministic: no randomness, fixed iteration order.
/// Contract: returns the last accepted point after at most `maxIterations` steps, or earlier when the
/// gradient's largest component falls below `tolerance`.
struct LBFGS {
    var memory = 7
    var maxIterations = 200
    var tolerance = 1e-5

    func minimize(from start: [Double], objective: ([Double]) -> (value: Double, gradient: [Double])) -> [Double] {
        var x = start
        var (value, gradient) = objective(x)
        var steps: [[Double]] = [], changes: [[Double]] = [], curvatures: [Double] = []
        for iteration in 0..<maxIterations {
            if gradient.map(abs).max() ?? 0 < tolerance { break }
            var direction = Self.twoLoop(gradient, steps: steps, changes: changes, curvatures: curvatures)
            var slope = Self.dot(direction, gradient)
            if slope >= 0 {
                direction = gradient.map { -$0 }
                slope = Self.dot(direction, gradient)
            }
            var stepLength = iteration == 0 ? 1 / max(1, Self.dot(gradient, gradient).squareRoot()) : 1
            var candidate = x, candidateValue = value, candidateGradient = gradient
            var accepted = false
            for _ in 0..<30 {
                candidate = zip(x, direction).map { $0 + stepLength * $1 }
                (candidateValue, candidateGradient) = objective(candidate)
                if candidateValue <= value + 1e-4 * stepLength * slope { accepted = true; break }
                stepLength /= 2
            }
            guard accepted else { break }
            let step = zip(candidate, x).map { $0 - $1 }
            let change = zip(candidateGradient, gradient).map { $0 - $1 }
            let curvature = Self.dot(step, change)
            if curvature > 1e-10 {
                steps.append(step); changes.append(change); curvatures.append(curvature)
                if steps.count > memory { steps.removeFirst(); changes.removeFirst(); curvatures.removeFirst() }
            }
            x = candidate; value = candidateValue; gradient = candidateGradient
        }
        return x
    }

    /// The quasi-Newton descent direction −H·g from the stored curvature pairs.
    private static func twoLoop(_ gradient: [Double], steps: [[Double]], changes: [[Double]], curvatures: [Double]) -> [Double] {
        var q = gradient
        var alphas = [Double](repeating: 0, count: steps.count)
        for i in steps.indices.reversed() {
            alphas[i] = dot(steps[i], q) / curvatures[i]
            for j in q.indices { q[j] -= alphas[i] * changes[i][j] }
        }
        if let last = steps.indices.last {
            let scale = curvatures[last] / dot(changes[last], changes[last])
            for j in q.indices { q[j] *= scale }
        }
        for i in steps.indices {
            let beta = dot(changes[i], q) / curvatures[i]
            for j in q.indices { q[j] += (alphas[i] - beta) * steps[i][j] }
        }
        return q.map { -$0 }
    }

    static func dot(_ a: [Double], _ b: [Double]) -> Double {
        var sum = 0.0
        for i in a.indices { sum += a[i] * b[i] }
        return sum
    }
}
