import Digests
/// Turns the bytes of one CSV field or one JSON line into text under an `InputEncoding`, remembering
/// what it converted. Shared by `CSVReader` and `JSONLinesReader` so both refuse and convert alike.
///
/// Conversion is per field (per line for JSON Lines), so memory stays flat: a field that is valid
/// UTF-8 is UTF-8; one that is not is Windows-1252 under `.detect` and an error under `.utf8`. The
/// error names the physical line of the offending byte, the column, and the byte itself.
public struct TextFieldDecoder: Sendable {
    public let encoding: InputEncoding
    private let file: String
    public private(set) var converted = 0
    public private(set) var firstConvertedLine: Int?

    public init(encoding: InputEncoding, file: String) {
        self.encoding = encoding
        self.file = file
    }

    /// What was converted so far, or nil if every field was UTF-8.
    public var conversion: EncodingConversion? {
        firstConvertedLine.map { EncodingConversion(from: "Windows-1252", items: converted, firstLine: $0) }
    }

    /// Decodes `bytes`, which start on `line` and sit in `column` (the CSV column, or 1 for a JSON line).
    public mutating func decode(_ bytes: ArraySlice<UInt8>, line: Int, column: Int) throws -> String {
        if let text = String(validating: bytes, as: UTF8.self) { return text }
        let invalid = Self.firstInvalidUTF8(bytes) ?? 0
        let badLine = line + bytes[bytes.startIndex..<bytes.startIndex + invalid].reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
        let byte = bytes[bytes.startIndex + invalid]
        guard encoding == .detect else {
            throw SurveyFileError(file: file, line: badLine, field: "column \(column)",
                                  message: "byte 0x\(Self.hex(byte)) is not valid UTF-8 text; re-export the file as UTF-8 (CSV UTF-8), or leave out --encoding utf-8 to convert it from Windows-1252")
        }
        switch Windows1252.decode(bytes) {
        case .success(let text):
            converted += 1
            if firstConvertedLine == nil { firstConvertedLine = badLine }
            return text
        case .failure(let undefined):
            let line = line + bytes[bytes.startIndex..<bytes.startIndex + undefined.offset].reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
            throw SurveyFileError(file: file, line: line, field: "column \(column)",
                                  message: "byte 0x\(Self.hex(undefined.byte)) is neither UTF-8 nor Windows-1252 text; re-export the file as UTF-8")
        }
    }

    /// The offset of the first byte that does not belong to a valid UTF-8 sequence, or nil if all do
    /// (only called once validation failed: the fast path is the standard library's validation).
    static func firstInvalidUTF8(_ bytes: ArraySlice<UInt8>) -> Int? {
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        var offset = 0
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar): offset += UTF8.width(scalar)
            case .emptyInput: return nil
            case .error: return offset
            }
        }
    }

    private static func hex(_ byte: UInt8) -> String { HexCoding.encode([byte]).uppercased() }
}
