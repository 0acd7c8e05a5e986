import ConsultStore
import Foundation
import Statistics

/// The tables of the analysis queries (`themes`, `questions`, `crosstab`), made once for the CLI and
/// the service's read API, so that both give the same rows in the JSON shapes DESIGN.md fixes.
public enum QueryTables {
    /// `themes`: respondents and segments per theme, overall or by `field`, cells under `minimumCell`
    /// suppressed. With `by: "group"`, focus-group rows also give `groups_raising` and `groups`.
    ///
    /// With `estimate`, each row adds the share corrected for coding error from the validation sample
    /// `sample` (default: the latest drawn): `estimate`, `estimate_low`, `estimate_high` (0-100 like
    /// percent), `validated`, `precision`, `recall`; null where undefined or withheld.
    public static func themes(_ store: Store, survey: String?, by field: String?, coder: String?, minimumCell: Int,
                              estimate: Bool = false, sample: String? = nil) throws -> ResultTable {
        let counts = try store.themeCounts(by: field, filter: SegmentFilter(survey: survey, coder: coder), minimumCell: minimumCell)
        var table = themeTable(counts, by: field)
        if estimate {
            let data = try store.validationData(sample: try sample ?? store.latestValidationSample(), by: field, survey: survey)
            let hidden = Dictionary(counts.map { ("\($0.theme)|\($0.group ?? "")", $0.suppressed) }, uniquingKeysWith: { $0 || $1 })
            let estimates = ThemeEstimation.estimate(data, themes: Array(Set(counts.map(\.theme))), suppressed: { hidden["\($0)|\($1 ?? "")"] ?? true },
                                                     minimumCell: minimumCell)
            addEstimates(&table, counts: counts, estimates: estimates)
        }
        if field == "group" {
            let raising = try store.themeSessionCounts(coder: coder)
            let sessions = try store.focusGroupSessionCount()
            table.columns += ["groups_raising", "groups"]
            for (index, count) in counts.enumerated() {
                table.rows[index] += count.group == "focus_group" ? [.int(raising[count.theme, default: 0]), .int(sessions)] : [.absent, .absent]
            }
        }
        return table
    }

    /// Adds the `--estimate` columns to a `themes` table (0-100 like percent; null where undefined or withheld).
    static func addEstimates(_ table: inout ResultTable, counts: [ThemeCount], estimates: [ThemeEstimate]) {
        let byCell = Dictionary(estimates.map { ("\($0.theme)|\($0.group ?? "")", $0) }, uniquingKeysWith: { first, _ in first })
        table.columns += ["estimate", "estimate_low", "estimate_high", "validated", "precision", "recall"]
        for (index, count) in counts.enumerated() {
            let e = byCell["\(count.theme)|\(count.group ?? "")"]
            table.rows[index] += [.optionalNumber(e?.estimate, decimals: 1), .optionalNumber(e?.low, decimals: 1), .optionalNumber(e?.high, decimals: 1),
                                  e?.validated.map(ResultValue.int) ?? .null, .optionalNumber(e?.precision, decimals: 3), .optionalNumber(e?.recall, decimals: 3)]
        }
    }

    /// The `themes` table of counts already made (also printed by the demo).
    public static func themeTable(_ counts: [ThemeCount], by field: String?) -> ResultTable {
        var columns = ["theme", "label"]
        if let field { columns.append(field) }
        columns += ["respondents", "segments", "percent", "base", "suppressed"]
        return ResultTable(columns: columns, rows: counts.map { c in
            var row: [ResultValue] = [.text(c.theme), .text(c.label)]
            if field != nil { row.append(.text(c.group ?? "")) }
            row += [c.respondents.map(ResultValue.int) ?? .null, c.segments.map(ResultValue.int) ?? .null,
                    c.percent.map { .number($0, decimals: 1) } ?? .null, .int(c.base), c.suppressed ? .bool(true) : .absent]
            return row
        })
    }

    /// `questions`, unweighted: count, percent of those answering and 95% Wilson interval per option
    /// (Likert questions also "4-5"), overall or by `field`. `weightedColumns` adds the columns of the
    /// weighted rows (left absent here), for the CLI's `--weighted`.
    public static func questions(_ store: Store, survey: String?, question: String?, by field: String?, minimumCell: Int,
                                 weightedColumns: Bool = false) throws -> ResultTable {
        let counts = try store.optionCounts(survey: survey, question: question, by: field)
        var columns = ["survey", "question", "option"]
        if let field { columns.append(field) }
        columns += ["count", "percent", "ci_low", "ci_high", "base", "suppressed"]
        if weightedColumns { columns += ["weighted", "deff", "n_eff"] }
        let shares = OptionShare.compute(counts, minimumCell: minimumCell)
        return ResultTable(columns: columns, rows: (shares + OptionShare.topTwo(shares)).map { s in
            var row: [ResultValue] = [.text(s.count.survey), .text(s.count.question), .text(s.count.option)]
            if field != nil { row.append(.text(s.count.group ?? "")) }
            row += [s.suppressed ? .null : .int(s.count.count), s.percent.map { .number($0, decimals: 1) } ?? .null,
                    s.ciLow.map { .number($0, decimals: 1) } ?? .null, s.ciHigh.map { .number($0, decimals: 1) } ?? .null,
                    .int(s.count.answered), s.suppressed ? .bool(true) : .absent]
            if weightedColumns { row += [.absent, .absent, .absent] }
            return row
        })
    }

    /// `crosstab`: a closed question by `field` with column percentages, Wilson intervals, the
    /// chi-square test and two-way suppression.
    public struct CrosstabResult {
        public var table: ResultTable
        public var crosstab: Crosstab

        /// The JSON document: the table's rows, and the test under "test" (null when not computed).
        public var json: String {
            let test = crosstab.test.map {
                "{\"statistic\":\($0.statistic),\"df\":\($0.degreesOfFreedom),\"p\":\($0.pValue),\"sparse_cells\":[\($0.sparseCells.map(ResultTable.jsonString).joined(separator: ","))]}"
            } ?? "null"
            let note = crosstab.testNote.map(ResultTable.jsonString) ?? "null"
            return table.renderJSON(with: [("test", test), ("note", note)])
        }
    }

    /// - Throws: `StoreError` when the question has no answers to cross-tabulate.
    public static func crosstab(_ store: Store, survey: String, question: String, by field: String, minimumCell: Int) throws -> CrosstabResult {
        let counts = try store.optionCounts(survey: survey, question: question, by: field)
        guard !counts.isEmpty else { throw StoreError("\(survey).\(question) has no answers to cross-tabulate") }
        let crosstab = try Crosstab.make(counts, minimumCell: minimumCell)
        let table = ResultTable(columns: ["option", field, "count", "percent", "ci_low", "ci_high", "base", "suppressed"], rows: crosstab.cells.map { c in
            [.text(c.option), .text(c.group), c.count.map(ResultValue.int) ?? .null, .optionalNumber(c.percent, decimals: 1),
             .optionalNumber(c.ciLow, decimals: 1), .optionalNumber(c.ciHigh, decimals: 1), .int(c.base), c.suppressed ? .bool(true) : .absent]
        })
        return CrosstabResult(table: table, crosstab: crosstab)
    }
}

extension ResultValue {
    /// A number with `decimals` places, or an empty cell / JSON null when undefined.
    public static func optionalNumber(_ value: Double?, decimals: Int = 3) -> ResultValue { value.map { .number($0, decimals: decimals) } ?? .null }
}
