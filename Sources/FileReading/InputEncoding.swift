/// What the reader does with bytes that are not UTF-8.
///
/// Exports from Excel and older survey tools are often Windows-1252 (a superset of Latin-1 for
/// printable text). `detect` converts such text so that "café" is stored as "café", never as
/// mojibake; `utf8` refuses it, naming the line and column, for staff who want the file fixed at source.
public enum InputEncoding: String, Sendable, CaseIterable {
    /// UTF-8 where valid; any field or line that is not valid UTF-8 is read as Windows-1252.
    case detect
    /// UTF-8 only: anything else is an error.
    case utf8 = "utf-8"
}

/// What a reader converted on the way in, for the batch report ("converted from Windows-1252").
public struct EncodingConversion: Sendable, Equatable {
    /// The encoding the converted text was read as ("UTF-16LE", "Windows-1252").
    public var from: String
    /// Fields (CSV) or lines (JSON Lines) converted; for a whole-file conversion (UTF-16), 0.
    public var items: Int
    /// The first line where conversion was needed.
    public var firstLine: Int

    public init(from: String, items: Int, firstLine: Int) {
        self.from = from
        self.items = items
        self.firstLine = firstLine
    }

    /// "Windows-1252 (3 fields, first at line 7)", or just the encoding for a whole-file conversion.
    public var summary: String {
        items == 0 ? from : "\(from) (\(items) field\(items == 1 ? "" : "s"), first at line \(firstLine))"
    }
}
