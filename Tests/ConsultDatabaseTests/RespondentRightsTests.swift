import ConsultStore
import Foundation
import Postgres
import Testing

/// Erasure, subject access, consent withdrawal and retention on the real database.
@Suite struct RespondentRightsTests {
    /// Every column in schema consult that refers to a respondent or a segment.
    func referencingColumns(_ store: Store) throws -> [(table: String, column: String)] {
        try store.db.query("""
            SELECT table_name, column_name FROM information_schema.columns
            WHERE table_schema = 'consult' AND column_name IN ('respondent_id', 'segment_id')
              AND table_name IN (SELECT table_name FROM information_schema.tables WHERE table_schema = 'consult' AND table_type = 'BASE TABLE')
            ORDER BY 1, 2
            """).rows.map { (try $0.string("table_name"), try $0.string("column_name")) }
    }

    @Test func erasureLeavesNoRowThatReferencesTheRespondent() throws {
        let small = try SmallConsultation()
        let store = small.store
        let respondent = try small.respondentID("T-1")
        let segments = try small.segmentIDs(of: "T-1")
        #expect(!segments.isEmpty)
        _ = try store.addMemo(segment: segments[0], theme: nil, author: "alice", text: "note")
        _ = try store.recordDecisions([CodingDecision(segment: segments[0], theme: "fairness.racial", coder: "alice")], source: nil)
        let othersBefore = try small.count("SELECT count(*) AS n FROM consult.respondent") - 1

        let removed = try store.erase([small.key("T-1")])
        #expect(removed.respondents == 1)
        #expect(removed.segments == segments.count)
        #expect(removed.memos == 1)
        #expect(removed.codings >= 1)

        let columns = try referencingColumns(store)
        #expect(columns.count >= 4)
        for (table, column) in columns {
            let ids = column == "respondent_id" ? [respondent] : segments
            // Table and column names come from the catalogue, not from input.
            let left = try small.count("SELECT count(*) AS n FROM consult.\(table) WHERE \(column) = ANY($1::bigint[])", [TextArray(ids.map(String.init))])
            #expect(left == 0, "consult.\(table).\(column)")
        }
        #expect(try small.count("SELECT count(*) AS n FROM consult.respondent WHERE pseudonym = $1", [small.key("T-1").pseudonym]) == 0)
        #expect(try small.count("SELECT count(*) AS n FROM consult.respondent") == othersBefore)

        // The audit entry records counts, not the person; the register holds only a hash.
        let entry = try store.auditLog(limit: 1)[0]
        #expect(entry.action == "erase")
        #expect(entry.detail.contains("\"segments\": \(segments.count)"))
        #expect(!entry.detail.contains(small.key("T-1").pseudonym))
        #expect(!entry.detail.contains("T-1"))
        #expect(try store.isErased(small.key("T-1")))
        #expect(try !store.isErased(small.key("T-2")))

        // A later file with the same respondent does not bring them back, and says so.
        try small.importRows([ImportTests.rows[0]], name: "again.csv")
        #expect(try small.count("SELECT count(*) AS n FROM consult.respondent WHERE pseudonym = $1", [small.key("T-1").pseudonym]) == 0)
        let again = try #require(try store.batches().last)
        #expect(again.rowsErased == 1 && again.rowsAccepted == 0 && again.rowsDuplicate == 0)
        #expect(try store.auditLog(limit: 1)[0].action == "import")

        // Erasing again finds nobody and changes nothing.
        #expect(throws: StoreError.self) { try store.erase([small.key("T-1")]) }
        #expect(try store.auditLog(limit: 20).filter { $0.action == "erase" }.count == 1)
    }

    @Test func subjectAccessExportsEverythingHeld() throws {
        let small = try SmallConsultation()
        let store = small.store
        let respondent = try small.respondentID("T-1")
        let segments = try small.segmentIDs(of: "T-1")
        _ = try store.addMemo(segment: segments[0], theme: nil, author: "alice", text: "a memo")
        let record = try store.subjectAccess([small.key("T-1"), RespondentKey(survey: "partner", pseudonym: "R-0000000000000000")])
        #expect(record.respondents.count == 1)
        #expect(record.respondents[0].pseudonym == small.key("T-1").pseudonym)
        #expect(record.respondents[0].importedFrom == "small.csv")
        #expect(record.respondents[0].quoteConsent)
        #expect(record.answers.count == (try small.count("SELECT count(*) AS n FROM consult.answer WHERE respondent_id = $1::bigint", [respondent])))
        #expect(record.segments.map(\.segment) == segments)
        #expect(record.codings.count == (try small.count("""
            SELECT count(*) AS n FROM consult.coding c JOIN consult.segment s ON s.id = c.segment_id WHERE s.respondent_id = $1::bigint
            """, [respondent])))
        #expect(record.memos.map(\.text) == ["a memo"])
        // Redacted text only: the email in T-1's answer is not in the export.
        let json = String(decoding: try JSONEncoder().encode(record), as: UTF8.self)
        #expect(!json.contains("jo.bloggs@example.com"))
        #expect(json.contains("[EMAIL]"))
        #expect(try store.auditLog(limit: 1)[0].action == "sar")
        #expect(throws: StoreError.self) { try store.subjectAccess([small.key("nobody")]) }
    }

    @Test func withdrawingConsentStopsQuotesWithoutErasing() throws {
        let small = try SmallConsultation()
        let store = small.store
        let theme = try #require(try store.codings(coder: Store.ruleCoder).first { coding in
            try small.segmentIDs(of: "T-1").contains(coding.segment)
        }?.theme)
        #expect(try !store.quotes(theme: theme, limit: 10).isEmpty)
        #expect(try store.setQuoteConsent([small.key("T-1")], consent: false) == 1)
        #expect(try store.quotes(theme: theme, limit: 10).allSatisfy { !(try small.segmentIDs(of: "T-1").contains($0.segment)) })
        #expect(try small.segmentIDs(of: "T-1").count > 0)
        #expect(try store.auditLog(limit: 1)[0].action == "consent")
    }

    @Test func retentionDeletesExactlyWhatIsPastItsDate() throws {
        let small = try SmallConsultation()
        let store = small.store
        try small.importRows(["T-9,2018-09-03,online,yes,a register of names,3,police,,2,,,,18-24,woman,indian,Brent,yes"], name: "later.csv")
        // The first batch was imported 25 months before now; the second just now.
        try store.db.query("UPDATE consult.import_batch SET imported_at = now() - interval '25 months' WHERE source_name = 'small.csv'")
        let total = try small.count("SELECT count(*) AS n FROM consult.respondent")

        let preview = try store.applyRetention(asOf: Date(), dryRun: true)
        #expect(preview.removed.respondents == 3)
        #expect(preview.retentionMonths == 24)
        #expect(try small.count("SELECT count(*) AS n FROM consult.respondent") == total)

        let report = try store.applyRetention(asOf: Date(), dryRun: false)
        #expect(report.removed == preview.removed)
        #expect(report.batches.count == 1)
        #expect(try small.count("SELECT count(*) AS n FROM consult.respondent") == 1)
        #expect(try small.count("SELECT count(*) AS n FROM consult.respondent WHERE pseudonym = $1", [small.key("T-9").pseudonym]) == 1)
        #expect(try small.count("SELECT count(*) AS n FROM consult.import_batch") == 2)
        #expect(try store.auditLog(limit: 1)[0].action == "retention")

        // Measured from a date 25 months ahead, the second batch is due too; nothing is due twice.
        let ahead = Date().addingTimeInterval(25 * 31 * 86_400)
        #expect(try store.applyRetention(asOf: ahead, dryRun: false).removed.respondents == 1)
        #expect(try store.applyRetention(asOf: ahead, dryRun: false).removed.respondents == 0)
    }

    @Test func erasureAndRetentionRemoveRejectRecords() throws {
        let small = try SmallConsultation()
        let store = small.store
        // T-8's only row is rejected; T-9 is imported and then rejected as a repeat on line 4.
        try small.importRows(["T-8,,online,maybe,,,,,,,,,,,,,", "T-9,,online,yes,,,,,,,,,,,,,", "T-9,,online,maybe,,,,,,,,,,,,,"],
                             name: "with-rejects.csv", acceptValid: true)
        #expect(try store.rejects().map(\.pseudonym) == [small.key("T-8").pseudonym, small.key("T-9").pseudonym])
        #expect(try store.subjectAccess([small.key("T-8")]).rejects.map(\.line) == [2])

        let never = try store.erase([small.key("T-8")])
        #expect(never.respondents == 0 && never.rejects == 1)
        #expect(try store.isErased(small.key("T-8")))
        let imported = try store.erase([small.key("T-9")])
        #expect(imported.respondents == 1 && imported.rejects == 1)
        #expect(try store.rejects().isEmpty)
        #expect(try store.auditLog(limit: 1)[0].detail.contains("\"rejects\": 1"))

        try small.importRows(["T-7,,online,maybe,,,,,,,,,,,,,", "T-6,,online,yes,,,,,,,,,,,,,"], name: "old.csv", acceptValid: true)
        try small.importRows(["T-5,,online,maybe,,,,,,,,,,,,,"], name: "new.csv", acceptValid: true)
        try store.db.query("UPDATE consult.import_batch SET imported_at = now() - interval '25 months' WHERE source_name IN ('small.csv', 'old.csv')")
        #expect(try store.applyRetention(asOf: Date(), dryRun: true).removed.rejects == 1)
        #expect(try store.rejects().count == 2)
        let report = try store.applyRetention(asOf: Date(), dryRun: false)
        #expect(report.removed.rejects == 1)
        #expect(try store.rejects().map(\.pseudonym) == [small.key("T-5").pseudonym])
    }

    @Test func retentionWithoutAPeriodIsRefused() throws {
        let small = try SmallConsultation()
        try small.store.db.query("UPDATE consult.consultation SET retention_months = NULL")
        #expect { try small.store.applyRetention(asOf: Date(), dryRun: true) } throws: { "\($0)".contains("retention_months") }
    }
}
