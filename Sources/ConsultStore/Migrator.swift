import ConsultationModel
import Digests
import Foundation
import Postgres

/// Applies `sql/NNNN_name.sql` migrations in order, each once, each in its own transaction, and
/// records them (with the file's SHA-256) in `public.consult_schema_migrations`.
///
/// A migration that was applied and then edited is refused: the database would no longer match
/// the files. Concurrent migrators are serialised with an advisory lock.
public struct Migrator {
    /// A migration file found in the `sql/` directory.
    public struct Migration: Sendable, Equatable {
        public var version: String
        public var name: String
        public var path: String
    }

    public struct Failure: Error, CustomStringConvertible {
        public var file: String
        public var message: String
        public var description: String { "\(file): \(message)" }
    }

    let db: Connection
    let directory: String

    public init(db: Connection, directory: String) {
        self.db = db
        self.directory = directory
    }

    /// The migration files, sorted by version. Names must look like `0001_name.sql`.
    public func migrations() throws -> [Migration] {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory) else {
            throw Failure(file: directory, message: "migrations directory not found")
        }
        var found: [Migration] = []
        for name in names.sorted() where name.hasSuffix(".sql") {
            let stem = name.dropLast(4)
            guard let underscore = stem.firstIndex(of: "_"), stem[..<underscore].allSatisfy(\.isNumber), !stem[..<underscore].isEmpty else {
                throw Failure(file: "\(directory)/\(name)", message: "migration files must be named NNNN_name.sql")
            }
            found.append(Migration(version: String(stem[..<underscore]), name: String(stem[stem.index(after: underscore)...]),
                                   path: "\(directory)/\(name)"))
        }
        return found
    }

    /// Checks that every migration is applied, without changing anything: for the roles that may not
    /// migrate (staff, analyst, reader), so that they never work on a half-upgraded schema.
    ///
    /// - Throws: `Failure` naming the first migration not applied.
    public func requireCurrent() throws {
        let present = try db.query("SELECT to_regclass('public.consult_schema_migrations') IS NOT NULL AS present").rows[0]["present"] == "t"
        let known = present
            ? Set(try db.query("SELECT version FROM public.consult_schema_migrations").rows.map { try $0.string("version") })
            : []
        if let missing = try migrations().first(where: { !known.contains($0.version) }) {
            throw Failure(file: missing.path, message: "is not applied yet; run `consult migrate` as the database owner")
        }
    }

    /// Applies every migration not yet recorded.
    ///
    /// - Returns: the versions applied by this call (empty when the database was up to date).
    @discardableResult
    public func migrate() throws -> [String] {
        try db.executeScript("""
            CREATE TABLE IF NOT EXISTS public.consult_schema_migrations (
                version text PRIMARY KEY, name text NOT NULL, sha256 text NOT NULL,
                applied_at timestamptz NOT NULL DEFAULT now())
            """)
        try db.query("SELECT pg_advisory_lock(727274)")
        defer { _ = try? db.query("SELECT pg_advisory_unlock(727274)") }
        let applied = try db.query("SELECT version, sha256 FROM public.consult_schema_migrations")
        let known = Dictionary(uniqueKeysWithValues: try applied.rows.map { (try $0.string("version"), try $0.string("sha256")) })
        var done: [String] = []
        for migration in try migrations() {
            let text = try ConsultationLoader.readText(migration.path)
            let hash = sha256Hex(of: Array(text.utf8))
            if let recorded = known[migration.version] {
                guard recorded == hash else {
                    throw Failure(file: migration.path, message: "was changed after it was applied; add a new migration instead")
                }
                continue
            }
            do {
                try db.transaction { db in
                    try db.executeScript(text)
                    try db.query("INSERT INTO public.consult_schema_migrations (version, name, sha256) VALUES ($1, $2, $3)",
                                 migration.version, migration.name, hash)
                }
            } catch let error as PostgresError {
                throw Failure(file: migration.path, message: error.description)
            }
            done.append(migration.version)
        }
        return done
    }
}
