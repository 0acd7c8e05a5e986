import Foundation
import Postgres

/// What the audit log records. Each entry says who (database role and OS user), when and what, with
/// counts and batch ids, never personal data.
public enum AuditAction: String, Sendable, CaseIterable {
    case importData = "import", erase, sar, export, chapter, consent, retention, roles, codebook, token
}

/// A value in an audit entry's detail: counts, names of files and themes, never a person's data.
public enum AuditValue: Sendable, Equatable, Encodable {
    case int(Int)
    case string(String)
    case strings([String])

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .int(let value): try container.encode(value)
        case .string(let value): try container.encode(value)
        case .strings(let value): try container.encode(value)
        }
    }
}

/// One entry read back from the log.
public struct AuditEntry: Sendable, Equatable, Codable {
    public var id: Int
    public var at: String
    public var actor: String
    public var osUser: String?
    public var action: String
    public var detail: String

    enum CodingKeys: String, CodingKey {
        case id, at, actor, action, detail
        case osUser = "os_user"
    }
}

extension Store {
    /// Appends an entry in the name of the connected role. The table is append-only to every role
    /// but the owner, so an entry once written stays.
    public func audit(_ action: AuditAction, _ detail: [String: AuditValue] = [:]) throws {
        try db.query("INSERT INTO consult.audit_log (os_user, action, detail) VALUES ($1, $2, $3::jsonb)",
                     ProcessInfo.processInfo.userName, action.rawValue, try json(detail))
    }

    /// The most recent `limit` entries, newest first.
    public func auditLog(limit: Int) throws -> [AuditEntry] {
        try db.query("""
            SELECT id, to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS at, actor, os_user, action, detail::text AS detail
            FROM consult.audit_log ORDER BY id DESC LIMIT $1::int
            """, limit).rows.map { row in
            AuditEntry(id: try row.int("id"), at: try row.string("at"), actor: try row.string("actor"), osUser: row["os_user"],
                       action: try row.string("action"), detail: try row.string("detail"))
        }
    }
}
