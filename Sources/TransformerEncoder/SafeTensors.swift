import Foundation

/// A safetensors file: an 8-byte little-endian header length, a JSON header naming each tensor's dtype,
/// shape and byte range, then the raw little-endian data. Reads F32 tensors (all the encoder needs) and
/// writes F32 files (fine-tuned weights). Values are copied as they lie, so this needs a little-endian host
/// (x86_64, arm64: every machine consult runs on). Every offset is checked against the file's size before any read,
/// so a truncated or malformed file is a `SafeTensorsError` naming the file and tensor, never a trap.
public struct SafeTensors: Sendable {
    /// One tensor's entry in the header.
    public struct Entry: Sendable, Equatable {
        public let dtype: String
        public let shape: [Int]
        /// Byte range inside the data section (after the header).
        public let byteRange: Range<Int>
    }

    public let source: String
    public let entries: [String: Entry]
    public let metadata: [String: String]
    let data: Data
    let dataStart: Int

    static let byteWidths = ["F64": 8, "F32": 4, "F16": 2, "BF16": 2, "I64": 8, "I32": 4, "I16": 2, "I8": 1, "U8": 1, "BOOL": 1]
    static let maximumHeaderBytes = 100_000_000

    public init(contentsOf url: URL) throws {
        let data: Data
        do { data = try Data(contentsOf: url, options: .alwaysMapped) } catch {
            throw SafeTensorsError(source: url.path, problem: "cannot read the file: \(error.localizedDescription)")
        }
        try self.init(data: data, source: url.path)
    }

    /// Parses `data`; `source` names it in errors (a path, or a description).
    public init(data: Data, source: String) throws {
        func fail(_ problem: String) -> SafeTensorsError { SafeTensorsError(source: source, problem: problem) }
        guard data.count >= 8 else { throw fail("truncated: \(data.count) bytes, shorter than the 8-byte header length") }
        let headerLength = data.prefix(8).enumerated().reduce(UInt64(0)) { $0 | UInt64($1.element) << (8 * UInt64($1.offset)) }
        guard headerLength <= UInt64(Self.maximumHeaderBytes) else { throw fail("header length \(headerLength) is implausible (not a safetensors file?)") }
        guard 8 + Int(headerLength) <= data.count else {
            throw fail("truncated: header says \(headerLength) bytes but the file has \(data.count - 8) after the length")
        }
        let start = data.startIndex
        let headerData = data[(start + 8)..<(start + 8 + Int(headerLength))]
        guard let header = (try? JSONSerialization.jsonObject(with: headerData)) as? [String: Any] else {
            throw fail("header is not a JSON object")
        }
        let dataLength = data.count - 8 - Int(headerLength)
        var entries: [String: Entry] = [:]
        var metadata: [String: String] = [:]
        for (name, value) in header {
            if name == "__metadata__" {
                guard let map = value as? [String: String] else { throw fail("__metadata__ is not a map of strings") }
                metadata = map
                continue
            }
            guard let fields = value as? [String: Any] else { throw fail("tensor \(name): entry is not an object") }
            guard let dtype = fields["dtype"] as? String, let width = Self.byteWidths[dtype] else {
                throw fail("tensor \(name): missing or unknown dtype \(String(describing: fields["dtype"]))")
            }
            guard let shape = (fields["shape"] as? [Any])?.compactMap({ ($0 as? NSNumber)?.intValue }),
                  shape.count == (fields["shape"] as? [Any])?.count, shape.allSatisfy({ $0 >= 0 }) else {
                throw fail("tensor \(name): shape is not a list of non-negative integers")
            }
            guard let offsets = (fields["data_offsets"] as? [Any])?.compactMap({ ($0 as? NSNumber)?.intValue }),
                  offsets.count == 2, offsets[0] >= 0, offsets[0] <= offsets[1] else {
                throw fail("tensor \(name): data_offsets is not [begin, end]")
            }
            guard offsets[1] <= dataLength else {
                throw fail("truncated: tensor \(name) ends at byte \(offsets[1]) of the data, which has only \(dataLength)")
            }
            let elements = shape.reduce(1, *)
            guard elements * width == offsets[1] - offsets[0] else {
                throw fail("tensor \(name): shape \(shape) of \(dtype) needs \(elements * width) bytes, data_offsets give \(offsets[1] - offsets[0])")
            }
            entries[name] = Entry(dtype: dtype, shape: shape, byteRange: offsets[0]..<offsets[1])
        }
        self.source = source
        self.entries = entries
        self.metadata = metadata
        self.data = data
        self.dataStart = 8 + Int(headerLength)
    }

    /// The values of F32 tensor `name`, checked to have `shape` when given.
    public func floats(_ name: String, shape: [Int]? = nil) throws -> [Float] {
        guard let entry = entries[name] else { throw SafeTensorsError(source: source, problem: "no tensor named \(name)") }
        guard entry.dtype == "F32" else {
            throw SafeTensorsError(source: source, problem: "tensor \(name) is \(entry.dtype), expected F32")
        }
        if let shape, shape != entry.shape {
            throw SafeTensorsError(source: source, problem: "tensor \(name) has shape \(entry.shape), expected \(shape)")
        }
        let count = entry.byteRange.count / 4
        var values = [Float](repeating: 0, count: count)
        let begin = data.startIndex + dataStart + entry.byteRange.lowerBound
        values.withUnsafeMutableBytes { target in
            data.copyBytes(to: target.bindMemory(to: UInt8.self), from: begin..<(begin + entry.byteRange.count))
        }
        return values
    }

    /// A safetensors file holding `tensors` as F32, in the given order, with optional string metadata.
    public static func encode(_ tensors: [(name: String, shape: [Int], values: [Float])], metadata: [String: String] = [:]) throws -> Data {
        var header: [String: Any] = [:]
        if !metadata.isEmpty { header["__metadata__"] = metadata }
        var offset = 0
        for tensor in tensors {
            precondition(tensor.shape.reduce(1, *) == tensor.values.count, "shape \(tensor.shape) does not fit \(tensor.values.count) values of \(tensor.name)")
            header[tensor.name] = ["dtype": "F32", "shape": tensor.shape, "data_offsets": [offset, offset + 4 * tensor.values.count]]
            offset += 4 * tensor.values.count
        }
        var json = try JSONSerialization.data(withJSONObject: header, options: [.sortedKeys])
        while json.count % 8 != 0 { json.append(0x20) }
        var data = Data(capacity: 8 + json.count + offset)
        withUnsafeBytes(of: UInt64(json.count).littleEndian) { data.append(contentsOf: $0) }
        data.append(json)
        for tensor in tensors {
            tensor.values.withUnsafeBytes { data.append(contentsOf: $0) }
        }
        return data
    }
}

/// A safetensors file that cannot be used, with the file and the reason.
public struct SafeTensorsError: Error, Equatable, CustomStringConvertible {
    public let source: String
    public let problem: String
    public var description: String { "\(source): \(problem)" }
}
