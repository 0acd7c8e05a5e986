/// How far an import has got, for the progress line on a terminal.
public struct ImportProgress: Sendable, Equatable {
    public var rows: Int
    public var bytesRead: Int
    /// The file's size, when known: then the line shows a percentage and an ETA.
    public var totalBytes: Int?
    public var elapsed: Duration

    public init(rows: Int, bytesRead: Int, totalBytes: Int?, elapsed: Duration) {
        self.rows = rows
        self.bytesRead = bytesRead
        self.totalBytes = totalBytes
        self.elapsed = elapsed
    }

    private var seconds: Double { Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18 }

    /// Rows per second so far, or nil before any time has passed.
    public var rowsPerSecond: Double? { seconds > 0 ? Double(rows) / seconds : nil }

    /// Seconds left at the rate so far (bytes read / file size), or nil when unknown.
    public var secondsLeft: Double? {
        guard let total = totalBytes, total > 0, bytesRead > 0, seconds > 0 else { return nil }
        return seconds * Double(max(total - bytesRead, 0)) / Double(bytesRead)
    }

    /// "12,000 rows · 4,100 rows/s · 37% · ETA 0:09" (parts left out when unknown).
    public var line: String {
        var parts = ["\(Self.grouped(rows)) rows"]
        if let rate = rowsPerSecond { parts.append("\(Self.grouped(Int(rate))) rows/s") }
        if let total = totalBytes, total > 0 { parts.append("\(min(100, bytesRead * 100 / total))%") }
        if let left = secondsLeft {
            let whole = Int(left.rounded(.up))
            parts.append("ETA \(whole / 60):\(whole % 60 < 10 ? "0" : "")\(whole % 60)")
        }
        return parts.joined(separator: " · ")
    }

    private static func grouped(_ n: Int) -> String {
        let digits = Array(String(n))
        var out = ""
        for (index, digit) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { out.append(",") }
            out.append(digit)
        }
        return out
    }
}
