import Postgres

/// A rejected source row as the database records it (`consult.import_reject`, staff only).
///
/// Contract: what staff need to find and fix the row (its batch and line, the field and the reason)
/// and, when the row carried a source id, that id's keyed pseudonym so erasure and retention reach
/// the record. Never the row's content: the source file and the `--rejects` file hold that, and
/// unredacted free text must not enter the database. The reason must already be redacted (it can
/// quote the offending value).
public struct ImportReject: Sendable, Equatable, Codable {
    public var batch: Int
    public var line: Int
    public var field: String?
    public var reason: String
    public var pseudonym: String?

    public init(batch: Int = 0, line: Int, field: String?, reason: String, pseudonym: String?) {
        self.batch = batch
        self.line = line
        self.field = field
        self.reason = reason
        self.pseudonym = pseudonym
    }
}

extension Store {
    /// Records the rejected rows of batch `batch` (inside the import's transaction: all or nothing
    /// with the rest of the batch).
    func recordRejects(_ rejects: [ImportReject], batch: Int) throws {
        guard !rejects.isEmpty else { return }
        try db.copyIn("COPY consult.import_reject (batch_id, source_line, field, reason, pseudonym) FROM STDIN") { writer in
            for reject in rejects {
                try writer.writeRow([String(batch), String(reject.line), reject.field, reject.reason, reject.pseudonym])
            }
        }
    }

    /// The recorded rejects of batch `batch`, or of every batch when nil; by batch, then line.
    public func rejects(batch: Int? = nil) throws -> [ImportReject] {
        try db.query("""
            SELECT batch_id, source_line, field, reason, pseudonym FROM consult.import_reject
            WHERE $1::bigint IS NULL OR batch_id = $1::bigint ORDER BY batch_id, source_line
            """, batch.map(String.init)).rows.map(Self.reject(from:))
    }

    private static func reject(from row: QueryResult.Row) throws -> ImportReject {
        ImportReject(batch: try row.int("batch_id"), line: try row.int("source_line"), field: row["field"],
                     reason: try row.string("reason"), pseudonym: row["pseudonym"])
    }

    /// The reject records held under `keys` (subject access), by batch and line.
    func rejects(of keys: [RespondentKey]) throws -> [ImportReject] {
        try keys.flatMap { key in
            try db.query("""
                SELECT r.batch_id, r.source_line, r.field, r.reason, r.pseudonym FROM consult.import_reject r
                JOIN consult.import_batch b ON b.id = r.batch_id
                WHERE b.instrument_id = $1 AND r.pseudonym = $2 ORDER BY r.batch_id, r.source_line
                """, key.survey, key.pseudonym).rows.map(Self.reject(from:))
        }
    }

    /// Deletes the reject records held under `keys` (erasure); one key per record deleted.
    func deleteRejects(of keys: [RespondentKey]) throws -> [RespondentKey] {
        try keys.flatMap { key in
            try db.query("""
                DELETE FROM consult.import_reject r USING consult.import_batch b
                WHERE b.id = r.batch_id AND b.instrument_id = $1 AND r.pseudonym = $2 RETURNING r.source_line
                """, key.survey, key.pseudonym).rows.map { _ in key }
        }
    }
}
