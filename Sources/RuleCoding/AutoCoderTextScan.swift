import ConsultationModel
import Foundation

/// ``Codebook.NegationSettings`` prepared for lookups while scanning a text.
struct AutoCoderNegationLexicon: Sendable {
    let window: Int
    private let cues: Set<String>
    private let breaks: Set<String>
    /// Phrases by first word.
    private let deontic: [String: [[String]]]
    private let notNegation: [String: [[String]]]

    /// Words after a sentence-initial "no" that show it answers a question ("No they don't tell
    /// you", "No it's racist") rather than negating what follows ("No support at all").
    private static let answerFollowers: Set<String> = [
        "i", "i'm", "im", "i've", "ive", "it", "it's", "its", "they", "they're", "theyre", "we",
        "we're", "you", "you're", "he", "she", "that", "that's", "thats", "this", "there",
        "there's", "but", "because", "cos", "just", "honestly", "mate", "sorry", "man", "bro", "lol",
    ]

    init(_ settings: Codebook.NegationSettings) {
        window = settings.window
        cues = Set(settings.cues.map(Self.fold))
        breaks = Set(settings.clauseBreaks.map(Self.fold))
        deontic = Self.index(settings.deontic)
        notNegation = Self.index(settings.notNegation)
    }

    func cue(for word: String) -> AutoCoderText.Cue {
        cues.contains(word) || word.hasSuffix("n't") ? .negation : .none
    }

    func isClauseBreak(_ word: String) -> Bool {
        breaks.contains(word)
    }

    /// Clears or downgrades cues that stand in a listed phrase, and answer-particle "no"s.
    func adjust(_ words: inout [AutoCoderText.Word], folded: [String]) {
        mark(&words, folded: folded, phrases: deontic, as: .deontic)
        mark(&words, folded: folded, phrases: notNegation, as: .none)
        for index in words.indices where folded[index] == "no" {
            let isFirst = index == 0 || words[index - 1].sentence != words[index].sentence
            let next = index + 1
            if isFirst, next < words.count, words[next].sentence == words[index].sentence,
               Self.answerFollowers.contains(folded[next]) {
                words[index].cue = .none
            }
        }
    }

    private func mark(
        _ words: inout [AutoCoderText.Word], folded: [String], phrases: [String: [[String]]],
        as replacement: AutoCoderText.Cue
    ) {
        for start in words.indices {
            guard let candidates = phrases[folded[start]] else { continue }
            for phrase in candidates where start + phrase.count <= words.count {
                let span = start..<(start + phrase.count)
                guard Array(folded[span]) == phrase,
                      words[span].allSatisfy({ $0.sentence == words[start].sentence }) else { continue }
                for index in span where words[index].cue == .negation {
                    words[index].cue = replacement
                }
            }
        }
    }

    /// Lower case with straight apostrophes, as scanned words are.
    static func fold(_ text: String) -> String {
        text.lowercased()
            .replacingOccurrences(of: "\u{2019}", with: "'")
            .replacingOccurrences(of: "\u{2018}", with: "'")
    }

    private static func index(_ phrases: [String]) -> [String: [[String]]] {
        var result: [String: [[String]]] = [:]
        for phrase in phrases {
            let words = fold(phrase).split(separator: " ").map(String.init)
            guard let first = words.first else { continue }
            result[first, default: []].append(words)
        }
        return result
    }
}

/// One pass over a normalised text that finds words, clauses and sentences.
struct AutoCoderTextScan {
    private(set) var words: [AutoCoderText.Word] = []
    private(set) var sentences: [AutoCoderText.Sentence] = [.init(start: 0, isQuestion: false)]

    init(_ scalars: String.UnicodeScalarView, negation: AutoCoderNegationLexicon) {
        let list = Array(scalars)
        var folded: [String] = []
        var clause = 0
        var sentenceEnded = false
        var wordStart: Int?
        var wordScalars = String.UnicodeScalarView()
        var offset = 0

        func finishWord(at end: Int) {
            guard let start = wordStart else { return }
            let word = String(wordScalars).lowercased()
            if negation.isClauseBreak(word) { clause += 1 }
            words.append(.init(
                start: start, end: end, clause: clause, sentence: sentences.count - 1,
                cue: negation.cue(for: word)))
            folded.append(word)
            wordStart = nil
            wordScalars = String.UnicodeScalarView()
        }

        for (index, scalar) in list.enumerated() {
            let next = index + 1 < list.count ? list[index + 1] : nil
            let inWord = wordStart != nil
            if Self.isWordScalar(scalar) || (scalar == "'" && inWord && next.map(Self.isLetter) == true) {
                if sentenceEnded {
                    sentences.append(.init(start: offset, isQuestion: false))
                    clause += 1
                    sentenceEnded = false
                }
                if wordStart == nil { wordStart = offset }
                wordScalars.append(scalar)
            } else {
                finishWord(at: offset)
                let previous = index > 0 ? list[index - 1] : nil
                switch Self.classify(scalar, previous: previous, next: next) {
                case .sentenceEnd(let question):
                    sentenceEnded = true
                    clause += 1
                    if question { sentences[sentences.count - 1].isQuestion = true }
                case .clauseEnd:
                    clause += 1
                case .other:
                    break
                }
            }
            offset += scalar.utf16.count
        }
        finishWord(at: offset)
        negation.adjust(&words, folded: folded)
    }

    private enum Boundary {
        case sentenceEnd(question: Bool)
        case clauseEnd
        case other
    }

    private static func classify(_ scalar: Unicode.Scalar, previous: Unicode.Scalar?, next: Unicode.Scalar?) -> Boundary {
        switch scalar {
        case "?": return .sentenceEnd(question: true)
        case "!", "\n", "\r": return .sentenceEnd(question: false)
        case ".": return next.map(isWordScalar) == true ? .other : .sentenceEnd(question: false)
        case ",", ";", ":", "(", ")", "[", "]", "\"": return .clauseEnd
        case "-":
            let spaced = previous.map(isSpace) != false && next.map(isSpace) != false
            return spaced ? .clauseEnd : .other
        default:
            return !scalar.isASCII && scalar.properties.isEmojiPresentation ? .clauseEnd : .other
        }
    }

    /// Letters and digits; ASCII answered without a Unicode property lookup (most text is ASCII).
    private static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII { return isASCIILetter(scalar) || ("0"..."9").contains(scalar) }
        return scalar.properties.isAlphabetic || scalar.properties.numericType != nil
    }

    private static func isLetter(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCII ? isASCIILetter(scalar) : scalar.properties.isAlphabetic
    }

    private static func isASCIILetter(_ scalar: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar)
    }

    private static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isWhitespace
    }
}
