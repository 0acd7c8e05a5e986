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
            let result = try QueryTables.crosstab(try DatabaseAccess.open(), survey: survey, question: question, by: by, minimumCell: minCell)
            let table = result.table, crosstab = result.crosstab
            let testLine = crosstab.test.map { String(format: "chi-square %.2f, df %d, p %.4g", $0.statistic, $0.degreesOfFreedom, $0.pValue) }
            let summary = [testLine, crosstab.testNote].compactMap { $0 }.joined(separator: "; ")
            switch output.resolved {
            case .json:
                Terminal.write(result.json)
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
