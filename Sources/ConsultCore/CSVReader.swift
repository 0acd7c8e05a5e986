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
/// Contract: fields are separated by commas; a field may be quoted with `"`, and inside quotes `""`
/// is a quote and line breaks are part of the field. LF and CRLF line endings, a UTF-8 byte-order
/// mark, and a missing final newline are accepted. A blank line is skipped. A stray quote inside an
/// unquoted field is kept as text (common in hand-made exports). Errors (an unclosed quote, text
/// after a closing quote, bytes that are not UTF-8) name the file, the line and the column number.
/// The file is read in 1 MiB chunks, so memory stays flat on large files.
public struct CSVReader {
    private let name: String
    private let handle: FileHandle?
    private var buffer: [UInt8]
    private var position = 0
    private var atEnd: Bool
    private var line = 1
    private var startedFile = false

    /// Opens `path` for reading.
    public init(path: String) throws {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            let exists = FileManager.default.fileExists(atPath: path)
            throw SurveyFileError(file: path, message: exists ? "cannot be read (permission?)" : "no such file")
        }
        self.name = path
        self.handle = handle
        self.buffer = []
        self.atEnd = false
    }

    /// Reads CSV held in memory; `name` is used in error messages.
    public init(bytes: [UInt8], name: String) {
        self.name = name
        self.handle = nil
        self.buffer = bytes
        self.atEnd = true
    }

    /// Returns the next record, or `nil` at the end of the file.
    public mutating func next() throws -> CSVRecord? {
        if !startedFile {
            startedFile = true
            try skipByteOrderMark()
        }
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
        func finish() throws {
            guard let text = String(validating: field, as: UTF8.self) else {
                throw SurveyFileError(file: name, line: startLine, field: "column \(fields.count + 1)",
                                      message: "is not valid UTF-8 text; re-export the file as UTF-8 (CSV UTF-8)")
            }
            fields.append(text)
            field.removeAll(keepingCapacity: true)
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
            switch byte {
            case 0x2C:
                try finish()
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
        guard !atEnd, let handle else { return false }
        let chunk: Data?
        do { chunk = try handle.read(upToCount: 1 << 20) } catch {
            throw SurveyFileError(file: name, line: line, message: "read failed: \(error.localizedDescription)")
        }
        guard let chunk, !chunk.isEmpty else {
            atEnd = true
            return false
        }
        buffer = [UInt8](chunk)
        position = 0
        return true
    }

    private mutating func skipByteOrderMark() throws {
        guard try peek() == 0xEF else { return }
        // The BOM is three bytes; a chunk boundary cannot split it because it is at the file start.
        if buffer.count >= position + 3, buffer[position + 1] == 0xBB, buffer[position + 2] == 0xBF { position += 3 }
    }
}
