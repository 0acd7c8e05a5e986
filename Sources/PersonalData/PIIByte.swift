/// ASCII byte classes the redaction patterns test over and over; plain comparisons, no tables.
enum PIIByte {
    static func isDigit(_ b: UInt8) -> Bool { b &- 0x30 < 10 }
    static func isUpper(_ b: UInt8) -> Bool { b &- 0x41 < 26 }
    static func isLower(_ b: UInt8) -> Bool { b &- 0x61 < 26 }
    static func isLetter(_ b: UInt8) -> Bool { isUpper(b) || isLower(b) }
    static func isAlphanumeric(_ b: UInt8) -> Bool { isLetter(b) || isDigit(b) }
    static func isSpaceOrTab(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 }
    static func isWhitespace(_ b: UInt8) -> Bool { b == 0x20 || (0x09...0x0d).contains(b) }
    static func isNewline(_ b: UInt8) -> Bool { b == 0x0a || b == 0x0d }
    /// `b` folded to upper case if it is an ASCII letter.
    static func upper(_ b: UInt8) -> UInt8 { isLower(b) ? b &- 0x20 : b }
    /// `b` folded to lower case if it is an ASCII letter.
    static func lower(_ b: UInt8) -> UInt8 { isUpper(b) ? b &+ 0x20 : b }
}
