import Foundation
import Postgres

/// Everything consult holds about one respondent, for a subject-access request (UK GDPR Art. 15).
///
/// The free text is the redacted text: the unredacted original is never stored. What is held outside
/// the database (the pseudonymisation key, the source files staff imported) is named in `notes`.
public struct SubjectAccessRecord: Sendable, Equatable, Codable {
    public struct Respondent: Sendable, Equatable, Codable {
        public var survey: String
        public var group: String
        public var pseudonym: String
        public var quoteConsent: Bool
        public var submittedAt: String?
        public var mode: String?
        public var importedFrom: String
        public var importedAt: String
        enum CodingKeys: String, CodingKey {
            case survey, group, pseudonym, mode
            case quoteConsent = "quote_consent", submittedAt = "submitted_at", importedFrom = "imported_from", importedAt = "imported_at"
        }
    }
    public struct Answer: Sendable, Equatable, Codable {
        public var question: String
        public var wording: String?
        public var value: String
    }
    public struct Segment: Sendable, Equatable, Codable {
        public var segment: Int
        public var question: String
        public var text: String
        public var redactions: Int
    }
    public struct Coding: Sendable, Equatable, Codable {
        public var segment: Int
        public var theme: String
        public var label: String?
        public var coder: String
        public var kind: String
        public var applied: Bool
    }
    public struct Memo: Sendable, Equatable, Codable {
        public var segment: Int
        public var author: String
        public var text: String
    }

    public var respondents: [Respondent]
    public var answers: [Answer]
    public var segments: [Segment]
    public var codings: [Coding]
    public var memos: [Memo]
    /// Records of the respondent's rejected source rows (position, field, redacted reason).
    public var rejects: [ImportReject]
    /// The validation samples the respondent was drawn into (their segments are coded by hand there).
    public var validationSamples: [String]
    public var notes: [String]
}

extension Store {
    /// The subject-access record for the respondents matching `keys`; audited with counts only.
    ///
    /// - Throws: `StoreError` when nothing is held under any of the keys.
    public func subjectAccess(_ keys: [RespondentKey]) throws -> SubjectAccessRecord {
        let found = try existingRespondents(keys)
        let rejects = try self.rejects(of: keys)
        guard !found.isEmpty || !rejects.isEmpty else { throw StoreError("no respondent with that id is held") }
        let ids = TextArray(found.map { String($0.id) })
        let respondents = try db.query("""
            SELECT r.instrument_id, r.respondent_group, r.pseudonym, r.quote_consent, r.mode,
                   to_char(r.submitted_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS submitted_at,
                   b.source_name, to_char(b.imported_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS imported_at
            FROM consult.respondent r JOIN consult.import_batch b ON b.id = r.batch_id
            WHERE r.id = ANY($1::bigint[]) ORDER BY r.id
            """, ids).rows.map { row in
            SubjectAccessRecord.Respondent(
                survey: try row.string("instrument_id"), group: try row.string("respondent_group"), pseudonym: try row.string("pseudonym"),
                quoteConsent: row["quote_consent"] == "t", submittedAt: row["submitted_at"], mode: row["mode"],
                importedFrom: try row.string("source_name"), importedAt: try row.string("imported_at"))
        }
        let answers = try db.query("""
            SELECT a.question_id, q.wording, a.value
            FROM consult.answer a JOIN consult.respondent r ON r.id = a.respondent_id
            LEFT JOIN consult.question q ON q.instrument_id = r.instrument_id AND q.id = a.question_id
            WHERE a.respondent_id = ANY($1::bigint[]) ORDER BY a.respondent_id, q.position NULLS LAST, a.question_id, a.value
            """, ids).rows.map { row in
            SubjectAccessRecord.Answer(question: try row.string("question_id"), wording: row["wording"], value: try row.string("value"))
        }
        let segments = try db.query("""
            SELECT id, question_id, text, redactions FROM consult.segment
            WHERE respondent_id = ANY($1::bigint[]) ORDER BY id
            """, ids).rows.map { row in
            SubjectAccessRecord.Segment(segment: try row.int("id"), question: try row.string("question_id"),
                                        text: try row.string("text"), redactions: try row.int("redactions"))
        }
        let codings = try db.query("""
            SELECT c.segment_id, c.theme_id, t.label, c.coder, c.kind, c.applied
            FROM consult.coding c JOIN consult.segment s ON s.id = c.segment_id
            LEFT JOIN consult.theme t ON t.codebook_version = c.codebook_version AND t.id = c.theme_id
            WHERE s.respondent_id = ANY($1::bigint[]) ORDER BY c.segment_id, c.theme_id, c.coder
            """, ids).rows.map { row in
            SubjectAccessRecord.Coding(segment: try row.int("segment_id"), theme: try row.string("theme_id"), label: row["label"],
                                       coder: try row.string("coder"), kind: try row.string("kind"), applied: row["applied"] == "t")
        }
        let memos = try db.query("""
            SELECT m.segment_id, m.author, m.text FROM consult.memo m JOIN consult.segment s ON s.id = m.segment_id
            WHERE s.respondent_id = ANY($1::bigint[]) ORDER BY m.id
            """, ids).rows.map { row in
            SubjectAccessRecord.Memo(segment: try row.int("segment_id"), author: try row.string("author"), text: try row.string("text"))
        }
        let samples = try db.query("""
            SELECT DISTINCT sample_name FROM consult.validation_sample_member WHERE respondent_id = ANY($1::bigint[]) ORDER BY 1
            """, ids).rows.map { try $0.string("sample_name") }
        try audit(.sar, ["respondents": .int(respondents.count), "answers": .int(answers.count), "segments": .int(segments.count),
                         "codings": .int(codings.count), "memos": .int(memos.count), "rejects": .int(rejects.count)])
        return SubjectAccessRecord(
            respondents: respondents, answers: answers, segments: segments, codings: codings, memos: memos, rejects: rejects,
            validationSamples: samples, notes: [
                "Free text is held only as redacted at import; the unredacted text is not stored.",
                "The respondent id from the source file is not stored; the pseudonym is a keyed hash of it, and the key is held outside the database.",
                "The source file itself is held by the consultation staff who imported it, outside consult.",
            ])
    }
}
