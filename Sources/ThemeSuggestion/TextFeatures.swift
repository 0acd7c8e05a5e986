/// Turns a text into its set of binary features: lower-cased, lightly stemmed words, negation-marked
/// words, and optionally adjacent pairs.
///
/// Contract: pure and deterministic; the result is sorted and free of duplicates; an empty or
/// punctuation-only text has no features. A negation scope runs for `negationWindow` words after a
/// negator and stops at clause punctuation (`.,;:!?`), so "not told, heard later" marks only `told`.
public struct TextFeatures: Sendable {
    public let options: FeatureOptions

    public init(options: FeatureOptions) {
        self.options = options
    }

    public func features(of text: String) -> [String] {
        var features = Set<String>()
        for clause in Self.clauses(of: text) {
            let words = markNegation(clause)
            features.formUnion(words)
            if options.characterGrams > 0 {
                for word in clause { features.formUnion(Self.characterGrams(of: word, length: options.characterGrams)) }
            }
            if options.bigrams {
                for (first, second) in zip(words, words.dropFirst()) { features.insert(first + " " + second) }
            }
        }
        return features.sorted()
    }

    private func markNegation(_ clause: [String]) -> [String] {
        var remaining = 0
        return clause.map { word in
            let stem = LightStemmer.stem(word)
            if Self.isNegator(word) {
                remaining = options.negationWindow
                return stem
            }
            guard remaining > 0 else { return stem }
            remaining -= 1
            return "not_" + stem
        }
    }

    /// The letter sequences of `length` in a word marked at both ends ("<sto", "stop", "top>"), as
    /// features prefixed `#`; a word shorter than `length` gives itself.
    static func characterGrams(of word: String, length: Int) -> [String] {
        let marked = Array("<" + word + ">")
        guard marked.count > length else { return ["#" + String(marked)] }
        return (0...(marked.count - length)).map { "#" + String(marked[$0..<($0 + length)]) }
    }

    /// Words that negate what follows, including the contracted forms respondents type without
    /// an apostrophe ("dont", "cant").
    static func isNegator(_ word: String) -> Bool {
        negators.contains(word) || contractedWithoutApostrophe.contains(word) || word.hasSuffix("n't")
    }

    private static let negators: Set<String> = [
        "not", "no", "never", "nobody", "nothing", "none", "nor", "neither", "cannot", "without", "nowhere", "nah",
    ]
    private static let contractedWithoutApostrophe: Set<String> = [
        "dont", "cant", "wont", "isnt", "didnt", "doesnt", "aint", "wasnt", "havent", "hasnt", "couldnt",
        "wouldnt", "shouldnt", "arent", "werent",
    ]

    /// Lower-cased words grouped by clause; a word is letters, digits and inner apostrophes.
    static func clauses(of text: String) -> [[String]] {
        var clauses: [[String]] = [[]]
        var word = ""
        func endWord() {
            let trimmed = word.trimmingApostrophes()
            if !trimmed.isEmpty { clauses[clauses.count - 1].append(trimmed) }
            word = ""
        }
        for character in text.lowercased() {
            if character.isLetter || character.isNumber {
                word.append(character)
            } else if character == "'" || character == "\u{2019}" {
                word.append("'")
            } else {
                endWord()
                if clauseEnds.contains(character), !clauses[clauses.count - 1].isEmpty { clauses.append([]) }
            }
        }
        endWord()
        return clauses.filter { !$0.isEmpty }
    }

    private static let clauseEnds: Set<Character> = [".", ",", ";", ":", "!", "?", "\n"]
}

private extension String {
    func trimmingApostrophes() -> String {
        var scalars = Substring(self)
        while scalars.first == "'" { scalars.removeFirst() }
        while scalars.last == "'" { scalars.removeLast() }
        return String(scalars)
    }
}
