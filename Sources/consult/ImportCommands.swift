import ArgumentParser
import ConsultIngest
import ConsultReport
import ConsultStore
import FileReading
import Foundation
import SurveyExports

extension Consult {
    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Import survey responses or focus-group notes (redacted and pseudonymised on the way in), or a .qdc codebook.",
            subcommands: [Responses.self, Inspect.self, Notes.self, CodebookQDC.self]
        )

        struct Responses: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Import a survey export (CSV, .xlsx, or JSON Lines from .jsonl/.ndjson).",
                discussion: """
                    Headers (or JSON keys) may be question ids, question wording, `Section - Question`, two header rows \
                    (codes, then wording), and one column per option of a multi-select question (`Q3/option`, \
                    `Q3 - Option label`); matching ignores case, spacing and punctuation. What cannot be matched is \
                    refused with every unmatched column named: map it with --mapping. Exports of Qualtrics, SurveyMonkey, \
                    Google Forms, Microsoft Forms, KoboToolbox/ODK, LimeSurvey and Citizen Space are recognised without \
                    one (see `consult import inspect`); the delimiter (, ; tab) is detected. Text that is not UTF-8 is converted \
                    from Windows-1252 (and the batch says so) unless --encoding utf-8. By default a file with any invalid \
                    row is refused whole; importing the same file again does nothing, respondents already imported are \
                    never duplicated, and changed ones are reported.
                    """
            )
            @Argument(help: "The export file.") var file: String
            @Option(help: "The survey id the file answers (e.g. community, partner).") var survey: String
            @Option(help: "Header mapping: YAML (`header: target`) or CSV (`header,target`); target is a question id, question/option, or ignore.")
            var mapping: String?
            @Option(help: "detect (convert Windows-1252 and UTF-16 to UTF-8) or utf-8 (refuse anything else).") var encoding: InputEncoding = .detect
            @Option(help: "csv, jsonl or xlsx (default: from the file extension; .jsonl and .ndjson are JSON Lines, .xlsx a workbook).") var inputFormat: InputFormat?
            @OptionGroup var tabular: TabularOptions
            @Flag(help: "Also import responses the tool marks unfinished (Qualtrics Finished 0, LimeSurvey without Date submitted).") var includePartial = false
            @Option(help: "Report as text (one line per problem) or json (file, line, column, field, value, reason per problem).")
            var format: ImportReportFormat = .text
            @Flag(help: "Check the file and report, without writing anything.") var dryRun = false
            @Flag(help: "Import the valid rows and record the invalid ones in --rejects.") var acceptValid = false
            @Option(help: "With --accept-valid: CSV file of the rejected rows, unchanged, with line, field and reason (created 0600: it holds personal data like the source file).") var rejects: String?

            func run() throws {
                do {
                    let outcome = try importResponses()
                    if format == .json { Terminal.write(ValidationReport(outcome).json + "\n") } else { ImportReport.print(outcome) }
                } catch {
                    if format == .json { Terminal.write(ValidationReport(file: file, refusedBy: error).json + "\n") }
                    throw error
                }
            }

            private func importResponses() throws -> ImportOutcome {
                let store = try DatabaseAccess.open()
                let importer = ResponseImporter(store: store, pseudonymiser: try DatabaseAccess.pseudonymiser())
                var options = ImportOptions(dryRun: dryRun, acceptValid: acceptValid, rejectsPath: rejects, importedBy: ImportReport.user,
                                            encoding: encoding, mapping: try mapping.map(Self.readMapping) ?? .none, format: inputFormat)
                try tabular.apply(to: &options)
                options.includePartial = includePartial
                defer { Terminal.endProgress() }
                let name = (file as NSString).lastPathComponent
                return try importer.importFile(file, survey: survey, options: options) { Terminal.progress("\(name): \($0.line)") }
            }

            static func readMapping(_ path: String) throws -> HeaderMapping {
                guard let data = FileManager.default.contents(atPath: path) else { throw SurveyFileError(file: path, message: "no such mapping file") }
                guard let text = String(data: data, encoding: .utf8) else { throw SurveyFileError(file: path, message: "is not UTF-8 text") }
                return try HeaderMapping.parse(text, file: path)
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
                columns: ["batch", "survey", "kind", "file", "sha256", "rows", "accepted", "duplicates", "changed", "erased", "rejected", "redactions",
                          "converted_from", "imported_at", "imported_by"],
                rows: batches.map { b in
                    [.int(b.id), .text(b.instrument), .text(b.kind), .text(b.sourceName), .text(b.sha256), .int(b.rowsRead), .int(b.rowsAccepted),
                     .int(b.rowsDuplicate), .int(b.rowsChanged), .int(b.rowsErased), .int(b.rowsRejected), .int(b.redactions), b.convertedFrom.map(ResultValue.text) ?? .null,
                     .text(b.importedAt), .text(b.importedBy)]
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
            Terminal.write("\(name): \(batch.rowsAccepted) new, \(batch.rowsDuplicate) already present, \(batch.rowsChanged) changed, \(batch.rowsErased) erased before (not restored), \(batch.rowsRejected) rejected, \(batch.redactions) redactions (batch \(batch.id))\n")
            if !outcome.changedLines.isEmpty {
                Terminal.write("  changed since imported before, left as they were (lines): \(outcome.changedLines.map(String.init).joined(separator: ", "))\n")
            }
        case .alreadyImported(let batch):
            Terminal.write("\(name): already imported as batch \(batch.id) on \(batch.importedAt); nothing to do\n")
        case .checked:
            Terminal.write("\(name): \(outcome.rowsRead) rows checked, \(outcome.rejected.count) would be rejected, \(outcome.redactions) redactions (dry run: nothing written)\n")
            for rejection in outcome.rejected.prefix(20) { Terminal.write("  \(rejection)\n") }
        }
        if let conversion = outcome.conversion { Terminal.write("  \(name): converted from \(conversion.summary) to UTF-8\n") }
        if let reading = outcome.reading {
            Terminal.write("  read as \(reading.summary)\n")
            for (kind, headers) in reading.dropped {
                Terminal.write("  dropped: \(kind): \(headers.count) column\(headers.count == 1 ? "" : "s") (\(headers.joined(separator: ", ")))\n")
            }
        }
        for (reason, count) in outcome.skipped.sorted(by: { $0.key < $1.key }) {
            Terminal.write("  not imported: \(count) row\(count == 1 ? "" : "s") \(reason)\n")
        }
    }
}
