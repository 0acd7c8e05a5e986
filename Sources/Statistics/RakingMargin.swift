/// One variable to rake on: each unit's category and the population total for every category.
public struct RakingMargin: Sendable, Equatable {
    public let variable: String
    /// Each unit's category, in the same unit order as the weights.
    public let levels: [String]
    /// Population total per category.
    public let targets: [String: Double]

    public init(variable: String, levels: [String], targets: [String: Double]) {
        self.variable = variable
        self.levels = levels
        self.targets = targets
    }
}
