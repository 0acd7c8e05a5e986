import ArgumentParser
import ConsultIngest
import ConsultReport
import ConsultationModel
import FileReading
import Foundation
import SurveyExports

/// `--delimiter` and `--sheet`, shared by `import responses` and `import inspect`.
struct TabularOptions: ParsableArguments {
    @Option(help: "Field separator of a delimited file: , ; tab or | (default: detected).") var delimiter: String?
    @Option(help: "Worksheet of an .xlsx file (default: the first).") var sheet: String?

    func apply(to options: inout ImportOptions) throws {
        if let delimiter {
            guard let byte = CSVDialect.delimiter(named: delimiter) else {
                throw CommandFailure("--delimiter '\(delimiter)' is not one of , ; tab |")
            }
            options.delimiter = byte
        }
        options.sheet = sheet
    }
}

extension Consult.Import {
    struct Inspect: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show what an export is (tool, dialect, encoding, header rows) and what each column maps to; writes nothing to the database.",
            discussion: """
                With --survey, each column is matched as `import responses` would: question, option, attribute, \
                dropped as personal data, dropped, or unmatched. --write-mapping writes a mapping file to edit, with \
                every unmatched column as a line to fill in.
                """
        )
        @Argument(help: "The export file (CSV or .xlsx).") var file: String
        @Option(help: "The survey id the file answers, to match its columns (read from the surveys/ folder).") var survey: String?
        @Option(help: "Header mapping to apply (as for import responses).") var mapping: String?
        @Option(help: "Write a mapping file (YAML) to edit.") var writeMapping: String?
        @Option(help: "csv or xlsx (default: from the file extension).") var inputFormat: InputFormat?
        @OptionGroup var tabular: TabularOptions
        @OptionGroup var output: FormatOption

        func run() throws {
            var options = ImportOptions(importedBy: ImportReport.user, mapping: try mapping.map(Consult.Import.Responses.readMapping) ?? .none,
                                        format: inputFormat)
            try tabular.apply(to: &options)
            let instrument = try survey.map { id -> Instrument in
                let consultation = try ConsultationLoader.load(directory: ProjectFiles.surveys())
                guard let found = consultation.instruments.first(where: { $0.id == id }) else {
                    throw CommandFailure("no survey '\(id)' in surveys/ (there are \(consultation.instruments.map(\.id).joined(separator: ", ")))")
                }
                return found
            }
            let inspection = try ExportInspection(path: file, options: options, instrument: instrument)
            // What was detected goes to stderr, so that stdout stays the table (or JSON) a script reads.
            FileHandle.standardError.write(Data("\(file): \(inspection.reading); encoding \(inspection.encoding); \(inspection.headerRows) header row\(inspection.headerRows == 1 ? "" : "s")\n".utf8))
            output.print(ResultTable(
                columns: ["column", "header", "maps_to"],
                rows: inspection.columns.map { [.int($0.number), .text($0.header), .text($0.target)] }))
            if let writeMapping {
                do {
                    try inspection.mappingYAML.write(toFile: writeMapping, atomically: true, encoding: .utf8)
                } catch {
                    throw CommandFailure("\(writeMapping): cannot write the mapping file (\(error.localizedDescription))")
                }
            }
        }
    }
}
