import ConsultIngest
import ConsultStore
import ConsultationModel
import Foundation
import Postgres
import SurveyExports
import TestSupport
import Testing

/// `sql/partitioning/carry-consultation.sql` on two consultations in one database: every row of the
/// large tables gets its consultation, checked against its parent's; nothing either consultation
/// counts changes; and consult, which does not name the column, keeps importing, coding and erasing.
@Suite struct ConsultationSeparationTests {
    static let gangs = "gangs-matrix-perceptions"
    static let script = ProjectPaths.root.appendingPathComponent("sql/partitioning/carry-consultation.sql")

    /// Rows per consultation of each large table, reached through the foreign keys alone (the chain
    /// the script follows), and of the final coding the counts read.
    static let chainCounts = """
        SELECT i.consultation_id,
               count(DISTINCT r.id) AS respondents,
               (SELECT count(*) FROM consult.answer a JOIN consult.respondent ar ON ar.id = a.respondent_id
                JOIN consult.instrument ai ON ai.id = ar.instrument_id WHERE ai.consultation_id = i.consultation_id) AS answers,
               (SELECT count(*) FROM consult.segment s JOIN consult.respondent sr ON sr.id = s.respondent_id
                JOIN consult.instrument si ON si.id = sr.instrument_id WHERE si.consultation_id = i.consultation_id) AS segments,
               (SELECT count(*) FROM consult.coding c JOIN consult.segment cs ON cs.id = c.segment_id
                JOIN consult.respondent cr ON cr.id = cs.respondent_id JOIN consult.instrument ci ON ci.id = cr.instrument_id
                WHERE ci.consultation_id = i.consultation_id) AS codings,
               (SELECT count(*) FROM consult.respondent_theme t JOIN consult.instrument ti ON ti.id = t.instrument_id
                WHERE ti.consultation_id = i.consultation_id) AS respondent_themes
        FROM consult.instrument i JOIN consult.respondent r ON r.instrument_id = i.id
        GROUP BY i.consultation_id ORDER BY i.consultation_id
        """

    /// The same counts read from the carried column.
    static let carriedCounts = """
        SELECT c.id AS consultation_id,
               (SELECT count(*) FROM consult.respondent WHERE consultation_id = c.id) AS respondents,
               (SELECT coalesce(sum(cardinality(questions)), 0) FROM consult.respondent_profile WHERE consultation_id = c.id) AS answers,
               (SELECT count(*) FROM consult.segment WHERE consultation_id = c.id) AS segments,
               (SELECT count(*) FROM consult.coding WHERE consultation_id = c.id) AS codings,
               (SELECT count(*) FROM consult.respondent_theme t JOIN consult.respondent r ON r.id = t.respondent_id
                WHERE r.consultation_id = c.id) AS respondent_themes
        FROM consult.consultation c
        WHERE EXISTS (SELECT 1 FROM consult.respondent r JOIN consult.instrument i ON i.id = r.instrument_id WHERE i.consultation_id = c.id)
        ORDER BY c.id
        """

    /// The Gangs Matrix review's small consultation (three rule-coded respondents) and the NHS example
    /// with two synthetic comments, one of them decided by an analyst.
    static func twoConsultations() throws -> SmallConsultation {
        let small = try SmallConsultation()
        _ = try small.store.load(try ConsultationLoader.load(directory: SecondConsultationTests.directory.path))
        try importFFT(small, ["syn-1,The call handler was kind and rang back within the hour.",
                              "syn-2,\"Driver turned up two hours late, nobody told us why.\""])
        return small
    }

    static func importFFT(_ small: SmallConsultation, _ rows: [String]) throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("consult-fft-\(UUID().uuidString).csv").path
        try (["id,text"] + rows).joined(separator: "\n").appending("\n").write(toFile: path, atomically: true, encoding: .utf8)
        let mapping = try HeaderMapping.parse("text: feedback\n", file: "mapping.yaml")
        _ = try ResponseImporter(store: small.store, pseudonymiser: small.pseudonymiser)
            .importFile(path, survey: "fft", options: ImportOptions(importedBy: "test", mapping: mapping))
    }

    static func counts(_ small: SmallConsultation, _ sql: String) throws -> [String: [Int]] {
        Dictionary(uniqueKeysWithValues: try small.store.db.query(sql).rows.map { row in
            (try row.string("consultation_id"),
             try ["respondents", "answers", "segments", "codings", "respondent_themes"].map { try row.int($0) })
        })
    }

    static func fftSegment(_ small: SmallConsultation, containing word: String) throws -> Int {
        try small.store.db.query("""
            SELECT s.id FROM consult.segment s JOIN consult.respondent r ON r.id = s.respondent_id
            WHERE r.instrument_id = 'fft' AND strpos(s.text, $1) > 0
            """, word).rows[0].int("id")
    }

    @Test func everyRowCarriesItsConsultationAndNothingCountedChanges() throws {
        let small = try Self.twoConsultations()
        _ = try small.store.recordDecisions([CodingDecision(segment: try Self.fftSegment(small, containing: "kind"),
                                                            theme: "staff_manner_and_personal_attributes", coder: "ann")], source: nil)
        let before = try Self.counts(small, Self.chainCounts)
        #expect(before.keys.sorted() == ["gangs-matrix-perceptions", "nhs-fft"])
        #expect(before["nhs-fft"] == [2, 0, 2, 1, 1])
        #expect(before[Self.gangs]?[0] == 3 && (before[Self.gangs]?[3] ?? 0) > 0)
        let themesBefore = try small.store.db.query("SELECT count(*) AS n FROM consult.final_theme").rows[0].int("n")

        try small.store.db.executeScript(String(contentsOf: Self.script, encoding: .utf8))

        #expect(try Self.counts(small, Self.carriedCounts) == before)
        #expect(try Self.counts(small, Self.chainCounts) == before)
        #expect(try small.count("SELECT count(*) AS n FROM consult.final_theme") == themesBefore)
    }

    @Test func aRowCannotClaimAnotherConsultationThanItsParents() throws {
        let small = try Self.twoConsultations()
        try small.store.db.executeScript(String(contentsOf: Self.script, encoding: .utf8))
        let gangsRespondent = try small.respondentID("T-1")
        let fftSegment = try Self.fftSegment(small, containing: "late")
        #expect(throws: PostgresError.self) {
            try small.store.db.query("UPDATE consult.respondent_profile SET consultation_id = 'nhs-fft' WHERE respondent_id = $1::bigint", gangsRespondent)
        }
        #expect(throws: PostgresError.self) {
            try small.store.db.query("UPDATE consult.segment SET consultation_id = $1 WHERE id = $2::bigint", Self.gangs, fftSegment)
        }
        #expect(try small.count("SELECT count(*) AS n FROM consult.segment WHERE consultation_id = 'nhs-fft'") == 2)
    }

    @Test func importCodingAndErasureKeepWorkingOnBothConsultations() throws {
        let small = try Self.twoConsultations()
        try small.store.db.executeScript(String(contentsOf: Self.script, encoding: .utf8))

        try small.importRows(["T-4,2018-09-04,paper,No,never heard of it,1,none,,3,,,,65+,man,White and Asian,E09000012,no"],
                             name: "later.csv")
        try Self.importFFT(small, ["syn-3,\"Crew explained everything and listened to my mum.\""])
        _ = try small.store.recordDecisions([CodingDecision(segment: try Self.fftSegment(small, containing: "mum"),
                                                            theme: "staff_listening_understanding_and_involving_patients", coder: "ann")],
                                            source: nil)
        let carried = try Self.counts(small, Self.carriedCounts)
        #expect(carried == (try Self.counts(small, Self.chainCounts)))
        #expect(carried["nhs-fft"] == [3, 0, 3, 1, 1])
        #expect(carried[Self.gangs]?[0] == 4)

        _ = try small.store.erase([small.key("T-1")])
        let erased = try Self.counts(small, Self.carriedCounts)
        #expect(erased == (try Self.counts(small, Self.chainCounts)))
        #expect(erased[Self.gangs]?[0] == 3)
        #expect(erased["nhs-fft"] == carried["nhs-fft"])
        let themes = try small.store.db.query("""
            SELECT theme_id FROM consult.respondent_theme t JOIN consult.respondent r ON r.id = t.respondent_id
            WHERE r.consultation_id = 'nhs-fft' ORDER BY theme_id
            """).rows.map { try $0.string("theme_id") }
        #expect(themes == ["staff_listening_understanding_and_involving_patients"])
    }
}
