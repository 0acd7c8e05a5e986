import Foundation

/// A text as a ``RuleExpression`` searches it: the text itself for ICU, and, when it is all ASCII,
/// its lower-cased bytes and word starts for ``ASCIIPattern``, computed once however many
/// expressions are tried on it. A class, so that trying an expression copies no arrays.
///
/// Matches are reported as UTF-16 ranges of `text`; for an ASCII text a byte offset is a UTF-16
/// offset, which is why both engines can report the same ranges.
package final class PatternSubject {
    /// The text the expressions see.
    package let text: String
    /// Length in UTF-16 units.
    package let length: Int
    /// The text's bytes in lower case when it is all ASCII; nil otherwise.
    package let asciiLowered: [UInt8]?
    /// ``ASCIIPattern/wordStarts(of:)`` of `asciiLowered` (empty when that is nil).
    package let asciiWordStarts: [Int32]

    package init(_ scalars: String.UnicodeScalarView) {
        text = String(scalars)
        length = text.utf16.count
        asciiLowered = scalars.allSatisfy(\.isASCII)
            ? scalars.map { scalar in UInt8(scalar.value) + (("A"..."Z").contains(scalar) ? 32 : 0) }
            : nil
        asciiWordStarts = asciiLowered.map(ASCIIPattern.wordStarts(of:)) ?? []
    }

    package convenience init(_ text: String) {
        self.init(text.unicodeScalars)
    }
}
