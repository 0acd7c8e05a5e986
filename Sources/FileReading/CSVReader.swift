import Foundation

/// One CSV record and the line of the file it starts on (1-based, counting the header).
public struct CSVRecord: Sendable, Equatable {
    public var fields: [String]
    public var line: Int
    public init(fields: [String], line: Int) {
        self.fields = fields
        self.line = line
    }
}

/// A streaming RFC 4180 reader for survey exports.
///
/// Contract: fields are separated by commas (or the `delimiter` given: `;` and tab, see `CSVDialect`); a field may be quoted with `"`, and inside quotes `""`
/// is a quote and line breaks are part of the field. LF and CRLF line endings, a UTF-8 byte-order
/// mark, a UTF-16 file with its byte-order mark, and a missing final newline are accepted. A blank
/// line is skipped. A stray quote inside an unquoted field is kept as text (common in hand-made
/// exports). A field that is not UTF-8 is converted from Windows-1252 or refused, as `encoding`
/// says (see `TextFieldDecoder`). Errors (an unclosed quote, text after a closing quote, refused
/// bytes) name the file, the line and the column number. The file is read in 1 MiB chunks
/// (`InputByteStream`), so memory stays flat on large files.
public struct CSVReader {
    private let name: String
    /// The file's bytes and decoder: `input.conversion`, `input.bytesRead`, `input.totalBytes`.
    public private(set) var input: TextInput
    private var buffer: [UInt8] = []
    private var position = 0
    private var line = 1
    /// The field separator byte: `,` unless the file's dialect says otherwise.
    private let delimiter: UInt8

    /// Opens `path` for reading.
    public init(path: String, encoding: InputEncoding = .detect, delimiter: UInt8 = 0x2C) throws {
        self.name = path
        self.input = try TextInput(path: path, encoding: encoding)
        self.delimiter = delimiter
    }

    /// Reads CSV held in memory; `name` is used in error messages.
    public init(bytes: [UInt8], name: String, encoding: InputEncoding = .detect, delimiter: UInt8 = 0x2C) {
        self.name = name
        self.input = TextInput(bytes: bytes, name: name, encoding: encoding)
        self.delimiter = delimiter
    }

    /// Returns the next record, or `nil` at the end of the file.
    public mutating func next() throws -> CSVRecord? {
        while true {
            guard let first = try peek() else { return nil }
            if first == 0x0A { position += 1; line += 1; continue }
            if first == 0x0D { position += 1; continue }
            break
        }
        let startLine = line
        var fields: [String] = []
        var field: [UInt8] = []
        var quoted = false
        var fieldQuoted = false
        var afterQuote = false
        var fieldLine = line
        func finish() throws {
            fields.append(try input.decoder.decode(field[...], line: fieldLine, column: fields.count + 1))
            field.removeAll(keepingCapacity: true)
            fieldLine = line
            fieldQuoted = false
            afterQuote = false
        }
        while let byte = try peek() {
            position += 1
            if quoted {
                if byte == 0x22 {
                    if try peek() == 0x22 { position += 1; field.append(0x22) } else { quoted = false; afterQuote = true }
                } else {
                    if byte == 0x0A { line += 1 }
                    field.append(byte)
                }
                continue
            }
            if byte == delimiter {
                try finish()
                continue
            }
            switch byte {
            case 0x0A:
                line += 1
                try finish()
                return CSVRecord(fields: fields, line: startLine)
            case 0x0D:
                if try peek() != 0x0A {
                    throw SurveyFileError(file: name, line: line, message: "has a bare carriage return; save it with LF or CRLF line endings")
                }
            case 0x22 where field.isEmpty && !fieldQuoted:
                quoted = true
                fieldQuoted = true
            default:
                if afterQuote {
                    throw SurveyFileError(file: name, line: line, field: "column \(fields.count + 1)",
                                          message: "has text after a closing quote; quotes inside a quoted field must be doubled (\"\")")
                }
                field.append(byte)
            }
        }
        if quoted {
            throw SurveyFileError(file: name, line: startLine, field: "column \(fields.count + 1)",
                                  message: "opens a quoted field that is never closed")
        }
        try finish()
        return CSVRecord(fields: fields, line: startLine)
    }

    private mutating func peek() throws -> UInt8? {
        if position < buffer.count { return buffer[position] }
        guard try refill() else { return nil }
        return buffer[position]
    }

    /// Replaces the consumed buffer with the next chunk; false at the end of the file.
    private mutating func refill() throws -> Bool {
        guard let chunk = try input.stream.next() else { return false }
        buffer = chunk
        position = 0
        return true
    }
}
