import Digests
extension PreparedRespondent {
    /// A SHA-256 of everything stored for this respondent (consent, timestamp, mode, answers in any
    /// order, redacted segments), so a re-import can tell a changed response from an unchanged one.
    /// The pseudonym and source line are left out: they say who and where, not what.
    public var contentDigest: String {
        var parts = [quoteConsent ? "consent" : "no-consent", submittedAt ?? "", mode ?? ""]
        parts += answers.map { "a\u{1F}\($0.question)\u{1F}\($0.value)" }.sorted()
        parts += segments.map { "s\u{1F}\($0.question)\u{1F}\($0.position)\u{1F}\($0.text)" }.sorted()
        return sha256Hex(of: Array(parts.joined(separator: "\u{1E}").utf8))
    }
}
