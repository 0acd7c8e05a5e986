import Statistics

/// Weights that make a self-selected sample match known population margins, by raking (iterative
/// proportional fitting), with Kish's design effect and effective sample size.
///
/// Contract:
/// - Units with a value in the margins for every variable are raked so their weighted shares match the
///   population's; the targets are scaled to their number, so their weights average 1.
/// - Units missing a value (no answer, "prefer not to say", a level the margins do not know) cannot
///   be placed and keep weight 1: they count as themselves, neither up- nor down-weighted.
/// - A population level with no respondent cannot be represented; it is left out of the targets (the
///   other levels share its weight) and reported in `emptyLevels`, so a reader knows whose views are
///   missing entirely.
public struct SurveyWeights: Sendable, Equatable {
    /// One weight per unit, in input order.
    public var weights: [Double]
    /// Units raked / kept at weight 1.
    public var raked: Int
    public var unplaced: Int
    /// "variable=level" of population levels with no respondent.
    public var emptyLevels: [String]
    public var sweeps: Int
    public var converged: Bool
    public var designEffect: Double
    public var effectiveSampleSize: Double

    /// - Parameter units: per unit, its value of each margin variable (absent when unanswered).
    /// - Throws: `StatisticsError` when no unit can be placed or the margins are empty.
    public static func rake(units: [[String: String]], margins: PopulationMargins) throws -> SurveyWeights {
        let variables = margins.totals.keys.sorted()
        guard !variables.isEmpty else { throw StatisticsError.empty(what: "population margins") }
        let placed = units.indices.filter { unit in
            variables.allSatisfy { variable in units[unit][variable].map { margins.totals[variable]?[$0] != nil } ?? false }
        }
        guard !placed.isEmpty else { throw StatisticsError.empty(what: "respondents with a value for every margin (\(variables.joined(separator: ", ")))") }
        var empty: [String] = []
        let rakingMargins = variables.map { variable -> RakingMargin in
            let levels = placed.map { units[$0][variable] ?? "" }
            let present = Set(levels)
            let population = margins.totals[variable] ?? [:]
            empty += population.keys.filter { !present.contains($0) }.sorted().map { "\(variable)=\($0)" }
            let kept = population.filter { present.contains($0.key) }
            let sum = kept.values.reduce(0, +)
            return RakingMargin(variable: variable, levels: levels,
                                targets: kept.mapValues { $0 / sum * Double(placed.count) })
        }
        let result = try Raking.rake(weights: Array(repeating: 1, count: placed.count), margins: rakingMargins)
        var weights = Array(repeating: 1.0, count: units.count)
        for (slot, unit) in placed.enumerated() { weights[unit] = result.weights[slot] }
        let kish = try KishWeighting(weights: weights)
        return SurveyWeights(weights: weights, raked: placed.count, unplaced: units.count - placed.count, emptyLevels: empty,
                             sweeps: result.sweeps, converged: result.converged,
                             designEffect: kish.designEffect, effectiveSampleSize: kish.effectiveSampleSize)
    }
}

/// A weighted share of respondents with its interval: the Wilson interval on Kish's effective sample
/// size of those answering.
public struct WeightedShare: Sendable, Equatable {
    /// Sum of the weights of those choosing the option.
    public var weightedCount: Double
    /// 0-1.
    public var estimate: Double
    public var lower: Double
    public var upper: Double
    public var effectiveSampleSize: Double

    /// - Parameters:
    ///   - chosen: weights of the respondents who chose the option.
    ///   - answered: weights of every respondent who answered the question (including `chosen`).
    /// - Returns: nil when nobody answered.
    public static func compute(chosen: [Double], answered: [Double]) -> WeightedShare? {
        let total = answered.reduce(0, +)
        guard total > 0, let kish = try? KishWeighting(weights: answered) else { return nil }
        let count = chosen.reduce(0, +)
        let p = min(1, max(0, count / total))
        guard let bounds = Proportion.wilson(estimate: p, n: kish.effectiveSampleSize) else { return nil }
        return WeightedShare(weightedCount: count, estimate: p, lower: bounds.lower, upper: bounds.upper,
                             effectiveSampleSize: kish.effectiveSampleSize)
    }
}
