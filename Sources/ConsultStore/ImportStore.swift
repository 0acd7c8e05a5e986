import ConsultationModel
import Postgres
import SurveyExports

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
    /// Already present with different content: reported, left unchanged.
    public var rowsChanged: Int
    /// Erased earlier (on the erasure register): not brought back.
    public var rowsErased: Int
    public var rowsRejected: Int
    public var redactions: Int
    public var importedBy: String
    public var importedAt: String
    /// What the file was converted from to UTF-8, or nil when it was UTF-8.
    public var convertedFrom: String?
}

/// What became of one response of an import, by its line in the source: for a caller that joined
/// several submissions into one import and answers each from its own lines (`consult serve`).
public struct ImportedLine: Sendable, Equatable {
    public enum Outcome: String, Sendable {
        case accepted, duplicate, changed, erased
    }
    public var line: Int
    public var outcome: Outcome
    /// Redactions in the segments stored for this line (0 unless accepted).
    public var redactions: Int

    public init(line: Int, outcome: Outcome, redactions: Int) {
        self.line = line
        self.outcome = outcome
        self.redactions = redactions
    }
}

/// The identity of an import: which instrument, which file, who ran it.
public struct ImportSource: Sendable {
    public var instrument: Instrument
    public var kind: String
    public var sourceName: String
    public var sha256: String
    public var importedBy: String
    /// Focus-group notes: the session the respondents belong to.
    public var session: Transcript?

    public init(instrument: Instrument, kind: String, sourceName: String, sha256: String, importedBy: String, session: Transcript? = nil) {
        self.instrument = instrument
        self.kind = kind
        self.sourceName = sourceName
        self.sha256 = sha256
        self.importedBy = importedBy
        self.session = session
    }
}

/// What the producer of an import read: known only once it has gone through the whole file.
public struct ImportTally: Sendable {
    public var rowsRead: Int
    public var rowsRejected: Int
    /// What the file was converted from to UTF-8 (`EncodingConversion.summary`), or nil.
    public var convertedFrom: String?
    /// The rejected rows to record with the batch (`--accept-valid`); their `batch` is set on saving.
    public var rejects: [ImportReject]
    public init(rowsRead: Int, rowsRejected: Int, convertedFrom: String? = nil, rejects: [ImportReject] = []) {
        self.rowsRead = rowsRead
        self.rowsRejected = rowsRejected
        self.convertedFrom = convertedFrom
        self.rejects = rejects
    }
}

extension Store {
    private static let batchColumns = """
        id, instrument_id, kind, source_name, file_sha256, rows_read, rows_accepted, rows_duplicate, rows_changed, rows_erased, rows_rejected,
        redactions, imported_by, converted_from, to_char(imported_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS imported_at
        """

    /// The earlier import of exactly this file (same bytes) for this instrument, if any.
    public func batch(instrument: String, sha256: String) throws -> ImportBatch? {
        try db.query("SELECT \(Self.batchColumns) FROM consult.import_batch WHERE instrument_id = $1 AND file_sha256 = $2 ORDER BY id LIMIT 1",
                     instrument, sha256).rows.first.map(Self.batch(from:))
    }

    /// The source lines of the responses batch `batch` found changed, in file order.
    public func changedLines(batch: Int) throws -> [Int] {
        try db.query("SELECT source_line FROM consult.import_change WHERE batch_id = $1::bigint ORDER BY source_line", batch)
            .rows.map { try $0.int("source_line") }
    }

    /// All import batches, oldest first.
    public func batches() throws -> [ImportBatch] {
        try db.query("SELECT \(Self.batchColumns) FROM consult.import_batch ORDER BY id").rows.map(Self.batch(from:))
    }

    /// Stores an import in one transaction: the batch record, the session of focus-group notes, and
    /// the new respondents with their answers and segments, and the rejected rows the producer reports.
    ///
    /// `produce` hands each prepared respondent to the sink as it reads the file; the sink streams it
    /// into one staging table with COPY, so memory stays flat however large the file. Respondents
    /// already present (same instrument and pseudonym) are left untouched, so importing a file twice,
    /// or two overlapping files, never duplicates a response: they count as duplicates when their
    /// content digest matches, and as changed (listed in `import_change` with their source line) when
    /// it does not. If `produce`
    /// throws (a malformed file, rejected rows), or anything else fails, nothing is stored.
    ///
    /// After a large import the tables it filled are analysed at once: the first count after an import
    /// would otherwise be planned on the empty tables' statistics until autovacuum comes round
    /// (measured: 17-30 s for a closed-question table over 2,000 respondents, 0.05 s analysed).
    public func save(_ source: ImportSource,
                     _ produce: ((PreparedRespondent) throws -> Void) throws -> ImportTally) throws -> ImportBatch {
        try save(source, reportingLines: false, produce).batch
    }

    /// `save`, also telling what became of each response by its source line (in line order): the
    /// outcomes the batch's counts add up. A line repeating an earlier line's respondent in the same
    /// import counts as a duplicate of it. Costs one more statement over the staged rows, so file
    /// imports, which report counts only, do without.
    public func saveReportingLines(_ source: ImportSource,
                                   _ produce: ((PreparedRespondent) throws -> Void) throws -> ImportTally) throws -> (batch: ImportBatch, lines: [ImportedLine]) {
        try save(source, reportingLines: true, produce)
    }

    private func save(_ source: ImportSource, reportingLines: Bool,
                      _ produce: ((PreparedRespondent) throws -> Void) throws -> ImportTally) throws -> (batch: ImportBatch, lines: [ImportedLine]) {
        let saved = try store(source, reportingLines: reportingLines, produce)
        if saved.batch.rowsAccepted >= Self.analyseFrom { try db.executeScript("ANALYZE consult.respondent, consult.respondent_profile, consult.segment") }
        return saved
    }

    private func store(_ source: ImportSource, reportingLines: Bool,
                       _ produce: ((PreparedRespondent) throws -> Void) throws -> ImportTally) throws -> (batch: ImportBatch, lines: [ImportedLine]) {
        try db.transaction { db in
            let batchID = try db.query("""
                INSERT INTO consult.import_batch (instrument_id, kind, source_name, file_sha256, rows_read, rows_accepted,
                    rows_duplicate, rows_rejected, redactions, imported_by)
                VALUES ($1, $2, $3, $4, 0, 0, 0, 0, 0, $5) RETURNING id
                """, source.instrument.id, source.kind, source.sourceName, source.sha256, source.importedBy).rows[0].int("id")
            if let session = source.session {
                try db.query("""
                    INSERT INTO consult.focus_group_session (id, instrument_id, held_on, borough, group_type, participants, batch_id)
                    VALUES ($1, $2, $3::date, $4, $5, $6::int, $7::bigint) ON CONFLICT (id) DO NOTHING
                    """, session.session, source.instrument.id, session.date, session.borough, session.groupType,
                    session.participants, batchID)
            }
            // One staging table for the three kinds of row (r: respondent, a: answer, s: segment), so the
            // whole file goes through a single COPY stream. A respondent row carries its content digest
            // in `value` and its source line in `position`.
            try db.executeScript("""
                CREATE TEMP TABLE stage_row (kind "char", pseudonym text, quote_consent boolean, submitted_at timestamptz, mode text,
                    question_id text, value text, position int, text text, redactions int) ON COMMIT DROP;
                CREATE TEMP TABLE stage_new (id bigint, pseudonym text) ON COMMIT DROP;
                """)
            var tally = ImportTally(rowsRead: 0, rowsRejected: 0)
            try db.copyIn("COPY stage_row FROM STDIN") { writer in
                tally = try produce { r in
                    try writer.writeRow(["r", r.pseudonym, r.quoteConsent ? "t" : "f", r.submittedAt, r.mode, nil, r.contentDigest,
                                         r.sourceLine.map(String.init), nil, nil])
                    for a in r.answers {
                        try writer.writeRow(["a", r.pseudonym, nil, nil, nil, a.question, a.value, nil, nil, nil])
                    }
                    for s in r.segments {
                        try writer.writeRow(["s", r.pseudonym, nil, nil, nil, s.question, nil, String(s.position), s.text, String(s.redactions)])
                    }
                }
            }
            try Store(db: db).recordRejects(tally.rejects, batch: batchID)
            // Temporary tables are never auto-analysed; without statistics the planner picks nested
            // loops over a million staged answers (measured: 8 s instead of under 2 s for 100,000 rows).
            // A few staged rows (one submission to `consult serve`) plan well without, and analysing
            // costs more than the import itself: the transaction, which holds the data-version lock
            // every import takes, would last longer for nothing.
            let analyse = tally.rowsRead >= Self.analyseFrom
            if analyse { try db.executeScript("ANALYZE stage_row") }
            // Each staged respondent is checked against the erasure register once; the counts come
            // from the statements that do the work, not from scanning the staging table again.
            let respondents = try db.query("""
                WITH staged AS (
                    SELECT pseudonym, quote_consent, submitted_at, mode, value,
                        EXISTS (SELECT 1 FROM consult.erased_respondent e WHERE e.instrument_id = $1
                                AND e.pseudonym_hash = encode(sha256(convert_to(stage_row.pseudonym, 'UTF8')), 'hex')) AS erased
                    FROM stage_row WHERE kind = 'r'),
                inserted AS (
                    INSERT INTO consult.respondent (instrument_id, pseudonym, respondent_group, quote_consent, submitted_at, mode, batch_id, content_sha256)
                    SELECT $1, pseudonym, $2, quote_consent, submitted_at, mode, $3::bigint, value FROM staged WHERE NOT erased
                    ON CONFLICT (instrument_id, pseudonym) DO NOTHING
                    RETURNING id, pseudonym),
                kept AS (INSERT INTO stage_new SELECT id, pseudonym FROM inserted RETURNING 1)
                SELECT (SELECT count(*) FROM staged) AS staged, (SELECT count(*) FROM staged WHERE erased) AS erased,
                       (SELECT count(*) FROM kept) AS accepted
                """, source.instrument.id, source.instrument.respondentGroup, batchID).rows[0]
            if analyse { try db.executeScript("ANALYZE stage_new") }
            let changed = try db.query("""
                INSERT INTO consult.import_change (batch_id, respondent_id, source_line)
                SELECT $1::bigint, r.id, s.position FROM stage_row s
                JOIN consult.respondent r ON r.instrument_id = $2 AND r.pseudonym = s.pseudonym
                WHERE s.kind = 'r' AND r.content_sha256 <> s.value
                    AND NOT EXISTS (SELECT 1 FROM stage_new n WHERE n.pseudonym = s.pseudonym)
                ON CONFLICT DO NOTHING
                """, batchID, source.instrument.id).affectedRows
            // The new respondents' closed answers, one profile row each (sql/0016), built by the schema's
            // own statement from the staged answers (a chosen option once, however often a line names it).
            try db.query("""
                CREATE TEMP TABLE profile_touched ON COMMIT DROP AS
                SELECT id, $1::text AS instrument_id, $2::text AS respondent_group FROM stage_new
                """, source.instrument.id, source.instrument.respondentGroup)
            if analyse {
                try db.executeScript("ANALYZE profile_touched")
                // The profiles are built by sorting the staged answers (a million at 100,000 responses) and
                // their pairs tallied by hashing five million rows: with the default 4 MB those sorts
                // spill to disk (the import: 33.1 s with it, 28.5 s with 64 MB). For this transaction only.
                try db.executeScript("SET LOCAL work_mem = '64MB'")
            }
            let buildProfiles = try db.query("SELECT consult.profile_insert_statement($1) AS statement", """
                (SELECT DISTINCT n.id AS respondent_id, a.question_id, a.value FROM stage_row a JOIN stage_new n USING (pseudonym) WHERE a.kind = 'a')
                """).rows[0].string("statement")
            try db.query(buildProfiles)
            try db.executeScript("DROP TABLE profile_touched")
            let redactions = try db.query("""
                WITH inserted AS (
                    INSERT INTO consult.segment (respondent_id, question_id, position, text, redactions)
                    SELECT n.id, s.question_id, s.position, s.text, s.redactions FROM stage_row s JOIN stage_new n USING (pseudonym)
                    WHERE s.kind = 's' ORDER BY 1, 2, 3
                    RETURNING redactions)
                SELECT coalesce(sum(redactions), 0) AS redactions FROM inserted
                """).rows[0].int("redactions")
            let staged = try respondents.int("staged"), accepted = try respondents.int("accepted"), erased = try respondents.int("erased")
            let row = try db.query("""
                UPDATE consult.import_batch SET rows_read = $2::int, rows_rejected = $3::int, rows_accepted = $4::int, rows_changed = $5::int,
                    rows_erased = $6::int, rows_duplicate = $7::int, redactions = $8::int, converted_from = $9
                WHERE id = $1::bigint RETURNING \(Self.batchColumns)
                """, batchID, tally.rowsRead, tally.rowsRejected, accepted, changed, erased, staged - accepted - changed - erased,
                redactions, tally.convertedFrom).rows[0]
            let batch = try Self.batch(from: row)
            let lines = reportingLines ? try Self.lineOutcomes(db, batch: batchID, instrument: source.instrument.id) : []
            try Store(db: db).audit(.importData, [
                "kind": .string(source.kind), "file": .string(source.sourceName), "batch": .int(batch.id), "read": .int(batch.rowsRead),
                "accepted": .int(batch.rowsAccepted), "duplicate": .int(batch.rowsDuplicate), "changed": .int(batch.rowsChanged),
                "erased": .int(batch.rowsErased), "rejected": .int(batch.rowsRejected),
            ])
            return (batch, lines)
        }
    }

    /// Each staged response's outcome, decided as the statements of `save` decided it: stored (the
    /// first line of a new respondent), changed (listed in `import_change`), erased (on the register),
    /// or else a duplicate of what is held.
    private static func lineOutcomes(_ db: Connection, batch: Int, instrument: String) throws -> [ImportedLine] {
        try db.query("""
            SELECT s.position AS line,
                CASE WHEN c.respondent_id IS NOT NULL THEN 'changed'
                     WHEN n.id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM stage_row e WHERE e.kind = 'r' AND e.pseudonym = s.pseudonym
                                                           AND e.position < s.position) THEN 'accepted'
                     WHEN EXISTS (SELECT 1 FROM consult.erased_respondent e WHERE e.instrument_id = $2
                                  AND e.pseudonym_hash = encode(sha256(convert_to(s.pseudonym, 'UTF8')), 'hex')) THEN 'erased'
                     ELSE 'duplicate' END AS outcome,
                coalesce((SELECT sum(x.redactions) FROM stage_row x WHERE x.kind = 's' AND x.pseudonym = n.pseudonym), 0) AS redactions
            FROM stage_row s
            LEFT JOIN stage_new n USING (pseudonym)
            LEFT JOIN consult.import_change c ON c.batch_id = $1::bigint AND c.source_line = s.position
            WHERE s.kind = 'r' ORDER BY s.position
            """, batch, instrument).rows.map { row in
            let outcome = try row.string("outcome")
            guard let kind = ImportedLine.Outcome(rawValue: outcome) else { throw StoreError("unknown line outcome \(outcome)") }
            return ImportedLine(line: try row.int("line"), outcome: kind, redactions: kind == .accepted ? try row.int("redactions") : 0)
        }
    }

    /// Staged imports of at least this many rows get planner statistics (see `save`).
    static let analyseFrom = 200

    private static func batch(from row: QueryResult.Row) throws -> ImportBatch {
        ImportBatch(id: try row.int("id"), instrument: try row.string("instrument_id"), kind: try row.string("kind"),
                    sourceName: try row.string("source_name"), sha256: try row.string("file_sha256"),
                    rowsRead: try row.int("rows_read"), rowsAccepted: try row.int("rows_accepted"),
                    rowsDuplicate: try row.int("rows_duplicate"), rowsChanged: try row.int("rows_changed"), rowsErased: try row.int("rows_erased"),
                    rowsRejected: try row.int("rows_rejected"), redactions: try row.int("redactions"),
                    importedBy: try row.string("imported_by"), importedAt: try row.string("imported_at"),
                    convertedFrom: row["converted_from"])
    }

    /// Records the pseudonymisation key's fingerprint on first use and refuses a different key after:
    /// pseudonyms made with two keys would not match, and the same person would be counted twice.
    public func checkKeyFingerprint(_ fingerprint: String) throws {
        try db.query("INSERT INTO consult.setting (key, value) VALUES ('pseudonym_key_fingerprint', $1) ON CONFLICT (key) DO NOTHING",
                     fingerprint)
        let stored = try db.query("SELECT value FROM consult.setting WHERE key = 'pseudonym_key_fingerprint'").rows[0].string("value")
        guard stored == fingerprint else {
            throw StoreError("this database's pseudonyms were made with another key (fingerprint \(stored), yours \(fingerprint)); set CONSULT_KEY or CONSULT_KEY_FILE to that key (before the key moved under $CONSULT_HOME it was kept at ~/.config/consult/pseudonym.key)")
        }
    }
}
