import FileReading
/// Redacts a respondent's own name and contact details (the values of the instrument's
/// `personal_columns`) from that respondent's free text, after the pattern redactor has run.
///
/// Contract:
/// - A whole value that contains "@" is replaced as `[EMAIL]`, one with seven or more digits as
///   `[PHONE]`, any other (a name) as `[NAME]`; whole values match case-insensitively.
/// - Each word of a name value that is written with a capital (as names are: "Jo", "Okafor") and has
///   at least two letters is also replaced as `[NAME]` where it stands as a whole word with the same
///   capitalisation, so "Jo said" loses "Jo" but "jo" or "Joanne" are left alone, and a name that is
///   also a common word ("Will") is only caught where it is capitalised.
/// - Placeholders already in the text are never touched; the result counts the replacements.
public struct OwnDetailsRedaction: Sendable {
    private let values: [(text: String, placeholder: String)]
    private let words: Set<String>

    public init(values: [String]) {
        let cleaned = values.map { $0.trimmingWhitespace() }.filter { $0.count >= 2 }
        self.values = cleaned.map { value in
            let digits = value.filter(\.isNumber).count
            let kind: PersonalDataKind = value.contains("@") ? .email : digits >= 7 ? .phone : .name
            return (value, kind.placeholder)
        }.sorted { $0.text.count > $1.text.count }
        words = Set(cleaned.filter { !$0.contains("@") && $0.filter(\.isNumber).count < 7 }.flatMap { value in
            value.split(whereSeparator: { !$0.isLetter && $0 != "'" && $0 != "’" && $0 != "-" }).map(String.init)
                .filter { $0.count >= 2 && ($0.first?.isUppercase ?? false) }
        })
    }

    public var isEmpty: Bool { values.isEmpty }

    /// `text` with the respondent's own details replaced, and how many replacements were made.
    public func apply(to text: String) -> (text: String, replaced: Int) {
        var result = text
        var replaced = 0
        for value in values {
            var from = result.startIndex
            while let range = result.range(of: value.text, options: [.caseInsensitive], range: from..<result.endIndex) {
                guard Self.isWordBoundary(before: range.lowerBound, in: result), Self.isWordBoundary(after: range.upperBound, in: result) else {
                    from = range.upperBound
                    continue
                }
                let offset = result.distance(from: result.startIndex, to: range.lowerBound) + value.placeholder.count
                result.replaceSubrange(range, with: value.placeholder)
                from = result.index(result.startIndex, offsetBy: offset)
                replaced += 1
            }
        }
        guard !words.isEmpty else { return (result, replaced) }
        var output = ""
        var word = ""
        func flush() {
            if words.contains(word) {
                output += PersonalDataKind.name.placeholder
                replaced += 1
            } else {
                output += word
            }
            word = ""
        }
        for character in result {
            if character.isLetter || character == "'" || character == "’" || character == "-" {
                word.append(character)
            } else {
                flush()
                output.append(character)
            }
        }
        flush()
        return (output, replaced)
    }

    private static func isWordBoundary(before index: String.Index, in text: String) -> Bool {
        index == text.startIndex || !text[text.index(before: index)].isLetter
    }

    private static func isWordBoundary(after index: String.Index, in text: String) -> Bool {
        index == text.endIndex || !text[index].isLetter
    }
}
