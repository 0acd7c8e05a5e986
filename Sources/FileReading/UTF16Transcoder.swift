/// Converts UTF-16 (either byte order) to UTF-8 chunk by chunk, so a UTF-16 export (Excel's
/// "Unicode text") streams like any other file. A code unit or surrogate pair split across two
/// chunks is carried over; an unpaired surrogate or an odd final byte is an error.
public struct UTF16Transcoder: Sendable {
    public let bigEndian: Bool
    private var carryByte: UInt8?
    private var highSurrogate: UInt16?

    public init(bigEndian: Bool) {
        self.bigEndian = bigEndian
    }

    public var name: String { bigEndian ? "UTF-16BE" : "UTF-16LE" }

    /// The UTF-8 bytes of `chunk`, holding back an incomplete code unit or surrogate pair.
    public mutating func convert(_ chunk: some Collection<UInt8>) throws(InvalidUTF16) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(chunk.count)
        for byte in chunk {
            guard let first = carryByte else { carryByte = byte; continue }
            carryByte = nil
            let unit = bigEndian ? UInt16(first) << 8 | UInt16(byte) : UInt16(byte) << 8 | UInt16(first)
            try append(unit, to: &out)
        }
        return out
    }

    /// Checks that the input ended on a whole character.
    public func finish() throws(InvalidUTF16) {
        if carryByte != nil || highSurrogate != nil { throw InvalidUTF16(reason: "ends in the middle of a character") }
    }

    private mutating func append(_ unit: UInt16, to out: inout [UInt8]) throws(InvalidUTF16) {
        let scalar: Unicode.Scalar?
        switch unit {
        case 0xD800...0xDBFF:
            guard highSurrogate == nil else { throw InvalidUTF16(reason: "has two high surrogates in a row") }
            highSurrogate = unit
            return
        case 0xDC00...0xDFFF:
            guard let high = highSurrogate else { throw InvalidUTF16(reason: "has a low surrogate without a high one") }
            highSurrogate = nil
            scalar = Unicode.Scalar(0x10000 + (UInt32(high - 0xD800) << 10) + UInt32(unit - 0xDC00))
        default:
            guard highSurrogate == nil else { throw InvalidUTF16(reason: "has a high surrogate without a low one") }
            scalar = Unicode.Scalar(unit)
        }
        guard let scalar else { throw InvalidUTF16(reason: "holds an invalid code point") }
        out.append(contentsOf: UTF8.encode(scalar)!)
    }

    /// Why a UTF-16 input could not be converted.
    public struct InvalidUTF16: Error, Sendable, Equatable {
        public var reason: String
    }
}
