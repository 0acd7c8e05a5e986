import ArgumentParser
import ConsultationModel
import Foundation
import QDAExchange

extension Consult {
    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Export material for other tools (no database needed).",
            subcommands: [CodebookQDC.self]
        )

        struct CodebookQDC: ParsableCommand {
            static let configuration = CommandConfiguration(
                commandName: "codebook",
                abstract: "Write the codebook as a REFI-QDA codebook (.qdc) for NVivo, ATLAS.ti, MAXQDA or QualCoder.",
                discussion: """
                    Each theme becomes a code nested under its parent; its description starts with a \
                    'consult-id:' line. Keep that line so `consult import codebook` can bring the theme's rules back.
                    """
            )
            @Option(help: "Export format (qdc: REFI-QDA codebook).") var format: CodebookFormat
            @Option(help: "The .qdc file to write.") var out: String
            @Option(help: "The codebook YAML file (default: the one surveys/consultation.yaml names).") var codebook: String?

            func run() throws {
                let path = try CodebookFiles.path(codebook)
                let parsed = try Codebook.parse(yaml: ConsultationLoader.readText(path), file: path)
                try CodebookFiles.write(parsed.qdcXML(), to: out)
                Terminal.write("wrote \(out): \(parsed.themes.count) codes from codebook \(parsed.version)\n")
            }
        }
    }
}

extension Consult.Import {
    struct CodebookQDC: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "codebook",
            abstract: "Turn a .qdc code tree edited in a QDA tool into a new codebook YAML file (no database needed).",
            discussion: """
                Themes whose id is still there keep their rules; new codes become themes without rules; \
                codes removed in the tool are removed. Check the result, then run `consult survey load`.
                """
        )
        @Argument(help: "The .qdc file.") var file: String
        @Option(help: "The codebook YAML file to write.") var out: String
        @Option(help: "The current codebook YAML file (default: the one surveys/consultation.yaml names).") var codebook: String?

        func run() throws {
            let path = try CodebookFiles.path(codebook)
            let current = try ConsultationLoader.readText(path)
            guard let data = FileManager.default.contents(atPath: file) else {
                throw CommandFailure("\(file): no such file, or it cannot be read")
            }
            let merge = try CodebookMerge.importing(
                try QDCCodebook.parse(data, file: file), qdcFile: file, currentYAML: current, file: path, output: out)
            try CodebookFiles.write(merge.yaml, to: out)
            Terminal.write("wrote \(out): \(merge.codebook.themes.count) themes (\(merge.kept.count) kept, \(merge.added.count) new, \(merge.removed.count) removed)\n")
            for id in merge.added { Terminal.write("  new      \(id) (no rules)\n") }
            for id in merge.removed { Terminal.write("  removed  \(id)\n") }
            if merge.changed {
                Terminal.note("note: the codebook changed; give it a new `version` before `consult survey load` if codings use \(merge.codebook.version)")
            }
        }
    }
}

/// The one codebook exchange format.
enum CodebookFormat: String, ExpressibleByArgument, CaseIterable {
    case qdc
}

/// Finding and writing codebook files for the exchange commands.
enum CodebookFiles {
    /// `explicit`, or the codebook the project's `surveys/consultation.yaml` names.
    static func path(_ explicit: String?) throws -> String {
        if let explicit { return explicit }
        return try ConsultationLoader.codebookPath(directory: ProjectFiles.surveys())
    }

    /// Writes `text` as UTF-8, replacing the file in one step.
    static func write(_ text: String, to path: String) throws {
        do {
            try Data(text.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            throw CommandFailure("\(path): cannot write (\(error.localizedDescription))")
        }
    }
}
