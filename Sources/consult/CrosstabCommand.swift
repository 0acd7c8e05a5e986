import ArgumentParser
import ConsultReport
import ConsultStore
import Foundation

extension Consult {
    struct CrosstabCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "crosstab",
            abstract: "A closed question by a field: column percentages with 95% Wilson intervals and a chi-square test.",
            discussion: """
                percent is of each group's respondents who answered. The chi-square test is for single-choice and \\
                Likert questions; cells with expected count under 5 are flagged. Cells under --min-cell respondents \\
                are suppressed, with secondary suppression across options and groups. In JSON the test is under "test".
                """)
        @Option(help: "The survey id.") var survey: String
        @Option(help: "The closed question id.") var question: String
        @Option(help: "Split by: group, or a closed question / attribute such as ethnicity_group, age_band, borough.") var by: String
        @Option(help: "Suppress cells with fewer respondents than this (disclosure control).") var minCell = 10
        @OptionGroup var output: FormatOption

        func run() throws {
            let store = try DatabaseAccess.open()
            let counts = try store.optionCounts(survey: survey, question: question, by: by)
            guard !counts.isEmpty else { throw CommandFailure("\(survey).\(question) has no answers to cross-tabulate") }
            let crosstab = try Crosstab.make(counts, minimumCell: minCell)
            let table = ResultTable(columns: ["option", by, "count", "percent", "ci_low", "ci_high", "base", "suppressed"], rows: crosstab.cells.map { c in
                [.text(c.option), .text(c.group), c.count.map(ResultValue.int) ?? .null, .optionalNumber(c.percent, decimals: 1),
                 .optionalNumber(c.ciLow, decimals: 1), .optionalNumber(c.ciHigh, decimals: 1), .int(c.base), c.suppressed ? .bool(true) : .absent]
            })
            let testLine = crosstab.test.map { String(format: "chi-square %.2f, df %d, p %.4g", $0.statistic, $0.degreesOfFreedom, $0.pValue) }
            let summary = [testLine, crosstab.testNote].compactMap { $0 }.joined(separator: "; ")
            switch output.resolved {
            case .json:
                let test = crosstab.test.map {
                    "{\"statistic\":\($0.statistic),\"df\":\($0.degreesOfFreedom),\"p\":\($0.pValue),\"sparse_cells\":[\($0.sparseCells.map(ResultTable.jsonString).joined(separator: ","))]}"
                } ?? "null"
                let note = crosstab.testNote.map(ResultTable.jsonString) ?? "null"
                Terminal.write(table.renderJSON(with: [("test", test), ("note", note)]))
            case .table:
                output.print(table)
                Terminal.write(summary.isEmpty ? "" : summary + "\n")
            case .csv:
                output.print(table)
                if !summary.isEmpty { Terminal.note("consult: \(summary)") }
            }
        }
    }
}
