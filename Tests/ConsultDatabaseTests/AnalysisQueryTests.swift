import ConsultIngest
import ConsultReport
import ConsultStore
import Foundation
import PopulationWeighting
import Testing

/// The analysis queries behind `cooccurrence`, `questions --weighted` and `crosstab` on the database.
@Suite struct AnalysisQueryTests {
    @Test func cooccurrenceIsSymmetricInCountsAndFollowsTheFinalCoding() throws {
        let small = try SmallConsultation()
        let store = small.store
        let segment = try small.segmentIDs(of: "T-2")[0]
        _ = try store.recordDecisions([CodingDecision(segment: segment, theme: "trust.low", coder: "alice"),
                                       CodingDecision(segment: segment, theme: "data.rights", coder: "alice")], source: nil)
        let pairs = try store.themeCooccurrence(survey: "community", coder: nil, minimumCell: 1)
        let pair = try #require(pairs.first { $0.first == "trust.low" && $0.second == "data.rights" })
        let back = try #require(pairs.first { $0.first == "data.rights" && $0.second == "trust.low" })
        #expect(pair.respondents == back.respondents && (pair.respondents ?? 0) >= 1)
        #expect(try store.themeCooccurrence(survey: "community", coder: "rules", minimumCell: 1)
            .allSatisfy { !($0.first == "trust.low" && $0.second == "data.rights") })
        #expect(try store.themeCooccurrence(survey: nil, coder: nil, minimumCell: 100).allSatisfy { $0.suppressed && $0.respondents == nil })
    }

    @Test func weightingCountsComeFromTheProfiles() throws {
        let small = try SmallConsultation()
        // A fourth respondent with free text only: no closed answer, no profile, in the cell with no values.
        try small.importRows(["T-4,,online,,just words,,,,,,,,,,,,"], name: "words.csv")
        let counts = try small.store.weightingCounts(survey: "community", fields: ["age_band", "ethnicity_group"], questions: ["sources", "aware"])
        #expect(counts.cells.map(\.units).reduce(0, +) == 4)
        #expect(counts.cells.map { $0.values["ethnicity_group"] ?? "-" }.sorted() == ["-", "Black", "Mixed"])
        let empty = try #require(counts.cells.first { $0.values.isEmpty })
        #expect(empty.units == 2)
        let black = try #require(counts.cells.firstIndex { $0.values == ["age_band": "18-24", "ethnicity_group": "Black"] })
        #expect(counts.counts.filter { $0.cell == black && $0.question == "sources" }.map { $0.option ?? "(answered)" }.sorted() == ["(answered)", "news", "police"])
        #expect(counts.counts.filter { $0.question == "aware" && $0.option == nil }.map(\.respondents).reduce(0, +) == 3)
        #expect(counts.counts.allSatisfy { ["sources", "aware"].contains($0.question) && $0.respondents == 1 })
        let weights = try SurveyWeights.rake(cells: counts.cells, margins: PopulationMargins.ethnicGroups(try small.store.consultationOverview().population))
        #expect(weights.raked == 2 && weights.unplaced == 2)
        #expect(abs(zip(weights.weights, counts.cells).reduce(0) { $0 + $1.0 * Double($1.1.units) } - 4) < 1e-9)
        #expect { try small.store.weightingCounts(survey: "nosuch", fields: ["ethnicity_group"], questions: []) } throws: { _ in true }
    }
}

/// The generator's labels as their own coder.
@Suite struct GeneratorLabelTests {
    @Test func labelsLandOnTheirSegmentsAndNeverCount() throws {
        let small = try SmallConsultation()
        let store = small.store
        let segment = try #require(try store.segments(SegmentFilter()).first { $0.text == "never heard of it" })
        let labels = [
            PlacedLabel(survey: "community", pseudonym: small.key("T-2").pseudonym, question: "what_is", position: 1, theme: "awareness.unaware", line: 2),
            PlacedLabel(survey: "community", pseudonym: small.key("T-404").pseudonym, question: "what_is", position: 1, theme: "awareness.aware", line: 3),
        ]
        let before = try store.coderCodings(Store.finalCoder)
        let summary = try store.replaceGeneratorLabels(labels, file: "labels.csv")
        #expect(summary.stored == 1 && summary.unplaced == 1)
        #expect(try store.coderCodings(Store.generatorCoder).themes[segment.segment] == ["awareness.unaware"])
        #expect(try store.codings(coder: Store.generatorCoder).allSatisfy { $0.kind == "generator" })
        #expect(try store.coderCodings(Store.finalCoder) == before)
        // Replacing: a second run stores the same, not twice.
        #expect(try store.replaceGeneratorLabels(labels, file: "labels.csv").stored == 1)
        #expect(try store.codings(coder: Store.generatorCoder).count == 1)
        #expect { try store.replaceGeneratorLabels([PlacedLabel(survey: "community", pseudonym: "x", question: "q", position: 1, theme: "no.such", line: 7)],
                                                   file: "labels.csv") } throws: { "\($0)".contains("labels.csv:7: theme: 'no.such'") }
    }
}

/// Aggregate results worked out at query time (here one coder's theme counts) are cached per data
/// version: a repeated query is read back, any change recounts. The final coding's counts read the
/// tallies kept at write time and need no cache: they follow a change at once.
@Suite struct AggregateCacheTests {
    @Test func repeatedQueriesAreServedFromTheCacheUntilTheDataChange() throws {
        let small = try SmallConsultation()
        let store = small.store
        let rules = SegmentFilter(coder: Store.ruleCoder)
        let first = try store.themeCounts(by: "group", filter: SegmentFilter(), minimumCell: 1)
        let firstOfRules = try store.themeCounts(by: "group", filter: rules, minimumCell: 1)
        #expect(try small.count("SELECT count(*) AS n FROM consult.aggregate_cache WHERE query = 'themes|group|-|rules'") == 1)
        #expect(try store.themeCounts(by: "group", filter: rules, minimumCell: 1) == firstOfRules)
        // Served from the cache: a planted result at the current version is what comes back.
        try store.db.query("""
            UPDATE consult.aggregate_cache SET result = jsonb_set(result, '{0,respondents}', '999')
            WHERE query = 'themes|group|-|rules'
            """)
        #expect(try store.themeCounts(by: "group", filter: rules, minimumCell: 1).first?.respondents == 999)
        // Any change to the data underneath bumps the version: the next query recounts.
        let segment = try small.segmentIDs(of: "T-1")[0]
        _ = try store.recordDecisions([CodingDecision(segment: segment, theme: "trust.low", coder: "alice")], source: nil)
        #expect(try store.themeCounts(by: "group", filter: rules, minimumCell: 1) == firstOfRules)
        let recounted = try store.themeCounts(by: "group", filter: SegmentFilter(), minimumCell: 1)
        #expect(recounted.first { $0.theme == "trust.low" }?.respondents == (first.first { $0.theme == "trust.low" }?.respondents ?? 0) + 1)
        _ = try store.erase([small.key("T-1")])
        #expect(try store.themeCounts(by: "group", filter: SegmentFilter(), minimumCell: 1).first { $0.theme == "trust.low" }?.base == 2)
        let options = try store.optionCounts(survey: "community", question: "aware", by: nil)
        #expect(try store.optionCounts(survey: "community", question: "aware", by: nil) == options)
    }
}

/// A respondent's own name and contact columns: used to redact their free text, never stored.
@Suite struct OwnDetailsImportTests {
    @Test func ownDetailsAreRedactedAndNotStored() throws {
        let small = try SmallConsultation()
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("consult-own-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let path = dir.appendingPathComponent("named.csv").path
        try """
            \(ImportTests.header),name,email
            N-1,2018-09-01,online,yes,"Tunde here, the police said my brother is on it",3,police,,2,Bakare family got letters,,,18-24,man,indian,Brent,yes,Tunde Bakare,tunde.b@example.net

            """.write(toFile: path, atomically: true, encoding: .utf8)
        _ = try ResponseImporter(store: small.store, pseudonymiser: small.pseudonymiser)
            .importFile(path, survey: "community", options: ImportOptions(importedBy: "test"))
        let texts = try small.store.segments(SegmentFilter()).map(\.text)
        #expect(texts.contains("[NAME] here, the police said my brother is on it"))
        #expect(texts.contains("[NAME] family got letters"))
        #expect(try small.count("SELECT count(*) AS n FROM consult.answer WHERE value LIKE '%Tunde%' OR value LIKE '%example.net%'") == 0)
        #expect(try small.count("SELECT count(*) AS n FROM consult.answer WHERE question_id IN ('name', 'email', 'phone')") == 0)
        #expect(try small.count("SELECT count(*) AS n FROM consult.segment WHERE text LIKE '%Tunde%' OR text LIKE '%Bakare%'") == 0)
    }
}
