import ArgumentParser
import ConsultReport
import ConsultStore

extension OutputFormat: ExpressibleByArgument {}

/// `--format table|csv|json`, shared by every query command.
struct FormatOption: ParsableArguments {
    @Option(help: "Output format: table, csv or json (default: table on a terminal, csv when piped).")
    var format: OutputFormat?

    var resolved: OutputFormat { format ?? (Terminal.stdoutIsTerminal ? .table : .csv) }

    func print(_ table: ResultTable) { Terminal.write(table.render(resolved)) }

    /// Records in the audit log that row-level data (redacted text, codings) left the database, with
    /// the command, format and number of rows, never the rows themselves.
    func recordExport(_ store: Store, command: String, rows: Int) throws {
        try store.audit(.export, ["command": .string(command), "format": .string(resolved.rawValue), "rows": .int(rows)])
    }
}
