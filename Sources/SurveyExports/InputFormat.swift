/// The file formats `consult import responses` reads.
public enum InputFormat: String, Sendable, CaseIterable {
    case csv
    case jsonl

    /// The format a file's extension implies: `.jsonl` and `.ndjson` are JSON Lines, anything else CSV
    /// (exports arrive as `.csv`, `.txt` or without an extension).
    public static func implied(by path: String) -> InputFormat {
        let lower = path.lowercased()
        return lower.hasSuffix(".jsonl") || lower.hasSuffix(".ndjson") ? .jsonl : .csv
    }
}
