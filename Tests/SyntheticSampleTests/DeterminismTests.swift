import Testing
@testable import SyntheticSample

/// Same seed, same bytes; different seed, different bytes; row i does not depend on the row count.
@Suite struct DeterminismTests {
    private func community(_ seed: UInt64, _ count: Int) -> String {
        var out = ""
        SampleGenerator(seed: seed).writeCommunityCSV(count: count, to: &out)
        return out
    }

    private func partner(_ seed: UInt64, _ count: Int) -> String {
        var out = ""
        SampleGenerator(seed: seed).writePartnerCSV(count: count, to: &out)
        return out
    }

    @Test func sameSeedGivesIdenticalBytes() {
        #expect(community(2018, 400) == community(2018, 400))
        #expect(community(7, 300) == community(7, 300))
        #expect(partner(7, 200) == partner(7, 200))
        let a = SampleGenerator(seed: 7).focusGroupTranscripts(count: 8)
        let b = SampleGenerator(seed: 7).focusGroupTranscripts(count: 8)
        #expect(a.map(\.markdown) == b.map(\.markdown))
        #expect(a.map(\.fileName) == b.map(\.fileName))
    }

    @Test func differentSeedsGiveDifferentData() {
        #expect(community(1, 200) != community(2, 200))
        #expect(partner(1, 100) != partner(2, 100))
        #expect(SampleGenerator(seed: 1).focusGroupTranscripts(count: 2).map(\.markdown)
            != SampleGenerator(seed: 2).focusGroupTranscripts(count: 2).map(\.markdown))
    }

    @Test(arguments: [(1_500, 4_000), (10, 1_500), (0, 5)])
    func shortFileIsPrefixOfLongFile(short: Int, long: Int) {
        #expect(community(SampleGenerator.defaultSeed, long).hasPrefix(community(SampleGenerator.defaultSeed, short)))
        #expect(partner(SampleGenerator.defaultSeed, long).hasPrefix(partner(SampleGenerator.defaultSeed, short)))
    }

    @Test func defaultFileEqualsPrefixOfBenchmarkSizedStream() {
        #expect(community(SampleGenerator.defaultSeed, 1_500) == SampleFixtures.communityText)
        #expect(SampleGenerator(seed: 2018).communityRow(1_234) == SampleGenerator(seed: 2018).communityRow(1_234))
        #expect(SampleGenerator(seed: 2018).communityRow(999_999).line.hasPrefix("C-1000000,"))
    }

    /// Streaming: each write is one record, so memory does not grow with the row count.
    @Test func writesOneRecordAtATime() {
        struct Probe: TextOutputStream {
            var writes = 0
            var largest = 0
            mutating func write(_ string: String) {
                writes += 1
                largest = max(largest, string.utf8.count)
            }
        }
        var probe = Probe()
        SampleGenerator(seed: 3).writeCommunityCSV(count: 5_000, to: &probe)
        #expect(probe.writes == 5_001)
        #expect(probe.largest < 8_000)
    }
}
