import ArgumentParser
import CodingQuality
import ConsultIngest
import ConsultReport
import ConsultStore
import ConsultationModel
import Foundation

extension Consult {
    struct Demo: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "The whole main job on the synthetic sample: load, import, code, print the theme table, write the chapter.",
            discussion: "Idempotent: running it again imports nothing twice and gives the same counts."
        )
        @Option(help: "Directory for the chapter.") var out = "out"

        func run() throws {
            let surveys = try ProjectFiles.surveys()
            let sample = (surveys as NSString).appendingPathComponent("sample")
            let store = try DatabaseAccess.open()
            let summary = try store.load(try ConsultationLoader.load(directory: surveys))
            Terminal.write("loaded \(summary.consultation): \(summary.instruments.joined(separator: ", ")); codebook \(summary.codebookVersion)\n")
            let pseudonymiser = try DatabaseAccess.pseudonymiser()
            let options = ImportOptions(importedBy: ImportReport.user)
            let responses = ResponseImporter(store: store, pseudonymiser: pseudonymiser)
            for (file, survey) in [("community-responses.csv", "community"), ("partner-responses.csv", "partner")] {
                ImportReport.print(try responses.importFile((sample as NSString).appendingPathComponent(file), survey: survey, options: options))
            }
            let notes = NotesImporter(store: store, pseudonymiser: pseudonymiser)
            try notes.importNotes([(sample as NSString).appendingPathComponent("focus-groups")], survey: "focus_groups", options: options)
                .forEach(ImportReport.print)
            try store.markSyntheticSample()
            let labelsFile = (sample as NSString).appendingPathComponent("generator-labels.csv")
            let labels = try LabelImport.store(try GeneratorLabelsFile.read(path: labelsFile), file: labelsFile, into: store)
            let coding = try AutoCodingRunner.run(store: store)
            Terminal.write("coded \(coding.segments) segments: \(coding.codings) codings (generator labels kept apart: \(labels.stored))\n\n")
            Terminal.write(QueryTables.themeTable(try store.themeCounts(by: nil, filter: SegmentFilter(), minimumCell: 10), by: nil).render(.table))
            let chapter = try ChapterWriter.write(store: store, directory: out, minimumCell: 10,
                                                  request: ChapterRequest(formats: [.markdown, .html], docx: false),
                                                  templates: (surveys as NSString).appendingPathComponent("templates"))
            Terminal.write("\n" + chapter.paths.map { "wrote \($0)\n" }.joined())
        }
    }
}
