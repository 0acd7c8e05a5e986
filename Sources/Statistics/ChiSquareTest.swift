/// Pearson's chi-square test of independence for an r x c table of counts.
///
/// Rows or columns whose counts are all zero carry no information about association and would give
/// zero expected counts (0/0 terms), so they are dropped before testing and the degrees of freedom
/// are (non-empty rows - 1)(non-empty columns - 1). The expected counts are still reported in the
/// caller's shape (zero in dropped rows and columns) so they line up with the table as published.
public struct ChiSquareTest: Sendable, Equatable {
    /// A cell position in the caller's table.
    public struct Cell: Sendable, Equatable, Hashable {
        public let row: Int
        public let column: Int
        public init(row: Int, column: Int) {
            self.row = row
            self.column = column
        }
    }

    /// Σ (observed - expected)² / expected over the kept cells.
    public let statistic: Double
    public let degreesOfFreedom: Int
    /// Upper tail probability of the statistic under chi-square(df).
    public let pValue: Double
    /// Row total × column total / grand total, in the input's shape.
    public let expected: [[Double]]
    /// Indices of the rows and columns used (those with a non-zero total).
    public let keptRows: [Int]
    public let keptColumns: [Int]
    /// Kept cells with expected count below 5, row by row: the usual rule of thumb for when the
    /// chi-square approximation is doubtful. Reported, not acted on; the caller decides how to flag it.
    public let sparseCells: [Cell]

    /// - Throws: the `CountTable` errors for a malformed table; `.tooFewCategories` when fewer than
    ///   two rows or two columns have a non-zero total (including an all-zero table).
    public init(_ table: CountTable) throws(StatisticsError) {
        let rowTotals = table.rowTotals
        let columnTotals = table.columnTotals
        let rows = rowTotals.indices.filter { rowTotals[$0] > 0 }
        let columns = columnTotals.indices.filter { columnTotals[$0] > 0 }
        guard rows.count >= 2, columns.count >= 2 else {
            throw .tooFewCategories(rows: rows.count, columns: columns.count)
        }
        let total = Double(table.total)
        let expected = rowTotals.map { r in columnTotals.map { c in Double(r) * Double(c) / total } }
        var statistic = 0.0
        var sparse: [Cell] = []
        for row in rows {
            for column in columns {
                let e = expected[row][column]
                let difference = Double(table.cells[row][column]) - e
                statistic += difference * difference / e
                if e < 5 { sparse.append(Cell(row: row, column: column)) }
            }
        }
        let df = (rows.count - 1) * (columns.count - 1)
        self.statistic = statistic
        degreesOfFreedom = df
        // df >= 1 and statistic >= 0 here, so the tail is always defined.
        pValue = Self.pValue(statistic: statistic, degreesOfFreedom: df) ?? .nan
        self.expected = expected
        keptRows = rows
        keptColumns = columns
        sparseCells = sparse
    }

    /// P(X >= statistic) for X ~ chi-square(degreesOfFreedom); nil for df < 1 or a negative or
    /// non-finite statistic.
    public static func pValue(statistic: Double, degreesOfFreedom: Int) -> Double? {
        guard degreesOfFreedom >= 1 else { return nil }
        return RegularizedGamma.upper(a: Double(degreesOfFreedom) / 2, x: statistic / 2)
    }
}
