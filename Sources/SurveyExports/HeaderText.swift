/// How export headers are compared with question ids, wordings and option labels.
///
/// Survey tools change case, trim or add punctuation ("Your age:" for "Your age"), turn straight
/// quotes curly, and swap `_` for spaces ("Response ID" for `response_id`). Normalised text keeps only
/// letters and digits, lower-cased, with single spaces between words, so all of those compare equal.
public enum HeaderText {
    /// `text` lower-cased, with every run of non-alphanumeric characters (punctuation, quotes of any
    /// shape, `_`, white space) turned into one space, trimmed.
    public static func normalise(_ text: String) -> String {
        var out = ""
        var pendingSpace = false
        for ch in text.lowercased() {
            if ch.isLetter || ch.isNumber {
                if pendingSpace && !out.isEmpty { out.append(" ") }
                pendingSpace = false
                out.append(ch)
            } else {
                pendingSpace = true
            }
        }
        return out
    }

    /// The separators that split `Section - Question`, `Question - Option` and `Q3/option` headers.
    static let separators = [" - ", " – ", " — ", "/", ": "]

    /// Every way to cut `text` in two at a separator, leftmost first: `(before, after)`, both trimmed.
    static func splits(_ text: String) -> [(before: String, after: String)] {
        var out: [(String, String)] = []
        for separator in separators {
            var start = text.startIndex
            while let range = text.range(of: separator, range: start..<text.endIndex) {
                out.append((String(text[..<range.lowerBound]).trimmingWhitespace(), String(text[range.upperBound...]).trimmingWhitespace()))
                start = range.upperBound
            }
        }
        return out.sorted { $0.0.count < $1.0.count }
    }
}
