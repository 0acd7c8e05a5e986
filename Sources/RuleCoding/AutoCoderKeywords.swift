import RulePatterns
/// Finds which of many literal strings occur in a text, in one pass (Aho–Corasick over UTF-8
/// bytes), so the coder can skip the rules whose required literals are all absent.
struct AutoCoderKeywords: Sendable {
    /// What one scan found, indexed by keyword id.
    struct Found: Equatable {
        /// The keyword occurs somewhere in the text.
        var anywhere: [Bool]
        /// The keyword occurs where a word-bounded match could begin with it: not right after an
        /// ASCII letter or digit, or anywhere when the keyword itself begins with neither.
        var atWordStart: [Bool]
        /// The same at the other end: where a word-bounded match could end with it.
        var atWordEnd: [Bool]
        /// The ids of the keywords that occur, in the order first found.
        var ids: [Int] = []
    }

    /// Number of keywords; ids run from 0.
    let count: Int
    /// UTF-8 length of each keyword.
    private let lengths: [Int]
    /// Whether each keyword begins with an ASCII letter or digit (one that a preceding letter or
    /// digit would glue into a longer word), and whether it ends with one.
    private let beginsWord: [Bool]
    private let endsWord: [Bool]
    /// Byte to symbol; 0 for bytes that occur in no keyword.
    private let symbols: [UInt8]
    private let width: Int
    /// `transitions[state * width + symbol]` is the next state (failure links folded in).
    private let transitions: [Int32]
    /// Keyword ids ending at each state, including those reached through failure links.
    private let outputs: [[Int32]]

    /// Characters whose lower-case form differs from the regular-expression engine's case
    /// folding (ß ~ ss, long s, ligatures, Kelvin and Ångström signs): a text holding one is not
    /// prefiltered, so no match can be missed.
    private static let unusualFolding: Set<Unicode.Scalar> = [
        "\u{00DF}", "\u{1E9E}", "\u{017F}", "\u{212A}", "\u{212B}",
        "\u{FB00}", "\u{FB01}", "\u{FB02}", "\u{FB03}", "\u{FB04}", "\u{FB05}", "\u{FB06}",
    ]

    /// Builds the automaton; `keywords[i]` gets id `i`.
    init(_ keywords: [String]) {
        count = keywords.count
        lengths = keywords.map(\.utf8.count)
        beginsWord = keywords.map { $0.utf8.first.map(ASCIIPatternSyntax.isAlphanumeric) ?? false }
        endsWord = keywords.map { $0.utf8.last.map(ASCIIPatternSyntax.isAlphanumeric) ?? false }
        var symbolOf = [UInt8](repeating: 0, count: 256)
        var next = 1
        for keyword in keywords {
            for byte in keyword.utf8 where symbolOf[Int(byte)] == 0 {
                symbolOf[Int(byte)] = UInt8(min(next, 255))
                next += 1
            }
        }
        // Past 255 distinct bytes, symbols are shared: that can only report extra keywords
        // (rules run needlessly), never hide one.
        let width = min(next, 256)
        var trie: [[Int32]] = [[Int32](repeating: -1, count: width)]
        var outputs: [[Int32]] = [[]]
        for (id, keyword) in keywords.enumerated() {
            var state = 0
            for byte in keyword.utf8 {
                let symbol = Int(symbolOf[Int(byte)])
                if trie[state][symbol] < 0 {
                    trie[state][symbol] = Int32(trie.count)
                    trie.append([Int32](repeating: -1, count: width))
                    outputs.append([])
                }
                state = Int(trie[state][symbol])
            }
            outputs[state].append(Int32(id))
        }
        var failure = [Int](repeating: 0, count: trie.count)
        var queue: [Int] = []
        for symbol in 0..<width {
            if trie[0][symbol] < 0 {
                trie[0][symbol] = 0
            } else {
                queue.append(Int(trie[0][symbol]))
            }
        }
        var head = 0
        while head < queue.count {
            let state = queue[head]
            head += 1
            outputs[state].append(contentsOf: outputs[failure[state]])
            for symbol in 0..<width {
                let child = trie[state][symbol]
                if child < 0 {
                    trie[state][symbol] = trie[failure[state]][symbol]
                } else {
                    failure[Int(child)] = Int(trie[failure[state]][symbol])
                    queue.append(Int(child))
                }
            }
        }
        symbols = symbolOf
        self.width = width
        transitions = trie.flatMap { $0 }
        self.outputs = outputs
    }

    /// Which keywords occur in `text` (compared in lower case), and where; nil when the text holds
    /// a character whose case folding the check cannot mirror, and every rule must run.
    ///
    /// Only ASCII letters and digits count as gluing a keyword to the word before or after it:
    /// in the lower-cased copy they can only come from letters or digits of the text, which the
    /// patterns' word boundaries (`(?<![\p{L}\p{N}])`, `(?![\p{L}\p{N}])`) refuse too. Other
    /// characters are assumed not to glue, which can only let a rule run needlessly.
    func found(in text: String) -> Found? {
        if text.unicodeScalars.contains(where: Self.unusualFolding.contains) { return nil }
        var lower = text.lowercased()
        return lower.withUTF8(found(inLowercased:))
    }

    /// ``found(in:)`` for text already in lower case (ASCII text cannot hold an unusual folding).
    func found(inLowercased bytes: UnsafeBufferPointer<UInt8>) -> Found {
        let none = [Bool](repeating: false, count: count)
        var found = Found(anywhere: none, atWordStart: none, atWordEnd: none)
        var state = 0
        for (end, byte) in bytes.enumerated() {
            state = Int(transitions[state * width + Int(symbols[Int(byte)])])
            for id in outputs[state] {
                let keyword = Int(id)
                if !found.anywhere[keyword] { found.ids.append(keyword) }
                found.anywhere[keyword] = true
                let start = end + 1 - lengths[keyword]
                if !beginsWord[keyword] || start == 0 || !ASCIIPatternSyntax.isAlphanumeric(bytes[start - 1]) {
                    found.atWordStart[keyword] = true
                }
                if !endsWord[keyword] || end + 1 == bytes.count || !ASCIIPatternSyntax.isAlphanumeric(bytes[end + 1]) {
                    found.atWordEnd[keyword] = true
                }
            }
        }
        return found
    }
}
