extension Store {
    /// SQL for the codings that count under the current codebook, as rows `(segment_id, theme_id)`:
    /// when the parameter `placeholder` (e.g. `"$3"`) is NULL, the final coding (a human decision on a
    /// segment and theme overrides the rules; see `consult.final_coding`); otherwise the applied
    /// codings of that one coder. Shared by every count, filter and quote so they always agree.
    ///
    /// - Parameter placeholder: a parameter marker written by the caller's code, never user text.
    static func countedCodings(coder placeholder: String) -> String {
        """
        SELECT f.segment_id, f.theme_id FROM consult.final_coding f
          JOIN consult.codebook fcb ON fcb.version = f.codebook_version AND fcb.is_current
          WHERE \(placeholder)::text IS NULL
        UNION ALL
        SELECT c.segment_id, c.theme_id FROM consult.coding c
          JOIN consult.codebook ccb ON ccb.version = c.codebook_version AND ccb.is_current
          WHERE c.coder = \(placeholder)::text AND c.applied
        """
    }
}
