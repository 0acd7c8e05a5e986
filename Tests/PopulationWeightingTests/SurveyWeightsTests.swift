import ConsultationModel
import Foundation
import PopulationWeighting
import Statistics
import TestSupport
import Testing

/// Weighting a self-selected sample to population margins.
@Suite struct SurveyWeightsTests {
    let halfAndHalf = PopulationMargins(totals: ["ethnicity_group": ["A": 50, "B": 50]])

    @Test func oneMarginIsPostStratification() throws {
        // Two A and one B respondent; the population is half A, half B. Targets scale to 3 placed units:
        // A 1.5 over two people (0.75 each), B 1.5 over one.
        let weights = try SurveyWeights.rake(units: [["ethnicity_group": "A"], ["ethnicity_group": "A"], ["ethnicity_group": "B"]], margins: halfAndHalf)
        #expect(weights.weights.map { ($0 * 1e9).rounded() / 1e9 } == [0.75, 0.75, 1.5])
        #expect(weights.converged)
        // Kish: n_eff = (Σw)² / Σw² = 9 / 3.375; deff = n / n_eff.
        #expect(abs(weights.effectiveSampleSize - 9 / 3.375) < 1e-9)
        #expect(abs(weights.designEffect - 1.125) < 1e-9)
    }

    @Test func unplacedRespondentsKeepWeightOneAndEmptyLevelsAreReported() throws {
        let margins = PopulationMargins(totals: ["ethnicity_group": ["A": 30, "B": 30, "C": 40]])
        let weights = try SurveyWeights.rake(units: [["ethnicity_group": "A"], ["ethnicity_group": "B"], ["ethnicity_group": "B"], [:],
                                                     ["ethnicity_group": "prefer_not_to_say"]], margins: margins)
        #expect(weights.raked == 3 && weights.unplaced == 2)
        #expect(weights.weights[3] == 1 && weights.weights[4] == 1)
        #expect(weights.emptyLevels == ["ethnicity_group=C"])
        // C's share is spread over A and B (equal populations): A 1.5, B 0.75 each; placed weights sum to 3.
        #expect(abs(weights.weights[0] - 1.5) < 1e-9 && abs(weights.weights[1] - 0.75) < 1e-9)
    }

    @Test func twoMarginsAreMetTogether() throws {
        let margins = PopulationMargins(totals: ["sex": ["f": 60, "m": 40], "age": ["young": 30, "old": 70]])
        let units: [[String: String]] = [["sex": "f", "age": "young"], ["sex": "f", "age": "young"], ["sex": "m", "age": "old"],
                                         ["sex": "f", "age": "old"], ["sex": "m", "age": "young"]]
        let weights = try SurveyWeights.rake(units: units, margins: margins)
        func total(_ variable: String, _ level: String) -> Double {
            zip(units, weights.weights).filter { $0.0[variable] == level }.map(\.1).reduce(0, +)
        }
        #expect(abs(total("sex", "f") - 3) < 1e-6 && abs(total("sex", "m") - 2) < 1e-6)
        #expect(abs(total("age", "young") - 1.5) < 1e-6 && abs(total("age", "old") - 3.5) < 1e-6)
    }

    @Test func nobodyPlaceableIsAnError() {
        #expect(throws: StatisticsError.self) { try SurveyWeights.rake(units: [[:], ["ethnicity_group": "Z"]], margins: halfAndHalf) }
        #expect(throws: StatisticsError.self) { try SurveyWeights.rake(units: [[:]], margins: PopulationMargins(totals: [:])) }
    }

    @Test func weightedSharesUseTheEffectiveSampleSize() throws {
        let share = try #require(WeightedShare.compute(chosen: [0.75, 1.5], answered: [0.75, 0.75, 1.5]))
        #expect(abs(share.estimate - 2.25 / 3) < 1e-12)
        #expect(abs(share.effectiveSampleSize - 9 / 3.375) < 1e-12)
        let bounds = try #require(Proportion.wilson(estimate: share.estimate, n: share.effectiveSampleSize))
        #expect(share.lower == bounds.lower && share.upper == bounds.upper)
        // Equal weights give the ordinary Wilson interval.
        let equal = try #require(WeightedShare.compute(chosen: [2, 2, 2], answered: Array(repeating: 2, count: 10)))
        let plain = Proportion(successes: 3, total: 10)
        #expect(abs(equal.lower - plain.lower) < 1e-12 && abs(equal.upper - plain.upper) < 1e-12)
        #expect(WeightedShare.compute(chosen: [Double](), answered: [Double]()) == nil)
    }

    /// Units grouped into cells give each unit the weight it gets alone, and the same design effect:
    /// the chapter weights a million respondents as a few dozen cells.
    @Test func cellsWeighAsTheirUnits() throws {
        let margins = PopulationMargins(totals: ["sex": ["f": 60, "m": 40], "age": ["young": 30, "old": 70]])
        let cells = [SurveyWeights.Cell(values: ["sex": "f", "age": "young"], units: 3), SurveyWeights.Cell(values: ["sex": "m", "age": "old"], units: 1),
                     SurveyWeights.Cell(values: ["sex": "f", "age": "old"], units: 2), SurveyWeights.Cell(values: [:], units: 4),
                     SurveyWeights.Cell(values: ["sex": "m", "age": "young"], units: 5), SurveyWeights.Cell(values: ["sex": "f"], units: 0)]
        let units = cells.flatMap { Array(repeating: $0.values, count: $0.units) }
        let byCell = try SurveyWeights.rake(cells: cells, margins: margins)
        let byUnit = try SurveyWeights.rake(units: units, margins: margins)
        let expanded = zip(cells, byCell.weights).flatMap { Array(repeating: $1, count: $0.units) }
        #expect(zip(expanded, byUnit.weights).allSatisfy { abs($0 - $1) < 1e-9 })
        #expect(byCell.raked == 11 && byCell.unplaced == 4 && byUnit.raked == 11 && byUnit.unplaced == 4)
        #expect(abs(byCell.designEffect - byUnit.designEffect) < 1e-9 && abs(byCell.effectiveSampleSize - byUnit.effectiveSampleSize) < 1e-9)
        #expect(byCell.weights[3] == 1)
        #expect(throws: StatisticsError.self) { try SurveyWeights.rake(cells: [SurveyWeights.Cell(values: ["sex": "f", "age": "old"], units: 0)], margins: margins) }
    }

    /// Shares from cell counts: a cell's respondents each carry its weight; the unweighted counts add up.
    @Test func optionSharesComeFromCellCounts() throws {
        let question = Question(id: "q", type: .single, wording: "?", options: [AnswerOption(value: "yes", label: "Yes"), AnswerOption(value: "no", label: "No")])
        // Cell 0 (weight 0.5): 4 answered, 3 yes, 1 no. Cell 1 (weight 2): 2 answered, both no.
        let counts = [WeightedOptionShare.CellCount(cell: 0, question: "q", option: nil, respondents: 4),
                      WeightedOptionShare.CellCount(cell: 0, question: "q", option: "yes", respondents: 3),
                      WeightedOptionShare.CellCount(cell: 0, question: "q", option: "no", respondents: 1),
                      WeightedOptionShare.CellCount(cell: 1, question: "q", option: nil, respondents: 2),
                      WeightedOptionShare.CellCount(cell: 1, question: "q", option: "no", respondents: 2)]
        let shares = WeightedOptionShare.compute(questions: [question], counts: counts, cellWeights: [0.5, 2])
        #expect(shares.map(\.option) == ["yes", "no"] && shares.map(\.count) == [3, 3] && shares.map(\.answered) == [6, 6])
        let unitWise = try #require(WeightedShare.compute(chosen: [0.5, 0.5, 0.5], answered: [0.5, 0.5, 0.5, 0.5, 2, 2]))
        let yes = try #require(shares[0].share)
        #expect(abs(yes.estimate - 1.5 / 6) < 1e-12 && abs(yes.lower - unitWise.lower) < 1e-12 && abs(yes.effectiveSampleSize - unitWise.effectiveSampleSize) < 1e-12)
        #expect(WeightedOptionShare.compute(questions: [question], counts: [], cellWeights: []).allSatisfy { $0.share == nil && $0.answered == 0 })
    }

    @Test func censusReferenceBecomesAnEthnicGroupMargin() throws {
        let margins = PopulationMargins.ethnicGroups([PopulationGroup(group: "White", detail: "Irish", residents: 10),
                                                      PopulationGroup(group: "White", detail: "Other", residents: 5),
                                                      PopulationGroup(group: "Black", detail: "African", residents: 7)])
        #expect(margins.totals == ["ethnicity_group": ["White": 15, "Black": 7]])
    }

    @Test(arguments: [
        ("variable,level\nx,a\n", "missing column"),
        ("variable,level,population_total\nx,a,-3\n", ":2: population_total:"),
        ("variable,level,population_total\nx,a,3\nx,a,4\n", ":3: level: 'x' level 'a' is given twice"),
        ("variable,level,population_total\n", "has no margins"),
    ])
    func marginFilesAreChecked(_ content: String, _ expected: String) throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("margins-\(UUID().uuidString).csv").path
        try content.write(toFile: path, atomically: true, encoding: .utf8)
        #expect { try PopulationMargins.read(path: path) } throws: { "\($0)".contains(expected) }
    }

    @Test func theSharedMarginFileReads() throws {
        let file = try #require(ProjectRoot.shared("reference/stats/population_margins.csv"), "reference margins missing")
        let margins = try PopulationMargins.read(path: file.path)
        #expect(margins.totals["stype"] == ["E": 4421, "H": 755, "M": 1018])
    }
}
