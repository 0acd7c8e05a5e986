import Foundation
import Postgres
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// An import interrupted part-way, while its rows stream into the server: the `consult` process
/// killed with SIGKILL (no chance to clean up), or its server backend terminated from another
/// connection (as a database restart or an administrator would). Either way nothing of the batch may
/// be visible afterwards, and running the same command again must import every response exactly once.
extension CLITests {
    /// How the import is interrupted once the server shows its COPY in progress.
    enum Interruption: String, CaseIterable, CustomStringConvertible {
        case killClient, terminateBackend
        var description: String { rawValue }
    }

    /// Enough generated responses that the import is still streaming when the poll sees its COPY.
    static let interruptedRows = 6_000

    @Test(arguments: Interruption.allCases)
    func anInterruptedImportLeavesNothingAndARerunCompletesItOnce(_ interruption: Interruption) throws {
        let url = try freshURL()
        let db = try Connection(url: url)
        #expect(try consult(["survey", "load", ProjectPaths.surveys], databaseURL: url).status == 0)
        let data = home.appendingPathComponent("data").path
        let generated = try consult(["sample", "generate", "--out", data, "--community", String(Self.interruptedRows),
                                     "--partner", "0", "--focus-groups", "0"], databaseURL: nil)
        try #require(generated.status == 0, "\(generated.stderr)")
        let csv = data + "/community-responses.csv"
        let arguments = ["import", "responses", csv, "--survey", "community"]

        let running = try start(arguments, databaseURL: url)
        let backend = try #require(try Self.backendCopying(db), "the import finished before its COPY was seen")
        switch interruption {
        case .killClient: #expect(kill(running.pid, SIGKILL) == 0)
        case .terminateBackend: try db.query("SELECT pg_terminate_backend($1::int)", backend)
        }
        let interrupted = running.finish()
        #expect(interrupted.status != 0 || interruption == .killClient)
        if interruption == .terminateBackend {
            #expect(interrupted.stderr.hasPrefix("consult: ") && interrupted.stderr.split(separator: "\n").count == 1, "\(interrupted.stderr)")
        }
        try Self.waitUntilGone(backend, db)
        #expect(try Self.counts(db) == Counts(batches: 0, respondents: 0, answers: 0, segments: 0, imports: 0))

        let rerun = try consult(arguments, databaseURL: url)
        #expect(rerun.status == 0, "\(rerun.stderr)")
        let once = try Self.counts(db)
        #expect(once.batches == 1 && once.respondents == Self.interruptedRows && once.imports == 1)
        #expect(once.answers > 5 * Self.interruptedRows && once.segments > Self.interruptedRows)
        let accepted = try db.query("SELECT rows_read, rows_accepted, rows_duplicate FROM consult.import_batch").rows[0]
        #expect(try [accepted.int("rows_read"), accepted.int("rows_accepted"), accepted.int("rows_duplicate")]
                == [Self.interruptedRows, Self.interruptedRows, 0])

        let again = try consult(arguments, databaseURL: url)
        #expect(again.status == 0 && again.stdout.contains("already imported"), "\(again.stdout)")
        #expect(try Self.counts(db) == once)
    }

    /// What an import writes, counted.
    struct Counts: Equatable {
        var batches, respondents, answers, segments, imports: Int
    }

    static func counts(_ db: Connection) throws -> Counts {
        let row = try db.query("""
            SELECT (SELECT count(*) FROM consult.import_batch) AS batches, (SELECT count(*) FROM consult.respondent) AS respondents,
                   (SELECT count(*) FROM consult.answer) AS answers, (SELECT count(*) FROM consult.segment) AS segments,
                   (SELECT count(*) FROM consult.audit_log WHERE action = 'import') AS imports
            """).rows[0]
        return Counts(batches: try row.int("batches"), respondents: try row.int("respondents"), answers: try row.int("answers"),
                      segments: try row.int("segments"), imports: try row.int("imports"))
    }

    /// The process id of the backend streaming an import's COPY into this database, polled every
    /// 10 ms for up to a minute; nil if no such COPY was seen.
    static func backendCopying(_ db: Connection) throws -> Int? {
        for _ in 0..<6_000 {
            if let row = try db.query("""
                SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()
                    AND query LIKE 'COPY stage_row%' AND state = 'active'
                """).rows.first {
                return try row.int("pid")
            }
            usleep(10_000)
        }
        return nil
    }

    /// Waits (up to a minute) until backend `pid` has ended, so its transaction is over.
    static func waitUntilGone(_ pid: Int, _ db: Connection) throws {
        for _ in 0..<6_000 {
            if try db.query("SELECT 1 FROM pg_stat_activity WHERE pid = $1::int", pid).rows.isEmpty { return }
            usleep(10_000)
        }
        Issue.record("backend \(pid) still running a minute after its client was interrupted")
    }
}
