import Foundation
import Yams

/// Reads YAML nodes of a codebook file, turning every shape mistake (a list where text belongs,
/// an unknown key, a missing field) into a ``CodebookError`` that names the file, line, theme and
/// rule being read.
struct CodebookYAMLReader {
    let file: String
    var themeID: String?
    var ruleID: String?

    /// An error at a node's line, in the current theme and rule.
    func error(_ message: String, at node: Node?) -> CodebookError {
        CodebookError(file: file, line: node?.mark?.line, themeID: themeID, ruleID: ruleID, message: message)
    }

    /// The entries of a mapping, refusing keys outside `allowed` so that a misspelt key
    /// ("unles:") is reported instead of silently ignored.
    func fields(_ node: Node, what: String, allowed: [String]) throws -> Fields {
        guard case .mapping(let mapping) = node else {
            throw error("\(what) must be a mapping of fields", at: node)
        }
        var entries: [String: Node] = [:]
        var keys: [(String, Node)] = []
        for (key, value) in mapping {
            guard case .scalar(let scalar) = key else {
                throw error("\(what) has a key that is not text", at: key)
            }
            guard allowed.contains(scalar.string) else {
                let expected = allowed.joined(separator: ", ")
                throw error("\(what) has unknown field '\(scalar.string)' (expected one of: \(expected))", at: key)
            }
            entries[scalar.string] = value
            keys.append((scalar.string, key))
        }
        return Fields(node: node, entries: entries, keys: keys, what: what, reader: self)
    }

    /// A scalar as text; `nil` for an empty value.
    func text(_ node: Node, field: String) throws -> String? {
        switch node {
        case .scalar(let scalar):
            if scalar.style == .plain, ["", "~", "null", "Null", "NULL"].contains(scalar.string) { return nil }
            return scalar.string
        default:
            throw error("field '\(field)' must be text", at: node)
        }
    }

    /// A list of texts; a single text counts as a list of one.
    func texts(_ node: Node, field: String) throws -> [String] {
        switch node {
        case .scalar:
            return try text(node, field: field).map { [$0] } ?? []
        case .sequence(let sequence):
            return try sequence.map { item in
                guard let value = try text(item, field: field) else {
                    throw error("field '\(field)' has an empty entry", at: item)
                }
                return value
            }
        default:
            throw error("field '\(field)' must be a list of texts", at: node)
        }
    }

    /// A list of nodes; an empty value is an empty list.
    func list(_ node: Node, field: String) throws -> [Node] {
        if case .scalar = node, try text(node, field: field) == nil { return [] }
        guard case .sequence(let sequence) = node else {
            throw error("field '\(field)' must be a list", at: node)
        }
        return Array(sequence)
    }

    /// A whole number.
    func integer(_ node: Node, field: String) throws -> Int {
        guard case .scalar(let scalar) = node, let value = Int(scalar.string) else {
            throw error("field '\(field)' must be a whole number", at: node)
        }
        return value
    }

    /// The fields of one mapping, with lookups that report what is missing.
    struct Fields {
        let node: Node
        let entries: [String: Node]
        /// Keys in file order, with their key nodes (for line numbers).
        let keys: [(String, Node)]
        let what: String
        let reader: CodebookYAMLReader

        /// The line of the mapping.
        var line: Int? { node.mark?.line }

        func optional(_ key: String) -> Node? {
            entries[key]
        }

        func required(_ key: String) throws -> Node {
            guard let value = entries[key] else {
                throw reader.error("\(what) is missing field '\(key)'", at: node)
            }
            return value
        }

        /// Required non-empty text.
        func requiredText(_ key: String) throws -> String {
            let value = try required(key)
            guard let text = try reader.text(value, field: key),
                  !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
                throw reader.error("\(what) has an empty '\(key)'", at: value)
            }
            return text
        }

        /// Optional text; empty counts as absent.
        func optionalText(_ key: String) throws -> String? {
            guard let value = entries[key], let text = try reader.text(value, field: key) else { return nil }
            let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
            return trimmed.isEmpty ? nil : trimmed
        }

        /// Optional list of texts; absent is empty.
        func texts(_ key: String) throws -> [String] {
            guard let value = entries[key] else { return [] }
            return try reader.texts(value, field: key)
        }
    }
}
