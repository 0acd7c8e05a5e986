import Digests
import Foundation
import Postgres

/// What a bearer token of `consult serve` may do. Each access level is served under one database
/// role (`databaseRole`), so PostgreSQL's grants and views decide what a request can read or write,
/// exactly as for the CLI's `--role`.
public enum ApiAccess: String, Sendable, CaseIterable, Codable {
    /// Submits responses and notes (to its survey only, when the token names one).
    case ingest
    /// Reads the analysis API with the analyst role's rights (redacted data, counts with suppression).
    case analyst
    /// Reads the published, suppressed aggregates only: what `consult_reader` sees.
    case reader

    public var databaseRole: AccessRole {
        switch self {
        case .ingest: .staff
        case .analyst: .analyst
        case .reader: .reader
        }
    }
}

/// A token as `consult token list` shows it: never the token itself, nor its hash.
public struct ApiToken: Sendable, Equatable, Codable {
    public var id: Int
    public var access: ApiAccess
    /// The only survey the token may submit to or read, or nil for all.
    public var survey: String?
    /// A public form token (printed into the survey's form page).
    public var isPublic: Bool
    public var createdAt: String
    public var createdBy: String
    public var expiresAt: String?
    public var revokedAt: String?
}

/// A token just made: `secret` is shown once and never stored.
public struct IssuedToken: Sendable {
    public var token: ApiToken
    public var secret: String
}

/// Bearer tokens are `consult_` and 64 hex digits (256 random bits), so a leaked one is recognisable
/// in logs and a guessed one is hopeless.
public enum ApiTokenSecret {
    public static let prefix = "consult_"

    /// A new random token.
    public static func generate() -> String {
        var generator = SystemRandomNumberGenerator()
        return prefix + HexCoding.encode((0..<32).map { _ in UInt8.random(in: .min ... .max, using: &generator) })
    }

    /// The hash stored in place of the token.
    public static func hash(_ secret: String) -> String { sha256Hex(of: Array(secret.utf8)) }

    /// Whether `text` has the shape of a token (checked before any database round trip).
    public static func isWellFormed(_ text: String) -> Bool {
        text.hasPrefix(prefix) && text.utf8.count == prefix.utf8.count + 64
            && text.utf8.dropFirst(prefix.utf8.count).allSatisfy { (0x30...0x39).contains($0) || (0x61...0x66).contains($0) }
    }
}

extension Store {
    private static let tokenColumns = """
        id, access, survey, public_token IS NOT NULL AS is_public,
        to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS created_at, created_by,
        to_char(expires_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS expires_at,
        to_char(revoked_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS revoked_at
        """

    /// Makes a token and records only its hash (a public form token is kept as it is: see
    /// `sql/0010_service_tokens.sql`); audited without the token.
    ///
    /// - Parameter expires: an ISO 8601 date or timestamp (PostgreSQL's `timestamptz` input), or nil.
    /// - Throws: `StoreError` for an unknown survey, a public token that is not an ingest token for
    ///   one survey, or an expiry that is not a date in the future.
    public func createToken(access: ApiAccess, survey: String?, expires: String?, isPublic: Bool = false) throws -> IssuedToken {
        if let survey { _ = try instrument(survey) }
        if isPublic && (access != .ingest || survey == nil) {
            throw StoreError("a public form token is an ingest token for one survey: use --access ingest --survey ID")
        }
        if let expires {
            let future = try db.query("SELECT CASE WHEN $1 ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}' THEN $1::timestamptz > now() END AS ok", expires)
                .rows[0]["ok"]
            guard let future else { throw StoreError("--expires '\(expires)' is not a date (YYYY-MM-DD or an ISO 8601 timestamp)") }
            guard future == "t" else { throw StoreError("--expires '\(expires)' is not in the future") }
        }
        let secret = ApiTokenSecret.generate()
        return try db.transaction { db in
            let row = try db.query("""
                INSERT INTO consult.api_token (token_sha256, access, survey, public_token, expires_at)
                VALUES ($1, $2, $3, $4, $5::timestamptz) RETURNING \(Self.tokenColumns)
                """, ApiTokenSecret.hash(secret), access.rawValue, survey, isPublic ? secret : nil, expires).rows[0]
            let token = try Self.token(from: row)
            try Store(db: db).audit(.token, ["created": .int(token.id), "access": .string(access.rawValue), "survey": .string(survey ?? "*")])
            return IssuedToken(token: token, secret: secret)
        }
    }

    /// Every token, oldest first, revoked and expired ones included (they say so).
    public func tokens() throws -> [ApiToken] {
        try db.query("SELECT \(Self.tokenColumns) FROM consult.api_token ORDER BY id").rows.map(Self.token(from:))
    }

    /// Revokes token `id` from now on; audited. Revoking twice is refused, naming when it was revoked.
    public func revokeToken(_ id: Int) throws {
        try db.transaction { db in
            let rows = try db.query("SELECT revoked_at FROM consult.api_token WHERE id = $1::bigint FOR UPDATE", id).rows
            guard let row = rows.first else { throw StoreError("no token with id \(id) (see `consult token list`)") }
            if let revoked = row["revoked_at"] { throw StoreError("token \(id) was already revoked at \(revoked)") }
            try db.query("UPDATE consult.api_token SET revoked_at = now() WHERE id = $1::bigint", id)
            try Store(db: db).audit(.token, ["revoked": .int(id)])
        }
    }

    /// The live token whose secret is `secret` (not revoked, not expired), or nil.
    public func activeToken(secret: String) throws -> ApiToken? {
        guard ApiTokenSecret.isWellFormed(secret) else { return nil }
        return try db.query("""
            SELECT \(Self.tokenColumns) FROM consult.api_token
            WHERE token_sha256 = $1 AND revoked_at IS NULL AND (expires_at IS NULL OR expires_at > now())
            """, ApiTokenSecret.hash(secret)).rows.first.map(Self.token(from:))
    }

    /// The public form token of `survey` (the newest live one), or nil when the survey has no form.
    public func publicToken(survey: String) throws -> String? {
        try db.query("""
            SELECT public_token FROM consult.api_token
            WHERE survey = $1 AND public_token IS NOT NULL AND revoked_at IS NULL AND (expires_at IS NULL OR expires_at > now())
            ORDER BY id DESC LIMIT 1
            """, survey).rows.first?["public_token"]
    }

    private static func token(from row: QueryResult.Row) throws -> ApiToken {
        guard let access = ApiAccess(rawValue: try row.string("access")) else {
            throw StoreError("token \(try row.int("id")) has an unknown access level")
        }
        return ApiToken(id: try row.int("id"), access: access, survey: row["survey"], isPublic: try row.bool("is_public"),
                        createdAt: try row.string("created_at"), createdBy: try row.string("created_by"),
                        expiresAt: row["expires_at"], revokedAt: row["revoked_at"])
    }
}
