/// Windows-1252 decoding, the legacy encoding of most non-UTF-8 exports (Excel "CSV" on Windows).
///
/// Bytes 0x00–0x7F and 0xA0–0xFF are Latin-1 (the same code points); 0x80–0x9F are the Windows
/// typographic characters (curly quotes, dashes, euro sign). The five bytes Windows-1252 leaves
/// undefined (0x81, 0x8D, 0x8F, 0x90, 0x9D) are not text in either encoding, so they are refused.
public enum Windows1252 {
    private static let high: [UInt32?] = [
        0x20AC, nil, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, nil, 0x017D, nil,
        nil, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, nil, 0x017E, 0x0178,
    ]

    /// The text of `bytes`, or the offset of the first byte that Windows-1252 does not define.
    public static func decode(_ bytes: ArraySlice<UInt8>) -> Result<String, UndefinedByte> {
        var scalars = String.UnicodeScalarView()
        for (offset, byte) in bytes.enumerated() {
            let value = (0x80...0x9F).contains(byte) ? high[Int(byte - 0x80)] : UInt32(byte)
            guard let value, let scalar = Unicode.Scalar(value) else { return .failure(UndefinedByte(offset: offset, byte: byte)) }
            scalars.append(scalar)
        }
        return .success(String(scalars))
    }

    /// A byte with no character in Windows-1252, at `offset` from the start of the decoded bytes.
    public struct UndefinedByte: Error, Sendable, Equatable {
        public var offset: Int
        public var byte: UInt8
    }
}
