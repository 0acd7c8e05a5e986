import ArgumentParser
import ConsultReport

extension OutputFormat: ExpressibleByArgument {}

/// `--format table|csv|json`, shared by every query command.
struct FormatOption: ParsableArguments {
    @Option(help: "Output format: table, csv or json (default: table on a terminal, csv when piped).")
    var format: OutputFormat?

    var resolved: OutputFormat { format ?? (Terminal.stdoutIsTerminal ? .table : .csv) }

    func print(_ table: ResultTable) { Terminal.write(table.render(resolved)) }
}
