/// Web addresses: anything after "http://" or "https://", anything starting "www.", and bare
/// domains with a common top-level domain, with their path ("instagram.com/jo_smith").
///
/// Why bare domains too: profile links are usually typed without a scheme. The top-level list is
/// short and explicit so abbreviations ("e.g.", "i.e.", "U.K.") and decimals ("3.5") never
/// match. Every form has a dot, so a text without one is skipped.
///
/// Contract: a URL starts at a word boundary and ends at whitespace, quotes or angle brackets;
/// trailing sentence punctuation and an unbalanced closing bracket are left outside it.
struct PIIURLPattern: PersonalDataPattern {
    let kind = PersonalDataKind.url

    private static let schemes = ["https://", "http://", "www."].map { Array($0.utf8) }
    private static let topLevelDomains: Set<String> = [
        "com", "org", "net", "uk", "io", "co", "tv", "info", "biz", "london", "app", "ly", "gg",
        "ee", "fm", "eu", "ie", "us", "edu", "gov", "news", "blog", "xyz", "online", "site", "live",
        "me", "be",
    ]

    func appendMatches(in scan: PIIScan, to matches: inout [PIIMatch]) {
        let text = scan.text
        guard text.hasDot else { return }
        var i = 0
        while i < text.count {
            if PIIByte.isAlphanumeric(text[i]), !text.isWordCharacter(before: i),
               let range = url(startingAt: i, in: text) {
                matches.append(PIIMatch(kind: kind, range: range))
                i = range.upperBound
            } else {
                i += 1
            }
        }
    }

    private func url(startingAt start: Int, in text: PIIText) -> Range<Int>? {
        if let previous = text.byte(at: start - 1), "@.-/_:".utf8.contains(previous) { return nil }
        if Self.mayStartURL(text[start]),
           let scheme = Self.schemes.first(where: { hasPrefix($0, at: start, in: text) }) {
            let end = Self.trimmedEnd(start..<Self.rawEnd(from: start, in: text), in: text)
            return end > start + scheme.count ? start..<end : nil
        }
        guard let dot = Self.firstNonWordByte(from: start, in: text), text[dot] == UInt8(ascii: "."),
              text.isWordCharacter(at: dot + 1),
              let domain = PIIDomain.parse(from: start, in: text),
              text.byte(at: domain.end) != UInt8(ascii: "@"),
              Self.topLevelDomains.contains(
                  String(decoding: text.bytes[domain.topLevel].map(PIIByte.lower), as: UTF8.self))
        else { return nil }
        guard let next = text.byte(at: domain.end), "/:?#".utf8.contains(next) else { return start..<domain.end }
        return start..<Self.trimmedEnd(start..<Self.rawEnd(from: domain.end, in: text), in: text)
    }

    /// "h" or "w" in either case: the first letter of every scheme prefix.
    private static func mayStartURL(_ b: UInt8) -> Bool {
        let lower = PIIByte.lower(b)
        return lower == UInt8(ascii: "h") || lower == UInt8(ascii: "w")
    }

    /// The first byte from `start` on that is not an ASCII letter, digit or hyphen.
    private static func firstNonWordByte(from start: Int, in text: PIIText) -> Int? {
        var i = start
        while i < text.count, PIIByte.isAlphanumeric(text[i]) || text[i] == UInt8(ascii: "-") { i += 1 }
        return i < text.count ? i : nil
    }

    private func hasPrefix(_ prefix: [UInt8], at start: Int, in text: PIIText) -> Bool {
        guard start + prefix.count <= text.count else { return false }
        return zip(prefix, text.bytes[start...]).allSatisfy { $0 == PIIByte.lower($1) }
    }

    /// First byte at or after `start` that cannot be part of a URL.
    private static func rawEnd(from start: Int, in text: PIIText) -> Int {
        var i = start
        while i < text.count {
            let b = text[i]
            if b < 0x80 {
                if b <= 0x20 || b == 0x7f || "<>\"`".utf8.contains(b) { break }
                i += 1
            } else if let (scalar, length) = text.scalar(at: i), PIIText.isWordScalar(scalar) {
                i += length
            } else {
                break
            }
        }
        return i
    }

    /// `range` without trailing punctuation, and without a closing bracket it did not open.
    private static func trimmedEnd(_ range: Range<Int>, in text: PIIText) -> Int {
        var end = range.upperBound
        while end > range.lowerBound {
            let last = text[end - 1]
            if ".,;:!?'*".utf8.contains(last) {
                end -= 1
            } else if let open = Self.opening(for: last),
                      text.bytes[range.lowerBound..<end].filter({ $0 == open }).count
                      < text.bytes[range.lowerBound..<end].filter({ $0 == last }).count {
                end -= 1
            } else {
                break
            }
        }
        return end
    }

    private static func opening(for closing: UInt8) -> UInt8? {
        switch closing {
        case UInt8(ascii: ")"): UInt8(ascii: "(")
        case UInt8(ascii: "]"): UInt8(ascii: "[")
        case UInt8(ascii: "}"): UInt8(ascii: "{")
        default: nil
        }
    }
}
