/// The UTF-8 bytes of one text, with the Unicode look-ups the patterns need at their edges.
///
/// Patterns scan bytes because nearly all personal data formats are ASCII, and byte scanning is
/// an order of magnitude faster than regular expressions on Linux. Non-ASCII text still needs
/// care at match boundaries ("Zoë", "E8’s"), so scalars are decoded where a pattern asks.
struct PIIText {
    let bytes: [UInt8]
    /// Which ASCII bytes occur at all: patterns skip texts that cannot contain their format.
    let hasAt: Bool
    let hasDigit: Bool
    let hasDot: Bool

    init(_ string: String) {
        bytes = Array(string.utf8)
        var at = false, digit = false, dot = false
        for b in bytes {
            switch b {
            case UInt8(ascii: "@"): at = true
            case UInt8(ascii: "."): dot = true
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = true
            default: break
            }
        }
        hasAt = at
        hasDigit = digit
        hasDot = dot
    }

    var count: Int { bytes.count }

    subscript(i: Int) -> UInt8 { bytes[i] }

    /// The byte at `i`, or nil outside the text: lets patterns peek past either end safely.
    func byte(at i: Int) -> UInt8? {
        i >= 0 && i < bytes.count ? bytes[i] : nil
    }

    /// The scalar starting at byte `i` and its length in bytes.
    func scalar(at i: Int) -> (scalar: Unicode.Scalar, length: Int)? {
        guard i >= 0, i < bytes.count else { return nil }
        let lead = bytes[i]
        let length: Int
        var value: UInt32
        switch lead {
        case 0..<0x80: return (Unicode.Scalar(lead), 1)
        case 0xc0..<0xe0: length = 2; value = UInt32(lead & 0x1f)
        case 0xe0..<0xf0: length = 3; value = UInt32(lead & 0x0f)
        case 0xf0..<0xf8: length = 4; value = UInt32(lead & 0x07)
        default: return nil
        }
        guard i + length <= bytes.count else { return nil }
        for j in (i + 1)..<(i + length) {
            value = value << 6 | UInt32(bytes[j] & 0x3f)
        }
        return Unicode.Scalar(value).map { ($0, length) }
    }

    /// Byte offset where the scalar ending just before `i` starts.
    func scalarStart(before i: Int) -> Int? {
        guard i > 0, i <= bytes.count else { return nil }
        var j = i - 1
        while j > 0, bytes[j] & 0xc0 == 0x80 { j -= 1 }
        return j
    }

    /// True when the character at `i` is a letter, digit or combining mark: a match may not
    /// start or end inside such a run.
    func isWordCharacter(at i: Int) -> Bool {
        guard let b = byte(at: i) else { return false }
        if b < 0x80 { return PIIByte.isAlphanumeric(b) }
        return scalar(at: i).map { Self.isWordScalar($0.scalar) } ?? false
    }

    /// True when the character ending just before `i` is a letter, digit or combining mark.
    func isWordCharacter(before i: Int) -> Bool {
        guard let start = scalarStart(before: i) else { return false }
        return isWordCharacter(at: start)
    }

    /// Letters, digits and combining marks in any script.
    static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        let properties = scalar.properties
        if properties.isAlphabetic || properties.numericType != nil { return true }
        switch properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark: return true
        default: return false
        }
    }
}
