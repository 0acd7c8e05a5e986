import ConsultStore
import Foundation
import NIOPosix
import Postgres

/// The service's libpq connections: at most `maximum` open at once (`--max-connections`), lent to one
/// request at a time, each request's statements run on a thread of the pool's own (one per
/// connection), never on the server's event loops nor on Dispatch's global queues, whose few threads
/// (about one per core) a blocking libpq call would take from everything else in the process.
///
/// A connection serves every access level: before lending it, the pool switches it with `SET ROLE` to
/// the database role the request acts as (`consult_staff` for ingest, `consult_analyst`,
/// `consult_reader`), or back to the login role for the service's own tables (tokens, idempotency
/// answers, rate counts). PostgreSQL's grants then decide what the request can see, as for the CLI's
/// `--role`. The login role must be the owner, or a member of the three roles.
public final class DatabasePool: @unchecked Sendable {
    /// One connection and the role it is switched to (nil: the login role); held by one request at a
    /// time, handed between threads only through the lock.
    private final class Pooled: @unchecked Sendable {
        let connection: Connection
        var role: AccessRole?
        init(connection: Connection) { self.connection = connection }
    }

    /// Pool use, for `/metrics`.
    public struct Use: Sendable {
        public var open: Int
        public var inUse: Int
        public var waiting: Int
        public var maximum: Int
    }

    private let connect: @Sendable () throws -> Connection
    private let threads: NIOThreadPool
    public let maximum: Int
    private let lock = NSLock()
    private var idle: [Pooled] = []
    private var opened = 0
    /// Requests waiting for a connection; resumed with one, or with nil to open a new one in the place
    /// of a connection that was dropped.
    private var waiters: [CheckedContinuation<Pooled?, Never>] = []

    /// - Parameters:
    ///   - maximum: connections open at most; requests beyond wait their turn.
    ///   - connect: opens one connection (as the login role).
    public init(maximum: Int, connect: @escaping @Sendable () throws -> Connection) {
        self.maximum = max(1, maximum)
        self.connect = connect
        threads = NIOThreadPool(numberOfThreads: self.maximum)
        threads.start()
    }

    deinit { threads.shutdownGracefully { _ in } }

    public var use: Use {
        lock.withLock { Use(open: opened, inUse: opened - idle.count, waiting: waiters.count, maximum: maximum) }
    }

    /// Runs `body` on a connection switched to `role` (nil: the login role), on a thread of its own.
    ///
    /// A connection that fails even a trivial query after `body` threw is closed rather than lent
    /// again (the server went away, or the session is unusable).
    public func withStore<T: Sendable>(as role: AccessRole?, _ body: @escaping @Sendable (Store) throws -> T) async throws -> T {
        let lent = await checkOut()
        return try await withCheckedThrowingContinuation { continuation in
            threads.submit { [self] _ in
                var pooled = lent
                do {
                    if pooled == nil { pooled = Pooled(connection: try connect()) }
                    let connection = pooled!.connection
                    if pooled!.role != role {
                        // The role names are the enum's own constants, never request text.
                        try connection.query(role.map { "SET ROLE \($0.databaseRole)" } ?? "RESET ROLE")
                        pooled!.role = role
                    }
                    let value = try body(Store(db: connection))
                    checkIn(pooled)
                    continuation.resume(returning: value)
                } catch {
                    let usable = pooled.map { (try? $0.connection.query("SELECT 1")) != nil } ?? false
                    checkIn(usable ? pooled : nil)
                    continuation.resume(throwing: error)
                }
            }
        }
    }

    /// An idle connection, nil when the caller may open a new one, or a wait for one to come back.
    private func checkOut() async -> Pooled? {
        enum Decision { case lend(Pooled), open, wait }
        let decision: Decision = lock.withLock {
            if let pooled = idle.popLast() { return .lend(pooled) }
            if opened < maximum {
                opened += 1
                return .open
            }
            return .wait
        }
        switch decision {
        case .lend(let pooled): return pooled
        case .open: return nil
        case .wait:
            return await withCheckedContinuation { continuation in
                let lent: Pooled?? = lock.withLock {
                    // Re-check under the lock: a connection may have come back meanwhile.
                    if let pooled = idle.popLast() { return .some(pooled) }
                    if opened < maximum {
                        opened += 1
                        return .some(nil)
                    }
                    waiters.append(continuation)
                    return .none
                }
                if let lent { continuation.resume(returning: lent) }
            }
        }
    }

    /// Returns a connection (nil: it was dropped, or never opened) and wakes the next waiter.
    private func checkIn(_ pooled: Pooled?) {
        let waiter: CheckedContinuation<Pooled?, Never>? = lock.withLock {
            if !waiters.isEmpty { return waiters.removeFirst() }
            if let pooled { idle.append(pooled) } else { opened -= 1 }
            return nil
        }
        waiter?.resume(returning: pooled)
    }
}
