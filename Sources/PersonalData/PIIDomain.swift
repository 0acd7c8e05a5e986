/// Parsing of domain names, shared by email addresses and bare-domain URLs.
enum PIIDomain {
    /// The domain that starts at `start`: the offset just past it and the range of its last
    /// (top-level) label, or nil when there is none.
    ///
    /// Labels are ASCII letters, digits and hyphens, or non-ASCII letters (Unicode domains); at
    /// least two non-empty labels are required, none starting or ending with a hyphen. Trailing
    /// dots and hyphens are not part of the domain (a sentence may end right after it).
    static func parse(from start: Int, in text: PIIText) -> (end: Int, topLevel: Range<Int>)? {
        var i = start
        var labelStarts = [start]
        while i < text.count {
            let b = text[i]
            if PIIByte.isAlphanumeric(b) || b == UInt8(ascii: "-") {
                i += 1
            } else if b == UInt8(ascii: ".") {
                i += 1
                labelStarts.append(i)
            } else if b >= 0x80, let (scalar, length) = text.scalar(at: i), PIIText.isWordScalar(scalar) {
                i += length
            } else {
                break
            }
        }
        var end = i
        while end > start, text[end - 1] == UInt8(ascii: ".") || text[end - 1] == UInt8(ascii: "-") {
            end -= 1
        }
        labelStarts.removeAll { $0 >= end }
        guard labelStarts.count >= 2 else { return nil }
        var labelEnds = labelStarts.dropFirst().map { $0 - 1 }
        labelEnds.append(end)
        for (labelStart, labelEnd) in zip(labelStarts, labelEnds) {
            guard labelStart < labelEnd,
                  text[labelStart] != UInt8(ascii: "-"),
                  text[labelEnd - 1] != UInt8(ascii: "-")
            else { return nil }
        }
        guard let last = labelStarts.last else { return nil }
        return (end, last..<end)
    }

    /// Two or more letters (any script), or an `xn--` punycode label: what may end an email domain.
    static func isTopLevelLabel(_ label: Range<Int>, in text: PIIText) -> Bool {
        let lowered = text.bytes[label].map(PIIByte.lower)
        if lowered.starts(with: Array("xn--".utf8)) { return lowered.count > 4 }
        var letters = 0
        var i = label.lowerBound
        while i < label.upperBound {
            if PIIByte.isLetter(text[i]) {
                letters += 1
                i += 1
            } else if text[i] >= 0x80, let (scalar, length) = text.scalar(at: i), scalar.properties.isAlphabetic {
                letters += 1
                i += length
            } else {
                return false
            }
        }
        return letters >= 2
    }
}
