import ConsultationModel
import Digests
import FileReading
import Foundation
import RuleCoding
import TestSupport
import Testing

/// Pins every decision of the rule coder on a large, varied corpus: the digest of all (text index,
/// theme, rule, span, evidence) lines must equal the one recorded from the coder before it was
/// optimised. A speed-up may change how the coder searches, never what it finds. A codebook or
/// rule-semantics change moves the digest on purpose: record the new one printed here, after the
/// held-out and convention tests pass, and say so in the commit.
@Suite struct AutoCoderGoldenTests {
    /// Recorded with codebook 2018.3 (second recall pass, from training sets 3 and 4).
    static let projectDigest = "206d33305edc6ba7114ba1d14265d1142b18ace9e509874fdd887a49b2ed9da8"
    /// The same for the real-data corpus (read in place from `../shared/realdata/`, never copied).
    static let realDataDigest = "8fb6d0925f347a95c3b9a64f029cc4511bde2f9ed7ea1571f3796529283a48cd"

    static let coder: AutoCoder = {
        let yaml = try! ConsultationLoader.readText(ProjectRoot.path("surveys/codebook.yaml"))
        return try! AutoCoder(codebook: try! Codebook.parse(yaml: yaml, file: "codebook.yaml"))
    }()

    /// Every cell of the sample CSVs, the held-out answers, and every line of the sample
    /// focus-group transcripts, in a fixed order.
    static func projectTexts() throws -> [String] {
        var texts: [String] = []
        for file in ["surveys/evaluation/heldout-gold.csv", "surveys/evaluation/heldout-gold-2.csv",
                     "surveys/sample/community-responses.csv", "surveys/sample/partner-responses.csv"] {
            texts += try cells(of: ProjectRoot.path(file))
        }
        let folder = ProjectRoot.path("surveys/sample/focus-groups")
        for name in try FileManager.default.contentsOfDirectory(atPath: folder).filter({ $0.hasSuffix(".md") }).sorted() {
            let markdown = try String(contentsOfFile: folder + "/" + name, encoding: .utf8)
            texts += markdown.split(separator: "\n").map(String.init)
        }
        return texts
    }

    /// Polis comments and the NaPiRE free-text exports that are valid UTF-8; empty where absent.
    static func realDataTexts() throws -> [String] {
        var texts: [String] = []
        if let polis = ProjectRoot.shared("realdata/polis-london-youth-policing/comments.csv") {
            texts += try cells(of: polis.path)
        }
        if let folder = ProjectRoot.shared("realdata/napire2018/freetext_coded") {
            for name in try FileManager.default.contentsOfDirectory(atPath: folder.path).filter({ $0.hasSuffix(".csv") }).sorted() {
                let bytes = [UInt8](try Data(contentsOf: folder.appendingPathComponent(name)))
                guard String(validating: bytes, as: UTF8.self) != nil else { continue }
                var reader = CSVReader(bytes: bytes, name: name)
                while let record = try? reader.next() { texts += record.fields }
            }
        }
        return texts
    }

    private static func cells(of path: String) throws -> [String] {
        var reader = try CSVReader(path: path)
        var texts: [String] = []
        while let record = try reader.next() { texts += record.fields }
        return texts
    }

    /// SHA-256 of one line per match: text index, theme, rule, start, end and evidence.
    static func digest(_ texts: [String]) -> (matches: Int, hex: String) {
        var lines = ""
        var matches = 0
        for (index, text) in texts.enumerated() {
            for match in coder.code(text) {
                lines += "\(index)\t\(match.themeID)\t\(match.ruleID)\t\(match.start)\t\(match.end)\t\(match.matched)\n"
                matches += 1
            }
        }
        return (matches, sha256Hex(of: Array(lines.utf8)))
    }

    @Test func projectCorpusCodesAsBefore() throws {
        let texts = try Self.projectTexts()
        let result = Self.digest(texts)
        print("golden project corpus: \(texts.count) texts, \(result.matches) matches, \(result.hex)")
        #expect(result.hex == Self.projectDigest)
    }

    @Test(.enabled(if: ProjectRoot.shared("realdata") != nil)) func realDataCodesAsBefore() throws {
        let texts = try Self.realDataTexts()
        let result = Self.digest(texts)
        print("golden real-data corpus: \(texts.count) texts, \(result.matches) matches, \(result.hex)")
        #expect(result.hex == Self.realDataDigest)
    }
}
