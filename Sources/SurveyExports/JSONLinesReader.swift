import FileReading
import Foundation

/// One response of a JSON Lines export: its line number and its keys with their values, or why the
/// line is not a response object.
public struct JSONLine: Sendable {
    public var line: Int
    /// The line as read (converted to UTF-8 if it was not), for the rejects file.
    public var text: String
    /// Keys in the order they sort, each with a value (nil for JSON `null`, which means blank).
    public var fields: Result<[(key: String, content: ResponseCell.Content?)], RejectedRow>
}

/// A streaming reader for JSON Lines (`.jsonl`, `.ndjson`): one JSON object per line, as web forms export.
///
/// Contract: each non-blank line is one object whose values are strings, numbers, booleans (read
/// as yes/no), null (blank) or arrays of those (the options of a multi-select answer). Blank lines
/// are skipped. A line that is not such an object is returned as a `RejectedRow` naming its line, so
/// `--accept-valid` can set it aside like any invalid row. Text that is not UTF-8 is converted or
/// refused as `encoding` says. The file is read in 1 MiB chunks and decoded one line at a time.
public struct JSONLinesReader {
    /// The file's bytes and decoder: `input.conversion`, `input.bytesRead`, `input.totalBytes`.
    public private(set) var input: TextInput
    private var buffer: [UInt8] = []
    private var position = 0
    private var line = 0
    private var atEnd = false

    public init(path: String, encoding: InputEncoding = .detect) throws {
        self.input = try TextInput(path: path, encoding: encoding)
    }

    public init(bytes: [UInt8], name: String, encoding: InputEncoding = .detect) {
        self.input = TextInput(bytes: bytes, name: name, encoding: encoding)
    }

    /// The next non-blank line, or nil at the end of the file.
    public mutating func next() throws -> JSONLine? {
        while let bytes = try nextLine() {
            guard bytes.contains(where: { !Self.isJSONSpace($0) }) else { continue }
            let text = try input.decoder.decode(bytes[...], line: line, column: 1)
            return JSONLine(line: line, text: text, fields: Self.fields(of: text, line: line))
        }
        return nil
    }

    static func fields(of text: String, line: Int) -> Result<[(key: String, content: ResponseCell.Content?)], RejectedRow> {
        let object: [String: JSONValue]
        do {
            object = try JSONDecoder().decode([String: JSONValue].self, from: Data(text.utf8))
        } catch {
            return .failure(RejectedRow(line: line, field: nil, reason: "is not a JSON object with one response (\(Self.summary(of: error)))"))
        }
        var fields: [(key: String, content: ResponseCell.Content?)] = []
        for key in object.keys.sorted() {
            switch object[key]! {
            case .scalar(let text): fields.append((key, text.map(ResponseCell.Content.text)))
            case .list(let items): fields.append((key, .list(items)))
            case .object:
                return .failure(RejectedRow(line: line, field: key, reason: "holds a JSON object or nested list; give a text, a number or a list of them"))
            }
        }
        return .success(fields)
    }

    private static func summary(of error: Error) -> String {
        guard let error = error as? DecodingError else { return "\(error)" }
        switch error {
        case .dataCorrupted(let context): return "malformed JSON\(context.codingPath.isEmpty ? "" : " at \(context.codingPath.map(\.stringValue).joined(separator: "."))")"
        case .typeMismatch: return "the line is not an object"
        default: return "malformed JSON"
        }
    }

    private static func isJSONSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0D }

    /// The bytes of the next physical line without its line break (CR LF or LF).
    private mutating func nextLine() throws -> [UInt8]? {
        var out: [UInt8] = []
        while true {
            if position == buffer.count {
                guard !atEnd, let chunk = try input.stream.next() else {
                    atEnd = true
                    if out.isEmpty { return nil }
                    line += 1
                    return out
                }
                buffer = chunk
                position = 0
            }
            if let newline = buffer[position...].firstIndex(of: 0x0A) {
                out += buffer[position..<newline]
                position = newline + 1
                line += 1
                if out.last == 0x0D { out.removeLast() }
                return out
            }
            out += buffer[position...]
            position = buffer.count
        }
    }
}

/// A JSON value as a response holds it: a scalar read as text (nil for null), a list of scalars, or
/// an object (which no answer may be).
enum JSONValue: Decodable {
    case scalar(String?)
    case list([String])
    case object

    init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() { self = .scalar(nil); return }
        if let text = try? Self.text(container) { self = .scalar(text); return }
        if let items = try? container.decode([JSONValue].self) {
            let texts = items.compactMap { if case .scalar(let text) = $0 { text } else { nil } }
            self = texts.count == items.count ? .list(texts.compactMap { $0 }) : .object
            return
        }
        _ = try container.decode([String: JSONValue].self)
        self = .object
    }

    /// Booleans become yes/no (consent and tick columns); integers keep no decimal point.
    private static func text(_ container: SingleValueDecodingContainer) throws -> String {
        if let bool = try? container.decode(Bool.self) { return bool ? "yes" : "no" }
        if let int = try? container.decode(Int.self) { return String(int) }
        if let double = try? container.decode(Double.self) { return String(double) }
        return try container.decode(String.self)
    }
}
