/// The file formats `consult import responses` reads.
public enum InputFormat: String, Sendable, CaseIterable {
    case csv
    case jsonl
    /// An Excel workbook (Office Open XML): one sheet's rows, read like CSV records.
    case xlsx

    /// The format a file's extension implies: `.jsonl` and `.ndjson` are JSON Lines, `.xlsx` a
    /// workbook, anything else CSV (exports arrive as `.csv`, `.txt` or without an extension).
    public static func implied(by path: String) -> InputFormat {
        let lower = path.lowercased()
        if lower.hasSuffix(".xlsx") { return .xlsx }
        return lower.hasSuffix(".jsonl") || lower.hasSuffix(".ndjson") ? .jsonl : .csv
    }
}
