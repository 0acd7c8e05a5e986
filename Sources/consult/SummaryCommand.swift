import ArgumentParser
import ConsultReport
import ConsultStore
import Foundation

extension Consult {
    struct Summary: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "The perception summary per respondent group: the codebook's theme groups, leading themes, tested differences.")
        @Option(help: "Grouping: only 'group' (community, partner, focus groups) is supported.") var by = "group"
        @Option(help: "Output: text, md or json.") var format = "text"
        @Option(help: "Counts under this many respondents are withheld.") var minCell = 10
        @Option(help: "Count only this coder's codings (default: the final coding).") var coder: String?

        func run() throws {
            guard by == "group" else { throw CommandFailure("summary --by supports 'group' only (community, partner, focus groups)") }
            let summary = try PerceptionSummary.gather(from: try DatabaseAccess.open(), minimumCell: minCell, coder: coder)
            switch format {
            case "text": Terminal.write(summary.render(markdown: false))
            case "md", "markdown": Terminal.write(summary.render(markdown: true))
            case "json": try JSONOutput.print(summary)
            default: throw CommandFailure("--format must be text, md or json")
            }
        }
    }
}
