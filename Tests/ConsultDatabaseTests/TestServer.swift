import ConsultService
import ConsultStore
import ConsultationModel
import Foundation
import PersonalData
import Logging
import Postgres
import ServiceLifecycle
import TestSupport

/// `consult serve` for a test: the real server on a free loopback port (127.0.0.1, port 0), on a
/// fresh database of the tests' cluster with the consultation loaded and the roles set up, and a real
/// HTTP client (`LoopbackHTTP`, which waits without holding a cooperative thread the server needs).
final class TestServer: @unchecked Sendable {
    let store: Store
    let database: String
    let port: Int
    let pseudonymiser = Pseudonymiser(key: Array(repeating: 9, count: 32))
    private let group: ServiceGroup
    private let task: Task<Void, any Error>

    struct Reply {
        var status: Int
        var contentType: String
        var body: String
        var headers: [String: String] = [:]
        var json: [String: Any] { (try? JSONSerialization.jsonObject(with: Data(body.utf8))) as? [String: Any] ?? [:] }
        var rows: [[String: Any]] { json["rows"] as? [[String: Any]] ?? [] }
    }

    /// - Parameter readOnly: the server's connections are read-only sessions, as on a streaming replica.
    init(readOnly: Bool = false, settings: (inout ConsultServer.Settings) -> Void = { _ in }) async throws {
        let fresh = try TestDatabase.freshDatabase()
        store = Store(db: fresh.connection)
        database = fresh.name
        let consultation = try ConsultationLoader.load(directory: ProjectPaths.surveys)
        _ = try store.load(consultation)
        try TestDatabase.setupRoles(store)
        let url = try TestDatabase.cluster().cluster.url(database: fresh.name)
        var chosen = ConsultServer.Settings(host: "127.0.0.1", port: 0, migrations: ProjectPaths.sql, consultationTitle: consultation.title,
                                            privacyNotice: consultation.privacyNotice)
        settings(&chosen)
        let session = readOnly ? ["default_transaction_read_only": "on"] : [:]
        let pool = DatabasePool(maximum: 4) { try Connection(url: url, settings: session) }
        var logger = Logger(label: "consult.serve.test")
        logger.logLevel = .warning
        let server = ConsultServer(settings: chosen, pool: pool, pseudonymiser: pseudonymiser, logger: logger)
        let (ports, continuation) = AsyncStream<Int>.makeStream()
        let group = ServiceGroup(services: [server.application { continuation.yield($0) }], logger: logger)
        self.group = group
        task = Task { try await group.run() }
        var iterator = ports.makeAsyncIterator()
        guard let port = await iterator.next() else { throw StoreError("the test server did not start") }
        self.port = port
    }

    /// A test that ended early (a failed `#require`, a thrown error) still shuts its server down
    /// gracefully: cancelling the server's task outright with connections open traps in NIO.
    deinit {
        let group = self.group
        Task { await group.triggerGracefulShutdown() }
    }

    /// Stops the server as SIGTERM does: graceful shutdown (stop accepting, finish requests in flight).
    func stop() async {
        await group.triggerGracefulShutdown()
        _ = await task.result
    }

    /// A token made as the CLI makes it.
    func token(_ access: ApiAccess, survey: String? = nil, isPublic: Bool = false) throws -> String {
        try store.createToken(access: access, survey: survey, expires: nil, isPublic: isPublic).secret
    }

    func url(_ path: String) -> URL { URL(string: "http://127.0.0.1:\(port)\(path)")! }

    func get(_ path: String, token: String? = nil) async throws -> Reply {
        try await send("GET", path, token: token)
    }

    func post(_ path: String, token: String?, contentType: String = "application/json", body: String, headers: [String: String] = [:]) async throws -> Reply {
        try await send("POST", path, token: token, contentType: contentType, body: Data(body.utf8), headers: headers)
    }

    func send(_ method: String, _ path: String, token: String?, contentType: String? = nil, body: Data? = nil,
              headers: [String: String] = [:]) async throws -> Reply {
        var fields: [(String, String)] = []
        if let token { fields.append(("Authorization", "Bearer \(token)")) }
        if let contentType { fields.append(("Content-Type", contentType)) }
        fields += headers.sorted { $0.key < $1.key }
        let reply = try await LoopbackHTTP.send(method, port: port, path, headers: fields, body: body)
        return Reply(status: reply.status, contentType: reply.headers["content-type"] ?? "", body: reply.text, headers: reply.headers)
    }

    /// Sends `first` while no import can store its batch (the batch table is locked from the test's
    /// own connection); once its import waits for the lock, runs `others` (which sends more) until
    /// `waiting` submissions wait in the server's queue (`/metrics`); then lets the imports go and
    /// returns both answers. So the first submission leads and the others are imported after it,
    /// whatever the machine's timing.
    func holdingImports<T: Sendable>(first: @escaping @Sendable () async throws -> Reply, then waiting: Int,
                                     _ others: @escaping @Sendable () async throws -> T) async throws -> (Reply, T) {
        try store.db.executeScript("BEGIN; LOCK TABLE consult.import_batch IN EXCLUSIVE MODE")
        let leading = Task { try await first() }
        try await poll("the first import to wait for the lock") {
            _ = try store.db.query("SELECT pg_stat_clear_snapshot()")
            return try count("SELECT count(*) AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'") == 1
        }
        let following = Task { try await others() }
        try await poll("\(waiting) submissions to wait for it") {
            let metrics = try await get("/metrics").body
            return metrics.firstMatch(of: /consult_submissions_waiting\S* (\d+)/).flatMap { Int($0.output.1) } == waiting
        }
        try store.db.executeScript("COMMIT")
        return (try await leading.value, try await following.value)
    }

    /// Checks `condition` every 100 ms for up to a minute.
    private func poll(_ what: String, _ condition: () async throws -> Bool) async throws {
        for _ in 0..<600 {
            if try await condition() { return }
            try await Task.sleep(for: .milliseconds(100))
        }
        try? store.db.executeScript("ROLLBACK")
        throw StoreError("waited a minute for \(what)")
    }

    func count(_ sql: String) throws -> Int { try store.db.query(sql).rows[0].int("n") }
}
