import Foundation
import Postgres

/// The three database roles consult defines (see `sql/roles/grants.sql`). PostgreSQL enforces what
/// each may read and write; the CLI only chooses which one to log in as.
public enum AccessRole: String, CaseIterable, Sendable {
    /// Imports, erasure, subject access, retention, loading the consultation.
    case staff
    /// Reads redacted segments and answers, writes codings and memos, runs queries.
    case analyst
    /// Reads the published, already-suppressed aggregates in `consult_public` only.
    case reader

    /// The PostgreSQL role name.
    public var databaseRole: String { "consult_\(rawValue)" }

    /// Parses `staff`, `analyst`, `reader` (or the database role names).
    public init?(name: String) {
        let plain = name.hasPrefix("consult_") ? String(name.dropFirst("consult_".count)) : name
        self.init(rawValue: plain)
    }
}

extension Store {
    /// Creates the three roles if missing and (re)applies their grants and policies from the trusted
    /// script `grants.sql` shipped in `sql/roles/`, in one transaction; recorded in the audit log.
    ///
    /// - Parameter script: the path of `sql/roles/grants.sql`.
    public func setupRoles(script: String) throws {
        guard let text = try? String(contentsOfFile: script, encoding: .utf8) else {
            throw StoreError("\(script): cannot read the grants script")
        }
        try db.transaction { db in
            try db.executeScript(text)
            try Store(db: db).audit(.roles, ["roles": .strings(AccessRole.allCases.map(\.databaseRole))])
        }
    }

    /// The role this connection is logged in as.
    public func currentRole() throws -> String {
        try db.query("SELECT current_user AS role").rows[0].string("role")
    }
}
