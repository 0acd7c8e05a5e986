import Foundation
import Postgres

/// An analyst's note on a segment or on a theme.
public struct Memo: Sendable, Equatable, Codable {
    public var id: Int
    public var segment: Int?
    public var theme: String?
    public var author: String
    public var text: String
    public var writtenAt: String

    enum CodingKeys: String, CodingKey {
        case id, segment, theme, author, text
        case writtenAt = "written_at"
    }
}

extension Store {
    /// Adds a memo on a segment, a theme of the current codebook, or a theme as it applies to one segment.
    ///
    /// - Throws: `StoreError` for an empty text, no target, an unknown segment or theme.
    public func addMemo(segment: Int?, theme: String?, author: String, text: String) throws -> Int {
        try Store.validateHumanCoder(author)
        let body = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !body.isEmpty else { throw StoreError("a memo needs some text") }
        guard segment != nil || theme != nil else { throw StoreError("a memo is about a segment (--segment) or a theme (--theme)") }
        let codebook = theme == nil ? nil : try currentCodebookVersion()
        if let segment, try db.query("SELECT 1 FROM consult.segment WHERE id = $1::bigint", segment).rows.isEmpty {
            throw StoreError("no segment \(segment)")
        }
        if let theme, let codebook,
           try db.query("SELECT 1 FROM consult.theme WHERE codebook_version = $1 AND id = $2", codebook, theme).rows.isEmpty {
            throw StoreError("'\(theme)' is not a theme of codebook \(codebook)")
        }
        return try db.query("""
            INSERT INTO consult.memo (segment_id, codebook_version, theme_id, author, text) VALUES ($1::bigint, $2, $3, $4, $5) RETURNING id
            """, segment, codebook, theme, author, body).rows[0].int("id")
    }

    /// Memos, oldest first, optionally only those on one segment or one theme.
    public func memos(segment: Int?, theme: String?) throws -> [Memo] {
        try db.query("""
            SELECT id, segment_id, theme_id, author, text, to_char(written_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS written_at
            FROM consult.memo
            WHERE ($1::bigint IS NULL OR segment_id = $1::bigint) AND ($2::text IS NULL OR theme_id = $2)
            ORDER BY id
            """, segment, theme).rows.map { row in
            Memo(id: try row.int("id"), segment: row["segment_id"].flatMap { Int($0) }, theme: row["theme_id"],
                 author: try row.string("author"), text: try row.string("text"), writtenAt: try row.string("written_at"))
        }
    }
}
