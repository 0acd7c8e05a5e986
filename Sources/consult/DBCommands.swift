import ArgumentParser
import ConsultStore
import EmbeddedPostgres
import Foundation

extension Consult {
    struct DB: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "db",
            abstract: "Manage the private PostgreSQL cluster (used when DATABASE_URL and PGHOST are unset).",
            subcommands: [Start.self, Stop.self, Status.self, URLCommand.self]
        )

        struct Start: ParsableCommand {
            static let configuration = CommandConfiguration(abstract: "Create the cluster if needed and start it.")
            func run() throws {
                try DatabaseAccess.requirePrivateCluster()
                let cluster = try DatabaseAccess.embeddedCluster()
                let started = try cluster.start(binaries: try ServerBinaries.locate())
                Terminal.write(started ? "started: \(cluster.clusterDirectory.path)\n" : "already running: \(cluster.clusterDirectory.path)\n")
            }
        }

        struct Stop: ParsableCommand {
            static let configuration = CommandConfiguration(abstract: "Stop the cluster (it starts again on next use).")
            func run() throws {
                try DatabaseAccess.requirePrivateCluster()
                let cluster = try DatabaseAccess.embeddedCluster()
                let stopped = try cluster.stop(binaries: try ServerBinaries.locate())
                Terminal.write(stopped ? "stopped\n" : "not running\n")
            }
        }

        struct Status: ParsableCommand {
            static let configuration = CommandConfiguration(abstract: "Say which database is in use and whether the cluster runs.")
            func run() throws {
                if let source = DatabaseAccess.externalSource {
                    Terminal.write("database: external, from \(source) (the private cluster is not used)\n")
                    return
                }
                let cluster = try DatabaseAccess.embeddedCluster()
                let binaries = try ServerBinaries.locate()
                var lines = [
                    "database: private cluster",
                    "state: \(cluster.isRunning(binaries: binaries) ? "running" : (cluster.isInitialised ? "stopped" : "not created yet"))",
                    "cluster: \(cluster.clusterDirectory.path)",
                    "socket: \(cluster.socketDirectory.path)",
                    "server programs: \(binaries.directory.path)",
                ]
                if let user = cluster.serverUser { lines.append("server runs as: \(user) (consult runs as root)") }
                if cluster.isRelocated {
                    lines.append("note: \(cluster.home.path) is not reachable by the server user, so the cluster is kept in \(cluster.clusterDirectory.path)")
                }
                Terminal.write(lines.joined(separator: "\n") + "\n")
            }
        }

        struct URLCommand: ParsableCommand {
            static let configuration = CommandConfiguration(commandName: "url", abstract: "Print the libpq URL of the database in use (for psql); with --role, the URL that logs in as that role.")
            func run() throws {
                if DatabaseAccess.externalSource == "DATABASE_URL" {
                    guard DatabaseAccess.role == nil else {
                        throw CommandFailure("DATABASE_URL names its own user; to connect as a role, set the user in that URL")
                    }
                    Terminal.write((DatabaseAccess.environment["DATABASE_URL"] ?? "") + "\n")
                } else if DatabaseAccess.externalSource != nil {
                    throw CommandFailure("the database is chosen by libpq's PG* variables; there is no single URL to print")
                } else {
                    let cluster = try DatabaseAccess.embeddedCluster()
                    let user = DatabaseAccess.role?.databaseRole ?? EmbeddedCluster.userName
                    Terminal.write(cluster.url(database: EmbeddedCluster.databaseName, user: user) + "\n")
                }
            }
        }
    }

    struct Migrate: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Apply pending migrations from sql/ (also done by every command that needs the database).")
        func run() throws {
            let applied = try Migrator(db: try DatabaseAccess.connection(), directory: try ProjectFiles.migrations()).migrate()
            Terminal.write(applied.isEmpty ? "database schema is up to date\n" : "applied migrations: \(applied.joined(separator: ", "))\n")
        }
    }
}
