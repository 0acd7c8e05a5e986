import ConsultCoding
import ConsultStore
import Foundation
import Postgres
import Testing

/// Two coding runs on one database at once. `code auto` once failed at 300,000 responses with a
/// duplicate key on `coding_pkey` (BENCHMARKS.md, issue 16): a run deletes its coder's codings and
/// inserts the new ones in one transaction, and a second run that started before the first committed
/// neither saw the first's new rows when it deleted nor could insert beside them once they committed.
/// Coding runs of one codebook version now take turns: the second waits, then replaces the first's
/// codings with its own (the same ones), and both succeed.
@Suite struct ConcurrentCodingTests {
    /// The outcome of the run on the other thread.
    final class Outcome: @unchecked Sendable {
        private let lock = NSLock()
        private var stored: Result<AutoCoding.Summary, any Error>?
        private var waited = false
        var result: Result<AutoCoding.Summary, any Error>? { lock.withLock { stored } }
        var didWait: Bool { lock.withLock { waited } }
        func finish(_ result: Result<AutoCoding.Summary, any Error>) { lock.withLock { stored = result } }
        func noteWait() { lock.withLock { waited = true } }
    }

    /// Backends of `database` waiting for a lock another transaction holds.
    static func waitingForLocks(_ watcher: Connection) throws -> Int {
        try watcher.query("SELECT count(*) AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'")
            .rows[0].int("n")
    }

    @Test func aSecondCodeAutoStartedDuringTheFirstWaitsForItAndBothSucceed() throws {
        let small = try SmallConsultation()
        let before = try small.store.codings(coder: Store.ruleCoder)
        #expect(!before.isEmpty)
        let url = try TestDatabase.cluster().cluster.url(database: small.database)
        let watcher = try Connection(url: url)
        let second = Outcome()
        let finished = DispatchSemaphore(value: 0)
        var started = false
        let first = try AutoCoding.run(store: small.store) { _ in
            // The first run has deleted the codings it replaces and staged its own: start the second
            // now, and let the first go on to insert and commit only once the second is waiting on it.
            guard !started else { return }
            started = true
            Thread.detachNewThread {
                second.finish(Result {
                    try AutoCoding.run(store: Store(db: try Connection(url: url)), waiting: { second.noteWait() })
                })
                finished.signal()
            }
            let deadline = Date().addingTimeInterval(60)
            while second.result == nil, (try? Self.waitingForLocks(watcher)) == 0, Date() < deadline {
                Thread.sleep(forTimeInterval: 0.02)
            }
        }
        #expect(finished.wait(timeout: .now() + 120) == .success)
        let outcome = try #require(second.result)
        #expect(try outcome.get() == first)
        #expect(second.didWait)
        #expect(try small.store.codings(coder: Store.ruleCoder) == before)
        #expect(try FinalThemeTests.mismatches(small.store) == 0)
    }
}
