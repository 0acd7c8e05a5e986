import ConsultationModel
import RulePatterns
/// The advisory check behind ``Codebook/review(yaml:file:)``: each rule of a theme with
/// examples should match at least one of them.
///
/// A rule that matches none of its own theme's examples is either untested or broken (a typo
/// in a pattern, a negation setting that vetoes the very phrasing it was written for). It is a
/// warning, not an error: examples illustrate the theme for coders and cannot show every
/// phrasing each rule exists to catch. An example that also triggers another theme is fine:
/// segments may carry several codes.
struct CodebookExampleCheck {
    let file: String

    /// One warning per rule that matches none of its theme's examples, in file order, each
    /// naming the file, the rule's line, the theme and the rule.
    func warnings(_ codebook: Codebook, lines: CodebookSourceLines) -> [CodebookError] {
        let compiler = RulePatternCompiler(vocabulary: codebook.vocabulary)
        let lexicon = AutoCoderNegationLexicon(codebook.negation)
        var warnings: [CodebookError] = []
        for (index, theme) in codebook.themes.enumerated() where !theme.examples.isEmpty {
            let texts = theme.examples.map { AutoCoderText($0, negation: lexicon) }
            for (ruleIndex, rule) in theme.rules.enumerated() {
                guard let compiled = try? AutoCoderRule(rule, compiler: compiler),
                      !texts.contains(where: { compiled.firstMatch(in: $0, window: lexicon.window, present: nil) != nil })
                else { continue }
                warnings.append(CodebookError(
                    file: file, line: lines.rules[index][ruleIndex], themeID: theme.id, ruleID: rule.id,
                    message: "matches none of the theme's \(theme.examples.count) examples (add an example it is meant to catch, or check the rule)"))
            }
        }
        return warnings
    }
}
