import CodebookFixtures
import Testing

/// One sentence and whether the shipped coder must code it with a theme.
struct AutoCoderThemeCase: Sendable, CustomTestStringConvertible {
    var theme: String
    var text: String
    var coded: Bool

    var testDescription: String { "\(coded ? "+" : "-") \(theme): \(text)" }

    /// Checks the case against the shipped coder.
    func check() throws {
        let themes = try CodebookFixtures.themes(text)
        #expect(themes.contains(theme) == coded, "\(coded ? "missed" : "wrongly coded") \(theme) in: \(text) (got \(themes.sorted()))")
    }
}

/// Builds cases that must be coded with `theme`.
func codedAs(_ theme: String, _ texts: String...) -> [AutoCoderThemeCase] {
    texts.map { AutoCoderThemeCase(theme: theme, text: $0, coded: true) }
}

/// Builds cases that must not be coded with `theme`.
func notCodedAs(_ theme: String, _ texts: String...) -> [AutoCoderThemeCase] {
    texts.map { AutoCoderThemeCase(theme: theme, text: $0, coded: false) }
}
