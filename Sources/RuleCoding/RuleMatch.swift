/// One theme proposed for a text by the automatic coder, with the evidence for it.
///
/// Offsets count Unicode scalars (0-based, `end` exclusive) into the text that was coded: the same
/// positions as PostgreSQL `substr()` on a UTF8 database and REFI-QDA character positions, so a
/// span can be stored and shown without re-reading the text.
public struct RuleMatch: Sendable, Equatable {
    /// The theme coded.
    public var themeID: String
    /// The rule that fired.
    public var ruleID: String
    /// First scalar of the evidence.
    public var start: Int
    /// One past the last scalar of the evidence.
    public var end: Int
    /// The evidence: the scalars `start..<end` of the coded text, as written there.
    public var matched: String

    /// Creates a match.
    public init(themeID: String, ruleID: String, start: Int, end: Int, matched: String) {
        self.themeID = themeID
        self.ruleID = ruleID
        self.start = start
        self.end = end
        self.matched = matched
    }
}
