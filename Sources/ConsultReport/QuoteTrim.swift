/// Shortens a quote to its first sentence or two, so the chapter quotes a point rather than a
/// whole answer (and repeats as little of a person's words as it needs).
///
/// Contract: the result is a prefix of the text (whitespace collapsed) made of whole sentences
/// (a stop followed by a lower-case word, as in "e.g. this", does not end one),
/// at most `maxSentences` and, beyond the first, at most `maxCharacters`; a first sentence longer
/// than `maxCharacters` is cut at a word boundary and ends with "…". Pure and deterministic.
public enum QuoteTrim {
    public static func trim(_ text: String, maxSentences: Int = 2, maxCharacters: Int = 280) -> String {
        let flat = text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        var sentences: [String] = []
        var current = ""
        let characters = Array(flat)
        for (index, character) in characters.enumerated() {
            current.append(character)
            if ".!?".contains(character) && isSentenceEnd(after: index, in: characters) {
                sentences.append(current.trimmingSpaces())
                current = ""
            }
        }
        if !current.trimmingSpaces().isEmpty { sentences.append(current.trimmingSpaces()) }
        guard let first = sentences.first else { return "" }
        guard first.count <= maxCharacters else { return cut(first, to: maxCharacters) }
        var out = first
        for sentence in sentences.dropFirst().prefix(maxSentences - 1) {
            guard out.count + 1 + sentence.count <= maxCharacters else { break }
            out += " " + sentence
        }
        return out
    }

    /// A stop ends a sentence at the end of the text, or before a space and a word that does not
    /// start in lower case ("e.g. this" goes on; "it. Then" ends).
    private static func isSentenceEnd(after index: Int, in characters: [Character]) -> Bool {
        guard index + 1 < characters.count else { return true }
        guard characters[index + 1] == " " else { return false }
        return index + 2 >= characters.count || !characters[index + 2].isLowercase
    }

    private static func cut(_ sentence: String, to limit: Int) -> String {
        let head = sentence.prefix(limit - 1)
        let atWord = head.lastIndex(of: " ").map { head[..<$0] } ?? head
        return atWord.trimmingSpaces() + "…"
    }
}

extension StringProtocol {
    func trimmingSpaces() -> String {
        String(drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
    }
}
