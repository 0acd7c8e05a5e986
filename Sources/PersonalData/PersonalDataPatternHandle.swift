/// Social media handles: "@name" that is not part of an email address, and a bare name after a
/// platform label ("snap: jo_smith99", "my insta is jojo").
///
/// Contract: an "@" handle is 2-30 letters, digits, "_" or "." with at least one letter, not a
/// time ("@5pm"), and not glued to a preceding word (that is an email). After a platform label
/// ("instagram", "insta", "ig", "snapchat", "snap", "sc", "tiktok", "twitter", ...) followed by
/// ":", "-" or "is", the next token is a handle when it contains a digit, "_" or "." or ends
/// its line or sentence and is not an ordinary word ("Snapchat: they post videos" stays).
struct PIIHandlePattern: PersonalDataPattern {
    let kind = PersonalDataKind.handle

    private static let notHandles: Set<String> = ["private", "deleted", "blocked", "gone", "closed", "down", "banned"]

    func appendMatches(in scan: PIIScan, to matches: inout [PIIMatch]) {
        let text = scan.text
        if text.hasAt {
            for at in 0..<text.count where text[at] == UInt8(ascii: "@") {
                if let range = Self.atHandle(at, in: text) {
                    matches.append(PIIMatch(kind: kind, range: range))
                }
            }
        }
        let words = scan.words
        for i in 0..<words.count where words[i].roles.contains(.platform) {
            if let range = Self.labelledHandle(after: i, in: scan) {
                matches.append(PIIMatch(kind: kind, range: range))
            }
        }
    }

    private static func atHandle(_ at: Int, in text: PIIText) -> Range<Int>? {
        guard mayPrecedeHandle(at, in: text) else { return nil }
        let end = handleEnd(from: at + 1, in: text)
        guard end - (at + 1) >= 2, end - (at + 1) <= 30, text.byte(at: end) != UInt8(ascii: "@"),
              hasLetter(at + 1..<end, in: text), !isTime(at + 1..<end, in: text)
        else { return nil }
        return at..<end
    }

    /// A handle starts a token: at the start of the text, after whitespace or opening
    /// punctuation, or after a non-ASCII symbol such as an emoji or a curly quote. Not after a
    /// word ("jo@x.com"), a closing bracket ("[EMAIL]@x") or a path ("tiktok.com/@x").
    private static func mayPrecedeHandle(_ at: Int, in text: PIIText) -> Bool {
        guard let before = text.byte(at: at - 1) else { return true }
        if PIIByte.isWhitespace(before) || "([{\"':;,".utf8.contains(before) { return true }
        return before >= 0x80 && !text.isWordCharacter(before: at)
    }

    private static func labelledHandle(after label: Int, in scan: PIIScan) -> Range<Int>? {
        let words = scan.words
        let text = scan.text
        let candidate: Int
        let gap = words.gap(after: label)
        if words.matches([words[label].key, "is"], at: label) {
            candidate = label + 2
        } else if gap.contains(where: { ":-=".utf8.contains($0) }),
                  gap.allSatisfy({ PIIByte.isSpaceOrTab($0) || ":-=".utf8.contains($0) }) {
            candidate = label + 1
        } else {
            return nil
        }
        guard candidate < words.count else { return nil }
        let start = words[candidate].start
        let end = handleEnd(from: start, in: text)
        guard end > start + 1, end - start <= 30, hasLetter(start..<end, in: text) else { return nil }
        let token = text.bytes[start..<end]
        let marked = token.contains { PIIByte.isDigit($0) || $0 == UInt8(ascii: "_") || $0 == UInt8(ascii: ".") }
        if marked { return start..<end }
        let key = words[candidate].key
        guard words[candidate].end == end, words[candidate].roles.isDisjoint(with: [.function, .notName, .place]),
              !notHandles.contains(key), endsClause(after: end, in: text)
        else { return nil }
        return start..<end
    }

    /// End of a run of handle characters (ASCII letters, digits, "_", ".", and letters of other
    /// scripts) starting at `start`, without trailing dots.
    private static func handleEnd(from start: Int, in text: PIIText) -> Int {
        var i = start
        while i < text.count {
            let b = text[i]
            if PIIByte.isAlphanumeric(b) || b == UInt8(ascii: "_") || b == UInt8(ascii: ".") {
                i += 1
            } else if b >= 0x80, let (scalar, length) = text.scalar(at: i), PIIText.isWordScalar(scalar) {
                i += length
            } else {
                break
            }
        }
        while i > start, text[i - 1] == UInt8(ascii: ".") { i -= 1 }
        return i
    }

    private static func hasLetter(_ range: Range<Int>, in text: PIIText) -> Bool {
        text.bytes[range].contains { PIIByte.isLetter($0) || $0 >= 0x80 }
    }

    /// "5pm", "10am": an "@" used for "at" a time, not a handle.
    private static func isTime(_ range: Range<Int>, in text: PIIText) -> Bool {
        let token = text.bytes[range].map(PIIByte.lower)
        guard token.count >= 3, token.count <= 4 else { return false }
        let suffix = token.suffix(2)
        return (suffix.elementsEqual("am".utf8) || suffix.elementsEqual("pm".utf8))
            && token.dropLast(2).allSatisfy(PIIByte.isDigit)
    }

    /// True when only spaces then end of text, a line break or clause punctuation follow.
    private static func endsClause(after end: Int, in text: PIIText) -> Bool {
        var i = end
        while let b = text.byte(at: i), PIIByte.isSpaceOrTab(b) { i += 1 }
        guard let b = text.byte(at: i) else { return true }
        return PIIByte.isNewline(b) || ",;.)!?".utf8.contains(b)
    }
}
