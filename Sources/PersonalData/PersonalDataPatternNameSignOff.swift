/// Sign-off names: the last words of an answer after "Thanks," or a dash.
///
/// Why only at the very end: a closing phrase followed by capitalised words is a signature
/// only when nothing but punctuation or emoji comes after it. The cost is that a slogan after a
/// dash ("... - End Racism") can look like a signature; words in `PIIWordLists.notNames`
/// ("End", "Scrap", "Justice") keep the usual ones out.
extension PIINamePattern {
    /// The sign-off name at the very end of the text, if there is one.
    func signature(in scan: PIIScan) -> Range<Int>? {
        let words = scan.words
        let last = words.count - 1
        guard last >= 1 else { return nil }
        for length in stride(from: min(3, last), through: 1, by: -1) {
            let first = last - length + 1
            guard (first...last).allSatisfy({ words[$0].isCapitalised }),
                  let run = nameRun(from: first, PIINamePattern.Refusals(placesAreNotNames: true), in: scan),
                  run.lastWord == last, run.bytes.upperBound == words[last].end
            else { continue }
            let gap = words.gap(before: first)
            if isDashGap(gap, atTextStart: first == 0) || isSignOff(endingBefore: first, in: scan) {
                return run.bytes
            }
        }
        return nil
    }

    /// True when a closing phrase ("Thanks", "Kind regards") starting a sentence or line ends
    /// just before word `first`, separated by spaces, line breaks or light punctuation.
    private func isSignOff(endingBefore first: Int, in scan: PIIScan) -> Bool {
        let words = scan.words
        let gap = words.gap(before: first)
        guard !gap.isEmpty, gap.allSatisfy({ PIIByte.isWhitespace($0) || ",.!:-".utf8.contains($0) }) else {
            return false
        }
        for phrase in PIINameCues.signOffs {
            let start = first - phrase.count
            guard start >= 0, words.matches(phrase, at: start) else { continue }
            let before = words.gap(before: start)
            if start == 0 || before.contains(where: { ".!?,\n\r".utf8.contains($0) }) { return true }
        }
        return false
    }

    /// "- Jo", "— Jo", "~Jo": a dash that starts the text or follows whitespace, then spaces.
    private func isDashGap(_ gap: ArraySlice<UInt8>, atTextStart: Bool) -> Bool {
        var i = gap.endIndex
        while i > gap.startIndex, PIIByte.isWhitespace(gap[i - 1]) { i -= 1 }
        let dashStart: Int
        if i > gap.startIndex, gap[i - 1] == UInt8(ascii: "-") || gap[i - 1] == UInt8(ascii: "~") {
            dashStart = i - 1
        } else if i - 3 >= gap.startIndex, gap[i - 3] == 0xe2, gap[i - 2] == 0x80,
                  gap[i - 1] == 0x93 || gap[i - 1] == 0x94 { // en dash, em dash
            dashStart = i - 3
        } else {
            return false
        }
        if dashStart == gap.startIndex { return atTextStart }
        return PIIByte.isWhitespace(gap[dashStart - 1])
    }
}
