import Statistics
import Testing

@Suite struct DisclosureControlTableTests {
    @Test(arguments: [
        // 3 is primary; row 0 takes 40 (smallest); column 1 takes 20; column 2 then prefers 60, whose
        // row already needs a complement, over the smaller 45.
        ([[50, 3, 40], [30, 20, 60], [25, 35, 45]], [[false, true, true], [false, true, true], [false, false, false]]),
        // Nothing small: nothing hidden; zero is never primary.
        ([[50, 30], [40, 20]], [[false, false], [false, false]]),
        ([[0, 50], [40, 0]], [[false, false], [false, false]]),
        // Four primaries in a rectangle already protect each other.
        ([[3, 4, 50], [5, 6, 60], [70, 80, 90]], [[true, true, false], [true, true, false], [false, false, false]]),
        // Only a zero is left beside the 3, so the zero is hidden; its column then needs a complement too.
        ([[3, 0], [20, 30]], [[true, true], [true, true]]),
    ])
    func handWorkedPatterns(_ cells: [[Int]], _ expected: [[Bool]]) throws {
        #expect(try DisclosureControl.suppressed(CountTable(cells), minimum: 10) == expected)
    }

    @Test(arguments: [0, 1])
    func minimumOfOneOrLessHidesNothing(_ minimum: Int) throws {
        let hidden = try DisclosureControl.suppressed(CountTable([[1, 2], [0, 3]]), minimum: minimum)
        #expect(hidden == [[false, false], [false, false]])
    }

    @Test(arguments: [
        ([[3], [50]], "row 0"),
        ([[3, 50]], "column 0"),
    ])
    func singleCellLinesCannotBeProtected(_ cells: [[Int]], _ line: String) {
        #expect(throws: StatisticsError.unprotectableLine(line: line)) {
            try DisclosureControl.suppressed(CountTable(cells), minimum: 10)
        }
    }

    /// Random tables (2-7 rows and columns, many small cells and zeros), 20 per seed.
    @Test(arguments: 0..<25)
    func randomTablesLeaveNoLineWithOneHiddenCell(_ seed: Int) throws {
        var generator = SplitMix64(seed: UInt64(seed))
        let minimum = 10
        for _ in 0..<20 {
            let rows = 2 + (generator.index(below: 6) ?? 0)
            let columns = 2 + (generator.index(below: 6) ?? 0)
            let cells = (0..<rows).map { _ in
                (0..<columns).map { _ in
                    generator.index(below: 3) == 0 ? (generator.index(below: 10) ?? 0) : (generator.index(below: 80) ?? 0)
                }
            }
            let hidden = try DisclosureControl.suppressed(CountTable(cells), minimum: minimum)
            for row in 0..<rows {
                #expect(hidden[row].filter { $0 }.count != 1, "row \(row) of \(cells)")
            }
            for column in 0..<columns {
                #expect(hidden.filter { $0[column] }.count != 1, "column \(column) of \(cells)")
            }
            for row in 0..<rows {
                for column in 0..<columns where !hidden[row][column] {
                    #expect(cells[row][column] == 0 || cells[row][column] >= minimum, "\(cells)")
                }
            }
        }
    }
}
