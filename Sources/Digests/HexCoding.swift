/// Lowercase hexadecimal text for bytes: digests, pseudonyms, key fingerprints and key files.
public enum HexCoding {
    private static let digits = Array("0123456789abcdef".utf8)

    /// Two lowercase hex characters per byte, most significant nibble first.
    public static func encode(_ bytes: some Sequence<UInt8>) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.underestimatedCount * 2)
        for byte in bytes {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 0x0f)])
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The bytes spelled by `text` (either case, surrounding whitespace ignored), or nil when
    /// the text has an odd number of digits or a character that is not a hex digit.
    public static func decode(_ text: String) -> [UInt8]? {
        let utf8 = Array(text.utf8)
        let start = utf8.firstIndex { !isASCIIWhitespace($0) } ?? utf8.endIndex
        let end = utf8.lastIndex { !isASCIIWhitespace($0) }.map { $0 + 1 } ?? start
        let trimmed = utf8[start..<max(start, end)]
        guard trimmed.count % 2 == 0 else { return nil }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(trimmed.count / 2)
        var high: UInt8?
        for character in trimmed {
            guard let nibble = nibble(character) else { return nil }
            if let h = high {
                bytes.append(h << 4 | nibble)
                high = nil
            } else {
                high = nibble
            }
        }
        return bytes
    }

    private static func nibble(_ c: UInt8) -> UInt8? {
        switch c {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): c - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): c - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): c - UInt8(ascii: "A") + 10
        default: nil
        }
    }

    private static func isASCIIWhitespace(_ c: UInt8) -> Bool {
        c == 0x20 || (0x09...0x0d).contains(c)
    }
}
