/// Removes personal data from free text at import, replacing each item with a typed placeholder.
///
/// Contract:
/// - `redact` replaces every finding with its kind's placeholder ("[EMAIL]", "[NAME]", ...)
///   and leaves every other byte of the text exactly as it was.
/// - Findings never overlap. Where two patterns claim overlapping characters they become one
///   finding covering both, so no fragment of a detected item is left behind; it takes the kind
///   of the match that starts first, then the longer, then the kind listed first in
///   `precedence` (a labelled handle such as "IG: kai.london" is a handle, not a web address).
/// - Deterministic, pure and thread-safe: no I/O, no shared state.
/// - Redacting a redacted text again changes nothing (placeholders match no pattern), for text
///   whose tokens are separated as in prose; tokens glued together ("@jo’snap:x") may read
///   differently once part of them is replaced.
/// - What each kind matches, and what it deliberately leaves alone, is documented on its
///   pattern type (`PIIEmailPattern`, `PIIPhonePattern`, `PIIPostcodePattern`, ...).
public struct Redactor: Sendable {
    /// Order used to break ties between equally long matches at the same place.
    static let precedence: [PersonalDataKind] = [.email, .handle, .url, .nino, .phone, .nhs, .postcode, .vehicle, .name]
    private static let rank = Dictionary(uniqueKeysWithValues: precedence.enumerated().map { ($1, $0) })

    private let patterns: [any PersonalDataPattern]

    /// A redactor for every kind of personal data.
    public init() {
        self.init(kinds: PersonalDataKind.allCases)
    }

    /// A redactor for the given kinds only (for tests, or a consultation that must keep one).
    public init(kinds: some Sequence<PersonalDataKind>) {
        let wanted = Set(kinds)
        let all: [any PersonalDataPattern] = [
            PIIEmailPattern(), PIIURLPattern(), PIIHandlePattern(), PIININOPattern(), PIIPhonePattern(),
            PIINHSNumberPattern(), PIIPostcodePattern(), PIIVehiclePattern(), PIINamePattern(),
        ]
        patterns = all.filter { wanted.contains($0.kind) }
    }

    /// `text` with personal data replaced by placeholders, and how many of each kind there were.
    public func redact(_ text: String) -> RedactedText {
        let scan = PIIScan(text)
        let matches = resolvedMatches(in: scan)
        guard !matches.isEmpty else { return RedactedText(text: text, counts: [:]) }
        var output: [UInt8] = []
        output.reserveCapacity(scan.text.count + 8 * matches.count)
        var counts: [PersonalDataKind: Int] = [:]
        var copied = 0
        for match in matches {
            output.append(contentsOf: scan.text.bytes[copied..<match.range.lowerBound])
            output.append(contentsOf: match.kind.placeholder.utf8)
            counts[match.kind, default: 0] += 1
            copied = match.range.upperBound
        }
        output.append(contentsOf: scan.text.bytes[copied...])
        return RedactedText(text: String(decoding: output, as: UTF8.self), counts: counts)
    }

    /// What `redact` would replace, in text order, with string ranges into `text`.
    public func findings(in text: String) -> [PersonalDataFinding] {
        let utf8 = text.utf8
        return resolvedMatches(in: PIIScan(text)).map { match in
            let lower = utf8.index(utf8.startIndex, offsetBy: match.range.lowerBound)
            let upper = utf8.index(lower, offsetBy: match.range.count)
            return PersonalDataFinding(kind: match.kind, range: lower..<upper, utf8Offsets: match.range)
        }
    }

    /// Every pattern's matches, overlapping ones merged, in text order.
    private func resolvedMatches(in scan: PIIScan) -> [PIIMatch] {
        var candidates: [PIIMatch] = []
        for pattern in patterns {
            pattern.appendMatches(in: scan, to: &candidates)
        }
        guard candidates.count > 1 else { return candidates }
        candidates.sort { a, b in
            if a.range.lowerBound != b.range.lowerBound { return a.range.lowerBound < b.range.lowerBound }
            if a.range.count != b.range.count { return a.range.count > b.range.count }
            return Self.rank[a.kind, default: .max] < Self.rank[b.kind, default: .max]
        }
        var kept: [PIIMatch] = []
        for candidate in candidates {
            if let last = kept.last, candidate.range.lowerBound < last.range.upperBound {
                let upper = max(last.range.upperBound, candidate.range.upperBound)
                kept[kept.count - 1].range = last.range.lowerBound..<upper
            } else {
                kept.append(candidate)
            }
        }
        return kept
    }
}
