import Digests
import Foundation
import Postgres

/// A respondent as staff can name them: the survey and the keyed pseudonym of the id in the source
/// file (the CLI computes it from the source id with the key; the database never sees the source id).
public struct RespondentKey: Sendable, Equatable {
    public var survey: String
    public var pseudonym: String
    public init(survey: String, pseudonym: String) {
        self.survey = survey
        self.pseudonym = pseudonym
    }
}

/// What an erasure or a retention run removed.
public struct RemovalCounts: Sendable, Equatable, Codable {
    public var respondents = 0
    public var answers = 0
    public var segments = 0
    public var codings = 0
    public var memos = 0
    /// Records of rejected source rows (`consult.import_reject`).
    public var rejects = 0
    public init() {}

    var auditDetail: [String: AuditValue] {
        ["respondents": .int(respondents), "answers": .int(answers), "segments": .int(segments),
         "codings": .int(codings), "memos": .int(memos), "rejects": .int(rejects)]
    }
}

extension Store {
    /// The candidates that exist, as (respondent id, key). Several keys may be given for one source id
    /// when the survey is not named (its pseudonym differs per survey).
    func existingRespondents(_ keys: [RespondentKey]) throws -> [(id: Int, key: RespondentKey)] {
        try keys.compactMap { key in
            try db.query("SELECT id FROM consult.respondent WHERE instrument_id = $1 AND pseudonym = $2", key.survey, key.pseudonym)
                .rows.first.map { (id: try $0.int("id"), key: key) }
        }
    }

    /// Counts the rows held about respondents `ids` (answers, segments, codings on their segments,
    /// memos on their segments).
    func heldRows(_ ids: [Int]) throws -> RemovalCounts {
        let row = try db.query("""
            SELECT (SELECT count(*) FROM consult.answer WHERE respondent_id = ANY($1::bigint[])) AS answers,
                   (SELECT count(*) FROM consult.segment WHERE respondent_id = ANY($1::bigint[])) AS segments,
                   (SELECT count(*) FROM consult.coding c JOIN consult.segment s ON s.id = c.segment_id
                     WHERE s.respondent_id = ANY($1::bigint[])) AS codings,
                   (SELECT count(*) FROM consult.memo m JOIN consult.segment s ON s.id = m.segment_id
                     WHERE s.respondent_id = ANY($1::bigint[])) AS memos
            """, TextArray(ids.map(String.init))).rows[0]
        var counts = RemovalCounts()
        counts.respondents = ids.count
        counts.answers = try row.int("answers")
        counts.segments = try row.int("segments")
        counts.codings = try row.int("codings")
        counts.memos = try row.int("memos")
        return counts
    }

    /// Erases everything held about a respondent, in one transaction: their answers, segments,
    /// codings and memos on those segments (by cascade), the respondent row with its pseudonym, and
    /// the records of their rejected source rows. The SHA-256 of the pseudonym goes on the erasure
    /// register so that re-importing the source file does not bring them back; the audit entry holds
    /// counts only.
    ///
    /// - Throws: `StoreError` when nothing is held under any of the keys (nothing is changed or logged).
    public func erase(_ keys: [RespondentKey]) throws -> RemovalCounts {
        try db.transaction { db in
            let store = Store(db: db)
            let found = try store.existingRespondents(keys)
            let rejected = try store.deleteRejects(of: keys)
            guard !found.isEmpty || !rejected.isEmpty else { throw StoreError("no respondent with that id is held (nothing erased)") }
            let ids = found.map(\.id)
            var counts = try store.heldRows(ids)
            counts.rejects = rejected.count
            for match in found.map(\.key) + rejected {
                try db.query("""
                    INSERT INTO consult.erased_respondent (instrument_id, pseudonym_hash) VALUES ($1, $2)
                    ON CONFLICT DO NOTHING
                    """, match.survey, sha256Hex(of: Array(match.pseudonym.utf8)))
            }
            try store.deleteRespondents(ids)
            try store.audit(.erase, counts.auditDetail)
            return counts
        }
    }

    /// Withdraws (or gives) consent to be quoted without erasing anything; audited without the person.
    public func setQuoteConsent(_ keys: [RespondentKey], consent: Bool) throws -> Int {
        try db.transaction { db in
            let store = Store(db: db)
            let found = try store.existingRespondents(keys)
            guard !found.isEmpty else { throw StoreError("no respondent with that id is held (consent unchanged)") }
            try db.query("UPDATE consult.respondent SET quote_consent = $2 WHERE id = ANY($1::bigint[])",
                         TextArray(found.map { String($0.id) }), consent)
            try store.audit(.consent, ["respondents": .int(found.count), "quote_consent": .string(consent ? "given" : "withdrawn")])
            return found.count
        }
    }

    /// Whether a pseudonym is on the erasure register of `survey` (an import skips such rows).
    public func isErased(_ key: RespondentKey) throws -> Bool {
        try !db.query("SELECT 1 FROM consult.erased_respondent WHERE instrument_id = $1 AND pseudonym_hash = $2",
                      key.survey, sha256Hex(of: Array(key.pseudonym.utf8))).rows.isEmpty
    }
}

extension Store {
    /// Deletes respondents and, by cascade, everything held about them. Their compact profiles go first,
    /// in a statement of their own, so that the tallies subtract what the profiles contributed while the
    /// respondents' final coding is still there to pair with (see sql/0013); the profile's foreign key
    /// refuses a respondent deleted without this.
    func deleteRespondents(_ ids: [Int]) throws {
        let array = TextArray(ids.map(String.init))
        try db.query("DELETE FROM consult.respondent_profile WHERE respondent_id = ANY($1::bigint[])", array)
        try db.query("DELETE FROM consult.respondent WHERE id = ANY($1::bigint[])", array)
    }
}
