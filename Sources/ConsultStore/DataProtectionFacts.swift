import Postgres

/// The facts a data-protection impact assessment needs, read from the system itself: what personal
/// data is held and where, how much, for how long, and which role can read or change it.
public struct DataProtectionFacts: Sendable, Equatable, Codable {
    /// One category of personal data and where it lives.
    public struct Category: Sendable, Equatable, Codable {
        public var category: String
        public var location: String
        public var rows: Int
        public var note: String
    }
    /// What one role may do with one table or view, as PostgreSQL reports it.
    public struct Access: Sendable, Equatable, Codable {
        public var role: String
        public var relation: String
        public var select: Bool
        public var insert: Bool
        public var update: Bool
        public var delete: Bool
    }

    public var categories: [Category]
    public var retentionMonths: Int?
    /// When the oldest respondent-level data was imported, and when it falls due for deletion.
    public var oldestImport: String?
    public var oldestDue: String?
    public var access: [Access]
    /// Roles named in grants.sql that do not exist yet (`consult roles setup` not run).
    public var missingRoles: [String]

    enum CodingKeys: String, CodingKey {
        case categories, access
        case retentionMonths = "retention_months", oldestImport = "oldest_import", oldestDue = "oldest_due", missingRoles = "missing_roles"
    }
}

extension Store {
    /// Reads the data-protection facts from the database (counts, retention, grants).
    public func dataProtectionFacts() throws -> DataProtectionFacts {
        let counts = try db.query("""
            SELECT (SELECT count(*) FROM consult.respondent) AS respondents,
                   (SELECT count(*) FROM consult.respondent WHERE quote_consent) AS consenting,
                   (SELECT count(*) FROM consult.segment) AS segments,
                   (SELECT coalesce(sum(redactions), 0) FROM consult.segment) AS redactions,
                   (SELECT count(*) FROM consult.answer a JOIN consult.respondent r ON r.id = a.respondent_id
                     JOIN consult.question q ON q.instrument_id = r.instrument_id AND q.id = a.question_id
                     WHERE q.type = 'demographic') AS demographics,
                   (SELECT count(*) FROM consult.answer WHERE question_id IN ('ethnicity', 'ethnicity_group')) AS ethnicity,
                   (SELECT count(*) FROM consult.answer) AS answers,
                   (SELECT count(*) FROM consult.respondent_profile) AS profiles,
                   (SELECT count(*) FROM consult.memo) AS memos,
                   (SELECT count(*) FROM consult.erased_respondent) AS erased,
                   (SELECT count(*) FROM consult.import_reject) AS rejects,
                   (SELECT count(*) FROM consult.audit_log) AS audit,
                   (SELECT count(*) FROM consult.api_rate) AS rate,
                   (SELECT count(*) FROM consult.api_token) AS tokens,
                   (SELECT count(*) FROM consult.api_idempotency) AS answers_kept
            """).rows[0]
        func n(_ name: String) throws -> Int { try counts.int(name) }
        let categories = [
            DataProtectionFacts.Category(category: "Respondent pseudonyms", location: "consult.respondent", rows: try n("respondents"),
                                         note: "keyed HMAC-SHA256 of the source id; the key is held outside the database"),
            .init(category: "Consent to be quoted", location: "consult.respondent.quote_consent", rows: try n("consenting"),
                  note: "respondents who consented; withdrawal via `consult consent withdraw`"),
            .init(category: "Free-text answers and focus-group turns", location: "consult.segment", rows: try n("segments"),
                  note: "redacted at import (\(try n("redactions")) redactions); the unredacted text is never stored"),
            .init(category: "Closed answers", location: "consult.respondent_profile (read row by row as consult.answer)", rows: try n("answers"),
                  note: "option values only, one compact row per respondent (\(try n("profiles")) rows); deleted with the respondent by erasure and retention"),
            .init(category: "Demographics", location: "consult.respondent_profile (demographic questions)", rows: try n("demographics"),
                  note: "age band, sex/gender, ethnicity, borough"),
            .init(category: "Ethnicity (special category data, UK GDPR Art. 9)", location: "consult.respondent_profile (ethnicity, ethnicity_group)",
                  rows: try n("ethnicity"), note: "collected to test for disproportionate impact on ethnic groups"),
            .init(category: "Analysts' memos", location: "consult.memo", rows: try n("memos"), note: "may describe a segment; deleted with it"),
            .init(category: "Erasure register", location: "consult.erased_respondent", rows: try n("erased"),
                  note: "SHA-256 of erased pseudonyms, so a re-import does not restore them"),
            .init(category: "Rejected import rows", location: "consult.import_reject", rows: try n("rejects"),
                  note: "staff only: batch, source line, field, redacted reason, pseudonym; the row itself only in the --rejects file"),
            .init(category: "Audit log", location: "consult.audit_log", rows: try n("audit"), note: "who did what and when; counts only, no personal data"),
            .init(category: "Online form: client addresses", location: "consult.api_rate", rows: try n("rate"),
                  note: "keyed pseudonym (HMAC) of the address of each client submitting through a public form, per minute, for the rate limit; minutes older than 5 are deleted at the next form submission"),
            .init(category: "Service tokens", location: "consult.api_token", rows: try n("tokens"),
                  note: "SHA-256 of each bearer token with its access, survey and expiry; the token is shown once and never stored (a public form token is printed in its form)"),
            .init(category: "Service answers kept for retries", location: "consult.api_idempotency", rows: try n("answers_kept"),
                  note: "the answer to each request sent with an Idempotency-Key: status, counts, batch ids, field names; never a response's text"),
        ]
        let retention = try db.query("""
            SELECT c.retention_months,
                   to_char(min(b.imported_at) AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS oldest,
                   to_char((min(b.imported_at) + make_interval(months => c.retention_months)) AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS due
            FROM consult.consultation c
            LEFT JOIN consult.import_batch b ON EXISTS (SELECT 1 FROM consult.respondent r WHERE r.batch_id = b.id)
            GROUP BY c.retention_months
            """).rows.first
        let roles = AccessRole.allCases.map(\.databaseRole)
        let access = try db.query("""
            SELECT r.rolname, n.nspname || '.' || c.relname AS relation,
                   has_table_privilege(r.oid, c.oid, 'SELECT') AS sel, has_table_privilege(r.oid, c.oid, 'INSERT') AS ins,
                   has_table_privilege(r.oid, c.oid, 'UPDATE') AS upd, has_table_privilege(r.oid, c.oid, 'DELETE') AS del
            FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace CROSS JOIN pg_roles r
            WHERE n.nspname IN ('consult', 'consult_public') AND c.relkind IN ('r', 'v') AND r.rolname = ANY($1::text[])
              AND has_schema_privilege(r.oid, n.oid, 'USAGE')
            ORDER BY r.rolname, relation
            """, TextArray(roles)).rows.map { row in
            DataProtectionFacts.Access(role: try row.string("rolname"), relation: try row.string("relation"),
                                       select: row["sel"] == "t", insert: row["ins"] == "t", update: row["upd"] == "t", delete: row["del"] == "t")
        }
        let existing = Set(try db.query("SELECT rolname FROM pg_roles WHERE rolname = ANY($1::text[])", TextArray(roles))
            .rows.map { try $0.string("rolname") })
        return DataProtectionFacts(
            categories: categories, retentionMonths: retention?["retention_months"].flatMap { Int($0) },
            oldestImport: retention?["oldest"], oldestDue: retention?["due"],
            access: access.filter { $0.select || $0.insert || $0.update || $0.delete },
            missingRoles: roles.filter { !existing.contains($0) })
    }
}
