import Foundation
import Testing
@testable import SyntheticSample

/// The committed sample under `surveys/sample/` is exactly what the default command writes: adding
/// theme labels to the generator must not change a byte of the text it generates.
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
}
