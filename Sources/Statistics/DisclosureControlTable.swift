extension DisclosureControl {
    /// Small-cell suppression for a two-way table published with its row and column totals.
    ///
    /// Primary suppression hides counts of 1 to `minimum - 1`. A row or column with exactly one hidden
    /// cell would give that cell away (its total minus the visible cells), so secondary suppression
    /// repeats until every row and every column has either no hidden cell or at least two. Each round
    /// takes the first such line (rows before columns, each in order) and hides one more of its cells,
    /// chosen by, in order:
    /// 1. a non-zero cell over a zero (hiding a zero protects little; it is used only when nothing else is left);
    /// 2. a cell whose crossing line (its column, for a row) also has exactly one hidden cell, so one
    ///    complement mends two lines and fewer cells are lost;
    /// 3. the smallest count, to hide as little information as possible;
    /// 4. the first position, so the result is deterministic.
    /// Every round hides a cell, so it ends after at most rows × columns rounds.
    ///
    /// The pattern guarantees no hidden cell is the only unknown in its line. It does not solve the
    /// linear system of all totals at once (combining lines can sometimes bound a hidden cell tightly);
    /// that is the usual, accepted heuristic for published tables.
    ///
    /// - Returns: `hidden[row][column]`.
    /// - Throws: `.unprotectableLine` when a hidden cell sits in a row or column of one cell (its total
    ///   is the cell itself); such a table needs its totals suppressed, which is the caller's call.
    public static func suppressed(_ table: CountTable, minimum: Int) throws(StatisticsError) -> [[Bool]] {
        let cells = table.cells
        var hidden = cells.map { $0.map { isPrimary($0, minimum: minimum) } }
        let rows = TableLine.rows(table.rowCount, columns: table.columnCount)
        let columns = TableLine.columns(table.columnCount, rows: table.rowCount)
        while let line = (rows + columns).first(where: { $0.hiddenCount(hidden) == 1 }) {
            guard line.positions.count >= 2 else { throw .unprotectableLine(line: line.name) }
            let preference = { (index: Int) in
                let (row, column) = line.positions[index]
                let crossing = line.isRow ? columns[column] : rows[row]
                return (cells[row][column] == 0 ? 1 : 0, crossing.hiddenCount(hidden) == 1 ? 0 : 1, cells[row][column], index)
            }
            let visible = line.positions.indices.filter { !hidden[line.positions[$0].row][line.positions[$0].column] }
            // A line of two or more cells with exactly one hidden always has a visible cell.
            guard let choice = visible.min(by: { preference($0) < preference($1) }) else { break }
            hidden[line.positions[choice].row][line.positions[choice].column] = true
        }
        return hidden
    }
}
