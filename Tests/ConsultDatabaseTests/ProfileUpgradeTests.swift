import ConsultStore
import ConsultationModel
import Foundation
import Testing

/// Migration 0016 makes the respondent profiles the record of closed answers and drops the answers
/// table: on a database holding answers at version 15 it keeps every answer and every count, and it
/// refuses to run, changing nothing, when the profiles do not hold exactly the stored answers.
@Suite struct ProfileUpgradeTests {
    /// The migrations up to and including `version`, in a folder of their own.
    static func migrations(through version: String) throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("consult-sql-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        for name in try FileManager.default.contentsOfDirectory(atPath: ProjectPaths.sql).sorted()
        where name.hasSuffix(".sql") && name.prefix(4) <= version {
            try FileManager.default.copyItem(atPath: ProjectPaths.sql + "/" + name, toPath: dir.appendingPathComponent(name).path)
        }
        return dir.path
    }

    /// A database at version 15 with this review's instruments and two community respondents whose
    /// answers were written row by row, as imports wrote them before version 16.
    static func atVersion15() throws -> Store {
        let store = Store(db: try TestDatabase.unmigrated())
        try Migrator(db: store.db, directory: try migrations(through: "0015")).migrate()
        _ = try store.load(try ConsultationLoader.load(directory: ProjectPaths.surveys))
        try store.db.executeScript("""
            INSERT INTO consult.import_batch (instrument_id, kind, source_name, file_sha256, rows_read, rows_accepted, rows_duplicate,
                                              rows_rejected, redactions, imported_by)
            VALUES ('community', 'responses', 'synthetic.csv', 'x', 2, 2, 0, 0, 0, 'test');
            INSERT INTO consult.respondent (instrument_id, pseudonym, respondent_group, quote_consent, batch_id)
            SELECT 'community', p, 'community', true, (SELECT max(id) FROM consult.import_batch) FROM unnest(ARRAY['syn-1', 'syn-2']) p;
            INSERT INTO consult.answer (respondent_id, question_id, value)
            SELECT r.id, a.question_id, a.value FROM consult.respondent r
            CROSS JOIN (VALUES ('aware', 'yes'), ('sources', 'news'), ('sources', 'police'), ('age_band', '16-17'),
                               ('ethnicity', 'white_british'), ('ethnicity_group', 'White')) a(question_id, value)
            WHERE r.pseudonym = 'syn-1'
            UNION ALL
            SELECT r.id, a.question_id, a.value FROM consult.respondent r
            CROSS JOIN (VALUES ('aware', 'no'), ('sources', 'none'), ('age_band', '65+')) a(question_id, value)
            WHERE r.pseudonym = 'syn-2';
            """)
        return store
    }

    static let answers = "SELECT r.pseudonym, a.question_id, a.value FROM consult.answer a JOIN consult.respondent r ON r.id = a.respondent_id ORDER BY 1, 2, 3"

    @Test func answersHeldAtVersion15AreKeptWithEveryCount() throws {
        let store = try Self.atVersion15()
        let rows = try store.db.query(Self.answers).rows.map { "\(try $0.string("pseudonym")) \(try $0.string("question_id")) \(try $0.string("value"))" }
        let counts = try ["age_band", "ethnicity_group", "aware"].map { try store.optionCounts(survey: "community", question: nil, by: $0) }
        #expect(rows.count == 9)
        #expect(try Migrator(db: store.db, directory: ProjectPaths.sql).migrate().contains("0016"))
        #expect(try store.db.query("SELECT relkind FROM pg_class WHERE oid = 'consult.answer'::regclass").rows[0].string("relkind") == "v")
        #expect(try store.db.query(Self.answers).rows.map { "\(try $0.string("pseudonym")) \(try $0.string("question_id")) \(try $0.string("value"))" } == rows)
        #expect(try ["age_band", "ethnicity_group", "aware"].map { try store.optionCounts(survey: "community", question: nil, by: $0) } == counts)
        try TallyCheck.expectTalliesMatchCounts(store, "after the upgrade to version 16")
    }

    @Test func profilesThatDoNotHoldTheAnswersStopTheUpgrade() throws {
        let store = try Self.atVersion15()
        // A profile short of an answer (version 15 has no guard against editing one).
        try store.db.query("""
            UPDATE consult.respondent_profile SET questions = questions[1:cardinality(questions) - 1],
                   answer_values = answer_values[1:cardinality(answer_values) - 1]
            WHERE respondent_id = (SELECT id FROM consult.respondent WHERE pseudonym = 'syn-1')
            """)
        do {
            try Migrator(db: store.db, directory: ProjectPaths.sql).migrate()
            Issue.record("migrated although a profile lacks an answer")
        } catch let error as Migrator.Failure {
            #expect(error.file.hasSuffix("0016_closed_answers_in_profiles.sql"))
            #expect(error.description.contains("do not hold exactly the stored answers"))
        }
        #expect(try store.db.query("SELECT relkind FROM pg_class WHERE oid = 'consult.answer'::regclass").rows[0].string("relkind") == "r")
        #expect(try store.db.query("SELECT count(*) AS n FROM consult.answer").rows[0].int("n") == 9)
    }
}
