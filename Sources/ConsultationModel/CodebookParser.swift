import Foundation
import Yams

/// Where things were in the file, for messages about checks made after reading.
package struct CodebookSourceLines {
    /// Line of each theme, aligned with `Codebook.themes`.
    var themes: [Int?] = []
    /// Line of each rule, aligned with each theme's `rules`.
    package var rules: [[Int?]] = []
    /// Line of each vocabulary entry.
    var vocabulary: [String: Int?] = [:]
    /// Line of the negation settings.
    var negation: Int?
    /// Line of the `core_themes` list.
    var coreThemes: Int?
    /// Line of each theme group, aligned with `Codebook.themeGroups`.
    var themeGroups: [Int?] = []
}

/// Reads the shape of a codebook file into a ``Codebook``: fields, types and allowed values.
/// Cross-checks (ids, parents, core themes, patterns) are ``CodebookValidator``'s job.
struct CodebookParser {
    let file: String

    private static let topFields = ["version", "title", "negation", "vocabulary", "core_themes", "theme_groups", "themes"]
    private static let themeGroupFields = ["id", "label", "themes"]
    private static let themeFields = ["id", "parent", "label", "description", "include", "exclude", "examples", "rules", "implies"]
    private static let ruleFields = ["id", "any", "near", "unless", "negation", "questions", "note"]
    private static let nearFields = ["a", "b", "within", "scope"]
    private static let negationFields = ["window", "cues", "deontic", "not_negation", "clause_breaks"]

    func parse(_ yaml: String) throws -> (codebook: Codebook, lines: CodebookSourceLines) {
        let reader = CodebookYAMLReader(file: file)
        guard let root = try compose(yaml) else {
            throw CodebookError(file: file, message: "the file is empty")
        }
        let top = try reader.fields(root, what: "the codebook", allowed: Self.topFields)
        var lines = CodebookSourceLines()
        let negation = try top.optional("negation").map { try parseNegation($0, reader: reader) } ?? .standard
        lines.negation = top.optional("negation")?.mark?.line
        let vocabulary = try top.optional("vocabulary").map { try parseVocabulary($0, reader: reader, lines: &lines) } ?? [:]
        var themes: [Theme] = []
        for node in try reader.list(try top.required("themes"), field: "themes") {
            let (theme, ruleLines) = try parseTheme(node, reader: reader)
            themes.append(theme)
            lines.themes.append(node.mark?.line)
            lines.rules.append(ruleLines)
        }
        lines.coreThemes = top.optional("core_themes")?.mark?.line
        var groups: [Codebook.ThemeGroup] = []
        for node in try top.optional("theme_groups").map({ try reader.list($0, field: "theme_groups") }) ?? [] {
            let fields = try reader.fields(node, what: "the theme group", allowed: Self.themeGroupFields)
            groups.append(Codebook.ThemeGroup(id: try fields.requiredText("id"), label: try fields.requiredText("label"),
                                              themeIDs: try fields.texts("themes")))
            lines.themeGroups.append(node.mark?.line)
        }
        let codebook = Codebook(
            version: try top.requiredText("version"), title: try top.requiredText("title"),
            themes: themes, vocabulary: vocabulary, negation: negation, coreThemeIDs: try top.texts("core_themes"),
            themeGroups: groups)
        return (codebook, lines)
    }

    /// YAML syntax errors, folded to one line with the line number Yams found.
    private func compose(_ yaml: String) throws -> Node? {
        do {
            return try Yams.compose(yaml: yaml)
        } catch let error as YamlError {
            switch error {
            case let .scanner(_, problem, mark, _), let .parser(_, problem, mark, _), let .composer(_, problem, mark, _):
                throw CodebookError(file: file, line: mark.line, message: "YAML syntax error: \(problem)")
            case let .duplicatedKeysInMapping(duplicates, context):
                throw CodebookError(
                    file: file, line: context.mark.line,
                    message: "duplicate key(s) \(duplicates.sorted().map { "'\($0)'" }.joined(separator: ", ")) in one mapping")
            default:
                throw CodebookError(file: file, message: "YAML error: \(error)")
            }
        }
    }

    private func parseTheme(_ node: Node, reader base: CodebookYAMLReader) throws -> (Theme, [Int?]) {
        var reader = base
        reader.themeID = Self.declaredID(node)
        let fields = try reader.fields(node, what: "the theme", allowed: Self.themeFields)
        let id = try fields.requiredText("id")
        var rules: [CodingRule] = []
        var ruleLines: [Int?] = []
        for ruleNode in try fields.optional("rules").map({ try reader.list($0, field: "rules") }) ?? [] {
            rules.append(try parseRule(ruleNode, themeID: id, reader: reader))
            ruleLines.append(ruleNode.mark?.line)
        }
        let theme = Theme(
            id: id,
            parent: try fields.optionalText("parent") ?? Self.impliedParent(of: id),
            label: try fields.requiredText("label"),
            description: try fields.requiredText("description"),
            include: try fields.optionalText("include"),
            exclude: try fields.optionalText("exclude"),
            examples: try fields.texts("examples"),
            rules: rules,
            implies: try fields.texts("implies"))
        return (theme, ruleLines)
    }

    /// The `id` a mapping declares, read before anything else so that every later error can
    /// name the theme or rule it is in.
    private static func declaredID(_ node: Node) -> String? {
        guard case .mapping(let mapping) = node, case .scalar(let id)? = mapping["id"] else { return nil }
        return id.string
    }

    /// "fairness.racial" belongs to "fairness" unless the file says otherwise.
    private static func impliedParent(of id: String) -> String? {
        guard let dot = id.lastIndex(of: ".") else { return nil }
        return String(id[..<dot])
    }

    private func parseRule(_ node: Node, themeID: String, reader base: CodebookYAMLReader) throws -> CodingRule {
        var reader = base
        reader.ruleID = Self.declaredID(node)
        let fields = try reader.fields(node, what: "the rule", allowed: Self.ruleFields)
        var near: CodingRule.Near?
        if let nearNode = fields.optional("near") {
            let nearFields = try reader.fields(nearNode, what: "'near'", allowed: Self.nearFields)
            near = CodingRule.Near(
                a: try nearFields.texts("a"), b: try nearFields.texts("b"),
                within: try reader.integer(try nearFields.required("within"), field: "within"),
                scope: try parseScope(nearFields.optional("scope"), reader: reader))
        }
        return CodingRule(
            id: try fields.requiredText("id"), themeID: themeID,
            any: try fields.texts("any"), near: near, unless: try fields.texts("unless"),
            negation: try parseNegationMode(fields.optional("negation"), reader: reader),
            questions: try parseQuestionMode(fields.optional("questions"), reader: reader),
            note: try fields.optionalText("note"))
    }

    private func parseNegationMode(_ node: Node?, reader: CodebookYAMLReader) throws -> CodingRule.Negation {
        guard let node, let value = try reader.text(node, field: "negation") else { return .veto }
        switch value.lowercased() {
        case "true", "yes", "veto": return .veto
        case "false", "no", "ignore": return .ignore
        case "strict": return .strict
        default:
            throw reader.error("field 'negation' must be veto, strict or ignore (true = veto, false = ignore), not '\(value)'", at: node)
        }
    }

    private func parseScope(_ node: Node?, reader: CodebookYAMLReader) throws -> CodingRule.Near.Scope {
        guard let node, let value = try reader.text(node, field: "scope") else { return .sentence }
        guard let scope = CodingRule.Near.Scope(rawValue: value.lowercased()) else {
            throw reader.error("field 'scope' must be sentence or segment, not '\(value)'", at: node)
        }
        return scope
    }

    private func parseQuestionMode(_ node: Node?, reader: CodebookYAMLReader) throws -> CodingRule.Questions {
        guard let node, let value = try reader.text(node, field: "questions") else { return .include }
        guard let mode = CodingRule.Questions(rawValue: value.lowercased()) else {
            throw reader.error("field 'questions' must be include, exclude or only, not '\(value)'", at: node)
        }
        return mode
    }

    private func parseVocabulary(_ node: Node, reader: CodebookYAMLReader, lines: inout CodebookSourceLines) throws -> [String: [String]] {
        guard case .mapping(let mapping) = node else {
            throw reader.error("'vocabulary' must map names to lists of patterns", at: node)
        }
        var vocabulary: [String: [String]] = [:]
        for (key, value) in mapping {
            guard let name = try reader.text(key, field: "vocabulary") else {
                throw reader.error("'vocabulary' has an empty name", at: key)
            }
            vocabulary[name] = try reader.texts(value, field: "vocabulary '\(name)'")
            lines.vocabulary[name] = key.mark?.line
        }
        return vocabulary
    }

    private func parseNegation(_ node: Node, reader: CodebookYAMLReader) throws -> Codebook.NegationSettings {
        let fields = try reader.fields(node, what: "'negation'", allowed: Self.negationFields)
        let standard = Codebook.NegationSettings.standard
        func list(_ key: String, _ fallback: [String]) throws -> [String] {
            fields.optional(key) == nil ? fallback : try fields.texts(key)
        }
        return Codebook.NegationSettings(
            window: try fields.optional("window").map { try reader.integer($0, field: "window") } ?? standard.window,
            cues: try list("cues", standard.cues),
            deontic: try list("deontic", standard.deontic),
            notNegation: try list("not_negation", standard.notNegation),
            clauseBreaks: try list("clause_breaks", standard.clauseBreaks))
    }
}
