import Postgres

/// One human coding decision: `coder` says `theme` does (or, `applied == false`, does not) apply to
/// `segment`. `line` is where it came from in an import file, for error messages.
public struct CodingDecision: Sendable, Equatable {
    public var segment: Int
    public var theme: String
    public var coder: String
    public var applied: Bool
    public var line: Int?
    public init(segment: Int, theme: String, coder: String, applied: Bool = true, line: Int? = nil) {
        self.segment = segment
        self.theme = theme
        self.coder = coder
        self.applied = applied
        self.line = line
    }
}

/// What recording a batch of decisions changed.
public struct DecisionSummary: Sendable, Equatable {
    public var recorded: Int
    public var codebookVersion: String
}

extension Store {
    /// Checks a coder name for human coding: 1 to 64 letters, digits, `.`, `_` or `-`, and not a
    /// name reserved for automatic coders (`rules`, `model`, `generator`).
    public static func validateHumanCoder(_ name: String) throws {
        let allowed = !name.isEmpty && name.count <= 64 && name.unicodeScalars.allSatisfy {
            ($0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0))) || "._-".unicodeScalars.contains($0)
        }
        guard allowed else { throw StoreError("coder name '\(name)' must be 1-64 letters, digits, '.', '_' or '-'") }
        guard !CoderKind.reservedNames.contains(name) else {
            throw StoreError("coder name '\(name)' is reserved for automatic coding; use your own name")
        }
    }

    /// Records human decisions under the current codebook, all or nothing: every decision is checked
    /// first (coder name, segment exists, theme in the current codebook) and every problem is reported
    /// with its line; a later decision by the same coder on the same segment and theme replaces theirs.
    ///
    /// - Parameter source: the file name for messages and the audit log (`nil` for one decision given
    ///   on the command line, which is not audited: the coding row itself records who and when).
    public func recordDecisions(_ decisions: [CodingDecision], source: String?) throws -> DecisionSummary {
        try db.transaction { db in
            let store = Store(db: db)
            let codebook = try store.currentCodebookVersion()
            let themes = Set(try db.query("SELECT id FROM consult.theme WHERE codebook_version = $1", codebook).rows.map { try $0.string("id") })
            let referenced = Array(Set(decisions.map(\.segment))).sorted()
            let existing = Set(try db.query("SELECT id FROM consult.segment WHERE id = ANY($1::bigint[])",
                                            TextArray(referenced.map(String.init))).rows.map { try $0.int("id") })
            var problems: [String] = []
            for decision in decisions {
                let place = [source, decision.line.map { "line \($0)" }].compactMap { $0 }.joined(separator: " ")
                let prefix = place.isEmpty ? "" : "\(place): "
                do { try Store.validateHumanCoder(decision.coder) } catch let error as StoreError {
                    problems.append("\(prefix)coder: \(error.message)")
                }
                if !existing.contains(decision.segment) { problems.append("\(prefix)segment: no segment \(decision.segment)") }
                if !themes.contains(decision.theme) {
                    problems.append("\(prefix)theme: '\(decision.theme)' is not a theme of codebook \(codebook)")
                }
            }
            guard problems.isEmpty else {
                let shown = problems.prefix(20).joined(separator: "; ")
                let more = problems.count > 20 ? " (and \(problems.count - 20) more)" : ""
                throw StoreError("nothing recorded: \(problems.count) problem(s): \(shown)\(more)")
            }
            // One statement for the batch (a spreadsheet of a validation sample holds tens of thousands);
            // where the batch decides the same segment, theme and coder twice, its last decision stands.
            var latest: [String: CodingDecision] = [:]
            for decision in decisions { latest["\(decision.segment) \(decision.theme) \(decision.coder)"] = decision }
            let batch = Array(latest.values)
            try db.query("""
                INSERT INTO consult.coding (segment_id, codebook_version, theme_id, coder, kind, applied)
                SELECT d.segment_id, $1, d.theme_id, d.coder, 'human', d.applied
                FROM unnest($2::bigint[], $3::text[], $4::text[], $5::boolean[]) AS d(segment_id, theme_id, coder, applied)
                ON CONFLICT (segment_id, codebook_version, theme_id, coder)
                DO UPDATE SET applied = excluded.applied, coded_at = now()
                """, codebook, TextArray(batch.map { String($0.segment) }), TextArray(batch.map(\.theme)), TextArray(batch.map(\.coder)),
                TextArray(batch.map { $0.applied ? "true" : "false" }))
            if let source {
                try store.audit(.importData, ["kind": .string("coding decisions"), "file": .string(source), "decisions": .int(decisions.count)])
            }
            return DecisionSummary(recorded: decisions.count, codebookVersion: codebook)
        }
    }

    /// Withdraws a human coder's decision (so the rules decide again).
    ///
    /// - Returns: whether there was a decision to remove.
    public func removeDecision(segment: Int, theme: String, coder: String) throws -> Bool {
        try Store.validateHumanCoder(coder)
        let codebook = try currentCodebookVersion()
        return try db.query("""
            DELETE FROM consult.coding
            WHERE segment_id = $1::bigint AND codebook_version = $2 AND theme_id = $3 AND coder = $4 AND kind = 'human'
            """, segment, codebook, theme, coder).affectedRows > 0
    }

    /// The current codebook's version.
    public func currentCodebookVersion() throws -> String {
        guard let row = try db.query("SELECT version FROM consult.codebook WHERE is_current").rows.first else {
            throw StoreError("no codebook is loaded yet (run `consult survey load`)")
        }
        return try row.string("version")
    }
}
