/// A small pull tokenizer for the XML parts of a workbook that can be large (worksheets, shared
/// strings): start tags with attributes, end tags and text, one at a time from chunks of bytes, so
/// memory stays flat however long the sheet. Foundation's `XMLParser` pushes callbacks for a whole
/// document instead, which would need the sheet held in memory or a second thread per row; it is
/// used for the small parts (workbook, relationships, styles).
///
/// Contract: namespace prefixes are dropped from names (`x:row` is `row`); the five predefined
/// entities and numeric character references are decoded; comments, processing instructions and
/// DOCTYPE are skipped; CDATA is text. Malformed markup is an error, never guessed at.
struct XMLPullScanner {
    enum Token: Equatable {
        case start(name: String, attributes: [String: String], selfClosing: Bool)
        case end(name: String)
        case text(String)
    }

    struct Malformed: Error { var message: String }

    private var buffer: [UInt8] = []
    private var position = 0
    private var atEnd = false
    private let nextChunk: () throws -> [UInt8]?

    init(nextChunk: @escaping () throws -> [UInt8]?) {
        self.nextChunk = nextChunk
    }

    /// The next token, or nil at the end of the document.
    mutating func next() throws -> Token? {
        while true {
            guard try ensure(1) else { return nil }
            if buffer[position] != 0x3C {
                let text = try readUntil(0x3C, allowEnd: true)
                return .text(try Self.decode(text))
            }
            guard try ensure(2) else { throw Malformed(message: "ends inside a tag") }
            let second = buffer[position + 1]
            if second == 0x3F { try skip(past: Array("?>".utf8)); continue }
            if second == 0x21 {
                guard try ensure(3) else { throw Malformed(message: "ends inside a declaration") }
                if buffer[position + 2] == 0x2D { try skip(past: Array("-->".utf8)); continue }
                if try ensure(9), Array(buffer[position..<position + 9]) == Array("<![CDATA[".utf8) {
                    position += 9
                    return .text(String(decoding: try readUntil(sequence: Array("]]>".utf8)), as: UTF8.self))
                }
                try skip(past: [0x3E])
                continue
            }
            position += 1
            let tag = try readTag()
            return try Self.token(tag)
        }
    }

    /// Reads the tag's bytes up to its closing `>` (quotes in attribute values respected).
    private mutating func readTag() throws -> [UInt8] {
        var out: [UInt8] = []
        var quote: UInt8?
        while true {
            guard try ensure(1) else { throw Malformed(message: "ends inside a tag") }
            let byte = buffer[position]
            position += 1
            if let q = quote {
                if byte == q { quote = nil }
            } else if byte == 0x22 || byte == 0x27 {
                quote = byte
            } else if byte == 0x3E {
                return out
            }
            out.append(byte)
        }
    }

    private static func token(_ tag: [UInt8]) throws -> Token {
        if tag.first == 0x2F {
            return .end(name: localName(String(decoding: tag.dropFirst(), as: UTF8.self).trimmingCharacters()))
        }
        var body = tag[...]
        let selfClosing = body.last == 0x2F
        if selfClosing { body = body.dropLast() }
        var index = body.startIndex
        while index < body.endIndex && !isSpace(body[index]) { index += 1 }
        let name = localName(String(decoding: body[body.startIndex..<index], as: UTF8.self))
        var attributes: [String: String] = [:]
        while index < body.endIndex {
            while index < body.endIndex && isSpace(body[index]) { index += 1 }
            guard index < body.endIndex else { break }
            let nameStart = index
            while index < body.endIndex && body[index] != 0x3D && !isSpace(body[index]) { index += 1 }
            let key = localName(String(decoding: body[nameStart..<index], as: UTF8.self))
            while index < body.endIndex && (isSpace(body[index]) || body[index] == 0x3D) { index += 1 }
            guard index < body.endIndex, body[index] == 0x22 || body[index] == 0x27 else {
                throw Malformed(message: "attribute '\(key)' of <\(name)> has no quoted value")
            }
            let quote = body[index]
            index += 1
            let valueStart = index
            while index < body.endIndex && body[index] != quote { index += 1 }
            attributes[key] = try decode(Array(body[valueStart..<index]))
            index += 1
        }
        return .start(name: name, attributes: attributes, selfClosing: selfClosing)
    }

    private static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D }

    private static func localName(_ name: String) -> String {
        guard let colon = name.lastIndex(of: ":") else { return name }
        return String(name[name.index(after: colon)...])
    }

    /// Text with its entities and character references decoded.
    static func decode(_ bytes: [UInt8]) throws -> String {
        guard bytes.contains(0x26) else { return String(decoding: bytes, as: UTF8.self) }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            guard bytes[index] == 0x26 else { out.append(bytes[index]); index += 1; continue }
            guard let semicolon = bytes[index...].firstIndex(of: 0x3B), semicolon - index <= 10 else {
                throw Malformed(message: "has a '&' that starts no entity")
            }
            let entity = String(decoding: bytes[(index + 1)..<semicolon], as: UTF8.self)
            let scalar: Unicode.Scalar?
            switch entity {
            case "amp": scalar = "&"
            case "lt": scalar = "<"
            case "gt": scalar = ">"
            case "quot": scalar = "\""
            case "apos": scalar = "'"
            default:
                if entity.hasPrefix("#x") || entity.hasPrefix("#X") { scalar = UInt32(entity.dropFirst(2), radix: 16).flatMap(Unicode.Scalar.init) }
                else if entity.hasPrefix("#") { scalar = UInt32(entity.dropFirst()).flatMap(Unicode.Scalar.init) }
                else { scalar = nil }
            }
            guard let scalar else { throw Malformed(message: "has an unknown entity '&\(entity);'") }
            out += Array(String(Character(scalar)).utf8)
            index = semicolon + 1
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Whether `count` bytes are available from `position`, reading chunks as needed.
    private mutating func ensure(_ count: Int) throws -> Bool {
        while buffer.count - position < count {
            guard !atEnd else { return false }
            guard let chunk = try nextChunk() else { atEnd = true; continue }
            buffer.removeFirst(position)
            position = 0
            buffer += chunk
        }
        return true
    }

    private mutating func readUntil(_ stop: UInt8, allowEnd: Bool) throws -> [UInt8] {
        var out: [UInt8] = []
        while true {
            guard try ensure(1) else {
                if allowEnd { return out }
                throw Malformed(message: "ends early")
            }
            if let found = buffer[position...].firstIndex(of: stop) {
                out += buffer[position..<found]
                position = found
                return out
            }
            out += buffer[position...]
            position = buffer.count
        }
    }

    private mutating func readUntil(sequence: [UInt8]) throws -> [UInt8] {
        var out: [UInt8] = []
        while true {
            guard try ensure(sequence.count) else { throw Malformed(message: "ends inside a CDATA section") }
            if Array(buffer[position..<position + sequence.count]) == sequence {
                position += sequence.count
                return out
            }
            out.append(buffer[position])
            position += 1
        }
    }

    private mutating func skip(past sequence: [UInt8]) throws {
        _ = try readUntil(sequence: sequence)
    }
}

extension String {
    /// Without leading and trailing spaces, tabs and line breaks.
    func trimmingCharacters() -> String {
        var text = Substring(self)
        while let first = text.first, first.isWhitespace { text = text.dropFirst() }
        while let last = text.last, last.isWhitespace { text = text.dropLast() }
        return String(text)
    }
}
