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
    /// One weight per unit (`rake(units:)`), or per cell, the weight of each of its units (`rake(cells:)`), in input order.
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

    /// Units that share a value of every margin variable (or lack the same ones): raking gives them one
    /// weight, so the respondents of a million-row survey are weighted as a few dozen cells.
    public struct Cell: Sendable, Hashable, Codable {
        /// The cell's value of each margin variable (absent when unanswered).
        public var values: [String: String]
        /// Units in the cell.
        public var units: Int

        public init(values: [String: String], units: Int) {
            self.values = values
            self.units = units
        }
    }

    /// - Parameter units: per unit, its value of each margin variable (absent when unanswered).
    /// - Throws: `StatisticsError` when no unit can be placed or the margins are empty.
    public static func rake(units: [[String: String]], margins: PopulationMargins) throws -> SurveyWeights {
        try rake(cells: units.map { Cell(values: $0, units: 1) }, margins: margins)
    }

    /// The same weights from the units grouped by cell: a cell's total weight is raked (the same
    /// iterations, since every unit of a cell is multiplied by the same factors), then shared equally.
    /// - Throws: `StatisticsError` when no unit can be placed or the margins are empty.
    public static func rake(cells: [Cell], margins: PopulationMargins) throws -> SurveyWeights {
        let variables = margins.totals.keys.sorted()
        guard !variables.isEmpty else { throw StatisticsError.empty(what: "population margins") }
        let placed = cells.indices.filter { cell in
            cells[cell].units > 0
                && variables.allSatisfy { variable in cells[cell].values[variable].map { margins.totals[variable]?[$0] != nil } ?? false }
        }
        let placedUnits = placed.reduce(0) { $0 + cells[$1].units }
        guard placedUnits > 0 else { throw StatisticsError.empty(what: "respondents with a value for every margin (\(variables.joined(separator: ", ")))") }
        var empty: [String] = []
        let rakingMargins = variables.map { variable -> RakingMargin in
            let levels = placed.map { cells[$0].values[variable] ?? "" }
            let present = Set(levels)
            let population = margins.totals[variable] ?? [:]
            empty += population.keys.filter { !present.contains($0) }.sorted().map { "\(variable)=\($0)" }
            let kept = population.filter { present.contains($0.key) }
            let sum = kept.values.reduce(0, +)
            return RakingMargin(variable: variable, levels: levels,
                                targets: kept.mapValues { $0 / sum * Double(placedUnits) })
        }
        let result = try Raking.rake(weights: placed.map { Double(cells[$0].units) }, margins: rakingMargins)
        var weights = Array(repeating: 1.0, count: cells.count)
        for (slot, cell) in placed.enumerated() { weights[cell] = result.weights[slot] / Double(cells[cell].units) }
        let kish = try KishWeighting(weights: weights, counts: cells.map(\.units))
        return SurveyWeights(weights: weights, raked: placedUnits, unplaced: cells.reduce(0) { $0 + $1.units } - placedUnits, emptyLevels: empty,
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
        compute(chosen: chosen.map { (weight: $0, respondents: 1) }, answered: answered.map { (weight: $0, respondents: 1) })
    }

    /// The same with respondents grouped: `respondents` of them at `weight` each.
    public static func compute(chosen: [(weight: Double, respondents: Int)], answered: [(weight: Double, respondents: Int)]) -> WeightedShare? {
        let total = answered.reduce(0) { $0 + $1.weight * Double($1.respondents) }
        guard total > 0, let kish = try? KishWeighting(weights: answered.map(\.weight), counts: answered.map(\.respondents)) else { return nil }
        let count = chosen.reduce(0) { $0 + $1.weight * Double($1.respondents) }
        let p = min(1, max(0, count / total))
        guard let bounds = Proportion.wilson(estimate: p, n: kish.effectiveSampleSize) else { return nil }
        return WeightedShare(weightedCount: count, estimate: p, lower: bounds.lower, upper: bounds.upper,
                             effectiveSampleSize: kish.effectiveSampleSize)
    }
}
