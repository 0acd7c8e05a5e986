import ArgumentParser
import ConsultCore
import ConsultIngest
import ConsultReport
import ConsultStore
import Foundation

extension Consult {
    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Import survey responses or focus-group notes (redacted and pseudonymised on the way in), or a .qdc codebook.",
            subcommands: [Responses.self, Notes.self, CodebookQDC.self]
        )

        struct Responses: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Import a CSV export of a survey.",
                discussion: """
                    The header must hold the survey's id column and every question id (optionally submitted_at and mode). \
                    By default a file with any invalid row is refused whole; importing the same file again does nothing, \
                    and respondents already imported are never duplicated.
                    """
            )
            @Argument(help: "The CSV file (UTF-8).") var file: String
            @Option(help: "The survey id the file answers (e.g. community, partner).") var survey: String
            @Flag(help: "Check the file and report, without writing anything.") var dryRun = false
            @Flag(help: "Import the valid rows and record the invalid ones in --rejects.") var acceptValid = false
            @Option(help: "With --accept-valid: CSV file listing rejected rows (line, field, reason; no row content).") var rejects: String?

            func run() throws {
                let store = try DatabaseAccess.open()
                let importer = ResponseImporter(store: store, pseudonymiser: try DatabaseAccess.pseudonymiser())
                let outcome: ImportOutcome
                do {
                    defer { Terminal.endProgress() }
                    outcome = try importer.importFile(file, survey: survey, options: ImportOptions(
                        dryRun: dryRun, acceptValid: acceptValid, rejectsPath: rejects, importedBy: ImportReport.user)
                    ) { rows in Terminal.progress("\((file as NSString).lastPathComponent): \(rows) rows read") }
                }
                ImportReport.print(outcome)
            }
        }

        struct Notes: ParsableCommand {
            static let configuration = CommandConfiguration(abstract: "Import focus-group transcripts (Markdown files or directories of them).")
            @Argument(help: "Transcript files or directories.") var paths: [String]
            @Option(help: "The focus-group protocol id (e.g. focus_groups).") var survey: String
            @Flag(help: "Check the transcripts and report, without writing anything.") var dryRun = false

            func run() throws {
                let store = try DatabaseAccess.open()
                let importer = NotesImporter(store: store, pseudonymiser: try DatabaseAccess.pseudonymiser())
                let outcomes = try importer.importNotes(paths, survey: survey, options: ImportOptions(dryRun: dryRun, importedBy: ImportReport.user))
                outcomes.forEach(ImportReport.print)
            }
        }
    }

    struct Imports: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List import batches: file, hash, rows accepted and rejected, when, by whom.")
        @OptionGroup var output: FormatOption

        func run() throws {
            let batches = try DatabaseAccess.open().batches()
            output.print(ResultTable(
                columns: ["batch", "survey", "kind", "file", "sha256", "rows", "accepted", "duplicates", "rejected", "redactions", "imported_at", "imported_by"],
                rows: batches.map { b in
                    [.int(b.id), .text(b.instrument), .text(b.kind), .text(b.sourceName), .text(b.sha256), .int(b.rowsRead), .int(b.rowsAccepted),
                     .int(b.rowsDuplicate), .int(b.rowsRejected), .int(b.redactions), .text(b.importedAt), .text(b.importedBy)]
                }))
        }
    }
}

/// One line per imported file, shared by the import commands and the demo.
enum ImportReport {
    static var user: String { ProcessInfo.processInfo.environment["USER"] ?? NSUserName() }

    static func print(_ outcome: ImportOutcome) {
        let name = (outcome.file as NSString).lastPathComponent
        switch outcome.result {
        case .imported(let batch):
            Terminal.write("\(name): \(batch.rowsAccepted) new, \(batch.rowsDuplicate) already present, \(batch.rowsRejected) rejected, \(batch.redactions) redactions (batch \(batch.id))\n")
        case .alreadyImported(let batch):
            Terminal.write("\(name): already imported as batch \(batch.id) on \(batch.importedAt); nothing to do\n")
        case .checked:
            Terminal.write("\(name): \(outcome.rowsRead) rows checked, \(outcome.rejected.count) would be rejected, \(outcome.redactions) redactions (dry run: nothing written)\n")
            for rejection in outcome.rejected.prefix(20) { Terminal.write("  \(rejection)\n") }
        }
    }
}
