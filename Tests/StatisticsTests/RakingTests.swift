import Statistics
import Testing

@Suite struct RakingTests {
    /// The California API cluster sample (183 schools) and the population margins of stype and sch.wide.
    struct APIExample {
        var weights: [Double] = []
        var api00: [Double] = []
        var enroll: [Double] = []
        var margins: [RakingMargin] = []

        init() throws {
            let schools = try ReferenceData.rows("apiclus1.csv")
            try #require(schools.count == 183)
            weights = try schools.map { try number($0[3]) }
            api00 = try schools.map { try number($0[8]) }
            enroll = try schools.map { try number($0[10]) }
            var targets: [String: [String: Double]] = [:]
            for row in try ReferenceData.rows("population_margins.csv") {
                targets[row[0], default: [:]][row[1]] = try number(row[2])
            }
            margins = [
                RakingMargin(variable: "stype", levels: schools.map { $0[5] }, targets: targets["stype"] ?? [:]),
                RakingMargin(variable: "sch.wide", levels: schools.map { $0[6] }, targets: targets["sch.wide"] ?? [:]),
            ]
        }

        func total(_ values: [Double], _ weights: [Double]) -> Double {
            zip(values, weights).reduce(0) { $0 + $1.0 * $1.1 }
        }
    }

    /// R survey `rake()` example: weighted mean api00 641.23, weighted total enroll 3,647,280.
    @Test func matchesRSurveyRakeExample() throws {
        let data = try APIExample()
        let result = try Raking.rake(weights: data.weights, margins: data.margins)
        #expect(result.converged)
        let population = result.weights.reduce(0, +)
        #expect(abs(population - 6194) < 1e-6)
        #expect(abs(data.total(data.api00, result.weights) / population - 641.23) < 0.005)
        #expect(abs(data.total(data.enroll, result.weights) - 3_647_280) < 0.5)
    }

    @Test func stoppingAfterTwoSweepsGivesAVisiblyDifferentTotal() throws {
        let data = try APIExample()
        let result = try Raking.rake(weights: data.weights, margins: data.margins, maximumSweeps: 2)
        #expect(!result.converged)
        #expect(result.sweeps == 2)
        #expect(abs(data.total(data.enroll, result.weights) - 3_647_280) > 1)
    }

    /// Two binary variables, four units, one per cell: IPF on a 2x2 with targets (60, 40) by rows and
    /// (50, 50) by columns from equal starting weights converges to 30, 30, 20, 20.
    @Test func handComputedTwoByTwo() throws {
        let result = try Raking.rake(
            weights: [1, 1, 1, 1],
            margins: [
                RakingMargin(variable: "row", levels: ["a", "a", "b", "b"], targets: ["a": 60, "b": 40]),
                RakingMargin(variable: "column", levels: ["x", "y", "x", "y"], targets: ["x": 50, "y": 50]),
            ]
        )
        #expect(result.converged && result.sweeps == 1)
        #expect(result.weights == [30, 30, 20, 20])
    }

    @Test func inconsistentMarginsDoNotConverge() throws {
        let result = try Raking.rake(
            weights: [1, 1],
            margins: [
                RakingMargin(variable: "a", levels: ["p", "q"], targets: ["p": 10, "q": 10]),
                RakingMargin(variable: "b", levels: ["r", "r"], targets: ["r": 30]),
            ],
            maximumSweeps: 5
        )
        #expect(!result.converged && result.sweeps == 5 && result.largestDiscrepancy > 0.4)
    }

    static let ab = RakingMargin(variable: "v", levels: ["a", "b"], targets: ["a": 1, "b": 2])

    @Test(arguments: [
        ([Double](), [ab], StatisticsError.empty(what: "units")),
        ([1, 1], [], StatisticsError.empty(what: "margins")),
        ([1, -1], [ab], StatisticsError.invalidValue(what: "weights", index: 1, value: -1)),
        ([1, 1, 1], [ab], StatisticsError.lengthMismatch(what: "categories of v", expected: 3, found: 2)),
        ([1, 1], [RakingMargin(variable: "v", levels: ["a", "c"], targets: ["a": 1, "b": 2])],
         StatisticsError.categoryMissingFromMargin(variable: "v", level: "c")),
        ([1, 1], [RakingMargin(variable: "v", levels: ["a", "a"], targets: ["a": 1, "b": 2])],
         StatisticsError.marginCategoryWithoutUnits(variable: "v", level: "b")),
        ([1, 0], [ab], StatisticsError.marginCategoryWithoutUnits(variable: "v", level: "b")),
        ([1, 1], [RakingMargin(variable: "v", levels: ["a", "b"], targets: ["a": 0, "b": 2])],
         StatisticsError.invalidParameter(name: "target v = a", value: 0)),
    ])
    func badInputIsAnError(_ weights: [Double], _ margins: [RakingMargin], _ error: StatisticsError) {
        #expect(throws: error) { try Raking.rake(weights: weights, margins: margins) }
    }

    @Test(arguments: [(0.0, 10), (-1.0, 10), (1e-6, 0)])
    func badSettingsAreErrors(_ tolerance: Double, _ sweeps: Int) {
        #expect(throws: StatisticsError.self) {
            try Raking.rake(weights: [1, 1], margins: [Self.ab], tolerance: tolerance, maximumSweeps: sweeps)
        }
    }
}
