/// Raking's input checks, and each margin turned into index arrays so a sweep is two passes over the
/// units with no dictionary lookups.
extension Raking {
    /// A margin as arrays: each unit's category index and each category's target.
    struct Plan {
        let levelOfUnit: [Int]
        let targets: [Double]

        func totals(_ weights: [Double]) -> [Double] {
            var totals = Array(repeating: 0.0, count: targets.count)
            for (unit, level) in levelOfUnit.enumerated() { totals[level] += weights[unit] }
            return totals
        }

        func discrepancy(_ weights: [Double]) -> Double {
            zip(totals(weights), targets).map { abs($0 - $1) / $1 }.max() ?? 0
        }
    }

    static func validate(
        weights: [Double], margins: [RakingMargin], tolerance: Double, maximumSweeps: Int
    ) throws(StatisticsError) -> [Plan] {
        guard !weights.isEmpty else { throw .empty(what: "units") }
        guard !margins.isEmpty else { throw .empty(what: "margins") }
        if let bad = weights.firstIndex(where: { !$0.isFinite || $0 < 0 }) {
            throw .invalidValue(what: "weights", index: bad, value: weights[bad])
        }
        guard tolerance > 0, tolerance.isFinite else { throw .invalidParameter(name: "tolerance", value: tolerance) }
        guard maximumSweeps >= 1 else { throw .invalidParameter(name: "maximumSweeps", value: Double(maximumSweeps)) }
        var plans: [Plan] = []
        for margin in margins {
            guard margin.levels.count == weights.count else {
                throw .lengthMismatch(what: "categories of \(margin.variable)", expected: weights.count, found: margin.levels.count)
            }
            let names = margin.targets.keys.sorted()
            for name in names {
                let target = margin.targets[name] ?? 0
                guard target > 0, target.isFinite else {
                    throw .invalidParameter(name: "target \(margin.variable) = \(name)", value: target)
                }
            }
            let index = Dictionary(uniqueKeysWithValues: names.enumerated().map { ($1, $0) })
            var levelOfUnit: [Int] = []
            var supported = Array(repeating: false, count: names.count)
            for (unit, level) in margin.levels.enumerated() {
                guard let position = index[level] else {
                    throw .categoryMissingFromMargin(variable: margin.variable, level: level)
                }
                levelOfUnit.append(position)
                if weights[unit] > 0 { supported[position] = true }
            }
            if let empty = supported.firstIndex(of: false) {
                throw .marginCategoryWithoutUnits(variable: margin.variable, level: names[empty])
            }
            plans.append(Plan(levelOfUnit: levelOfUnit, targets: names.map { margin.targets[$0] ?? 0 }))
        }
        return plans
    }
}
