/// A value that can be bound to a `$n` placeholder.
///
/// Parameters travel in libpq's text format, so every value is rendered to the text PostgreSQL parses
/// for its type; SQL states the type with a cast (`$1::int`, `$2::timestamptz`). `nil` binds SQL NULL.
/// This is the only way user data reaches SQL: statements are never assembled from user text.
public protocol SQLParameter: Sendable {
    /// The PostgreSQL text form of the value, or `nil` for NULL.
    var sqlText: String? { get }
}

extension String: SQLParameter { public var sqlText: String? { self } }
extension Substring: SQLParameter { public var sqlText: String? { String(self) } }
extension Int: SQLParameter { public var sqlText: String? { String(self) } }
extension Int64: SQLParameter { public var sqlText: String? { String(self) } }
extension Int32: SQLParameter { public var sqlText: String? { String(self) } }
extension Double: SQLParameter { public var sqlText: String? { String(self) } }
extension Bool: SQLParameter { public var sqlText: String? { self ? "true" : "false" } }
extension Optional: SQLParameter where Wrapped: SQLParameter {
    public var sqlText: String? { self?.sqlText }
}

/// A text array parameter, rendered as a PostgreSQL array literal (`{"a","b"}`) for `$1::text[]`.
public struct TextArray: SQLParameter {
    public var values: [String]
    public init(_ values: [String]) { self.values = values }
    public var sqlText: String? {
        let quoted = values.map { value -> String in
            var escaped = ""
            for ch in value {
                if ch == "\"" || ch == "\\" { escaped.append("\\") }
                escaped.append(ch)
            }
            return "\"\(escaped)\""
        }
        return "{" + quoted.joined(separator: ",") + "}"
    }
}
