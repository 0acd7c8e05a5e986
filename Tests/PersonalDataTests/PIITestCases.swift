import Foundation
import TestSupport
import Testing

/// The shared PII test cases (`shared/reference/pii_test_cases.csv`): UK entities from the
/// Presidio and scrubadub test suites, read at test time so the file stays the single source.
struct PIITestCase: Sendable, CustomTestStringConvertible {
    let line: Int
    let sourceTool: String
    let entity: String
    let text: String
    let expectedCount: Int
    /// Expected spans as Unicode-scalar offsets (Presidio) or matched texts (scrubadub).
    let expected: String

    var testDescription: String { "line \(line) \(sourceTool) \(entity): \(text)" }

    /// Every row of the file, or an empty list when it cannot be found (the test then fails).
    static let all: [PIITestCase] = {
        guard let url = PIIReferenceFiles.url(named: "pii_test_cases.csv"),
              let contents = try? String(contentsOf: url, encoding: .utf8)
        else { return [] }
        let rows = PIICSV.parse(contents)
        return rows.enumerated().dropFirst().compactMap { index, fields in
            guard fields.count == 5, let count = Int(fields[3]) else { return nil }
            return PIITestCase(line: index + 1, sourceTool: fields[0], entity: fields[1], text: fields[2],
                               expectedCount: count, expected: fields[4])
        }
    }()

    /// Offsets in Unicode scalars, as Python (Presidio) counts them, with whitespace at either
    /// edge left out. One row (line 60, "...Number YZ 61 48 68 B", 36-50) counts the space
    /// before the number as part of it; a redactor must keep that space, so the span compared
    /// is 37-50.
    var expectedSpans: [Range<Int>]? {
        guard sourceTool == "presidio" else { return nil }
        let scalars = Array(text.unicodeScalars)
        return expected.split(separator: ";").compactMap { span in
            let bounds = span.split(separator: "-").compactMap { Int($0) }
            guard bounds.count == 2, bounds[0] <= bounds[1], bounds[1] <= scalars.count else { return nil }
            var lower = bounds[0], upper = bounds[1]
            while lower < upper, scalars[lower].properties.isWhitespace { lower += 1 }
            while upper > lower, scalars[upper - 1].properties.isWhitespace { upper -= 1 }
            return lower..<upper
        }
    }

    /// Matched texts for "match text == X" rows.
    var expectedTexts: [String]? {
        let prefix = "match text == "
        guard expected.hasPrefix(prefix) else { return nil }
        return [String(expected.dropFirst(prefix.count))]
    }
}

/// Finds files in the shared reference folder beside the package's checkout.
enum PIIReferenceFiles {
    static func url(named name: String) -> URL? { ProjectRoot.shared("reference/\(name)") }
}

/// RFC 4180 CSV: quoted fields may hold commas, doubled quotes and line breaks.
enum PIICSV {
    static func parse(_ text: String) -> [[String]] {
        var rows: [[String]] = []
        var row: [String] = []
        var field = ""
        var quoted = false
        var iterator = text.unicodeScalars.makeIterator()
        var pending: Unicode.Scalar?
        while let c = pending ?? iterator.next() {
            pending = nil
            if quoted {
                if c == "\"" {
                    let next = iterator.next()
                    if next == "\"" { field.unicodeScalars.append(c) } else { quoted = false; pending = next }
                } else {
                    field.unicodeScalars.append(c)
                }
            } else if c == "\"" {
                quoted = true
            } else if c == "," {
                row.append(field)
                field = ""
            } else if c == "\n" || c == "\r" {
                if c == "\r" {
                    let next = iterator.next()
                    if next != "\n" { pending = next }
                }
                row.append(field)
                rows.append(row)
                row = []
                field = ""
            } else {
                field.unicodeScalars.append(c)
            }
        }
        if !field.isEmpty || !row.isEmpty {
            row.append(field)
            rows.append(row)
        }
        return rows
    }
}
