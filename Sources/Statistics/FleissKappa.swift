/// Fleiss' kappa: agreement of a fixed number of raters per subject over nominal categories
/// (Fleiss 1971), where the raters need not be the same people from subject to subject.
public enum FleissKappa {
    /// - Parameter counts: per subject, how many raters chose each category (same category order in
    ///   every row). Every subject must have the same number of ratings, at least two.
    /// - Returns: kappa, or nil when chance agreement is 1 (every rating in one category).
    /// - Throws: `.empty`, `.raggedTable`, `.invalidValue` for a bad table; `.unequalRaterCount` when
    ///   subjects have different numbers of ratings; `.invalidParameter` for fewer than two raters.
    public static func kappa(_ counts: [[Int]]) throws(StatisticsError) -> Double? {
        let table = try CountTable(counts)
        let raters = table.rowTotals
        for (subject, count) in raters.enumerated() where count != raters[0] {
            throw .unequalRaterCount(subject: subject, expected: raters[0], found: count)
        }
        let m = Double(raters[0])
        guard raters[0] >= 2 else { throw .invalidParameter(name: "raters per subject", value: m) }
        let subjects = Double(table.rowCount)
        let agreement = table.cells.reduce(0.0) { sum, row in
            sum + (Double(row.reduce(0) { $0 + $1 * $1 }) - m) / (m * (m - 1))
        } / subjects
        let chance = table.columnTotals.reduce(0.0) { sum, total in
            let share = Double(total) / (subjects * m)
            return sum + share * share
        }
        return chance < 1 ? (agreement - chance) / (1 - chance) : nil
    }
}
