import Foundation
import Testing
@testable import SyntheticSample

/// The committed sample under `surveys/sample/` is exactly what the default command writes, labels
/// included: adding theme labels to the generator must not change a byte of the text it generates.
@Suite struct CommittedSampleTests {
    static let sampleDirectory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("surveys/sample")

    static func committed(_ name: String) throws -> Data {
        try Data(contentsOf: sampleDirectory.appendingPathComponent(name))
    }

    @Test func surveyFilesEqualCommittedFiles() throws {
        #expect(Data(SampleFixtures.communityText.utf8) == (try Self.committed("community-responses.csv")))
        #expect(Data(SampleFixtures.partnerText.utf8) == (try Self.committed("partner-responses.csv")))
    }

    @Test func transcriptsEqualCommittedFiles() throws {
        for transcript in SampleFixtures.transcripts {
            #expect(Data(transcript.markdown.utf8) == (try Self.committed("focus-groups/" + transcript.fileName)), "\(transcript.fileName)")
        }
    }

    @Test func writtenSetEqualsCommittedSet() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("sample-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        try SampleSet.write(to: directory)
        let names = ["community-responses.csv", "partner-responses.csv", "generator-labels.csv", "README.md"]
            + SampleFixtures.transcripts.map { "focus-groups/" + $0.fileName }
        for name in names {
            #expect((try Data(contentsOf: directory.appendingPathComponent(name))) == (try Self.committed(name)), "\(name)")
        }
    }
}
