import ConsultCoding
import ConsultStore
import Postgres
import Testing

/// What each role can and cannot do, proved by logging in as it (PostgreSQL enforces it, not the CLI).
@Suite struct AccessRoleTests {
    /// A small coded database with the roles set up.
    func setUp() throws -> SmallConsultation {
        let small = try SmallConsultation()
        try TestDatabase.setupRoles(small.store)
        return small
    }

    func refused(_ db: Connection, _ sql: String, _ parameters: [any SQLParameter] = []) -> Bool {
        do {
            try db.query(sql, parameters)
            return false
        } catch let error as PostgresError {
            return error.sqlState == "42501"
        } catch {
            return false
        }
    }

    @Test func analystReadsRedactedDataAndWritesCodingsOnly() throws {
        let small = try setUp()
        let analyst = try TestDatabase.connect(small.database, as: AccessRole.analyst.databaseRole)
        let store = Store(db: analyst)
        #expect(try !store.segments(SegmentFilter()).isEmpty)
        #expect(try !store.themeCounts(by: "group", filter: SegmentFilter(), minimumCell: 1).isEmpty)
        let segment = try store.segments(SegmentFilter())[0].segment
        _ = try store.recordDecisions([CodingDecision(segment: segment, theme: "trust.low", coder: "alice")], source: nil)
        _ = try store.addMemo(segment: segment, theme: nil, author: "alice", text: "ok")
        try store.audit(.export, ["rows": .int(1)])
        // Analysts run the coders too: rules, and the suggestion model with its provenance row.
        _ = try AutoCoding.run(store: store)
        #expect(try Suggesting.run(store: store, extra: SuggestionTests.coded).modelID > 0)

        for sql in ["SELECT * FROM consult.erased_respondent", "SELECT * FROM consult.audit_log", "SELECT * FROM consult.import_reject",
                    "DELETE FROM consult.respondent", "UPDATE consult.segment SET text = 'x'", "INSERT INTO consult.setting VALUES ('a', 'b')",
                    "DELETE FROM consult.audit_log", "TRUNCATE consult.audit_log", "CREATE TABLE consult.x (a int)"] {
            #expect(refused(analyst, sql), "\(sql)")
        }
        // No entry in someone else's name.
        #expect(throws: PostgresError.self) {
            try analyst.query("INSERT INTO consult.audit_log (actor, action) VALUES ('consult_staff', 'erase')")
        }
        // Nothing an analyst can read holds the source ids of the file.
        for sourceID in ["T-1", "T-2", "T-3"] {
            let hits = try analyst.query("""
                SELECT (SELECT count(*) FROM consult.respondent r WHERE r::text LIKE '%' || $1 || '%')
                     + (SELECT count(*) FROM consult.segment s WHERE s.text LIKE '%' || $1 || '%')
                     + (SELECT count(*) FROM consult.answer a WHERE a.value = $1) AS n
                """, sourceID).rows[0].int("n")
            #expect(hits == 0, "\(sourceID)")
        }
    }

    @Test func readerSeesOnlySuppressedAggregates() throws {
        let small = try setUp()
        let reader = try TestDatabase.connect(small.database, as: AccessRole.reader.databaseRole)
        for sql in ["SELECT * FROM consult.segment", "SELECT * FROM consult.respondent", "SELECT * FROM consult.answer",
                    "SELECT * FROM consult.coding", "SELECT * FROM consult.final_coding", "SELECT * FROM consult.audit_log"] {
            #expect(refused(reader, sql), "\(sql)")
        }
        // Three respondents: every count is below the minimum cell size, so every count is withheld.
        let themes = try reader.query("SELECT respondents, suppressed FROM consult_public.theme_prevalence").rows
        #expect(!themes.isEmpty)
        #expect(themes.allSatisfy { $0["respondents"] == nil && $0["suppressed"] == "t" })
        let options = try reader.query("SELECT respondents, suppressed FROM consult_public.question_distribution").rows
        #expect(!options.isEmpty)
        #expect(options.allSatisfy { $0["respondents"] == nil })
    }

    @Test func publishedDistributionsHideTheComplementOfALoneSmallCell() throws {
        let small = try setUp()
        try small.store.db.query("INSERT INTO consult.setting (key, value) VALUES ('min_cell_size', '2')")
        // Make "aware" answers 2 yes, 1 no: one cell (no = 1) is hidden, so its complement must be too.
        // A profile is replaced, not edited (sql/0016), so that its tallies follow.
        try small.store.db.executeScript("""
            CREATE TEMP TABLE unsure AS SELECT * FROM consult.respondent_profile WHERE field_values[array_position(fields, 'aware')] = 'not_sure';
            DELETE FROM consult.respondent_profile p USING unsure u WHERE p.respondent_id = u.respondent_id;
            INSERT INTO consult.respondent_profile (respondent_id, instrument_id, respondent_group, fields, field_values, questions, answer_values)
            SELECT respondent_id, instrument_id, respondent_group, fields, array_replace(field_values, 'not_sure', 'yes'), questions,
                   array_replace(answer_values, 'not_sure', 'yes') FROM unsure;
            """)
        let reader = try TestDatabase.connect(small.database, as: AccessRole.reader.databaseRole)
        let aware = try reader.query("""
            SELECT option, respondents, suppressed FROM consult_public.question_distribution
            WHERE survey = 'community' AND question = 'aware' ORDER BY option
            """).rows
        #expect(aware.count == 2)
        #expect(aware.allSatisfy { $0["suppressed"] == "t" && $0["respondents"] == nil })
    }

    @Test func staffManageButCannotRewriteTheAuditLog() throws {
        let small = try setUp()
        let staff = try TestDatabase.connect(small.database, as: AccessRole.staff.databaseRole)
        let store = Store(db: staff)
        _ = try store.subjectAccess([small.key("T-2")])
        _ = try store.erase([small.key("T-2")])
        #expect(try store.auditLog(limit: 5).map(\.actor).allSatisfy { $0 == "consult_staff" || $0 == "consult" })
        for sql in ["DELETE FROM consult.audit_log", "UPDATE consult.audit_log SET detail = '{}'", "TRUNCATE consult.audit_log"] {
            #expect(refused(staff, sql), "\(sql)")
        }
        #expect(throws: PostgresError.self) {
            try staff.query("INSERT INTO consult.audit_log (actor, action) VALUES ('consult', 'erase')")
        }
    }

    @Test func setupIsRepeatableAndRolesCannotMigrate() throws {
        let small = try setUp()
        try TestDatabase.setupRoles(small.store)
        let analyst = try TestDatabase.connect(small.database, as: AccessRole.analyst.databaseRole)
        try Migrator(db: analyst, directory: ProjectPaths.sql).requireCurrent()
        #expect(refused(analyst, "CREATE TABLE public.x (a int)") || refused(analyst, "CREATE TABLE consult.x (a int)"))
        let facts = try small.store.dataProtectionFacts()
        #expect(facts.missingRoles.isEmpty)
        #expect(facts.retentionMonths == 24)
        #expect(facts.access.contains { $0.role == "consult_reader" && $0.relation == "consult_public.theme_prevalence" && $0.select })
        #expect(!facts.access.contains { $0.role == "consult_reader" && $0.relation.hasPrefix("consult.") })
        #expect(!facts.access.contains { $0.role == "consult_analyst" && $0.relation == "consult.erased_respondent" })
        #expect(facts.categories.first { $0.location == "consult.respondent" }?.rows == 3)
        #expect(["consult.api_rate", "consult.api_token", "consult.api_idempotency"].allSatisfy { table in facts.categories.contains { $0.location == table } })
    }
}
