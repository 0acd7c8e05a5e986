import ConsultStore
import EmbeddedPostgres
import Foundation
import Postgres
import TestSupport

/// The real PostgreSQL server the database tests run against.
///
/// One throwaway cluster per test process, started through the product's own embedded launcher in a
/// temporary folder (fsync off: the data is disposable). Migrations are applied once into a template
/// database; each test gets its own database cloned from it (`CREATE DATABASE ... TEMPLATE`), so tests
/// are isolated and may run in parallel. The cluster is stopped and deleted when the process exits.
enum TestDatabase {
    struct Setup: Sendable {
        let cluster: EmbeddedCluster
        let binaries: ServerBinaries
        let home: URL
    }

    private static let setup: Result<Setup, any Error> = Result {
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("consult-test-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString.prefix(8))")
        // 0755 so that, when the tests run as root, the server's `postgres` user can reach the cluster.
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o755])
        let cluster = try EmbeddedCluster(home: home, durable: false)
        let binaries = try ServerBinaries.locate()
        try cluster.start(binaries: binaries)
        let admin = try Connection(url: cluster.url(database: "postgres"))
        try admin.query("CREATE DATABASE consult_template")
        let template = try Connection(url: cluster.url(database: "consult_template"))
        try Migrator(db: template, directory: ProjectPaths.sql).migrate()
        let result = Setup(cluster: cluster, binaries: binaries, home: home)
        stopAtExit = result
        atexit {
            guard let setup = TestDatabase.stopAtExit else { return }
            _ = try? setup.cluster.stop(binaries: setup.binaries)
            try? FileManager.default.removeItem(at: setup.home)
        }
        return result
    }

    nonisolated(unsafe) private static var stopAtExit: Setup?
    private static let counter = Counter()

    /// The running test cluster (started on first use).
    static func cluster() throws -> Setup { try setup.get() }

    /// A new, migrated, empty database for one test.
    static func fresh() throws -> Connection { try freshDatabase().connection }

    /// A new, migrated, empty database and its name (to connect to it again, e.g. as another role).
    static func freshDatabase() throws -> (name: String, connection: Connection) {
        let setup = try cluster()
        let name = "t\(counter.next())"
        let admin = try Connection(url: setup.cluster.url(database: "postgres"))
        try admin.query("CREATE DATABASE \(name) TEMPLATE consult_template")
        return (name, try Connection(url: setup.cluster.url(database: name)))
    }

    /// A new database with no schema at all, to migrate step by step (an upgrade from an older version).
    static func unmigrated() throws -> Connection {
        let setup = try cluster()
        let name = "t\(counter.next())"
        let admin = try Connection(url: setup.cluster.url(database: "postgres"))
        try admin.query("CREATE DATABASE \(name) TEMPLATE template0")
        return try Connection(url: setup.cluster.url(database: name))
    }

    /// Connects to a test database as `user` (a role `consult roles setup` created).
    static func connect(_ database: String, as user: String) throws -> Connection {
        try Connection(url: try cluster().cluster.url(database: database, user: user))
    }

    /// Applies `sql/roles/grants.sql` to a test database (roles are cluster-wide; the script copes
    /// with other databases creating them at the same time).
    static func setupRoles(_ store: Store) throws {
        try store.setupRoles(script: ProjectPaths.sql + "/roles/grants.sql")
    }

    /// A store on a fresh database.
    static func store() throws -> Store { Store(db: try fresh()) }
}

/// A thread-safe counter for unique database names.
final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var value = 0
    func next() -> Int {
        lock.lock()
        defer { lock.unlock() }
        value += 1
        return value
    }
}

/// Paths of the project's own files, found from this source file.
enum ProjectPaths {
    static var root: URL { ProjectRoot.url }
    static var sql: String { root.appendingPathComponent("sql").path }
    static var surveys: String { root.appendingPathComponent("surveys").path }
    static var sample: String { root.appendingPathComponent("surveys/sample").path }
}
