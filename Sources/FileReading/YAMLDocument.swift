import Yams

/// Read access to a YAML mapping that reports errors with file, line and key.
///
/// Instruments and the consultation file are edited by hand, so a typo must point at its line. Yams'
/// `Node` keeps each node's position (`Mark`); this wrapper turns "missing key" and "wrong type" into
/// `SurveyFileError`s that name it.
package struct YAMLMapping {
    package let node: Node
    package let file: String
    /// Dotted path of this mapping inside the document, for messages (`questions[3]`).
    package let path: String

    /// The mapping at `node`, found at `path` of `file`.
    package init(node: Node, file: String, path: String) {
        self.node = node
        self.file = file
        self.path = path
    }

    /// Parses `text` and returns its top-level mapping.
    package static func parse(_ text: String, file: String) throws -> YAMLMapping {
        let root: Node?
        do { root = try Yams.compose(yaml: text) } catch {
            let yamlError = error as? YamlError
            throw SurveyFileError(file: file, line: yamlError.flatMap(Self.line(of:)),
                                  message: "not valid YAML: \(yamlError.map(Self.summary(of:)) ?? "\(error)")")
        }
        guard let root, root.mapping != nil else {
            throw SurveyFileError(file: file, line: 1, message: "expected a YAML mapping (key: value lines) at the top level")
        }
        return YAMLMapping(node: root, file: file, path: "")
    }

    package var line: Int? { node.mark?.line }

    package func error(_ key: String?, _ message: String, at node: Node? = nil) -> SurveyFileError {
        let field = [path, key ?? ""].filter { !$0.isEmpty }.joined(separator: ".")
        return SurveyFileError(file: file, line: (node ?? self.node).mark?.line, field: field.isEmpty ? nil : field, message: message)
    }

    package func has(_ key: String) -> Bool { node[key] != nil }

    /// A required scalar, as text.
    package func string(_ key: String) throws -> String {
        guard let value = try optionalString(key) else { throw error(key, "is required") }
        return value
    }

    /// An optional scalar, as text; an empty value counts as absent.
    package func optionalString(_ key: String) throws -> String? {
        guard let value = node[key] else { return nil }
        guard let scalar = value.scalar else { throw error(key, "expected a single value", at: value) }
        let text = scalar.string
        return text.isEmpty ? nil : text
    }

    package func int(_ key: String) throws -> Int {
        let text = try string(key)
        guard let value = Int(text) else { throw error(key, "expected a whole number, found '\(text)'", at: node[key]) }
        return value
    }

    /// A required list of mappings.
    package func mappings(_ key: String) throws -> [YAMLMapping] {
        guard let value = node[key] else { throw error(key, "is required") }
        return try Self.mappings(in: value, parent: self, key: key)
    }

    /// An optional list of mappings (absent means empty).
    package func optionalMappings(_ key: String) throws -> [YAMLMapping] {
        guard let value = node[key] else { return [] }
        return try Self.mappings(in: value, parent: self, key: key)
    }

    /// A list of scalars; a single scalar is read as a one-element list.
    package func strings(_ key: String) throws -> [String] {
        guard let value = node[key] else { return [] }
        if let scalar = value.scalar { return scalar.string.isEmpty ? [] : [scalar.string] }
        guard let sequence = value.sequence else { throw error(key, "expected a list", at: value) }
        return try sequence.map { item in
            guard let scalar = item.scalar else { throw error(key, "expected a list of values", at: item) }
            return scalar.string
        }
    }

    /// The raw node under `key`, for values that may take several forms.
    package func node(_ key: String) -> Node? { node[key] }

    package static func mappings(in value: Node, parent: YAMLMapping, key: String) throws -> [YAMLMapping] {
        guard let sequence = value.sequence else { throw parent.error(key, "expected a list", at: value) }
        return try sequence.enumerated().map { index, item in
            let path = [parent.path, "\(key)[\(index + 1)]"].filter { !$0.isEmpty }.joined(separator: ".")
            guard item.mapping != nil else { throw parent.error("\(key)[\(index + 1)]", "expected key: value pairs", at: item) }
            return YAMLMapping(node: item, file: parent.file, path: path)
        }
    }

    private static func line(of error: YamlError) -> Int? {
        switch error {
        case .scanner(_, _, let mark, _), .parser(_, _, let mark, _), .composer(_, _, let mark, _):
            return mark.line
        default:
            return nil
        }
    }

    private static func summary(of error: YamlError) -> String {
        switch error {
        case .scanner(_, let problem, _, _), .parser(_, let problem, _, _), .composer(_, let problem, _, _):
            return problem
        default:
            return "\(error)".split(whereSeparator: \.isNewline).first.map(String.init) ?? "parse error"
        }
    }
}
