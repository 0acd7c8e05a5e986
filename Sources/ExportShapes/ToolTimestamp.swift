
/// Survey tools' timestamps as ISO 8601, so that `submitted_at` means one thing whatever the tool.
///
/// Accepted: ISO 8601 (`2017-10-23T05:40:39.000-04:00`, kept as written), `YYYY-MM-DD HH:MM:SS`
/// (Qualtrics, LimeSurvey: the space becomes `T`), and slash dates `M/D/YYYY H:MM[:SS] [AM|PM]`
/// (Google Sheets, SurveyMonkey, Excel re-saves; two-digit years are 20YY), day first when the file's
/// dates say so. Anything else is nil: the preparer then rejects the row naming the value.
public enum ToolTimestamp {
    public static func iso(_ text: String, dayFirst: Bool = false) -> String? {
        let trimmed = text.trimmingWhitespace()
        guard !trimmed.isEmpty else { return nil }
        if trimmed.count >= 10, isDigits(trimmed.prefix(4)), trimmed.dropFirst(4).first == "-" {
            guard trimmed.count > 10 else { return trimmed }
            let tenth = trimmed.index(trimmed.startIndex, offsetBy: 10)
            return trimmed[tenth] == " " ? String(trimmed[..<tenth]) + "T" + trimmed[trimmed.index(after: tenth)...] : trimmed
        }
        let pieces = trimmed.split(separator: " ", omittingEmptySubsequences: true)
        let date = pieces.first?.split(separator: "/") ?? []
        guard date.count == 3, date.allSatisfy(isDigits), var a = Int(date[0]), var b = Int(date[1]), var year = Int(date[2]) else { return nil }
        if dayFirst { swap(&a, &b) }
        if date[2].count == 2 { year += 2000 }
        guard (1...12).contains(a), (1...31).contains(b), (1900...2100).contains(year) else { return nil }
        var out = "\(year)-\(pad(a))-\(pad(b))"
        guard pieces.count > 1 else { return out }
        let clock = pieces[1].split(separator: ":").map { Int($0) }
        guard (2...3).contains(clock.count), clock.allSatisfy({ $0 != nil }), var hour = clock[0], let minute = clock[1] else { return nil }
        if pieces.count > 2 {
            let half = pieces[2].uppercased()
            guard half == "AM" || half == "PM", (1...12).contains(hour) else { return nil }
            hour = hour % 12 + (half == "PM" ? 12 : 0)
        }
        guard (0...23).contains(hour), (0...59).contains(minute) else { return nil }
        out += "T\(pad(hour)):\(pad(minute)):\(pad(clock.count == 3 ? clock[2]! : 0))"
        return out
    }

    private static func isDigits(_ text: Substring) -> Bool { !text.isEmpty && text.allSatisfy { $0.isASCII && $0.isNumber } }
    private static func pad(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
}
