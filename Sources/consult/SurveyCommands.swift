import ArgumentParser
import ConsultStore
import ConsultationModel
import FileReading
import Foundation

extension Consult {
    struct Survey: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check and load the consultation's instruments and codebook.",
            subcommands: [Validate.self, Load.self]
        )

        struct Validate: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Check consultation, instrument and codebook files (no database needed).",
                discussion: "A consultation.yaml is checked with every file it names; an instrument is checked with the option-sets.yaml beside it."
            )
            @Argument(help: "Files or directories to check (default: surveys/).")
            var paths: [String] = []

            func run() throws {
                let targets = paths.isEmpty ? [try ProjectFiles.surveys()] : paths
                for path in targets {
                    let result = try SurveyValidation.check(path)
                    Terminal.write("ok  \(result.summary)\n")
                    for warning in result.warnings { Terminal.note("warning: \(warning)") }
                }
            }
        }

        struct Load: ParsableCommand {
            static let configuration = CommandConfiguration(abstract: "Load the consultation, its instruments and codebook into the database.")
            @Argument(help: "The consultation directory holding consultation.yaml (default: surveys/).")
            var directory: String?

            func run() throws {
                let consultation = try ConsultationLoader.load(directory: directory ?? ProjectFiles.surveys())
                let summary = try DatabaseAccess.open().load(consultation)
                Terminal.write("loaded \(summary.consultation): instruments \(summary.instruments.joined(separator: ", ")); codebook \(summary.codebookVersion) (\(summary.themes) themes)\n")
            }
        }
    }
}

/// `survey validate`: what kind of file a path is decides how it is checked.
enum SurveyValidation {
    /// Checks one path and returns a one-line summary with the codebook's advisory warnings
    /// (``CodebookReview``); throws the first problem found.
    static func check(_ path: String) throws -> (summary: String, warnings: [CodebookError]) {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw SurveyFileError(file: path, message: "no such file or directory")
        }
        if isDirectory.boolValue {
            let consultation = try ConsultationLoader.load(directory: path)
            let codebookPath = try ConsultationLoader.codebookPath(directory: path)
            let review = try Codebook.review(yaml: consultation.codebookText, file: codebookPath)
            return ("\(path): consultation '\(consultation.id)', \(consultation.instruments.count) instruments, codebook \(consultation.codebook.version) with \(consultation.codebook.themes.count) themes", review.warnings)
        }
        let text = try ConsultationLoader.readText(path)
        let name = (path as NSString).lastPathComponent
        if name == "consultation.yaml" {
            return try check((path as NSString).deletingLastPathComponent.isEmpty ? "." : (path as NSString).deletingLastPathComponent)
        }
        if text.range(of: "\nthemes:") != nil || text.hasPrefix("themes:") {
            let review = try Codebook.review(yaml: text, file: path)
            let codebook = review.codebook
            return ("\(path): codebook \(codebook.version), \(codebook.themes.count) themes, \(codebook.rules.count) rules", review.warnings)
        }
        let optionSetsPath = ((path as NSString).deletingLastPathComponent as NSString).appendingPathComponent("option-sets.yaml")
        if name == "option-sets.yaml" {
            let sets = try InstrumentParser.optionSets(yaml: text, file: path)
            return ("\(path): \(sets.count) option sets", [])
        }
        let sets = FileManager.default.fileExists(atPath: optionSetsPath)
            ? try InstrumentParser.optionSets(yaml: ConsultationLoader.readText(optionSetsPath), file: optionSetsPath) : [:]
        let instrument = try InstrumentParser.instrument(yaml: text, file: path, optionSets: sets)
        return ("\(path): \(instrument.kind.rawValue) '\(instrument.id)', \(instrument.questions.count) questions", [])
    }
}
