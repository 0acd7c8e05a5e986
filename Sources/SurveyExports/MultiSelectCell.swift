import ConsultationModel
/// Reading multi-select answers as exports write them.
public enum MultiSelectCell {
    /// The options named in one cell: the whole cell if it is one option (labels may hold commas),
    /// else the parts between `;` or `|`, else between `,` (the separators survey tools use; the
    /// sample files use `;`).
    public static func parts(of text: String, question: Question) -> [String] {
        if question.option(matching: text) != nil { return [text] }
        let separators: [Character] = text.contains(";") || text.contains("|") ? [";", "|"] : [","]
        return text.split(whereSeparator: separators.contains).map { $0.trimmingWhitespace() }.filter { !$0.isEmpty }
    }

    /// Whether a one-column-per-option cell says the option was ticked: true for 1, yes, true, x, y,
    /// checked, ticked, selected, a tick mark or the option's own value or label; false for blank, 0,
    /// no, false, n; nil for anything else (the row is rejected rather than guessed at).
    public static func isTicked(_ text: String, option: AnswerOption) -> Bool? {
        let raw = text.trimmingWhitespace()
        if ["✓", "✔", "☑", "√"].contains(raw) { return true }
        let cell = HeaderText.normalise(raw)
        if cell.isEmpty { return raw.isEmpty ? false : nil }
        if ["0", "no", "false", "n", "unchecked", "not selected"].contains(cell) { return false }
        if ["1", "yes", "true", "x", "y", "checked", "ticked", "selected"].contains(cell) { return true }
        return cell == HeaderText.normalise(option.value) || cell == HeaderText.normalise(option.label) ? true : nil
    }
}
