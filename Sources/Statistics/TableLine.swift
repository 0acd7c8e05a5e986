/// A row or a column of a table, as the positions of its cells: the unit within which a published
/// total lets a single hidden cell be recovered.
struct TableLine {
    let name: String
    let isRow: Bool
    let positions: [(row: Int, column: Int)]

    static func rows(_ rows: Int, columns: Int) -> [TableLine] {
        (0..<rows).map { row in TableLine(name: "row \(row)", isRow: true, positions: (0..<columns).map { (row, $0) }) }
    }

    static func columns(_ columns: Int, rows: Int) -> [TableLine] {
        (0..<columns).map { column in
            TableLine(name: "column \(column)", isRow: false, positions: (0..<rows).map { ($0, column) })
        }
    }

    func hiddenCount(_ hidden: [[Bool]]) -> Int {
        positions.filter { hidden[$0.row][$0.column] }.count
    }
}
