/// One CSV field, quoted when it holds a comma, quote or line break (RFC 4180); the writer's half of
/// the contract `CSVReader` reads.
public func csvField(_ text: String) -> String {
    guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
    var quoted = "\""
    for ch in text {
        if ch == "\"" { quoted.append("\"") }
        quoted.append(ch)
    }
    return quoted + "\""
}
