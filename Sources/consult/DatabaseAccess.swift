import ArgumentParser
import ConsultIngest
import ConsultStore
import EmbeddedPostgres
import Foundation
import PersonalData
import Postgres

/// Which database the CLI uses, and opening it.
///
/// `DATABASE_URL` wins; otherwise `PGHOST` means "libpq's PG* variables"; otherwise the private
/// embedded cluster under `$CONSULT_HOME/pg`, created and started on first use. With an external
/// server nothing is created under `$CONSULT_HOME`.
enum DatabaseAccess {
    static var environment: [String: String] { ProcessInfo.processInfo.environment }

    /// `$CONSULT_HOME`, default `./.consult`.
    static var home: URL {
        let path = environment["CONSULT_HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? ".consult"
        return URL(fileURLWithPath: path, isDirectory: true).standardizedFileURL
    }

    /// How the database was chosen, for messages.
    static var externalSource: String? {
        if let url = environment["DATABASE_URL"], !url.isEmpty { return "DATABASE_URL" }
        if let host = environment["PGHOST"], !host.isEmpty { return "PGHOST" }
        return nil
    }

    static func embeddedCluster() throws -> EmbeddedCluster { try EmbeddedCluster(home: home) }

    /// The role given with the global `--role` option; nil logs in as the database owner.
    nonisolated(unsafe) static var role: AccessRole?

    /// Removes `--role NAME` / `--role=NAME` from the arguments (anywhere, for every command) and
    /// records it, so each command runs as that role without declaring the option itself.
    ///
    /// - Throws: `CommandFailure` for a missing or unknown role name.
    static func takeRoleOption(from arguments: [String]) throws -> [String] {
        var rest: [String] = []
        var index = arguments.startIndex
        while index < arguments.endIndex {
            let word = arguments[index]
            var name: String?
            if word == "--role" {
                guard index + 1 < arguments.endIndex else { throw CommandFailure("--role needs a role: staff, analyst or reader") }
                name = arguments[index + 1]
                index += 1
            } else if word.hasPrefix("--role=") {
                name = String(word.dropFirst("--role=".count))
            } else {
                rest.append(word)
            }
            if let name {
                guard let parsed = AccessRole(name: name) else {
                    throw CommandFailure("unknown role '\(name)' (roles: staff, analyst, reader)")
                }
                role = parsed
            }
            index += 1
        }
        return rest
    }

    /// Refuses to manage the private cluster while an external server is configured: starting it
    /// would create `$CONSULT_HOME/pg` that no command would use.
    static func requirePrivateCluster() throws {
        if let source = externalSource {
            throw CommandFailure("\(source) is set, so consult uses that server, not the private cluster; unset \(source) to manage the private cluster")
        }
    }

    /// Opens the database, starting the embedded cluster if it is the one in use, and applies pending
    /// migrations (as the owner; a role only checks that none is pending).
    static func open() throws -> Store {
        let db = try connection()
        let migrator = Migrator(db: db, directory: try ProjectFiles.migrations())
        if role == nil { try migrator.migrate() } else { try migrator.requireCurrent() }
        return Store(db: db)
    }

    /// Connects to the database in use without migrating it.
    static func connection() throws -> Connection {
        switch externalSource {
        case "DATABASE_URL"?: return try connect(environment["DATABASE_URL"], via: "DATABASE_URL")
        case "PGHOST"?: return try connect(nil, via: "PG* environment variables")
        default: return try openEmbedded()
        }
    }

    /// Session settings for the CLI's work: aggregate queries over millions of rows run in well under
    /// a second, where JIT compilation alone costs hundreds of milliseconds; and their hash aggregates
    /// fit in memory instead of spilling to disk.
    static let sessionSettings = ["jit": "off", "work_mem": "64MB"]

    private static func connect(_ url: String?, via source: String) throws -> Connection {
        do { return try Connection(url: url, user: role?.databaseRole, settings: sessionSettings) } catch let error as PostgresError {
            throw CommandFailure("\(error) (database given by \(source))")
        }
    }

    private static func openEmbedded() throws -> Connection {
        let cluster = try embeddedCluster()
        let binaries = try ServerBinaries.locate()
        if try cluster.start(binaries: binaries) {
            Terminal.note("consult: started the private PostgreSQL cluster in \(cluster.clusterDirectory.path)")
        }
        do {
            return try Connection(url: cluster.connectionURL, user: role?.databaseRole, settings: sessionSettings)
        } catch let error as PostgresError where role == nil && error.message.contains("does not exist") {
            // First use: the cluster exists but the consult database does not yet.
            let admin = try Connection(url: cluster.url(database: "postgres"))
            try admin.query("CREATE DATABASE consult")
            return try Connection(url: cluster.connectionURL, settings: sessionSettings)
        } catch let error as PostgresError where role != nil && error.message.contains("does not exist") {
            throw CommandFailure("\(error) (run `consult roles setup` as the owner first)")
        }
    }

    /// The pseudonymisation key: `CONSULT_KEY_FILE`, `CONSULT_KEY`, or `$CONSULT_HOME/pseudonym.key`
    /// (see `PseudonymKeySource`): outside the database in every case.
    static func pseudonymiser() throws -> Pseudonymiser {
        Pseudonymiser(key: try PseudonymKeySource.key(environment: environment, home: home.path))
    }
}
