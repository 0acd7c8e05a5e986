/// Finds every occurrence of one kind of personal data in a text.
///
/// Contract: a pattern appends the byte ranges it matched; ranges start and end on character
/// boundaries and may overlap other patterns' matches (the `Redactor` resolves overlaps). A
/// pattern never allocates per byte and returns quickly when a cheap test (a missing "@" or
/// digit) rules its format out.
protocol PersonalDataPattern: Sendable {
    var kind: PersonalDataKind { get }
    func appendMatches(in scan: PIIScan, to matches: inout [PIIMatch])
}

/// What every pattern gets to look at: the bytes, the words with their separators, and the
/// ASCII letter-and-digit runs that codes such as postcodes are made of.
struct PIIScan {
    let text: PIIText
    let words: PIIWords
    /// Maximal runs of ASCII letters and digits that do not touch a letter, digit or mark of
    /// another script (a code glued to other word characters is not a code).
    let codeRuns: [Range<Int>]

    init(_ string: String) {
        text = PIIText(string)
        words = PIIWords(text)
        var runs: [Range<Int>] = []
        var i = 0
        let bytes = text.bytes
        while i < bytes.count {
            guard PIIByte.isAlphanumeric(bytes[i]) else {
                i += 1
                continue
            }
            let start = i
            while i < bytes.count, PIIByte.isAlphanumeric(bytes[i]) { i += 1 }
            if !text.isWordCharacter(before: start), !text.isWordCharacter(at: i) {
                runs.append(start..<i)
            }
        }
        codeRuns = runs
    }

    /// True when run `k + 1` exists and follows run `k` after exactly one space.
    func nextRunFollowsSpace(_ k: Int) -> Bool {
        k + 1 < codeRuns.count && codeRuns[k + 1].lowerBound == codeRuns[k].upperBound + 1
            && text[codeRuns[k].upperBound] == UInt8(ascii: " ")
    }
}
