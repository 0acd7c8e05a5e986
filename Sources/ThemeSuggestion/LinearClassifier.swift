import Foundation

/// One theme's fitted classifier: confidence = logistic(bias + Σ weights of the features present).
public struct LinearClassifier: Sendable, Codable, Equatable {
    public var bias: Double
    /// One weight per feature of the model's feature list, in its order.
    public var weights: [Double]

    public init(bias: Double, weights: [Double]) {
        self.bias = bias
        self.weights = weights
    }

    func confidence(of featureIndices: [Int]) -> Double {
        var score = bias
        for index in featureIndices { score += weights[index] }
        return 1 / (1 + Foundation.exp(-score))
    }
}
