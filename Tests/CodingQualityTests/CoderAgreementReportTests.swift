import CodingQuality
import Statistics
import Testing

/// How `code agreement` turns coders' decisions into statistics: coverage, pairing, pooling.
@Suite struct CoderAgreementReportTests {
    /// Ten segments, one theme: both 3, first only 1, second only 2, neither 4.
    /// p_o = 0.7; p_e = 0.4 × 0.5 + 0.6 × 0.5 = 0.5; kappa = (0.7 − 0.5) / 0.5 = 0.4.
    func twoCoders() -> (CoderCodings, CoderCodings) {
        let all = Set(1...10)
        let first = CoderCodings(coder: "a", coverage: all, themes: Dictionary(uniqueKeysWithValues: [1, 2, 3, 4].map { ($0, ["t"]) }))
        let second = CoderCodings(coder: "b", coverage: all, themes: Dictionary(uniqueKeysWithValues: [1, 2, 3, 5, 6].map { ($0, ["t"]) }))
        return (first, second)
    }

    @Test func twoCodersGiveCohensKappaAndAlpha() throws {
        let (a, b) = twoCoders()
        let report = try CoderAgreementReport.compute([a, b], themeIDs: ["t"])
        let row = try #require(report.themes.first)
        #expect(row.units == 10)
        #expect(abs((row.agreement ?? 0) - 0.7) < 1e-12)
        #expect(abs((row.kappa ?? 0) - 0.4) < 1e-12)
        let expectedAlpha = try BinaryAgreement(both: 3, firstOnly: 1, secondOnly: 2, neither: 4).alpha
        #expect(abs((row.alpha ?? 0) - (expectedAlpha ?? 1)) < 1e-12)
        // One theme: overall equals the theme.
        #expect(report.overall.units == 10)
        #expect(abs((report.overall.kappa ?? 0) - 0.4) < 1e-12)
        #expect(report.coders == ["a", "b"])
    }

    @Test func onlySegmentsTwoCodersCoveredCount() throws {
        let (a, _) = twoCoders()
        // b covered only segments 1-5, and applied t to 1, 2, 5.
        let b = CoderCodings(coder: "b", coverage: Set(1...5), themes: [1: ["t"], 2: ["t"], 5: ["t"]])
        let report = try CoderAgreementReport.compute([a, b], themeIDs: ["t", "u"])
        #expect(report.themes.map(\.units) == [5, 5])
        // On 1-5: a = {1,2,3,4}, b = {1,2,5}: agree on 1, 2 (yes); disagree on 3, 4, 5.
        #expect(abs((report.themes[0].agreement ?? 0) - 0.4) < 1e-12)
        // Nobody applied u: agreement 1, kappa undefined.
        #expect(report.themes[1].agreement == 1)
        #expect(report.themes[1].kappa == nil)
        #expect(report.overall.units == 10)
    }

    @Test func threeCodersAverageThePairsAndAlphaUsesAll() throws {
        let (a, b) = twoCoders()
        let c = CoderCodings(coder: "c", coverage: Set(1...10), themes: [1: ["t"], 2: ["t"], 3: ["t"], 4: ["t"]])
        let report = try CoderAgreementReport.compute([a, b, c], themeIDs: ["t"])
        let pairs = [try CoderAgreementReport.compute([a, b], themeIDs: ["t"]), try CoderAgreementReport.compute([a, c], themeIDs: ["t"]),
                     try CoderAgreementReport.compute([b, c], themeIDs: ["t"])]
        let meanKappa = pairs.compactMap { $0.themes[0].kappa }.reduce(0, +) / 3
        #expect(abs((report.themes[0].kappa ?? 0) - meanKappa) < 1e-12)
        let values: [[Bool?]] = (1...10).map { segment in [a, b, c].map { $0.themes(of: segment).map { $0.contains("t") } } }
        #expect(report.themes[0].alpha == KrippendorffAlpha.nominal(values).alpha)
    }

    @Test func tooFewCodersOrNoSharedSegmentsAreErrors() throws {
        let (a, _) = twoCoders()
        #expect(throws: StatisticsError.self) { try CoderAgreementReport.compute([a], themeIDs: ["t"]) }
        let apart = CoderCodings(coder: "z", coverage: [99], themes: [:])
        let b = CoderCodings(coder: "y", coverage: [98], themes: [:])
        #expect(throws: StatisticsError.self) { try CoderAgreementReport.compute([apart, b], themeIDs: ["t"]) }
    }
}

/// Bootstrap intervals around a coding evaluation.
@Suite struct CodingEvaluationIntervalsTests {
    let gold: [String: Set<String>] = Dictionary(uniqueKeysWithValues: (0..<60).map { (String($0), $0 % 3 == 0 ? ["a"] : $0 % 3 == 1 ? ["b"] : []) })

    @Test func aPerfectCoderHasDegenerateIntervalsAtOne() throws {
        let intervals = try CodingEvaluationIntervals.compute(gold: gold, coded: gold, themeIDs: ["a", "b"], replicates: 200)
        #expect(intervals.micro.f1 == .init(lower: 1, upper: 1))
        #expect(intervals.themes["a"]?.precision == .init(lower: 1, upper: 1))
        #expect(intervals.macroF1 == .init(lower: 1, upper: 1))
    }

    @Test func intervalsSurroundTheEstimateAndRepeatWithTheSeed() throws {
        var coded = gold
        for key in ["0", "3", "6", "1", "2", "5"] { coded[key] = key == "2" || key == "5" ? ["a"] : [] }
        let point = CodingEvaluation(gold: gold, coded: coded, themeIDs: ["a", "b"])
        let first = try CodingEvaluationIntervals.compute(gold: gold, coded: coded, themeIDs: ["a", "b"], replicates: 500, seed: 7)
        let again = try CodingEvaluationIntervals.compute(gold: gold, coded: coded, themeIDs: ["a", "b"], replicates: 500, seed: 7)
        #expect(first == again)
        let f1 = try #require(first.micro.f1)
        let estimate = try #require(point.micro.f1)
        #expect(f1.lower < estimate && estimate < f1.upper)
        #expect(f1.upper - f1.lower < 0.4)
        let other = try CodingEvaluationIntervals.compute(gold: gold, coded: coded, themeIDs: ["a", "b"], replicates: 500, seed: 8)
        #expect(other.micro.f1 != first.micro.f1)
    }

    @Test func aThemeNobodyAppliedHasNoInterval() throws {
        let intervals = try CodingEvaluationIntervals.compute(gold: gold, coded: gold, themeIDs: ["a", "never"], replicates: 50)
        #expect(intervals.themes["never"]?.f1 == nil)
        #expect(intervals.themes["never"]?.precision == nil)
    }
}
