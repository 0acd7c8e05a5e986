import Mustache

/// How `{{value}}` is escaped in the Markdown templates: a value is text, never markup, so a quote
/// containing `*`, `_`, `|` or an HTML tag cannot start emphasis, break a table row or inject HTML
/// into the DOCX that pandoc makes from the Markdown. Templates that need a value verbatim (inside a
/// code span, where backslashes are literal) use `{{{value}}}`.
struct MarkdownContentType: MustacheContentType {
    static let name = "MARKDOWN"

    func escapeText(_ text: String) -> String {
        var out = ""
        var characters = text.makeIterator()
        var next = characters.next()
        while let character = next {
            next = characters.next()
            switch character {
            case "\\", "`", "*", "_", "|":
                out += "\\" + String(character)
            case "<" where next.map { $0.isLetter || "/!?".contains($0) } ?? false:
                out += "\\<"
            case "\n":
                out += " "
            default:
                out.append(character)
            }
        }
        return out
    }
}
