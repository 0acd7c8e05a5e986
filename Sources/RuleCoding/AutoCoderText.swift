import ConsultationModel
import Foundation
import RulePatterns

/// A segment prepared for rule matching: a normalised copy for the regular expressions, its words
/// with clause and sentence numbers and negation cues, and the map from UTF-16 offsets (what
/// `NSRegularExpression` reports) to Unicode-scalar offsets (what ``RuleMatch`` promises).
///
/// Normalisation replaces typographic apostrophes, quotes, dashes and spaces by their ASCII forms
/// one scalar for one scalar, all within the BMP, so UTF-16 offsets in the copy are offsets in
/// the original too. A class, because each rule's checks capture it: a struct of eight arrays
/// would be copied, with a reference count change per array, for every rule tried.
final class AutoCoderText {
    /// A word of the text.
    struct Word {
        /// UTF-16 offset of the first unit.
        var start: Int
        /// UTF-16 offset one past the last unit.
        var end: Int
        /// Clause number, increasing through the text.
        var clause: Int
        /// Sentence number (index into `sentences`).
        var sentence: Int
        /// Whether the word negates, and how.
        var cue: Cue
    }

    /// The role of a word in negation.
    enum Cue {
        case none
        /// Negates what follows.
        case negation
        /// Part of a "should not" view: negates only under strict rules.
        case deontic
    }

    /// A sentence: from its first character to the end of its closing punctuation.
    struct Sentence {
        var start: Int
        var isQuestion: Bool
    }

    /// The normalised copy, as the rule expressions search it.
    let subject: PatternSubject
    let words: [Word]
    let sentences: [Sentence]
    /// Scalar offset of each UTF-16 offset; one extra entry for the end.
    private let scalarOffsets: [Int]
    private let scalars: [Unicode.Scalar]

    init(_ text: String, negation: AutoCoderNegationLexicon) {
        scalars = Array(text.unicodeScalars)
        var normalizedScalars = String.UnicodeScalarView()
        var offsets: [Int] = []
        offsets.reserveCapacity(text.utf16.count + 1)
        for (index, scalar) in scalars.enumerated() {
            normalizedScalars.append(Self.normalize(scalar))
            offsets.append(index)
            if scalar.utf16.count == 2 { offsets.append(index) }
        }
        offsets.append(scalars.count)
        subject = PatternSubject(normalizedScalars)
        scalarOffsets = offsets
        let scan = AutoCoderTextScan(normalizedScalars, negation: negation)
        words = scan.words
        sentences = scan.sentences
    }

    /// Scalar offset of a UTF-16 offset.
    func scalarOffset(_ utf16Offset: Int) -> Int {
        scalarOffsets[min(max(utf16Offset, 0), subject.length)]
    }

    /// The original text's scalars between two scalar offsets.
    func originalText(scalarStart: Int, scalarEnd: Int) -> String {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars[scalarStart..<scalarEnd])
        return String(view)
    }

    /// Index of the sentence holding a UTF-16 offset.
    func sentenceIndex(at offset: Int) -> Int {
        var low = 0
        var high = sentences.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if sentences[mid].start <= offset { low = mid } else { high = mid - 1 }
        }
        return max(low, 0)
    }

    /// Index of the first word ending after `offset` (the word a match starting there begins in),
    /// or `words.count` when there is none.
    func firstWord(endingAfter offset: Int) -> Int {
        var low = 0
        var high = words.count
        while low < high {
            let mid = (low + high) / 2
            if words[mid].end <= offset { low = mid + 1 } else { high = mid }
        }
        return low
    }

    /// Whether a negation cue denies the span: a cue at most `window` words before it in the
    /// same clause, or a cue inside it.
    func isNegated(_ range: NSRange, window: Int, mode: CodingRule.Negation) -> Bool {
        if mode == .ignore { return false }
        let first = firstWord(endingAfter: range.location)
        guard first < words.count else { return false }
        let clause = words[first].clause
        var index = first - 1
        while index >= 0, index >= first - 1 - window, words[index].clause == clause {
            if negates(words[index].cue, mode) { return true }
            index -= 1
        }
        var inside = first
        while inside < words.count, words[inside].start < NSMaxRange(range) {
            if negates(words[inside].cue, mode) { return true }
            inside += 1
        }
        return false
    }

    /// Number of words strictly between two spans (0 when adjacent or overlapping).
    func wordsBetween(_ first: NSRange, _ second: NSRange) -> Int {
        let (earlier, later) = first.location <= second.location ? (first, second) : (second, first)
        let lastOfEarlier = firstWord(endingAfter: max(NSMaxRange(earlier) - 1, earlier.location))
        let firstOfLater = firstWord(endingAfter: later.location)
        return max(firstOfLater - lastOfEarlier - 1, 0)
    }

    private func negates(_ cue: Cue, _ mode: CodingRule.Negation) -> Bool {
        switch cue {
        case .none: false
        case .negation: true
        case .deontic: mode == .strict
        }
    }

    /// Typographic forms people paste or phones insert, mapped to what patterns are written in.
    private static func normalize(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        switch scalar.value {
        case 0x2018, 0x2019, 0x201A, 0x201B, 0x02BC, 0x0060, 0x00B4, 0x2032: "'"
        case 0x201C, 0x201D, 0x201E, 0x201F, 0x2033, 0x00AB, 0x00BB: "\""
        case 0x2010, 0x2011, 0x2012, 0x2013, 0x2014, 0x2015, 0x2212: "-"
        case 0x00A0, 0x2002...0x200A, 0x202F: " "
        case 0x2026: "."
        default: scalar
        }
    }
}
