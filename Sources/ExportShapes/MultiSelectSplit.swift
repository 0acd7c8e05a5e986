import ConsultationModel

/// The options of a multi-select answer a tool joined into one cell with its own separator
/// (`, ` Google Forms, `,` Qualtrics, `; ` SurveyMonkey, `;` with a trailing `;` Microsoft Forms,
/// a space KoboToolbox). Option labels may hold the separator ("News: TV, radio, newspapers"), so
/// the longest run of pieces that is an option's value or label is taken first; a piece that is no
/// option is kept as it is and the preparer rejects it, naming it.
public enum MultiSelectSplit {
    public static func parts(of text: String, separator: String, question: Question) -> [String] {
        let whole = text.trimmingWhitespace()
        if whole.isEmpty { return [] }
        if question.option(matching: whole) != nil { return [whole] }
        let pieces = whole.components(separatedBy: separator)
        var out: [String] = []
        var start = 0
        while start < pieces.count {
            var end = pieces.count - 1
            while end > start && question.option(matching: pieces[start...end].joined(separator: separator)) == nil { end -= 1 }
            let part = pieces[start...end].joined(separator: separator).trimmingWhitespace()
            if !part.isEmpty { out.append(part) }
            start = end + 1
        }
        return out
    }
}
