import Foundation
import Testing
@testable import SyntheticSample

/// The generator's theme labels: they name real, non-empty segments the way the importers do, use
/// the codebook's core ids, survive spelling and decoration, and follow the codebook's conventions.
@Suite struct GeneratorLabelTests {
    /// Label records of the default sample (header first), built the way `SampleSet` writes them.
    static let records: [[String]] = {
        var text = GeneratorLabelLines.header
        var csv = ""
        SampleFixtures.generator.writeCommunityCSV(count: SampleGenerator.defaultCommunityCount, to: &csv, labels: &text)
        SampleFixtures.generator.writePartnerCSV(count: SampleGenerator.defaultPartnerCount, to: &csv, labels: &text)
        for transcript in SampleFixtures.transcripts { text += transcript.labels }
        return (try? CSVTestParser.parse(text)) ?? []
    }()

    static var labels: ArraySlice<[String]> { records.dropFirst() }

    @Test func headerAndColumns() {
        #expect(Self.records.first == ["survey", "respondent", "question", "position", "theme"])
        #expect(Self.labels.count > 5_000)
        #expect(Self.labels.allSatisfy { $0.count == 5 })
    }

    @Test func themesAreTheCodebooksCoreIDs() throws {
        let codebook = try String(contentsOf: CommittedSampleTests.sampleDirectory
            .deletingLastPathComponent().appendingPathComponent("codebook.yaml"), encoding: .utf8)
        // Themes are the top-level list items ("  - id: fairness.racial"); rules sit deeper.
        let ids = codebook.split(separator: "\n").filter { $0.hasPrefix("  - id: ") }.map { String($0.dropFirst(8)) }
        #expect(Set(Theme.allCases.map(\.rawValue)) == Set(ids.filter { $0.split(separator: ".").count == 2 }))
        #expect(Set(Self.labels.map { $0[4] }) == Set(Theme.allCases.map(\.rawValue)), "every core theme occurs in the sample")
    }

    @Test func surveyLabelsNameNonEmptyFreeTextAnswers() {
        let community = Dictionary(uniqueKeysWithValues: SampleFixtures.rows(SampleFixtures.community).map { ($0["response_id"] ?? "", $0) })
        let partner = Dictionary(uniqueKeysWithValues: SampleFixtures.rows(SampleFixtures.partner).map { ($0["response_id"] ?? "", $0) })
        for label in Self.labels where label[0] != "focus_groups" {
            let (rows, columns) = label[0] == "community" ? (community, SampleFixtures.communityTextColumns) : (partner, SampleFixtures.partnerTextColumns)
            #expect(label[0] == "community" || label[0] == "partner")
            #expect(columns.contains(label[2]), "\(label)")
            #expect(label[3] == "1", "\(label)")
            let answer = rows[label[1]]?[label[2]] ?? ""
            #expect(!answer.isEmpty, "\(label) names a blank answer")
        }
    }

    @Test func focusGroupLabelsNameParticipantTurnsByNumber() throws {
        var speakers: [String: [String]] = [:]
        for transcript in SampleFixtures.transcripts {
            let parsed = try #require(TranscriptTests.split(transcript.markdown))
            speakers[parsed.fields["session"] ?? ""] = parsed.body.compactMap(TranscriptTests.speaker)
        }
        let turns = Self.labels.filter { $0[0] == "focus_groups" }
        #expect(!turns.isEmpty)
        for label in turns {
            let number = try #require(Int(label[3]))
            let session = try #require(speakers[label[2]], "\(label)")
            #expect(label[1] == label[2] + "/" + session[number - 1], "\(label)")
        }
    }

    /// Spelling, case, apostrophes, lead-ins and sign-offs change the text, never its themes.
    @Test func styleAndFramingKeepThemes() {
        var styles = [WritingStyle(voice: .plain)]
        var messy = WritingStyle(voice: .plain)
        messy.misspells = true
        messy.textspeak = true
        messy.lowercase = true
        messy.apostrophes = .curly
        messy.typoRate = 1
        styles.append(messy)
        for (seed, style) in zip([1, 2] as [UInt64], styles) {
            var rng = SeededRandom(seed: seed, stream: 0, index: 0)
            var composer = TextComposer(style: style, borough: Array("Lambeth".utf8))
            composer.lead(CommunityFramingPhrases.leads, &rng)
            composer.add(CommunityConcernPhrases.age[0], &rng)
            composer.add(CommunityConcernPhrases.rights[0], &rng)
            composer.close(CommunityFramingPhrases.closers, &rng)
            let coded = composer.finish(&rng)
            #expect(coded.themes.themes.contains(.age) && coded.themes.themes.contains(.rights), "\(coded.text)")
            #expect(coded.themes.themes.allSatisfy { [.age, .rights].contains($0) }, "\(coded.text)")
        }
    }

    /// The themes of the phrase written as `source` in `pools`.
    private func themes(_ source: String, _ pools: [Phrases]) -> [Theme]? {
        pools.lazy.flatMap { $0.youth + $0.plain + $0.older + $0.esol }.first { $0.source == source }?.themes.themes
    }

    /// The coding conventions of CODEBOOK.md, on the phrases that test them.
    @Test func labelsFollowTheCodingConventions() {
        #expect(themes("Isn't that the list for people on tags?", CommunityWhatIsPhrases.guess) == [.unaware])
        #expect(themes("Oh yes it's made the estate so much safer, you can tell", CommunityConcernPhrases.ineffective) == [.negative])
        #expect(themes("The school has no business knowing", CommunityConcernPhrases.sharing) == [.sharing])
        #expect(themes("It's racist", CommunityConcernPhrases.racial) == [.racial])
        #expect(themes("Don't know", CommunityWhatIsPhrases.unaware) == [.unaware])
        #expect(themes("Don't know", CommunityHelpPhrases.unsure) == [])
        #expect(themes("How do you get off it?", CommunityConcernPhrases.challenge) == [.criteriaUnclear])
        #expect(themes("An officer told my {kin} he was on it when they stopped him {spot}", CommunitySourcePhrases.police)
            == [.aware, .infoPolice, .enforcement])
        #expect(themes("I sit on the panel, so I see the names", [FocusGroupParticipantLines.awareness.practitioners]) == [.aware, .sharing])
    }
}
