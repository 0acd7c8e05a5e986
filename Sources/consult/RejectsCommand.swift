import ArgumentParser
import ConsultReport

extension Consult {
    /// `consult rejects`: the rows `--accept-valid` imports left out, by batch and source line, so
    /// staff can fix the source file and import it again (staff only; the row content is in the
    /// `--rejects` file, never in the database).
    struct Rejects: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List rejected rows recorded by --accept-valid imports: batch, source line, field, reason.")
        @Option(help: "Only this import batch (see `consult imports`).") var batch: Int?
        @OptionGroup var output: FormatOption

        func run() throws {
            let rejects = try DatabaseAccess.open().rejects(batch: batch)
            output.print(ResultTable(
                columns: ["batch", "line", "field", "reason"],
                rows: rejects.map { [.int($0.batch), .int($0.line), $0.field.map(ResultValue.text) ?? .null, .text($0.reason)] }))
        }
    }
}
