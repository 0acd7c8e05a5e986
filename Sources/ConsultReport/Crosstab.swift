import ConsultStore
import Statistics

/// A closed question by a grouping field: column percentages with Wilson intervals, a chi-square test
/// of independence, and disclosure control on the two-way table.
///
/// - Percentages are of each group's respondents who answered (column percentages).
/// - The chi-square test needs each respondent in exactly one row, so it is run for single-choice and
///   Likert questions only (`test` is nil for a multi-choice question, with `testNote` saying why). It
///   uses the full counts; cells whose expected count is under 5 are listed, since the test's p-value
///   is then unreliable.
/// - Disclosure control: a group answered by fewer than `minimumCell` respondents shows no cell; other
///   cells of 1 to `minimumCell - 1` are hidden, with secondary suppression across both options and
///   groups so no hidden cell can be recovered from a row or column total.
public struct Crosstab: Sendable, Equatable {
    public struct Cell: Sendable, Equatable {
        public var option: String
        public var group: String
        /// Nil when suppressed.
        public var count: Int?
        public var percent: Double?
        public var ciLow: Double?
        public var ciHigh: Double?
        public var base: Int
        public var suppressed: Bool
    }
    public struct Test: Sendable, Equatable {
        public var statistic: Double
        public var degreesOfFreedom: Int
        public var pValue: Double
        /// "option / group" of cells whose expected count is under 5.
        public var sparseCells: [String]
    }

    public var cells: [Cell]
    public var test: Test?
    public var testNote: String?

    /// - Parameter counts: one question's counts by group (as `Store.optionCounts(survey:question:by:)` gives them).
    public static func make(_ counts: [OptionCount], minimumCell: Int) throws -> Crosstab {
        let options = counts.map(\.option).distinctInOrder()
        let groups = counts.map { $0.group ?? "" }.distinctInOrder()
        var table = options.map { _ in groups.map { _ in 0 } }
        var bases = groups.map { _ in 0 }
        for count in counts {
            guard let row = options.firstIndex(of: count.option), let column = groups.firstIndex(of: count.group ?? "") else { continue }
            table[row][column] = count.count
            bases[column] = count.answered
        }
        let exclusive = counts.first.map { $0.questionType != "multi" } ?? true
        var hide = table.map { $0.map { _ in false } }
        if !table.isEmpty, !groups.isEmpty {
            hide = try DisclosureControl.suppressed(try CountTable(table), minimum: minimumCell)
            for column in groups.indices where bases[column] < minimumCell {
                for row in options.indices { hide[row][column] = true }
            }
        }
        var cells: [Cell] = []
        for (row, option) in options.enumerated() {
            for (column, group) in groups.enumerated() {
                let hidden = hide[row][column]
                let share = bases[column] > 0 ? Proportion(successes: table[row][column], total: bases[column]) : nil
                cells.append(Cell(option: option, group: group, count: hidden ? nil : table[row][column],
                                  percent: hidden ? nil : share.map { $0.estimate * 100 }, ciLow: hidden ? nil : share.map { $0.lower * 100 },
                                  ciHigh: hidden ? nil : share.map { $0.upper * 100 }, base: bases[column], suppressed: hidden))
            }
        }
        guard exclusive else {
            return Crosstab(cells: cells, test: nil, testNote: "no chi-square test: a multi-choice question counts a respondent in several rows")
        }
        guard options.count >= 2, groups.count >= 2, let chi = try? ChiSquareTest(try CountTable(table)) else {
            return Crosstab(cells: cells, test: nil, testNote: "no chi-square test: fewer than two options or groups have answers")
        }
        let sparse = chi.sparseCells.map { "\(options[$0.row]) / \(groups[$0.column])" }
        return Crosstab(cells: cells, test: Test(statistic: chi.statistic, degreesOfFreedom: chi.degreesOfFreedom, pValue: chi.pValue,
                                                  sparseCells: sparse),
                        testNote: sparse.isEmpty ? nil : "\(sparse.count) cell(s) with expected count under 5: the p-value is approximate")
    }

}
