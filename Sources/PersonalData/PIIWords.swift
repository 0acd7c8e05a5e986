/// One word of a text: a run of letters, digits and marks, joined across inner apostrophes and
/// hyphens ("O'Brien", "Smith-Jones", "I’m").
struct PIIWord {
    /// Byte offsets of the word.
    var start: Int
    var end: Int
    /// The word in ASCII lower case with curly apostrophes straightened: what cue lists hold.
    var key: String
    /// Starts with an upper-case letter, or with a letter of a script without case.
    var isCapitalised: Bool
    /// Contains no digits.
    var isLettersOnly: Bool
    /// What the word lists say about `key`.
    var roles: PIIWordRoles
}

/// The words of a text and the separators between them, for patterns driven by cue phrases
/// (names, platform-labelled handles).
struct PIIWords {
    let words: [PIIWord]
    private let text: PIIText

    init(_ text: PIIText) {
        self.text = text
        var words: [PIIWord] = []
        words.reserveCapacity(text.count / 4)
        var i = 0
        while i < text.count {
            guard text.isWordCharacter(at: i) else {
                i += text.scalar(at: i)?.length ?? 1
                continue
            }
            let start = i
            var lettersOnly = true
            while i < text.count {
                if text.isWordCharacter(at: i) {
                    if PIIByte.isDigit(text[i]) { lettersOnly = false }
                    i += text.scalar(at: i)?.length ?? 1
                } else if let joiner = Self.joinerLength(text, at: i), text.isWordCharacter(at: i + joiner) {
                    i += joiner
                } else {
                    break
                }
            }
            let key = Self.key(text, start..<i)
            words.append(PIIWord(
                start: start,
                end: i,
                key: key,
                isCapitalised: Self.isCapitalised(text, at: start),
                isLettersOnly: lettersOnly,
                roles: lettersOnly ? PIIWordRoles.of(key) : []
            ))
        }
        self.words = words
    }

    var count: Int { words.count }

    subscript(i: Int) -> PIIWord { words[i] }

    /// The bytes between word `i - 1` (or the start of the text) and word `i`.
    func gap(before i: Int) -> ArraySlice<UInt8> {
        let from = i > 0 ? words[i - 1].end : 0
        return text.bytes[from..<words[i].start]
    }

    /// The bytes after word `i` up to the next word (or the end of the text).
    func gap(after i: Int) -> ArraySlice<UInt8> {
        let to = i + 1 < words.count ? words[i + 1].start : text.count
        return text.bytes[words[i].end..<to]
    }

    /// True when words `i..<i + phrase.count` have exactly the keys of `phrase`, separated by
    /// spaces only.
    func matches(_ phrase: [String], at i: Int) -> Bool {
        guard i >= 0, i + phrase.count <= words.count else { return false }
        for (offset, key) in phrase.enumerated() {
            guard words[i + offset].key == key else { return false }
            if offset > 0, !Self.isSpaces(gap(before: i + offset)) { return false }
        }
        return true
    }

    /// A gap of one or more spaces or tabs and nothing else.
    static func isSpaces(_ gap: ArraySlice<UInt8>) -> Bool {
        !gap.isEmpty && gap.allSatisfy(PIIByte.isSpaceOrTab)
    }

    /// Length of an apostrophe (' or ’) or hyphen at `i`, which joins word characters.
    private static func joinerLength(_ text: PIIText, at i: Int) -> Int? {
        switch text[i] {
        case UInt8(ascii: "'"), UInt8(ascii: "-"): 1
        case 0xe2 where text.byte(at: i + 1) == 0x80 && text.byte(at: i + 2) == 0x99: 3
        default: nil
        }
    }

    private static func key(_ text: PIIText, _ range: Range<Int>) -> String {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: range.count) { buffer in
            var count = 0
            var i = range.lowerBound
            while i < range.upperBound {
                if text[i] == 0xe2, text.byte(at: i + 1) == 0x80, text.byte(at: i + 2) == 0x99 {
                    buffer[count] = UInt8(ascii: "'")
                    i += 3
                } else {
                    buffer[count] = PIIByte.lower(text[i])
                    i += 1
                }
                count += 1
            }
            return String(decoding: UnsafeBufferPointer(rebasing: buffer[..<count]), as: UTF8.self)
        }
    }

    private static func isCapitalised(_ text: PIIText, at i: Int) -> Bool {
        let b = text[i]
        if b < 0x80 { return PIIByte.isUpper(b) }
        guard let properties = text.scalar(at: i)?.scalar.properties, properties.isAlphabetic else { return false }
        return properties.isUppercase || !properties.isLowercase
    }
}
