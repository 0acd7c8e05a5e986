import Digests
import Postgres

/// One coding with its provenance.
public struct CodingRow: Sendable, Equatable, Codable {
    public var segment: Int
    public var theme: String
    public var coder: String
    public var rule: String?
    public var start: Int?
    public var end: Int?
    public var matched: String?
    public var codebookVersion: String
    /// `rule`, `model`, `generator` or `human` (see `CoderKind`).
    public var kind: String
    /// False for a human decision that the theme does not apply.
    public var applied: Bool
    /// A model suggestion's probability.
    public var confidence: Double?
    /// A model decision's heaviest words (`police (+1.32), told (+0.87)`).
    public var evidence: String?

    enum CodingKeys: String, CodingKey {
        case segment, theme, coder, rule, start, end, matched, kind, applied, confidence, evidence
        case codebookVersion = "codebook_version"
    }
}

/// Who makes a coding. Only `human` decisions and `rule` codings count in the final coding; a human
/// decision on a segment and theme overrides the rules. `model` suggestions and `generator` labels
/// (the themes the synthetic-sample generator wrote into a text) never count unless a human accepts them.
public enum CoderKind: String, Sendable, CaseIterable {
    case rule, model, generator, human

    /// Coder names reserved for automatic coders; a human coder may not use them.
    public static let reservedNames: Set<String> = ["rules", "model", "generator", "automatic"]
}

/// A coding about to be stored.
public struct NewCoding: Sendable, Equatable {
    public var segment: Int
    public var theme: String
    public var rule: String?
    public var start: Int?
    public var end: Int?
    public var matched: String?
    public var confidence: Double?
    public var evidence: String?
    public init(segment: Int, theme: String, rule: String?, start: Int?, end: Int?, matched: String?, confidence: Double? = nil, evidence: String? = nil) {
        self.evidence = evidence
        self.segment = segment
        self.theme = theme
        self.rule = rule
        self.start = start
        self.end = end
        self.matched = matched
        self.confidence = confidence
    }
}

extension Store {
    /// The coder name automatic rule coding is stored under.
    public static let ruleCoder = "rules"

    /// Replaces every coding by `coder` under `codebookVersion` with those `produce` yields, in one
    /// transaction: a rerun gives the same rows, never duplicates, and a failure leaves the old ones.
    ///
    /// Runs under one codebook version take turns (``takeCodingTurn(_:waiting:)``): a run started
    /// while another is under way waits for it to end, then replaces what it stored. Without turns a
    /// second `code auto` deleted only the codings committed before it began, and its insert then met
    /// the first run's new rows as they committed: a duplicate key on `coding_pkey` (BENCHMARKS.md,
    /// issue 16, at 300,000 responses).
    ///
    /// The final coding (`consult.final_theme`) is brought up to date once, at the end, in the same
    /// transaction: the per-statement triggers that keep it current are deferred for this transaction,
    /// since a coding run's delete and insert touch millions of rows and one rebuild is far cheaper
    /// than refreshing them key by key twice. Model decisions change it only where the model counts;
    /// generator labels never do.
    ///
    /// - Parameters:
    ///   - waiting: called once, before waiting, if another run of the version holds the turn.
    ///   - produce: called with a sink; it reads segments (via `forEachSegmentBatch`) and
    ///     hands codings to the sink, which streams them to the server with COPY.
    /// - Returns: the number of codings stored.
    public func replaceCodings(coder: String, kind: CoderKind = .rule, codebookVersion: String, waiting: () -> Void = {},
                               _ produce: (Store, (NewCoding) throws -> Void) throws -> Void) throws -> Int {
        try db.transaction { db in
            try takeCodingTurn(codebookVersion, waiting: waiting)
            try db.query("SELECT set_config('consult.final_theme_deferred', 'on', true)")
            try db.query("DELETE FROM consult.coding WHERE coder = $1 AND codebook_version = $2", coder, codebookVersion)
            try db.executeScript("CREATE TEMP TABLE stage_coding (segment_id bigint, theme_id text, rule_id text, span_start int, span_end int, matched text, confidence float8, evidence text) ON COMMIT DROP")
            var pending: [NewCoding] = []
            func flush() throws {
                guard !pending.isEmpty else { return }
                try db.copyIn("COPY stage_coding FROM STDIN") { writer in
                    for c in pending {
                        try writer.writeRow([String(c.segment), c.theme, c.rule, c.start.map(String.init), c.end.map(String.init), c.matched, c.confidence.map { String($0) }, c.evidence])
                    }
                }
                pending.removeAll(keepingCapacity: true)
            }
            try produce(self) { coding in
                pending.append(coding)
                if pending.count >= 20_000 { try flush() }
            }
            try flush()
            let stored = try db.query("""
                INSERT INTO consult.coding (segment_id, codebook_version, theme_id, coder, kind, rule_id, span_start, span_end, matched, confidence, evidence)
                SELECT segment_id, $1, theme_id, $2, $3, rule_id, span_start, span_end, matched, confidence, evidence FROM stage_coding
                """, codebookVersion, coder, kind.rawValue).affectedRows
            try db.query("SELECT set_config('consult.final_theme_deferred', 'off', true)")
            try db.query("""
                SELECT consult.rebuild_final_theme($1)
                WHERE $2 IN ('rule', 'human') OR ($2 = 'model' AND EXISTS (SELECT 1 FROM consult.automatic_coding a
                                                                          WHERE a.codebook_version = $1 AND a.with_model))
                """, codebookVersion, kind.rawValue)
            return stored
        }
    }

    /// Takes the coding turn of `codebookVersion` for the current transaction (a transaction-level
    /// advisory lock, released at commit or rollback), waiting for a run that holds it. One turn per
    /// version, whatever the coder: runs of different coders never meet on a coding's key, but they
    /// wait for each other anyway from their first write (every write to `consult.coding` bumps the
    /// one `consult.data_version` row, locked until commit), so the turn costs them nothing. The key
    /// is the first 32 bits of the version's SHA-256 beside a number of its own (the migrator locks a
    /// single 64-bit key): two versions that share the bits merely take turns too.
    private func takeCodingTurn(_ codebookVersion: String, waiting: () -> Void) throws {
        let key = Int32(truncatingIfNeeded: UInt32(sha256Hex(of: Array(codebookVersion.utf8)).prefix(8), radix: 16) ?? 0)
        let taken = try db.query("SELECT pg_try_advisory_xact_lock(727275, $1::int) AS taken", key).rows[0]
        guard try taken.string("taken") != "t" else { return }
        waiting()
        try db.query("SELECT pg_advisory_xact_lock(727275, $1::int)", key)
    }

    /// Codings under the current codebook, optionally by one coder, in segment order. Coder
    /// `automatic` is the automatic coding that is counted: the rules' codings, and the model's
    /// decisions when it counts (`code auto --with-model`).
    public func codings(coder: String?) throws -> [CodingRow] {
        try db.query("""
            SELECT c.segment_id, c.theme_id, c.coder, c.rule_id, c.span_start, c.span_end, c.matched, c.codebook_version,
                   c.kind, c.applied, c.confidence, c.evidence
            FROM consult.coding c JOIN consult.codebook cb ON cb.version = c.codebook_version AND cb.is_current
            LEFT JOIN consult.automatic_coding a ON a.codebook_version = c.codebook_version
            WHERE ($1::text IS NULL OR c.coder = $1
                   OR ($1 = 'automatic' AND c.applied AND (c.kind = 'rule' OR (c.kind = 'model' AND c.coder = 'model' AND coalesce(a.with_model, false)))))
            ORDER BY c.segment_id, c.theme_id, c.coder
            """, coder).rows.map { row in
            CodingRow(segment: try row.int("segment_id"), theme: try row.string("theme_id"), coder: try row.string("coder"),
                      rule: row["rule_id"], start: row["span_start"].flatMap { Int($0) }, end: row["span_end"].flatMap { Int($0) },
                      matched: row["matched"], codebookVersion: try row.string("codebook_version"), kind: try row.string("kind"),
                      applied: row["applied"] == "t", confidence: row["confidence"].flatMap { Double($0) }, evidence: row["evidence"])
        }
    }
}
