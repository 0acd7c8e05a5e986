/// How a delimited export is written: its field separator, whether every field is quoted, its record
/// ends, and whether it starts with a byte-order mark. Survey tools differ (KoboToolbox and LimeSurvey
/// write `;` and quote every field; Google Sheets writes CRLF with no final newline), and staff should
/// not have to know: the dialect is detected from the file's first records and stated in the report.
public struct CSVDialect: Sendable, Equatable, CustomStringConvertible {
    /// The separators detected: comma, semicolon, tab.
    public static let candidates: [UInt8] = [0x2C, 0x3B, 0x09]

    public var delimiter: UInt8
    /// Every field of the records looked at was quoted (`"a";"b";""`).
    public var quotesEveryField: Bool
    /// Records end with CRLF (else LF).
    public var crlf: Bool
    /// The file starts with a byte-order mark (UTF-8 or UTF-16).
    public var byteOrderMark: Bool
    /// How the delimiter was decided: detected from the records, or forced with `--delimiter`.
    public var forced: Bool

    public init(delimiter: UInt8 = 0x2C, quotesEveryField: Bool = false, crlf: Bool = false, byteOrderMark: Bool = false, forced: Bool = false) {
        self.delimiter = delimiter
        self.quotesEveryField = quotesEveryField
        self.crlf = crlf
        self.byteOrderMark = byteOrderMark
        self.forced = forced
    }

    /// The delimiter's name as staff write it on the command line: `,`, `;` or `tab`.
    public static func name(of delimiter: UInt8) -> String { delimiter == 0x09 ? "tab" : String(UnicodeScalar(delimiter)) }

    /// The delimiter `--delimiter` names: `,`, `;`, `tab` (or `\t`, or a tab character), `|`.
    public static func delimiter(named text: String) -> UInt8? {
        switch text {
        case ",", "comma": 0x2C
        case ";", "semicolon": 0x3B
        case "tab", "\\t", "\t": 0x09
        case "|", "pipe": 0x7C
        default: nil
        }
    }

    /// "delimiter ';' (detected), every field quoted, CRLF, byte-order mark".
    public var description: String {
        var parts = ["delimiter '\(Self.name(of: delimiter))' (\(forced ? "forced" : "detected"))"]
        if quotesEveryField { parts.append("every field quoted") }
        parts.append(crlf ? "CRLF" : "LF")
        if byteOrderMark { parts.append("byte-order mark") }
        return parts.joined(separator: ", ")
    }

    /// Detects the dialect of the file at `path` from its first chunk (up to 1 MiB, after any
    /// byte-order mark and UTF-16 conversion). `forcing` a delimiter skips that part of detection.
    public static func detect(path: String, forcing: UInt8? = nil) throws -> CSVDialect {
        var stream = try InputByteStream(path: path)
        let head = try stream.next() ?? []
        var dialect = detect(head, forcing: forcing)
        dialect.byteOrderMark = stream.conversion != nil || stream.bytesRead - head.count == 3
        return dialect
    }

    /// Detects the dialect of text bytes (a file's start, without its byte-order mark).
    ///
    /// Each candidate separator is counted outside quotes in each of the first 50 complete records;
    /// the one found the same non-zero number of times in every record wins (the most per record
    /// if several do), else the one found most often, else the comma (a one-column file).
    public static func detect(_ bytes: [UInt8], forcing: UInt8? = nil) -> CSVDialect {
        var counts: [[Int]] = []
        var current = [Int](repeating: 0, count: candidates.count)
        var quoted = false
        var fieldStart = true
        var quotedFields = 0
        var crlf = false
        var sawLineEnd = false
        var index = 0
        while index < bytes.count && counts.count < 50 {
            let byte = bytes[index]
            index += 1
            if quoted {
                if byte == 0x22 {
                    if index < bytes.count && bytes[index] == 0x22 { index += 1 } else { quoted = false }
                }
                continue
            }
            if byte == 0x22 && fieldStart {
                quoted = true
                quotedFields += 1
                fieldStart = false
                continue
            }
            if let which = candidates.firstIndex(of: byte) {
                current[which] += 1
                fieldStart = true
                continue
            }
            if byte == 0x0A {
                if !sawLineEnd { crlf = index >= 2 && bytes[index - 2] == 0x0D }
                sawLineEnd = true
                counts.append(current)
                current = [Int](repeating: 0, count: candidates.count)
                fieldStart = true
                continue
            }
            if byte != 0x0D { fieldStart = false }
        }
        if counts.isEmpty { counts.append(current) }
        let delimiter = forcing ?? chooseDelimiter(counts)
        let separators = counts.reduce(0) { $0 + ($1[candidates.firstIndex(of: delimiter) ?? 0]) }
        let fieldCount = separators + counts.count
        return CSVDialect(delimiter: delimiter, quotesEveryField: fieldCount > 1 && quotedFields >= fieldCount,
                          crlf: crlf, forced: forcing != nil)
    }

    private static func chooseDelimiter(_ counts: [[Int]]) -> UInt8 {
        let consistent = candidates.indices.filter { c in
            let first = counts[0][c]
            return first > 0 && counts.allSatisfy { $0[c] == first }
        }
        if let best = consistent.max(by: { counts[0][$0] < counts[0][$1] }) { return candidates[best] }
        let totals = candidates.indices.map { c in counts.reduce(0) { $0 + $1[c] } }
        guard let most = totals.indices.max(by: { totals[$0] < totals[$1] }), totals[most] > 0 else { return 0x2C }
        return candidates[most]
    }
}
