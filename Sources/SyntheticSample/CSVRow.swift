/// Builds one RFC 4180 record as UTF-8 bytes: fields separated by commas, a field quoted when it
/// holds a comma, double quote, CR or LF, or starts or ends with a space (so no reader trims it),
/// quotes inside doubled; the record ends with LF.
struct CSVRow {
    private(set) var bytes: [UInt8] = []
    private var fields = 0

    init(capacity: Int = 512) {
        bytes.reserveCapacity(capacity)
    }

    mutating func field(_ value: String) {
        if fields > 0 { bytes.append(UInt8(ascii: ",")) }
        fields += 1
        var value = value
        value.withUTF8 { appendField($0) }
    }

    mutating func fields(_ values: [String]) {
        for value in values { field(value) }
    }

    /// The finished record, LF-terminated.
    mutating func line() -> String {
        bytes.append(10)
        return String(decoding: bytes, as: UTF8.self)
    }

    private mutating func appendField(_ value: UnsafeBufferPointer<UInt8>) {
        var needsQuotes = value.first == 32 || value.last == 32
        if !needsQuotes {
            for b in value where b == 44 || b == 34 || b == 10 || b == 13 {
                needsQuotes = true
                break
            }
        }
        guard needsQuotes else {
            bytes.append(contentsOf: value)
            return
        }
        bytes.append(34)
        for b in value {
            if b == 34 { bytes.append(34) }
            bytes.append(b)
        }
        bytes.append(34)
    }
}
