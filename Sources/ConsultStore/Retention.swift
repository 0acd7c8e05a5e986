import Foundation
import Postgres

/// What `consult retention apply` found (and, unless a dry run, deleted).
public struct RetentionReport: Sendable, Equatable, Codable {
    public var retentionMonths: Int
    /// Data imported before this instant (UTC, ISO 8601) is past its retention period.
    public var cutoff: String
    public var removed: RemovalCounts
    /// Focus-group sessions whose transcripts came in an expired batch.
    public var sessions: Int
    /// Import batches whose respondent-level data was removed (the batch records stay: they hold counts).
    public var batches: [Int]
    public var dryRun: Bool

    enum CodingKeys: String, CodingKey {
        case cutoff, removed, sessions, batches
        case retentionMonths = "retention_months", dryRun = "dry_run"
    }
}

extension Store {
    /// Deletes identifiable (respondent-level) data imported more than the consultation's
    /// `retention_months` before `asOf`: respondents with their answers, segments, codings and memos,
    /// and the focus-group sessions and reject records of expired batches. Import batch records (file name, hash, counts)
    /// and the audit log stay. One transaction; audited with counts.
    ///
    /// - Parameters:
    ///   - asOf: the instant to measure from (now, normally; given explicitly to check a date ahead).
    ///   - dryRun: report without deleting.
    /// - Throws: `StoreError` when the consultation sets no retention period.
    public func applyRetention(asOf: Date, dryRun: Bool) throws -> RetentionReport {
        try db.transaction { db in
            let store = Store(db: db)
            let setting = try db.query("SELECT id, retention_months FROM consult.consultation ORDER BY id").rows
            guard let row = setting.first else { throw StoreError("no consultation is loaded; run `consult survey load`") }
            guard let months = row["retention_months"].flatMap({ Int($0) }) else {
                throw StoreError("the consultation sets no retention period: add retention_months to consultation.yaml and run `consult survey load`")
            }
            let stamp = ISO8601DateFormatter().string(from: asOf)
            let cutoffRow = try db.query("""
                SELECT to_char(($1::timestamptz - make_interval(months => $2::int)) AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS cutoff
                """, stamp, months).rows[0]
            let cutoff = try cutoffRow.string("cutoff")
            let batches = try db.query("SELECT id FROM consult.import_batch WHERE imported_at < $1::timestamptz ORDER BY id", cutoff)
                .rows.map { try $0.int("id") }
            let batchArray = TextArray(batches.map(String.init))
            let ids = try db.query("SELECT id FROM consult.respondent WHERE batch_id = ANY($1::bigint[]) ORDER BY id", batchArray)
                .rows.map { try $0.int("id") }
            var removed = try store.heldRows(ids)
            removed.rejects = try db.query("SELECT count(*) AS n FROM consult.import_reject WHERE batch_id = ANY($1::bigint[])", batchArray)
                .rows[0].int("n")
            let sessions = try db.query("SELECT count(*) AS n FROM consult.focus_group_session WHERE batch_id = ANY($1::bigint[])", batchArray)
                .rows[0].int("n")
            let report = RetentionReport(retentionMonths: months, cutoff: cutoff, removed: removed, sessions: sessions,
                                         batches: batches, dryRun: dryRun)
            guard !dryRun else { return report }
            try store.deleteRespondents(ids)
            try db.query("DELETE FROM consult.focus_group_session WHERE batch_id = ANY($1::bigint[])", batchArray)
            try db.query("DELETE FROM consult.import_reject WHERE batch_id = ANY($1::bigint[])", batchArray)
            var detail = removed.auditDetail
            detail["cutoff"] = .string(cutoff)
            detail["sessions"] = .int(sessions)
            detail["batches"] = .strings(batches.map(String.init))
            try store.audit(.retention, detail)
            return report
        }
    }
}
