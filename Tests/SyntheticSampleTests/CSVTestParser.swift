/// A strict RFC 4180 reader for the tests: it rejects what a lenient reader would quietly accept
/// (a quote inside an unquoted field, text after a closing quote, an unterminated quoted field,
/// CR line endings), so a pass means the generator's files are well-formed.
enum CSVTestParser {
    struct Malformed: Error, CustomStringConvertible {
        let record: Int
        let reason: String
        var description: String { "record \(record): \(reason)" }
    }

    static func parse(_ text: String) throws -> [[String]] {
        var records: [[String]] = []
        var record: [String] = []
        var field: [UInt8] = []
        var inQuotes = false
        var afterClosingQuote = false
        var fieldStarted = false
        let bytes = Array(text.utf8)
        var i = 0
        func endField() {
            record.append(String(decoding: field, as: UTF8.self))
            field = []
            afterClosingQuote = false
            fieldStarted = false
        }
        while i < bytes.count {
            let b = bytes[i]
            if inQuotes {
                if b == 34 {
                    if i + 1 < bytes.count && bytes[i + 1] == 34 {
                        field.append(34)
                        i += 1
                    } else {
                        inQuotes = false
                        afterClosingQuote = true
                    }
                } else {
                    field.append(b)
                }
            } else if b == 44 {
                endField()
            } else if b == 10 {
                endField()
                records.append(record)
                record = []
            } else if b == 13 {
                throw Malformed(record: records.count + 1, reason: "CR in unquoted text (expected LF line endings)")
            } else if afterClosingQuote {
                throw Malformed(record: records.count + 1, reason: "text after a closing quote")
            } else if b == 34 {
                guard !fieldStarted else { throw Malformed(record: records.count + 1, reason: "quote inside an unquoted field") }
                inQuotes = true
                fieldStarted = true
            } else {
                field.append(b)
                fieldStarted = true
            }
            i += 1
        }
        if inQuotes { throw Malformed(record: records.count + 1, reason: "unterminated quoted field") }
        if !record.isEmpty || !field.isEmpty { throw Malformed(record: records.count + 1, reason: "last record lacks its LF") }
        return records
    }
}
