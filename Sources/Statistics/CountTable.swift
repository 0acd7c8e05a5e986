/// A validated two-way table of counts: at least one row and one column, every row the same length,
/// no negative count.
///
/// Validating once here means kappa, chi-square and disclosure control can index freely without
/// re-checking shape, and all report the same errors for the same bad table.
public struct CountTable: Sendable, Equatable {
    /// Counts by row, then column.
    public let cells: [[Int]]

    /// - Throws: `.empty` for no rows or no columns, `.raggedTable` for unequal rows,
    ///   `.invalidValue` for a negative count (index is row * columns + column).
    public init(_ cells: [[Int]]) throws(StatisticsError) {
        guard let first = cells.first, !first.isEmpty else { throw .empty(what: "table") }
        for (row, values) in cells.enumerated() {
            guard values.count == first.count else {
                throw .raggedTable(row: row, expected: first.count, found: values.count)
            }
            if let column = values.firstIndex(where: { $0 < 0 }) {
                throw .invalidValue(what: "table", index: row * first.count + column, value: Double(values[column]))
            }
        }
        self.cells = cells
    }

    public var rowCount: Int { cells.count }
    public var columnCount: Int { cells[0].count }
    public var rowTotals: [Int] { cells.map { $0.reduce(0, +) } }
    public var columnTotals: [Int] { (0..<columnCount).map { column in cells.reduce(0) { $0 + $1[column] } } }
    public var total: Int { rowTotals.reduce(0, +) }
}
