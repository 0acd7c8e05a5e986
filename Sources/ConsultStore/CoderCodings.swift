import CodingQuality
import Postgres

extension Store {
    /// The pseudo-coder name for the final coding (human decisions over the rules).
    public static let finalCoder = "final"
    /// The pseudo-coder name for every automatic code: rules ∪ model suggestions.
    public static let rulesAndModelCoder = "rules+model"

    /// One coder's codings, or the final coding for `Store.finalCoder`, or rules ∪ model for
    /// `Store.rulesAndModelCoder`.
    ///
    /// - Throws: `StoreError` when the coder has no codings under the current codebook.
    public func coderCodings(_ coder: String) throws -> CoderCodings {
        let codebook = try currentCodebookVersion()
        let applied: [(Int, String)]
        let automatic: Bool
        var covered: Set<Int> = []
        if coder == Store.rulesAndModelCoder {
            let rules = try coderCodings(Store.ruleCoder)
            let model = try coderCodings(Store.modelCoder)
            return CoderCodings(coder: coder, coverage: rules.coverage,
                                themes: rules.themes.merging(model.themes) { $0.union($1) })
        }
        if coder == Store.finalCoder {
            automatic = true
            applied = try db.query("SELECT segment_id, theme_id FROM consult.final_coding WHERE codebook_version = $1", codebook)
                .rows.map { (try $0.int("segment_id"), try $0.string("theme_id")) }
        } else {
            let rows = try db.query("""
                SELECT segment_id, theme_id, applied, kind FROM consult.coding WHERE codebook_version = $1 AND coder = $2
                """, codebook, coder).rows
            guard let first = rows.first else {
                throw StoreError("coder '\(coder)' has no codings under codebook \(codebook) (see `consult codings`)")
            }
            automatic = try first.string("kind") != CoderKind.human.rawValue
            var decided: [(Int, String)] = []
            for row in rows {
                let segment = try row.int("segment_id")
                covered.insert(segment)
                if row["applied"] == "t" { decided.append((segment, try row.string("theme_id"))) }
            }
            applied = decided
        }
        if automatic {
            covered = Set(try db.query("SELECT id FROM consult.segment").rows.map { try $0.int("id") })
        }
        var themes: [Int: Set<String>] = [:]
        for (segment, theme) in applied { themes[segment, default: []].insert(theme) }
        return CoderCodings(coder: coder, coverage: covered, themes: themes)
    }

    /// The current codebook's codable (leaf) theme ids, in codebook order: parents group themes
    /// and are never applied to a segment themselves.
    public func currentThemeIDs() throws -> [String] {
        try db.query("""
            SELECT t.id FROM consult.theme t JOIN consult.codebook cb ON cb.version = t.codebook_version AND cb.is_current
            WHERE NOT EXISTS (SELECT 1 FROM consult.theme ch WHERE ch.codebook_version = t.codebook_version AND ch.parent_id = t.id)
            ORDER BY t.position
            """).rows.map { try $0.string("id") }
    }
}
