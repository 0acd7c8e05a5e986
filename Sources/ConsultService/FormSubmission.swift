import Foundation

/// A submission of the HTML form (`application/x-www-form-urlencoded`), turned into the JSON Lines
/// response the import pipeline reads, so that a form answer goes through exactly the same
/// validation, redaction and pseudonymisation as a file.
///
/// Repeated names (the ticks of a multi-select question) become a JSON list; blank fields are left
/// out (unanswered); `_token` is the form's public token and not an answer. The service gives the
/// response its id (`idColumn`), which the receipt shows: with it, the respondent can ask for their
/// answers or their erasure.
public struct FormSubmission: Sendable, Equatable {
    public var token: String?
    /// Field names in first-seen order, with every value given for them.
    public var fields: [(name: String, values: [String])]

    public static func == (a: FormSubmission, b: FormSubmission) -> Bool {
        a.token == b.token && a.fields.elementsEqual(b.fields) { $0.name == $1.name && $0.values == $1.values }
    }

    /// The name of the hidden field that carries the public token.
    public static let tokenField = "_token"

    /// Parses a URL-encoded body (`+` is a space, `%XX` a byte of UTF-8).
    ///
    /// - Throws: `Problem` (invalid-request) naming the field whose encoding is broken.
    public init(urlEncoded body: String) throws {
        var token: String?
        var fields: [(name: String, values: [String])] = []
        for pair in body.split(separator: "&", omittingEmptySubsequences: true) {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard let name = Self.decode(parts[0]) else {
                throw Problem(.invalidRequest, detail: "a field name is not valid URL encoding")
            }
            guard let value = Self.decode(parts.count > 1 ? parts[1] : "") else {
                throw Problem(.invalidRequest, detail: "field '\(name)' is not valid URL encoding")
            }
            if name == Self.tokenField {
                token = value
            } else if let index = fields.firstIndex(where: { $0.name == name }) {
                fields[index].values.append(value)
            } else {
                fields.append((name, [value]))
            }
        }
        self.token = token
        self.fields = fields
    }

    /// The response as one JSON line, with `id` under `idColumn`. A name given once is a text, a name
    /// given more than once a list; blank values are dropped.
    public func jsonLine(idColumn: String, id: String) -> [UInt8] {
        var object: [String: Value] = [idColumn: .text(id)]
        for (name, values) in fields where name != idColumn {
            let given = values.filter { !$0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }
            switch given.count {
            case 0: continue
            case 1: object[name] = .text(given[0])
            default: object[name] = .list(given)
            }
        }
        return Array(JSON.encode(object).utf8)
    }

    private enum Value: Encodable {
        case text(String)
        case list([String])
        func encode(to encoder: any Encoder) throws {
            var container = encoder.singleValueContainer()
            switch self {
            case .text(let text): try container.encode(text)
            case .list(let list): try container.encode(list)
            }
        }
    }

    private static func decode(_ text: Substring) -> String? {
        String(text).replacingOccurrences(of: "+", with: " ").removingPercentEncoding
    }
}
