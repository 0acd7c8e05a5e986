/// Raking (iterative proportional fitting): adjust starting weights until the weighted totals match
/// known population totals on several variables at once.
///
/// Each sweep scales the weights, one margin at a time, so that margin's weighted category totals
/// equal its targets; the last margin adjusted always matches exactly, so convergence is judged on
/// all margins after a full sweep. Margins whose grand totals disagree cannot all be met; raking then
/// stops at `maximumSweeps` with `converged` false rather than failing.
public enum Raking {
    /// - Parameters:
    ///   - weights: starting weight per unit (e.g. design weights), finite and non-negative; a unit
    ///     with weight zero stays zero.
    ///   - margins: the variables to rake on, each with one category per unit.
    ///   - tolerance: largest relative discrepancy accepted, > 0.
    ///   - maximumSweeps: at least 1.
    /// - Throws: `.empty` for no units or no margins; `.invalidValue` for a bad weight;
    ///   `.invalidParameter` for a bad tolerance, sweep limit or target (targets must be finite and
    ///   positive); `.lengthMismatch` when a margin's categories do not line up with the weights;
    ///   `.categoryMissingFromMargin` when a unit's category has no target;
    ///   `.marginCategoryWithoutUnits` when a target's category has no unit with positive weight.
    public static func rake(
        weights: [Double], margins: [RakingMargin], tolerance: Double = 1e-10, maximumSweeps: Int = 100
    ) throws(StatisticsError) -> RakingResult {
        let plans = try validate(weights: weights, margins: margins, tolerance: tolerance, maximumSweeps: maximumSweeps)
        var current = weights
        var sweeps = 0
        var discrepancy = Double.infinity
        while sweeps < maximumSweeps, discrepancy > tolerance {
            for plan in plans {
                let totals = plan.totals(current)
                for unit in current.indices {
                    let level = plan.levelOfUnit[unit]
                    current[unit] *= plan.targets[level] / totals[level]
                }
            }
            sweeps += 1
            discrepancy = plans.map { $0.discrepancy(current) }.max() ?? 0
        }
        return RakingResult(weights: current, sweeps: sweeps, converged: discrepancy <= tolerance, largestDiscrepancy: discrepancy)
    }
}
