import ConsultCore
import Postgres

/// One import of one file, as recorded in `consult.import_batch`.
public struct ImportBatch: Sendable, Equatable, Codable {
    public var id: Int
    public var instrument: String
    public var kind: String
    public var sourceName: String
    public var sha256: String
    public var rowsRead: Int
    public var rowsAccepted: Int
    public var rowsDuplicate: Int
    public var rowsRejected: Int
    public var redactions: Int
    public var importedBy: String
    public var importedAt: String
}

/// What an import brings: the file's identity and the prepared respondents.
public struct ImportContent: Sendable {
    public var instrument: Instrument
    public var kind: String
    public var sourceName: String
    public var sha256: String
    public var rowsRead: Int
    public var rowsRejected: Int
    public var importedBy: String
    public var respondents: [PreparedRespondent]
    /// Focus-group notes: the session the respondents belong to.
    public var session: Transcript?

    public init(instrument: Instrument, kind: String, sourceName: String, sha256: String, rowsRead: Int, rowsRejected: Int,
                importedBy: String, respondents: [PreparedRespondent], session: Transcript? = nil) {
        self.instrument = instrument
        self.kind = kind
        self.sourceName = sourceName
        self.sha256 = sha256
        self.rowsRead = rowsRead
        self.rowsRejected = rowsRejected
        self.importedBy = importedBy
        self.respondents = respondents
        self.session = session
    }
}

extension Store {
    private static let batchColumns = """
        id, instrument_id, kind, source_name, file_sha256, rows_read, rows_accepted, rows_duplicate, rows_rejected,
        redactions, imported_by, to_char(imported_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS imported_at
        """

    /// The earlier import of exactly this file (same bytes) for this instrument, if any.
    public func batch(instrument: String, sha256: String) throws -> ImportBatch? {
        try db.query("SELECT \(Self.batchColumns) FROM consult.import_batch WHERE instrument_id = $1 AND file_sha256 = $2 ORDER BY id LIMIT 1",
                     instrument, sha256).rows.first.map(Self.batch(from:))
    }

    /// All import batches, oldest first.
    public func batches() throws -> [ImportBatch] {
        try db.query("SELECT \(Self.batchColumns) FROM consult.import_batch ORDER BY id").rows.map(Self.batch(from:))
    }

    /// Stores an import in one transaction: the batch record, new respondents with their answers and
    /// segments (streamed with COPY into staging tables), and the session of focus-group notes.
    ///
    /// Respondents already present (same instrument and pseudonym) are counted as duplicates and left
    /// untouched, so importing a file twice, or two overlapping files, never duplicates a response.
    /// If anything fails, nothing is stored.
    public func save(_ content: ImportContent) throws -> ImportBatch {
        try db.transaction { db in
            let batchID = try db.query("""
                INSERT INTO consult.import_batch (instrument_id, kind, source_name, file_sha256, rows_read, rows_accepted,
                    rows_duplicate, rows_rejected, redactions, imported_by)
                VALUES ($1, $2, $3, $4, $5::int, 0, 0, $6::int, 0, $7) RETURNING id
                """, content.instrument.id, content.kind, content.sourceName, content.sha256, content.rowsRead,
                content.rowsRejected, content.importedBy).rows[0].int("id")
            if let session = content.session {
                try db.query("""
                    INSERT INTO consult.focus_group_session (id, instrument_id, held_on, borough, group_type, participants, batch_id)
                    VALUES ($1, $2, $3::date, $4, $5, $6::int, $7::bigint) ON CONFLICT (id) DO NOTHING
                    """, session.session, content.instrument.id, session.date, session.borough, session.groupType,
                    session.participants, batchID)
            }
            try db.executeScript("""
                CREATE TEMP TABLE stage_respondent (pseudonym text, quote_consent boolean, submitted_at timestamptz, mode text) ON COMMIT DROP;
                CREATE TEMP TABLE stage_answer (pseudonym text, question_id text, value text) ON COMMIT DROP;
                CREATE TEMP TABLE stage_segment (pseudonym text, question_id text, position int, text text, redactions int) ON COMMIT DROP;
                CREATE TEMP TABLE stage_new (id bigint, pseudonym text) ON COMMIT DROP;
                """)
            try db.copyIn("COPY stage_respondent FROM STDIN") { writer in
                for r in content.respondents {
                    try writer.writeRow([r.pseudonym, r.quoteConsent ? "t" : "f", r.submittedAt, r.mode])
                }
            }
            try db.copyIn("COPY stage_answer FROM STDIN") { writer in
                for r in content.respondents {
                    for a in r.answers { try writer.writeRow([r.pseudonym, a.question, a.value]) }
                }
            }
            try db.copyIn("COPY stage_segment FROM STDIN") { writer in
                for r in content.respondents {
                    for s in r.segments { try writer.writeRow([r.pseudonym, s.question, String(s.position), s.text, String(s.redactions)]) }
                }
            }
            // Temporary tables are never auto-analysed; without statistics the planner picks nested
            // loops over a million staged answers (measured: 8 s instead of under 2 s for 100,000 rows).
            try db.executeScript("ANALYZE stage_respondent; ANALYZE stage_answer; ANALYZE stage_segment")
            try db.query("""
                WITH inserted AS (
                    INSERT INTO consult.respondent (instrument_id, pseudonym, respondent_group, quote_consent, submitted_at, mode, batch_id)
                    SELECT $1, pseudonym, $2, quote_consent, submitted_at, mode, $3::bigint FROM stage_respondent
                    ON CONFLICT (instrument_id, pseudonym) DO NOTHING
                    RETURNING id, pseudonym)
                INSERT INTO stage_new SELECT id, pseudonym FROM inserted
                """, content.instrument.id, content.instrument.respondentGroup, batchID)
            try db.executeScript("ANALYZE stage_new")
            // Rows go in key order so that index and foreign-key lookups walk the B-trees sequentially.
            try db.query("""
                INSERT INTO consult.answer (respondent_id, question_id, value)
                SELECT DISTINCT n.id, a.question_id, a.value FROM stage_answer a JOIN stage_new n USING (pseudonym)
                ORDER BY 1, 2, 3
                """)
            try db.query("""
                INSERT INTO consult.segment (respondent_id, question_id, position, text, redactions)
                SELECT n.id, s.question_id, s.position, s.text, s.redactions FROM stage_segment s JOIN stage_new n USING (pseudonym)
                ORDER BY 1, 2, 3
                """)
            let row = try db.query("""
                UPDATE consult.import_batch b SET
                    rows_accepted = (SELECT count(*) FROM stage_new),
                    rows_duplicate = (SELECT count(*) FROM stage_respondent) - (SELECT count(*) FROM stage_new),
                    redactions = (SELECT coalesce(sum(s.redactions), 0) FROM stage_segment s JOIN stage_new n USING (pseudonym))
                WHERE b.id = $1::bigint RETURNING \(Self.batchColumns)
                """, batchID).rows[0]
            return try Self.batch(from: row)
        }
    }

    private static func batch(from row: QueryResult.Row) throws -> ImportBatch {
        ImportBatch(id: try row.int("id"), instrument: try row.string("instrument_id"), kind: try row.string("kind"),
                    sourceName: try row.string("source_name"), sha256: try row.string("file_sha256"),
                    rowsRead: try row.int("rows_read"), rowsAccepted: try row.int("rows_accepted"),
                    rowsDuplicate: try row.int("rows_duplicate"), rowsRejected: try row.int("rows_rejected"),
                    redactions: try row.int("redactions"), importedBy: try row.string("imported_by"),
                    importedAt: try row.string("imported_at"))
    }

    /// Records the pseudonymisation key's fingerprint on first use and refuses a different key after:
    /// pseudonyms made with two keys would not match, and the same person would be counted twice.
    public func checkKeyFingerprint(_ fingerprint: String) throws {
        try db.query("INSERT INTO consult.setting (key, value) VALUES ('pseudonym_key_fingerprint', $1) ON CONFLICT (key) DO NOTHING",
                     fingerprint)
        let stored = try db.query("SELECT value FROM consult.setting WHERE key = 'pseudonym_key_fingerprint'").rows[0].string("value")
        guard stored == fingerprint else {
            throw StoreError("this database's pseudonyms were made with another key (fingerprint \(stored), yours \(fingerprint)); set CONSULT_KEY_FILE to that key")
        }
    }
}
