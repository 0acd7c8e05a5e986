import Testing
import SyntheticSample

/// The CSV files match the instruments: header, row counts, ids, dates, modes and every closed
/// value. Expected lists are written out here from the YAML files on purpose, so a change to an
/// instrument must be made in both places.
@Suite struct CSVFormatTests {
    static let communityHeader = [
        "response_id", "submitted_at", "mode", "aware", "what_is", "understanding", "sources", "sources_detail", "trust",
        "concerns", "other_tools", "help", "age_band", "gender", "ethnicity", "borough", "consent_quote",
    ]
    static let partnerHeader = [
        "response_id", "submitted_at", "mode", "sector", "familiarity", "briefed", "purpose", "sharing", "confidence",
        "other_tools", "help", "borough", "consent_quote",
    ]
    static let boroughs: Set<String> = Set((1...33).map { "E090000" + ($0 < 10 ? "0" : "") + String($0) })
        .union(["outside_london", "prefer_not_to_say"])
    static let ethnicity: Set<String> = [
        "white_british", "white_irish", "white_gypsy_traveller", "white_other", "mixed_white_black_caribbean",
        "mixed_white_black_african", "mixed_white_asian", "mixed_other", "asian_indian", "asian_pakistani", "asian_bangladeshi",
        "asian_chinese", "asian_other", "black_african", "black_caribbean", "black_other", "other_arab", "other_any", "prefer_not_to_say",
    ]
    static let likert: Set<String> = ["1", "2", "3", "4", "5"]
    static let sources: Set<String> = [
        "police", "news", "social_media", "campaign_report", "friends_family", "community_group", "school_college",
        "youth_service", "council", "other", "none",
    ]
    static let communityClosed: [String: Set<String>] = [
        "mode": ["online", "paper"],
        "aware": ["yes", "no", "not_sure"], "understanding": likert, "trust": likert,
        "age_band": ["16-17", "18-24", "25-34", "35-44", "45-54", "55-64", "65+", "prefer_not_to_say"],
        "gender": ["woman", "man", "non_binary", "self_describe", "prefer_not_to_say"],
        "ethnicity": ethnicity, "borough": boroughs, "consent_quote": ["yes", "no"],
    ]
    static let partnerClosed: [String: Set<String>] = [
        "mode": ["online", "paper"],
        "sector": ["police", "local_authority", "youth_service", "education", "housing", "health", "voluntary", "other"],
        "familiarity": likert, "briefed": ["yes", "no", "not_sure"], "confidence": likert,
        "borough": boroughs, "consent_quote": ["yes", "no"],
    ]

    @Test func filesParseAsStrictRFC4180() throws {
        #expect(try CSVTestParser.parse(SampleFixtures.communityText).count == 1_501)
        #expect(try CSVTestParser.parse(SampleFixtures.partnerText).count == 301)
        #expect(!SampleFixtures.communityText.contains("\r"))
        #expect(SampleFixtures.communityText.hasSuffix("\n"))
    }

    @Test func headersMatchInstruments() {
        #expect(SampleFixtures.community.first == Self.communityHeader)
        #expect(SampleFixtures.partner.first == Self.partnerHeader)
        #expect(InstrumentColumns.community == Self.communityHeader)
        #expect(InstrumentColumns.partner == Self.partnerHeader)
    }

    @Test func everyRecordHasEveryColumn() {
        #expect(SampleFixtures.community.allSatisfy { $0.count == Self.communityHeader.count })
        #expect(SampleFixtures.partner.allSatisfy { $0.count == Self.partnerHeader.count })
    }

    @Test(arguments: [0, 1, 7, 250])
    func rowCountIsExact(count: Int) throws {
        var out = ""
        SampleGenerator(seed: 11).writeCommunityCSV(count: count, to: &out)
        #expect(try CSVTestParser.parse(out).count == count + 1)
        var partner = ""
        SampleGenerator(seed: 11).writePartnerCSV(count: count, to: &partner)
        #expect(try CSVTestParser.parse(partner).count == count + 1)
    }

    @Test func responseIDsAreStableAndUnique() {
        let ids = SampleFixtures.rows(SampleFixtures.community).map { $0["response_id"] ?? "" }
        #expect(ids.first == "C-000001")
        #expect(ids.last == "C-001500")
        #expect(Set(ids).count == ids.count)
        let partnerIDs = SampleFixtures.rows(SampleFixtures.partner).map { $0["response_id"] ?? "" }
        #expect(partnerIDs.first == "P-000001")
        #expect(partnerIDs.last == "P-000300")
    }

    @Test func submittedAtIsISO8601InsideTheWindow() {
        for row in SampleFixtures.rows(SampleFixtures.community) + SampleFixtures.rows(SampleFixtures.partner) {
            let value = row["submitted_at"] ?? ""
            #expect(value.utf8.count == 20 && value.hasSuffix("Z") && value.hasPrefix("2018-"), "\(value)")
            let month = Int(value.dropFirst(5).prefix(2)) ?? 0
            let day = Int(value.dropFirst(8).prefix(2)) ?? 0
            let hour = Int(value.dropFirst(11).prefix(2)) ?? 99
            #expect((8...11).contains(month) && (1...31).contains(day) && hour < 24, "\(value)")
            #expect(value.dropFirst(10).first == "T")
        }
    }

    @Test func closedAnswersAreOptionValuesOrBlank() {
        for row in SampleFixtures.rows(SampleFixtures.community) {
            for (column, allowed) in Self.communityClosed {
                let value = row[column] ?? ""
                #expect(value.isEmpty || allowed.contains(value), "\(column)=\(value)")
            }
            let ticked = (row["sources"] ?? "").split(separator: ";").map(String.init)
            #expect(ticked.allSatisfy(Self.sources.contains))
            #expect(Set(ticked).count == ticked.count)
            #expect(!ticked.contains("none") || ticked == ["none"], "none ticked with other sources")
        }
        for row in SampleFixtures.rows(SampleFixtures.partner) {
            for (column, allowed) in Self.partnerClosed {
                let value = row[column] ?? ""
                #expect(value.isEmpty || allowed.contains(value), "\(column)=\(value)")
            }
        }
    }

    /// The awkward things real exports contain are all present, and survive quoting.
    @Test func edgeCasesArePresent() {
        let text = SampleFixtures.communityText
        let answers = SampleFixtures.communityAnswers + SampleFixtures.partnerAnswers
        let escapedQuote = text.contains("\"\"")
        #expect(escapedQuote, "no escaped double quote")
        #expect(answers.contains { $0.contains("\n") }, "no line break inside a field")
        #expect(answers.contains { $0.contains(",") })
        #expect(answers.contains { $0.contains("\u{2019}") }, "no curly apostrophe")
        #expect(answers.contains { $0.unicodeScalars.contains { $0.properties.isEmojiPresentation } }, "no emoji")
        #expect(answers.contains { $0.hasSuffix(" ") }, "no trailing space")
    }
}
