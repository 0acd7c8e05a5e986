extension Store {
    /// SQL for the codings that count under the current codebook, as rows `(segment_id, theme_id,
    /// respondent_id)`: when the parameter `placeholder` (e.g. `"$3"`) is NULL, the final coding (a
    /// human decision on a segment and theme overrides the rules; see `consult.final_coding`), read from
    /// `consult.final_theme`, which is kept current at write time and carries each segment's respondent;
    /// otherwise the applied codings of that one coder. Shared by every count, filter and quote so they
    /// always agree.
    ///
    /// - Parameter placeholder: a parameter marker written by the caller's code, never user text.
    static func countedCodings(coder placeholder: String) -> String {
        """
        SELECT f.segment_id, f.theme_id, f.respondent_id FROM consult.final_theme f
          JOIN consult.codebook fcb ON fcb.version = f.codebook_version AND fcb.is_current
          WHERE \(placeholder)::text IS NULL
        UNION ALL
        SELECT c.segment_id, c.theme_id, cs.respondent_id FROM consult.coding c
          JOIN consult.codebook ccb ON ccb.version = c.codebook_version AND ccb.is_current
          JOIN consult.segment cs ON cs.id = c.segment_id
          WHERE c.coder = \(placeholder)::text AND c.applied
        """
    }
}
