import CodebookFixtures
import ConsultCoding
import ConsultIngest
import ConsultReport
@testable import ConsultStore
import ConsultationModel
import Foundation
import PersonalData
#if canImport(FoundationXML)
import FoundationXML
#endif
import Postgres
import Testing

/// The whole path on the committed sample data: load, import, code, count, write the chapter.
@Suite struct PipelineTests {
    let pseudonymiser = Pseudonymiser(key: Array(repeating: 3, count: 32))
    let options = ImportOptions(importedBy: "test")

    /// Loads the consultation and imports every sample file; returns the import outcomes.
    func importSample(into store: Store) throws -> [ImportOutcome] {
        _ = try store.load(try ConsultationLoader.load(directory: ProjectPaths.surveys))
        let responses = ResponseImporter(store: store, pseudonymiser: pseudonymiser)
        var outcomes = [
            try responses.importFile(ProjectPaths.sample + "/community-responses.csv", survey: "community", options: options),
            try responses.importFile(ProjectPaths.sample + "/partner-responses.csv", survey: "partner", options: options),
        ]
        outcomes += try NotesImporter(store: store, pseudonymiser: pseudonymiser)
            .importNotes([ProjectPaths.sample + "/focus-groups"], survey: "focus_groups", options: options)
        return outcomes
    }

    @Test func sampleImportsWholeCodesAndIsIdempotent() throws {
        let store = try TestDatabase.store()
        let first = try importSample(into: store)
        for outcome in first {
            guard case .imported(let batch) = outcome.result else { Issue.record("\(outcome.file) not imported"); continue }
            #expect(batch.rowsRejected == 0, "\(outcome.file)")
            #expect(batch.rowsAccepted > 0, "\(outcome.file)")
        }
        let groups = try store.sampleDescription().groups
        #expect(groups.first { $0.group == "community" }?.respondents == 1500)
        #expect(groups.first { $0.group == "partner" }?.respondents == 300)
        #expect((groups.first { $0.group == "focus_group" }?.respondents ?? 0) >= 8 * 5)
        #expect(try store.sampleDescription().focusGroupSessions == 8)

        let coded = try AutoCoding.run(store: store)
        #expect(coded.codings > 1000)
        let before = try store.themeCounts(by: "group", filter: SegmentFilter(), minimumCell: 10)

        // A second full run (as `consult demo` does) changes nothing.
        for outcome in try importSample(into: store) {
            guard case .alreadyImported = outcome.result else { Issue.record("\(outcome.file) imported twice"); continue }
        }
        let recoded = try AutoCoding.run(store: store)
        #expect(recoded == coded)
        #expect(try store.themeCounts(by: "group", filter: SegmentFilter(), minimumCell: 10) == before)

        // Every core theme has a row for each group, and the groups are the three respondent groups.
        #expect(Set(before.compactMap(\.group)) == ["community", "partner", "focus_group"])
        for theme in CodebookFixtures.coreThemeIDs {
            #expect(before.filter { $0.theme == theme }.count == 3, "\(theme)")
        }
        // Nothing raw: no segment holds an email address or a UK mobile number.
        let leaks = try store.db.query("""
            SELECT count(*) AS n FROM consult.segment WHERE text ~ '[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\\.[a-z]{2,}' OR text ~ '07[0-9]{3} ?[0-9]{6}'
            """).rows[0].int("n")
        #expect(leaks == 0)
    }

    @Test func themeCountsSuppressSmallCellsAndExplainUnknownFields() throws {
        let store = try TestDatabase.store()
        _ = try importSample(into: store)
        _ = try AutoCoding.run(store: store)
        let byBorough = try store.themeCounts(by: "borough", filter: SegmentFilter(survey: "community"), minimumCell: 10)
        #expect(byBorough.contains { $0.suppressed })
        for cell in byBorough where cell.suppressed {
            #expect(cell.respondents == nil && cell.percent == nil && cell.segments == nil)
        }
        for cell in byBorough where !cell.suppressed {
            #expect(cell.base >= 10)
            #expect(cell.respondents == 0 || cell.respondents! >= 10)
        }
        do {
            _ = try store.themeCounts(by: "shoe_size", filter: SegmentFilter(), minimumCell: 10)
            Issue.record("unknown field accepted")
        } catch let error as StoreError {
            #expect(error.description.contains("ethnicity_group"))
        }
    }

    @Test func closedQuestionCountsAddUpPerGroup() throws {
        let store = try TestDatabase.store()
        _ = try importSample(into: store)
        let counts = try store.optionCounts(survey: "community", question: nil, by: "group")
        let aware = counts.filter { $0.question == "aware" }
        #expect(aware.map(\.option) == ["yes", "no", "not_sure"])
        #expect(aware.reduce(0) { $0 + $1.count } == aware[0].answered)
        let sources = counts.filter { $0.question == "sources" }
        #expect(sources.count == 11)
        #expect(sources.reduce(0) { $0 + $1.count } >= sources[0].answered)
        let byEthnicity = try store.optionCounts(survey: "community", question: "trust", by: "ethnicity_group")
        #expect(Set(byEthnicity.compactMap(\.group)).isSuperset(of: ["Black", "White", "Asian", "Mixed"]))
        #expect(throws: StoreError.self) { _ = try store.optionCounts(survey: nil, question: "what_is", by: nil) }
    }

    @Test func chapterHasTheStrandQuestionsQuotesOnlyConsentedAndIsReproducible() throws {
        let store = try TestDatabase.store()
        _ = try importSample(into: store)
        _ = try AutoCoding.run(store: store)
        try store.markSyntheticSample()
        let templates = try ChapterTemplates.load(directory: ProjectPaths.root.appendingPathComponent("surveys/templates").path)
        let data = try ChapterData.gather(from: store, minimumCell: 10)
        let rendered = PerceptionChapter.render(ChapterView.build(data), templates: templates, formats: [.markdown, .html])
        let chapter = try #require(rendered.documents[.markdown])
        let html = try #require(rendered.documents[.html])
        for question in data.overview.questions { #expect(chapter.contains(question.text) && html.contains(question.text)) }
        for heading in ["Synthetic data", "## Methods", "codebook version", "In their words", "What differs between groups",
                        "of 8", "## Who responded", "No segment has been coded by two human coders yet", "## Limitations", "## Appendix B: Provenance",
                        "its error has not been measured on this consultation", "consult code sample create"] {
            #expect(chapter.contains(heading), "\(heading)")
        }
        // Byte-identical from a fresh read of the same database.
        let again = PerceptionChapter.render(ChapterView.build(try ChapterData.gather(from: store, minimumCell: 10)),
                                             templates: templates, formats: [.markdown, .html])
        #expect(again == rendered)
        // Two human coders who have not coded a segment in common: the chapter says agreement is not measured yet.
        let segments = try store.segments(SegmentFilter()).prefix(2).map(\.segment)
        _ = try store.recordDecisions([CodingDecision(segment: segments[0], theme: "trust.low", coder: "alice"),
                                       CodingDecision(segment: segments[1], theme: "trust.low", coder: "bob")], source: nil)
        let apart = PerceptionChapter.render(ChapterView.build(try ChapterData.gather(from: store, minimumCell: 10)), templates: templates, formats: [.markdown])
        #expect(try #require(apart.documents[.markdown]).contains("No segment has been coded by two human coders yet"))
        // Safe to publish, in both formats; the HTML is well-formed XML with its charts inline.
        #expect(PublicationCheck.scan(chapter).isEmpty)
        #expect(PublicationCheck.scanHTML(html).isEmpty)
        let document = XMLParser(data: Data(html.utf8))
        #expect(document.parse(), "HTML not well-formed at line \(document.lineNumber)")
        #expect(rendered.charts.count == data.overview.questions.count)
        for chart in rendered.charts {
            #expect(chapter.contains("](\(chart.path))"))
            #expect(html.contains(chart.svg))
            let parser = XMLParser(data: Data(chart.svg.utf8))
            #expect(parser.parse(), "\(chart.path) is not well-formed XML")
        }
        let quoted = data.quotes.values.flatMap { $0 }.map(\.segment)
        #expect(!quoted.isEmpty)
        // Quotes chosen first among the earliest texts in the choice order are those a ranking of every
        // candidate chooses, whether that first pass finds enough (the larger groups) or not.
        let themes = Array(Set(data.overview.questions.flatMap(\.quotes))).sorted()
        #expect(try store.rankedQuotes(themes: themes, limit: 2, coder: nil, group: nil, perGroup: true, earliestOnly: true).count >= 2)
        for (limit, perGroup, group) in [(2, true, nil), (5, false, nil), (3, false, "partner"), (40, true, nil)] as [(Int, Bool, String?)] {
            #expect(try store.quotes(themes: themes, limit: limit, group: group, perGroup: perGroup)
                    == store.rankedQuotes(themes: themes, limit: limit, coder: nil, group: group, perGroup: perGroup, earliestOnly: false),
                    "limit \(limit), per group \(perGroup), group \(group ?? "-")")
        }
        let consented = try store.db.query("""
            SELECT bool_and(r.quote_consent) AS ok FROM consult.segment s JOIN consult.respondent r ON r.id = s.respondent_id
            WHERE s.id = ANY($1::bigint[])
            """, TextArray(quoted.map(String.init))).rows[0].bool("ok")
        #expect(consented)
    }

    @Test func transcriptsBecomeParticipantsAndFacilitatorTurnsAreNotSegments() throws {
        let store = try TestDatabase.store()
        _ = try store.load(try ConsultationLoader.load(directory: ProjectPaths.surveys))
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("consult-notes-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        try """
            ---
            session: fg-test
            date: 2018-10-01
            borough: Hackney
            group_type: parents_carers
            participants: 3
            consent_quote: [P2]
            ---
            # Test transcript (synthetic)
            Facilitator: What have you heard about the Matrix?
            P1: Nothing at all, nobody told us. Call me on 07700 900123.
            P2: My son's name was on it and we only found out when the housing officer said.
            it went on for months
            Facilitator: Thank you.
            P1: Yeah.
            """.write(to: dir.appendingPathComponent("fg-test.md"), atomically: true, encoding: .utf8)
        let outcomes = try NotesImporter(store: store, pseudonymiser: pseudonymiser).importNotes([dir.path], survey: "focus_groups", options: options)
        guard case .imported(let batch) = outcomes[0].result else { Issue.record("not imported"); return }
        #expect(batch.rowsAccepted == 2)
        let segments = try store.segments(SegmentFilter(survey: "focus_groups"))
        #expect(segments.count == 3)
        #expect(segments.allSatisfy { $0.question == "fg-test" })
        #expect(!segments.contains { $0.text.contains("What have you heard") })
        #expect(segments.contains { $0.text.contains("[PHONE]") })
        #expect(segments.contains { $0.text.hasSuffix("\nit went on for months") })
        let consent = try store.db.query("SELECT count(*) FILTER (WHERE quote_consent) AS n FROM consult.respondent").rows[0].int("n")
        #expect(consent == 1)
        let borough = try store.db.query("SELECT DISTINCT value FROM consult.answer WHERE question_id = 'borough'").rows.map { try $0.string("value") }
        #expect(borough == ["E09000012"])
    }
}
