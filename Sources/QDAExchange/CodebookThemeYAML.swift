import ConsultationModel
import Yams

/// Writes themes as the `themes:` list of a codebook file, in the shape ``CodebookParser``
/// reads: every field a theme or rule has, defaults left out (`negation: veto`, `questions:
/// include`, `scope: sentence`, a `parent` equal to the id up to its last dot), one blank line
/// between themes, no line wrapping (a regular expression folded over two lines is hard to
/// read). Yams chooses quoting, so any text survives the trip back.
enum CodebookThemeYAML {
    /// The list, starting with the `themes:` line and ending with a newline.
    static func themes(_ themes: [Theme]) throws -> String {
        var out = "themes:\n"
        for (index, theme) in themes.enumerated() {
            if index > 0 { out += "\n" }
            let item = try Yams.serialize(node: .sequence([node(theme)]), width: -1, allowUnicode: true)
            for line in item.split(separator: "\n", omittingEmptySubsequences: false).dropLast() {
                out += line.isEmpty ? "\n" : "  \(line)\n"
            }
        }
        return out
    }

    private static func node(_ theme: Theme) -> Node {
        var pairs: [(Node, Node)] = [("id", text(theme.id))]
        let impliedParent = theme.id.lastIndex(of: ".").map { String(theme.id[..<$0]) }
        if let parent = theme.parent, parent != impliedParent { pairs.append(("parent", text(parent))) }
        pairs.append(("label", text(theme.label)))
        pairs.append(("description", text(theme.description)))
        if let include = theme.include { pairs.append(("include", text(include))) }
        if let exclude = theme.exclude { pairs.append(("exclude", text(exclude))) }
        if !theme.examples.isEmpty { pairs.append(("examples", list(theme.examples))) }
        if !theme.implies.isEmpty { pairs.append(("implies", list(theme.implies, style: .flow))) }
        if !theme.rules.isEmpty { pairs.append(("rules", .sequence(.init(theme.rules.map(node))))) }
        return .mapping(.init(pairs))
    }

    private static func node(_ rule: CodingRule) -> Node {
        var pairs: [(Node, Node)] = [("id", text(rule.id))]
        if rule.negation != .veto { pairs.append(("negation", text(rule.negation.rawValue))) }
        if rule.questions != .include { pairs.append(("questions", text(rule.questions.rawValue))) }
        if let note = rule.note { pairs.append(("note", text(note))) }
        if !rule.any.isEmpty { pairs.append(("any", list(rule.any))) }
        if let near = rule.near {
            var nearPairs: [(Node, Node)] = [("a", list(near.a)), ("b", list(near.b)), ("within", Node(String(near.within)))]
            if near.scope != .sentence { nearPairs.append(("scope", text(near.scope.rawValue))) }
            pairs.append(("near", .mapping(.init(nearPairs))))
        }
        if !rule.unless.isEmpty { pairs.append(("unless", list(rule.unless))) }
        return .mapping(.init(pairs))
    }

    /// A text scalar; words the reader takes as "no value" are quoted so they stay text.
    private static func text(_ value: String) -> Node {
        let empty = ["", "~", "null", "Null", "NULL"].contains(value)
        return .scalar(.init(value, Tag(.str), empty ? .doubleQuoted : .any))
    }

    private static func list(_ values: [String], style: Node.Sequence.Style = .block) -> Node {
        .sequence(.init(values.map(text), Tag(.seq), style))
    }
}
