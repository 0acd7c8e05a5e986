import ArgumentParser
import ConsultService
import ConsultStore
import ConsultationModel
import Foundation
import Logging

extension Consult {
    struct Serve: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Run the HTTP service: ingest API, read API, online forms, /metrics, /healthz, /readyz (README: consult serve).",
            discussion: """
                Uses the same database, rules and safeguards as the CLI and keeps no state of its own, so several \
                instances can serve one database. Needs `consult roles setup` (requests run as consult_staff, \
                consult_analyst or consult_reader by their token). SIGTERM or SIGINT: stop accepting, finish the \
                requests in flight, close. One log line per request on stderr (LOG_LEVEL=debug|info|warning).
                """)
        @Option(help: "Address and port to listen on (HOST:PORT; port 0 picks a free one).") var listen = "127.0.0.1:8080"
        @Option(help: "Database connections at most.") var maxConnections = 8
        @Option(help: "Largest request body in bytes (413 over it).") var maxBodyBytes = 1 << 20
        @Option(help: "Form submissions a minute from one address through a public token.") var formRate = 20

        func run() throws {
            guard DatabaseAccess.role == nil else {
                throw CommandFailure("serve picks the database role per request from its token; leave out --role")
            }
            let (host, port) = try Self.address(listen)
            let store = try DatabaseAccess.open()
            try Self.requireRoles(store)
            let consultation = try ConsultationLoader.load(directory: try ProjectFiles.surveys())
            let settings = ConsultServer.Settings(host: host, port: port, maxBodyBytes: maxBodyBytes, formSubmissionsPerMinute: formRate,
                                                  migrations: try ProjectFiles.migrations(), consultationTitle: consultation.title,
                                                  privacyNotice: consultation.privacyNotice)
            let pool = DatabasePool(maximum: maxConnections) { try DatabaseAccess.connection() }
            LoggingSystem.bootstrap { label in
                var handler = StreamLogHandler.standardError(label: label)
                handler.logLevel = ProcessInfo.processInfo.environment["LOG_LEVEL"].flatMap(Logger.Level.init(rawValue:)) ?? .info
                return handler
            }
            let server = ConsultServer(settings: settings, pool: pool, pseudonymiser: try DatabaseAccess.pseudonymiser())
            let finished = DispatchSemaphore(value: 0)
            let failure = FailureBox()
            Task {
                do {
                    try await server.application { port in Terminal.note("consult: serving on http://\(host):\(port)") }.runService()
                } catch {
                    failure.error = error
                }
                finished.signal()
            }
            finished.wait()
            if let error = failure.error { throw CommandFailure("serve stopped: \(error)") }
        }

        static func address(_ text: String) throws -> (String, Int) {
            guard let colon = text.lastIndex(of: ":"), let port = Int(text[text.index(after: colon)...]), (0...65_535).contains(port),
                  colon != text.startIndex else {
                throw CommandFailure("--listen '\(text)' is not HOST:PORT (e.g. 127.0.0.1:8080)")
            }
            return (String(text[..<colon]).trimmingCharacters(in: CharacterSet(charactersIn: "[]")), port)
        }

        /// Roles are the cluster's, grants are each database's: the roles existing (set up for another
        /// database of the cluster) is not enough, this database must have granted them its schemas
        /// (every role reads `consult_public`), or every request would fail for want of privileges.
        private static func requireRoles(_ store: Store) throws {
            let found = try store.db.query("""
                SELECT count(*) AS n FROM pg_roles r JOIN pg_namespace s ON s.nspname = 'consult_public'
                WHERE r.rolname = ANY($1::text[]) AND has_schema_privilege(r.oid, s.oid, 'USAGE')
                """, "{\(AccessRole.allCases.map(\.databaseRole).joined(separator: ","))}").rows[0].int("n")
            guard found == AccessRole.allCases.count else {
                throw CommandFailure("the service runs requests as consult_staff, consult_analyst and consult_reader: run `consult roles setup` first")
            }
        }
    }
}

/// The error the server's task ended with, handed to the waiting main thread.
private final class FailureBox: @unchecked Sendable {
    var error: (any Error)?
}
