import Statistics
import Testing

@Suite struct ThemeAgreementTests {
    @Test(arguments: [
        (20, 5, 10, 15), (1, 2, 3, 4), (0, 3, 3, 10), (9, 0, 0, 1), (50, 1, 0, 0),
    ])
    func alphaClosedFormMatchesKrippendorff(_ both: Int, _ firstOnly: Int, _ secondOnly: Int, _ neither: Int) throws {
        let table = try BinaryAgreement(both: both, firstOnly: firstOnly, secondOnly: secondOnly, neither: neither)
        let units: [[Bool?]] = Array(repeating: [true, true], count: both) + Array(repeating: [true, false], count: firstOnly)
            + Array(repeating: [false, true], count: secondOnly) + Array(repeating: [false, false], count: neither)
        let reference = try #require(KrippendorffAlpha.nominal(units).alpha)
        #expect(abs(try #require(table.alpha) - reference) < 1e-12)
    }

    @Test func perThemeAndPooled() throws {
        let segments: [(first: Set<String>, second: Set<String>)] = [
            (["cost"], ["cost"]),
            (["cost", "safety"], ["safety"]),
            ([], []),
            (["safety"], ["safety", "cost"]),
            (["cost"], ["cost"]),
        ]
        let result = try ThemeAgreement(segments: segments, themes: ["parking"])
        #expect(result.themes.map(\.theme) == ["cost", "parking", "safety"])
        let cost = result.themes[0].agreement
        #expect((cost.both, cost.firstOnly, cost.secondOnly, cost.neither) == (2, 1, 1, 1))
        #expect(abs(cost.agreement - 0.6) < 1e-12)
        // po 0.6, pe = 0.6*0.6 + 0.4*0.4 = 0.52, kappa = 0.08 / 0.48.
        #expect(abs(try #require(cost.kappa) - 0.08 / 0.48) < 1e-12)
        let parking = result.themes[1].agreement
        #expect(parking.agreement == 1 && parking.kappa == nil && parking.alpha == nil)
        let safety = result.themes[2].agreement
        #expect(safety.kappa == 1 && safety.units == 5)
        #expect((result.pooled.both, result.pooled.firstOnly, result.pooled.secondOnly, result.pooled.neither) == (4, 1, 1, 9))
        #expect(result.pooled.units == 15)
    }

    @Test func noSegmentsIsAnError() {
        #expect(throws: StatisticsError.empty(what: "segments coded by both coders")) {
            try ThemeAgreement<String>(segments: [])
        }
    }

    @Test func noThemesIsAnError() {
        #expect(throws: StatisticsError.empty(what: "themes")) {
            try ThemeAgreement<String>(segments: [([], [])])
        }
    }

    @Test func allZeroTableIsAnError() {
        #expect(throws: StatisticsError.zeroTotal(what: "kappa table")) {
            try BinaryAgreement(both: 0, firstOnly: 0, secondOnly: 0, neither: 0)
        }
    }
}
