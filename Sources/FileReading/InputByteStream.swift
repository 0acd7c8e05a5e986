import Foundation

/// The bytes of an import file, in 1 MiB chunks, as UTF-8 or single-byte text: a UTF-8 byte-order
/// mark is skipped and a UTF-16 file (recognised by its byte-order mark) is converted to UTF-8 on the
/// way, so the readers above see one encoding and memory stays flat.
///
/// `bytesRead` and `totalBytes` count the file's own bytes, for a progress display.
public struct InputByteStream {
    private let name: String
    private let handle: FileHandle?
    private var pending: [UInt8]?
    private var utf16: UTF16Transcoder?
    private var started = false
    public private(set) var bytesRead = 0
    /// The file's size, when known.
    public let totalBytes: Int?

    /// Opens `path` for reading.
    public init(path: String) throws {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            let exists = FileManager.default.fileExists(atPath: path)
            throw SurveyFileError(file: path, message: exists ? "cannot be read (permission?)" : "no such file")
        }
        self.name = path
        self.handle = handle
        self.totalBytes = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? nil
    }

    /// Streams bytes held in memory; `name` is used in error messages.
    public init(bytes: [UInt8], name: String) {
        self.name = name
        self.handle = nil
        self.pending = bytes
        self.totalBytes = bytes.count
    }

    /// "converted from UTF-16LE" when the file was UTF-16, else nil.
    public var conversion: EncodingConversion? { utf16.map { EncodingConversion(from: $0.name, items: 0, firstLine: 1) } }

    /// The next chunk of text bytes, or nil at the end of the file.
    public mutating func next() throws -> [UInt8]? {
        while let raw = try read() {
            bytesRead += raw.count
            var chunk = raw[...]
            if !started {
                started = true
                chunk = chunk.starts(with: [0xEF, 0xBB, 0xBF]) ? chunk.dropFirst(3) : try startUTF16(chunk)
            }
            let text: [UInt8]
            if var transcoder = utf16 {
                do { text = try transcoder.convert(chunk) } catch { throw utf16Error(error) }
                utf16 = transcoder
            } else {
                text = Array(chunk)
            }
            if !text.isEmpty { return text }
        }
        do { try utf16?.finish() } catch { throw utf16Error(error) }
        return nil
    }

    /// Recognises a UTF-16 byte-order mark and drops it; other input is returned unchanged.
    private mutating func startUTF16(_ chunk: ArraySlice<UInt8>) throws -> ArraySlice<UInt8> {
        if chunk.starts(with: [0xFF, 0xFE]) { utf16 = UTF16Transcoder(bigEndian: false) }
        else if chunk.starts(with: [0xFE, 0xFF]) { utf16 = UTF16Transcoder(bigEndian: true) }
        else { return chunk }
        return chunk.dropFirst(2)
    }

    private func utf16Error(_ error: UTF16Transcoder.InvalidUTF16) -> SurveyFileError {
        SurveyFileError(file: name, message: "starts with a UTF-16 byte-order mark but \(error.reason) (byte \(bytesRead)); re-export the file as UTF-8")
    }

    private mutating func read() throws -> [UInt8]? {
        if let bytes = pending {
            pending = nil
            return bytes.isEmpty ? nil : bytes
        }
        guard let handle else { return nil }
        do {
            guard let chunk = try handle.read(upToCount: 1 << 20), !chunk.isEmpty else { return nil }
            return [UInt8](chunk)
        } catch {
            throw SurveyFileError(file: name, message: "read failed: \(error.localizedDescription)")
        }
    }
}
