import Statistics
import Testing

@Suite struct KrippendorffAlphaTests {
    /// Krippendorff (2011) example C, rows = coders; returned per unit (columns).
    static func exampleC() throws -> [[Double?]] {
        let coders = try ReferenceData.rows("krippendorff2011_C_4coders_x_12units.csv").map { row in
            try row.dropFirst().map { $0.isEmpty ? nil : try number($0) }
        }
        try #require(coders.count == 4)
        return (0..<coders[0].count).map { unit in coders.map { $0[unit] } }
    }

    @Test func nominalMatchesExampleC() throws {
        let result = KrippendorffAlpha.nominal(try Self.exampleC())
        #expect(abs(try #require(result.alpha) - 0.743) < 0.0005)
        #expect(result.pairableUnits == 11)
        #expect(result.pairableValues == 40)
    }

    @Test func intervalMatchesExampleC() throws {
        let result = KrippendorffAlpha.interval(try Self.exampleC())
        #expect(abs(try #require(result.alpha) - 0.849) < 0.0005)
    }

    @Test func unitsWithOneValueDropOut() throws {
        let units = try Self.exampleC()
        let padded = units + [[7, nil, nil, nil], [nil, nil, 9, nil], [nil, nil, nil, nil]]
        #expect(KrippendorffAlpha.nominal(padded) == KrippendorffAlpha.nominal(units))
    }

    @Test(arguments: [
        [[Int?]](),
        [[1, nil], [nil, 2]],
        [[3, 3], [3, 3, 3]],
    ])
    func undefinedAlphaIsNil(_ units: [[Int?]]) {
        #expect(KrippendorffAlpha.nominal(units).alpha == nil)
    }

    @Test(arguments: [
        ([["a", "a"], ["b", "b"], ["c", "c"]], 1.0),
        // Two coders, two units, total disagreement: n = 4, Do = 1, De = 8/12, alpha = 1 - 1.5.
        ([["a", "b"], ["b", "a"]], -0.5),
    ])
    func handComputedNominal(_ units: [[String?]], _ alpha: Double) throws {
        #expect(abs(try #require(KrippendorffAlpha.nominal(units).alpha) - alpha) < 1e-12)
    }
}
