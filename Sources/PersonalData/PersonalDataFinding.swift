/// One piece of personal data found in a text: its kind and where it is.
///
/// `utf8Offsets` counts UTF-8 bytes from the start of the text; `range` is the same span as
/// string indices. Exposed so callers (and tests) can highlight or audit what would be removed.
public struct PersonalDataFinding: Sendable, Equatable {
    public var kind: PersonalDataKind
    public var range: Range<String.Index>
    public var utf8Offsets: Range<Int>
}

/// A match in byte offsets, as the patterns produce it before overlaps are resolved.
struct PIIMatch: Sendable, Equatable {
    var kind: PersonalDataKind
    var range: Range<Int>
}
