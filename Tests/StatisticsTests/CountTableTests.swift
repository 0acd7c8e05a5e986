import Statistics
import Testing

@Suite struct CountTableTests {
    @Test(arguments: [
        ([], StatisticsError.empty(what: "table")),
        ([[]], StatisticsError.empty(what: "table")),
        ([[1, 2], [3]], StatisticsError.raggedTable(row: 1, expected: 2, found: 1)),
        ([[1, 2], [3, -4]], StatisticsError.invalidValue(what: "table", index: 3, value: -4)),
    ])
    func malformedTablesAreErrors(_ cells: [[Int]], _ error: StatisticsError) {
        #expect(throws: error) { try CountTable(cells) }
    }

    @Test func totalsAddUp() throws {
        let table = try CountTable([[1, 2, 3], [4, 5, 6]])
        #expect(table.rowTotals == [6, 15])
        #expect(table.columnTotals == [5, 7, 9])
        #expect(table.total == 21)
    }
}
