import EmbeddedPostgres
import Foundation
import Postgres
import Testing

/// The private cluster's life cycle, on a cluster of its own (the shared test cluster is not touched).
@Suite struct EmbeddedClusterTests {
    @Test func concurrentFirstStartsCreateOneClusterThatBothUse() throws {
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("consult-embedded-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o755])
        defer { try? FileManager.default.removeItem(at: home) }
        let cluster = try EmbeddedCluster(home: home, durable: false)
        let binaries = try ServerBinaries.locate()
        defer { _ = try? cluster.stop(binaries: binaries) }
        #expect(!cluster.isInitialised)

        let outcomes = Outcomes()
        DispatchQueue.concurrentPerform(iterations: 2) { _ in
            outcomes.add(Result { try cluster.start(binaries: binaries) })
        }
        let results = try outcomes.all.map { try $0.get() }
        #expect(results.sorted { !$0 && $1 } == [false, true], "exactly one call started the server")
        #expect(cluster.isRunning(binaries: binaries))
        #expect(try Connection(url: cluster.url(database: "postgres")).query("SELECT 1 AS one").rows[0].int("one") == 1)

        #expect(try cluster.stop(binaries: binaries))
        #expect(!cluster.isRunning(binaries: binaries))
        #expect(try !cluster.stop(binaries: binaries))
        #expect(try cluster.start(binaries: binaries), "a stopped cluster starts again")
    }
}

/// Results gathered from several threads.
final class Outcomes: @unchecked Sendable {
    private let lock = NSLock()
    private var results: [Result<Bool, any Error>] = []
    func add(_ result: Result<Bool, any Error>) {
        lock.lock()
        results.append(result)
        lock.unlock()
    }
    var all: [Result<Bool, any Error>] {
        lock.lock()
        defer { lock.unlock() }
        return results
    }
}
