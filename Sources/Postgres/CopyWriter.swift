/// Buffers rows for `COPY ... FROM STDIN` in PostgreSQL's text format and sends them in large chunks.
///
/// Fields are escaped as the text format requires (backslash, tab, newline, carriage return), and
/// `nil` is written as `\N` (NULL), so any user text is carried as data, never interpreted.
public struct CopyWriter {
    private var buffer: [UInt8] = []
    private let send: ([UInt8]) throws -> Void
    private let chunkSize = 1 << 18

    init(send: @escaping ([UInt8]) throws -> Void) {
        self.send = send
        buffer.reserveCapacity(chunkSize + 4096)
    }

    /// Appends one row; `fields` are in the column order of the COPY statement.
    public mutating func writeRow(_ fields: [String?]) throws {
        for (i, field) in fields.enumerated() {
            if i > 0 { buffer.append(0x09) }
            guard let field else {
                buffer.append(0x5C); buffer.append(0x4E)
                continue
            }
            for byte in field.utf8 {
                switch byte {
                case 0x5C: buffer.append(0x5C); buffer.append(0x5C)
                case 0x09: buffer.append(0x5C); buffer.append(0x74)
                case 0x0A: buffer.append(0x5C); buffer.append(0x6E)
                case 0x0D: buffer.append(0x5C); buffer.append(0x72)
                default: buffer.append(byte)
                }
            }
        }
        buffer.append(0x0A)
        if buffer.count >= chunkSize { try flush() }
    }

    /// Sends whatever is buffered.
    mutating func flush() throws {
        guard !buffer.isEmpty else { return }
        try send(buffer)
        buffer.removeAll(keepingCapacity: true)
    }
}
