/// Why a statistic could not be computed, with enough context to find the offending input.
///
/// Every function in this module reports bad input (empty tables, zero totals, ragged rows, categories
/// that do not match) through this type rather than trapping, so a report run over real data fails
/// with a message instead of crashing.
public enum StatisticsError: Error, Equatable, Sendable, CustomStringConvertible {
    /// `what` had no elements (a table with no rows, no units, no weights).
    case empty(what: String)
    /// Row `row` of a table has `found` cells where the first row has `expected`.
    case raggedTable(row: Int, expected: Int, found: Int)
    /// A table that must be square (rater 1 by rater 2) is not.
    case notSquare(rows: Int, columns: Int)
    /// A count or weight is negative or not finite.
    case invalidValue(what: String, index: Int, value: Double)
    /// The counts or weights of `what` sum to zero, so no proportion can be formed.
    case zeroTotal(what: String)
    /// After dropping all-zero rows and columns fewer than two of either remain.
    case tooFewCategories(rows: Int, columns: Int)
    /// Two inputs that must line up (one entry per unit) have different lengths.
    case lengthMismatch(what: String, expected: Int, found: Int)
    /// A parameter is outside its documented range.
    case invalidParameter(name: String, value: Double)
    /// A unit's category for `variable` has no target total among the margins.
    case categoryMissingFromMargin(variable: String, level: String)
    /// A margin target names a category that no unit with positive weight has.
    case marginCategoryWithoutUnits(variable: String, level: String)
    /// Subject `subject` was rated `found` times where the first subject was rated `expected` times.
    case unequalRaterCount(subject: Int, expected: Int, found: Int)
    /// Every bootstrap replicate's statistic was nil.
    case noUsableReplicates(replicates: Int)
    /// A line (row or column) of one cell holds a suppressed cell, which its published total reveals.
    case unprotectableLine(line: String)

    public var description: String {
        switch self {
        case .empty(let what): "\(what) is empty"
        case .raggedTable(let row, let expected, let found): "table row \(row) has \(found) cells, expected \(expected)"
        case .notSquare(let rows, let columns): "table is \(rows)x\(columns), expected square"
        case .invalidValue(let what, let index, let value): "\(what)[\(index)] = \(value) is negative or not finite"
        case .zeroTotal(let what): "\(what) sums to zero"
        case .tooFewCategories(let rows, let columns): "\(rows) non-empty rows and \(columns) non-empty columns; need at least 2 of each"
        case .lengthMismatch(let what, let expected, let found): "\(what) has \(found) entries, expected \(expected)"
        case .invalidParameter(let name, let value): "\(name) = \(value) is out of range"
        case .categoryMissingFromMargin(let variable, let level): "\(variable) = \(level) occurs in the data but has no margin target"
        case .marginCategoryWithoutUnits(let variable, let level): "margin target \(variable) = \(level) has no unit with positive weight"
        case .unequalRaterCount(let subject, let expected, let found): "subject \(subject) has \(found) ratings, expected \(expected)"
        case .noUsableReplicates(let replicates): "none of \(replicates) bootstrap replicates gave a value"
        case .unprotectableLine(let line): "\(line) has a single cell, so its total reveals the suppressed cell"
        }
    }
}
