import SyntheticSample

/// The default sample set, generated once and shared by the tests.
enum SampleFixtures {
    static let generator = SampleGenerator(seed: SampleGenerator.defaultSeed)

    static let communityText: String = {
        var out = ""
        generator.writeCommunityCSV(count: SampleGenerator.defaultCommunityCount, to: &out)
        return out
    }()

    static let partnerText: String = {
        var out = ""
        generator.writePartnerCSV(count: SampleGenerator.defaultPartnerCount, to: &out)
        return out
    }()

    // The parser is tested on these very files; a parse failure here fails the CSV format tests.
    static let community: [[String]] = (try? CSVTestParser.parse(communityText)) ?? []
    static let partner: [[String]] = (try? CSVTestParser.parse(partnerText)) ?? []

    static let transcripts = generator.focusGroupTranscripts(count: SampleGenerator.defaultFocusGroupCount)

    /// Rows as dictionaries keyed by header name (header excluded).
    static func rows(_ records: [[String]]) -> [[String: String]] {
        guard let header = records.first else { return [] }
        return records.dropFirst().map { Dictionary(uniqueKeysWithValues: zip(header, $0)) }
    }

    static let communityTextColumns = ["what_is", "sources_detail", "concerns", "other_tools", "help"]
    static let partnerTextColumns = ["purpose", "sharing", "other_tools", "help"]

    /// Every free-text cell of the community file, blanks included.
    static let communityAnswers: [String] = rows(community).flatMap { row in communityTextColumns.map { row[$0] ?? "" } }
    static let partnerAnswers: [String] = rows(partner).flatMap { row in partnerTextColumns.map { row[$0] ?? "" } }
}
