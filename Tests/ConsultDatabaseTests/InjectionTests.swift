import ConsultIngest
import ConsultStore
import Foundation
import Postgres
import Testing

/// Classic SQL-injection payloads in every field, file name and argument are data: stored verbatim
/// or refused with a clear error, never executed.
@Suite struct InjectionTests {
    static let payloads = [
        "'; DROP TABLE consult.segment; --",
        "\"; DROP TABLE consult.answer; --",
        "Robert'); DROP TABLE consult.respondent;--",
        "' OR '1'='1",
        "1; SELECT pg_sleep(5)",
        "' UNION SELECT pseudonym, pseudonym FROM consult.respondent --",
        "$1",
        "%' OR 1=1 --",
        "\\'; COPY consult.segment TO '/tmp/x'; --",
        "E'\\x27'",
        "') ; DELETE FROM consult.audit_log; --",
    ]

    /// The product's tables, all still there, with their row counts (except the aggregate cache, which
    /// the queries below legitimately fill).
    func tableCounts(_ store: Store) throws -> [String: Int] {
        var counts: [String: Int] = [:]
        for table in try store.db.query("""
            SELECT tablename FROM pg_tables WHERE schemaname = 'consult' AND tablename <> 'aggregate_cache' ORDER BY 1
            """).rows.map({ try $0.string("tablename") }) {
            counts[table] = try store.db.query("SELECT count(*) AS n FROM consult.\(table)").rows[0].int("n")
        }
        return counts
    }

    @Test func payloadsInAnImportFileAndItsNameAreStoredAsText() throws {
        let small = try SmallConsultation()
        let store = small.store
        let rows = Self.payloads.enumerated().map { index, payload in
            let quoted = { (text: String) in "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }
            return "\(quoted("\(payload)-\(index)")),2018-09-01,online,yes,\(quoted(payload)),3,police,,2,\(quoted(payload)),,,18-24,woman,indian,Brent,yes"
        }
        try small.importRows(rows, name: "x'; DROP TABLE consult.import_batch; --.csv")
        #expect(try small.count("SELECT count(*) AS n FROM consult.respondent") == 3 + Self.payloads.count)
        for payload in Self.payloads {
            #expect(try small.count("SELECT count(*) AS n FROM consult.segment WHERE text = $1", [payload]) == 2, "\(payload)")
        }
        #expect(try small.count("SELECT count(*) AS n FROM consult.import_batch WHERE source_name = $1",
                                ["x'; DROP TABLE consult.import_batch; --.csv"]) == 1)
        // Source ids that are payloads are pseudonymised like any other.
        #expect(try store.subjectAccess([small.key("\(Self.payloads[0])-0")]).respondents.count == 1)
    }

    @Test(arguments: payloads)
    func payloadsAsArgumentsAreRefusedOrInert(_ payload: String) throws {
        let small = try SmallConsultation()
        let store = small.store
        let before = try tableCounts(store)
        #expect(throws: StoreError.self) { try store.themeCounts(by: payload, filter: SegmentFilter(), minimumCell: 1) }
        #expect(throws: StoreError.self) { try store.instrument(payload) }
        #expect(try store.segments(SegmentFilter(survey: payload)).isEmpty)
        #expect(try store.segments(SegmentFilter(question: payload)).isEmpty)
        #expect(try store.segments(SegmentFilter(theme: payload)).isEmpty)
        #expect(try store.segments(SegmentFilter(theme: "fairness.racial", coder: payload)).isEmpty)
        #expect(try store.quotes(theme: payload, limit: 3).isEmpty)
        #expect(throws: StoreError.self) { try store.coderCodings(payload) }
        #expect(throws: StoreError.self) { try store.erase([RespondentKey(survey: "community", pseudonym: payload)]) }
        #expect(throws: StoreError.self) { try store.recordDecisions([CodingDecision(segment: 1, theme: payload, coder: "alice")], source: payload) }
        #expect(throws: StoreError.self) { try store.addMemo(segment: nil, theme: payload, author: "alice", text: payload) }
        #expect(try tableCounts(store) == before)

        // As free text, the payload is stored exactly.
        let segment = try small.segmentIDs(of: "T-1")[0]
        let memo = try store.addMemo(segment: segment, theme: nil, author: "alice", text: payload)
        #expect(try store.memos(segment: segment, theme: nil).first { $0.id == memo }?.text == payload)
    }
}
