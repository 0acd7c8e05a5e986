import ArgumentParser
import ConsultCoding
import ConsultStore

extension Consult {
    struct Code: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Code segments against the codebook.", subcommands: [Auto.self])

        struct Auto: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Apply the current codebook's rules to every segment (replaces earlier rule codings; rerunning gives the same result)."
            )
            func run() throws {
                let summary = try AutoCodingRunner.run(store: try DatabaseAccess.open())
                Terminal.write("coded \(summary.segments) segments with codebook \(summary.codebookVersion): \(summary.codings) codings on \(summary.codedSegments) segments\n")
            }
        }
    }
}

/// Runs automatic coding with terminal progress (shared by `code auto` and the demo).
enum AutoCodingRunner {
    static func run(store: Store) throws -> AutoCoding.Summary {
        defer { Terminal.endProgress() }
        return try AutoCoding.run(store: store) { done in Terminal.progress("coding: \(done) segments") }
    }
}
