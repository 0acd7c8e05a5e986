import Foundation

/// One compiled rule pattern (or `unless` list): ICU's expression, which can match any text, and
/// the same pattern as an ``ASCIIPattern`` when its syntax allows one, which matches ASCII text
/// many times faster with the same results.
package struct RuleExpression: Sendable {
    package let regex: NSRegularExpression
    package let ascii: ASCIIPattern?

    /// Every match in the text's normalised copy, in order, as UTF-16 ranges.
    package func matches(in subject: PatternSubject) -> [NSRange] {
        if let ascii, let bytes = subject.asciiLowered { return ascii.matches(in: bytes, wordStarts: subject.asciiWordStarts) }
        return regex.matches(in: subject.text, range: NSRange(location: 0, length: subject.length)).map(\.range)
    }
}
