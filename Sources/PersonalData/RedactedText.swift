/// Free text after redaction, with how many items of each kind were replaced.
///
/// `text` is the input with every match replaced by its kind's placeholder and every other byte
/// unchanged. `counts` holds only kinds that occurred (no zero entries), so two results compare
/// equal exactly when text and counts agree.
public struct RedactedText: Sendable, Equatable {
    /// The redacted text.
    public var text: String
    /// Number of replacements per kind; kinds with none are absent.
    public var counts: [PersonalDataKind: Int]

    public init(text: String, counts: [PersonalDataKind: Int]) {
        self.text = text
        self.counts = counts
    }

    /// Total number of replacements.
    public var total: Int { counts.values.reduce(0, +) }
}
