import FileReading
import Foundation

/// How a query command prints its result (`--format`).
public enum OutputFormat: String, CaseIterable, Sendable {
    case table, csv, json
}

/// A value in a result table. `absent` prints as an empty cell and is left out of a JSON row, for
/// keys that only appear sometimes (`"suppressed": true`).
public enum ResultValue: Sendable, Equatable {
    case text(String)
    case int(Int)
    /// A number printed with `decimals` places.
    case number(Double, decimals: Int)
    case bool(Bool)
    case null
    case absent
}

/// Rows for a query command, rendered as an aligned text table, CSV, or JSON `{"rows":[...]}`.
public struct ResultTable: Sendable {
    public var columns: [String]
    public var rows: [[ResultValue]]

    public init(columns: [String], rows: [[ResultValue]] = []) {
        self.columns = columns
        self.rows = rows
    }

    public func render(_ format: OutputFormat) -> String {
        switch format {
        case .table: return renderText()
        case .csv: return renderCSV()
        case .json: return renderJSON()
        }
    }

    private func plain(_ value: ResultValue) -> String {
        switch value {
        case .text(let s): return s
        case .int(let i): return String(i)
        case .number(let d, let decimals): return d.isFinite ? String(format: "%.\(decimals)f", d) : ""
        case .bool(let b): return b ? "true" : "false"
        case .null: return "-"
        case .absent: return ""
        }
    }

    private func renderText() -> String {
        let cells = rows.map { $0.map { plain($0).replacingOccurrences(of: "\n", with: " ") } }
        var widths = columns.map(\.count)
        for row in cells {
            for (i, cell) in row.enumerated() { widths[i] = max(widths[i], min(cell.count, 80)) }
        }
        func line(_ values: [String]) -> String {
            values.enumerated().map { i, v in
                let clipped = v.count > 80 ? String(v.prefix(79)) + "…" : v
                return clipped.padding(toLength: widths[i], withPad: " ", startingAt: 0)
            }.joined(separator: "  ").trimmingCharacters(in: .whitespaces)
        }
        var out = [line(columns), line(widths.map { String(repeating: "-", count: $0) })]
        out += cells.map(line)
        return out.joined(separator: "\n") + "\n"
    }

    private func renderCSV() -> String {
        var out = columns.map(csvField).joined(separator: ",") + "\n"
        for row in rows {
            out += row.map { value -> String in
                if case .null = value { return "" }
                return csvField(plain(value))
            }.joined(separator: ",") + "\n"
        }
        return out
    }

    /// The JSON document with more top-level members after `"rows"`, each given as a key and an
    /// already-encoded JSON value (e.g. a command's test statistics).
    public func renderJSON(with members: [(key: String, json: String)]) -> String {
        let rows = renderJSON()
        let extra = members.map { ",\(Self.jsonString($0.key)):\($0.json)" }.joined()
        return String(rows.dropLast(2)) + extra + "}\n"
    }

    private func renderJSON() -> String {
        let objects = rows.map { row -> String in
            let pairs = zip(columns, row).compactMap { key, value -> String? in
                let rendered: String
                switch value {
                case .absent: return nil
                case .null: rendered = "null"
                case .text(let s): rendered = Self.jsonString(s)
                case .int(let i): rendered = String(i)
                case .number(let d, let decimals):
                    guard d.isFinite else { rendered = "null"; break }
                    let scale = pow(10, Double(decimals))
                    rendered = String((d * scale).rounded() / scale)
                case .bool(let b): rendered = b ? "true" : "false"
                }
                return "\(Self.jsonString(key)):\(rendered)"
            }
            return "{" + pairs.joined(separator: ",") + "}"
        }
        return "{\"rows\":[" + objects.joined(separator: ",\n") + "]}\n"
    }

    /// A JSON string literal (RFC 8259 escapes).
    public static func jsonString(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20: out += String(format: "\\u%04x", scalar.value)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
