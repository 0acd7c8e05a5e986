/// A number written as groups of digits with separators, as phone and NHS numbers are:
/// "020 7946 0000", "(020) 7946-0000", "+44 (0)7700 900123", "401-023-2137".
///
/// Reading stops at anything that is not a digit, a single separator (space, no-break space,
/// hyphen or dot) between groups, or a bracket around a group, so "3,806" or "24/7" never grow
/// into a longer number.
struct PIIDigitGroups {
    /// The digits read, in order, without separators.
    var digits: [UInt8] = []
    /// For each group: the byte offset just past it and how many digits had been read by then.
    var groupEnds: [(end: Int, digitCount: Int)] = []
    /// Each group's own digit count, in order.
    var groupSizes: [Int] = []

    /// Reads groups from `start` (which may be "+" or an opening bracket), at most `maxDigits`.
    init(from start: Int, in text: PIIText, maxDigits: Int) {
        var i = start
        if text.byte(at: i) == UInt8(ascii: "+") { i += 1 }
        while true {
            var bracketed = false
            if text.byte(at: i) == UInt8(ascii: "("), let next = text.byte(at: i + 1), PIIByte.isDigit(next) {
                bracketed = true
                i += 1
            }
            let groupStart = digits.count
            while let b = text.byte(at: i), PIIByte.isDigit(b), digits.count < maxDigits {
                digits.append(b - 0x30)
                i += 1
            }
            guard digits.count > groupStart else { return }
            if bracketed {
                guard text.byte(at: i) == UInt8(ascii: ")") else { return }
                i += 1
            }
            groupEnds.append((i, digits.count))
            groupSizes.append(digits.count - groupStart)
            guard digits.count < maxDigits, let next = Self.nextGroupStart(after: i, in: text) else { return }
            i = next
        }
    }

    /// Where the next group starts when a separator (or nothing, after a bracket) follows `i`.
    private static func nextGroupStart(after i: Int, in text: PIIText) -> Int? {
        var j = i
        switch text.byte(at: j) {
        case UInt8(ascii: " "), UInt8(ascii: "-"), UInt8(ascii: "."): j += 1
        case 0xc2 where text.byte(at: j + 1) == 0xa0: j += 2
        default: break
        }
        guard let b = text.byte(at: j) else { return nil }
        if PIIByte.isDigit(b) { return j != i || text.byte(at: i - 1) == UInt8(ascii: ")") ? j : nil }
        if b == UInt8(ascii: "("), let d = text.byte(at: j + 1), PIIByte.isDigit(d) { return j }
        return nil
    }

    /// True when a number may start at `i`: not inside a word or another number. A dot before
    /// it counts as part of a number ("3.07") unless a letter precedes the dot ("Tel.0770...").
    static func canStart(at i: Int, in text: PIIText) -> Bool {
        guard let previous = text.byte(at: i - 1) else { return true }
        switch previous {
        case UInt8(ascii: "."):
            return text.byte(at: i - 2).map(PIIByte.isLetter) ?? true
        case UInt8(ascii: "+"), UInt8(ascii: ","), UInt8(ascii: "/"), UInt8(ascii: "-"),
             UInt8(ascii: "$"), UInt8(ascii: "#"), 0xa3, 0xac:
            return false // 0xA3 and 0xAC end "£" and "€"
        default:
            return !text.isWordCharacter(before: i)
        }
    }

    /// True when the number ending at `end` is not glued to a following word or number.
    static func canEnd(at end: Int, in text: PIIText) -> Bool {
        if text.isWordCharacter(at: end) { return false }
        guard let b = text.byte(at: end), ".,/".utf8.contains(b), let d = text.byte(at: end + 1) else { return true }
        return !PIIByte.isDigit(d)
    }
}
