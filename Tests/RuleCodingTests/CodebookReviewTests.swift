import CodebookFixtures
@testable import ConsultationModel
import Testing

/// `Codebook.review`: the advisory check that each rule matches one of its own theme's
/// examples, reported with file, line, theme and rule, without stopping the codebook loading.
@Suite struct CodebookReviewTests {
    static let file = "surveys/codebook.yaml"

    /// The minimal codebook with `fairness.racial` given `examples` and `rules`.
    static func racial(examples: [String], rules: String) -> String {
        let exampleLines = examples.map { "        - \"\($0)\"" }.joined(separator: "\n")
        return CodebookFixtures.minimalYAML(racialRules: rules)
            .replacingOccurrences(of: "    description: Theme fairness.racial.\n", with: "    description: Theme fairness.racial.\n    examples:\n\(exampleLines)\n")
    }

    static func line(of text: String, in yaml: String) -> Int? {
        yaml.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.contains(text) }.map { $0 + 1 }
    }

    @Test func aRuleMatchingNoExampleIsAWarningNamingFileLineThemeAndRule() throws {
        let yaml = Self.racial(
            examples: ["They stop black lads all the time.", "It's racist."],
            rules: "      - id: racial.words\n        any: [racist]\n      - id: racial.typo\n        any: [raicst]")
        let review = try Codebook.review(yaml: yaml, file: Self.file)
        let line = try #require(Self.line(of: "id: racial.typo", in: yaml))
        #expect(review.warnings.map(\.description) == [
            "\(Self.file):\(line): theme 'fairness.racial' rule 'racial.typo': matches none of the theme's 2 examples (add an example it is meant to catch, or check the rule)",
        ])
        #expect(review.codebook == (try Codebook.parse(yaml: yaml, file: Self.file)))
    }

    @Test(arguments: [
        ("negation vetoes the only example", "      - id: racial.veto\n        any: [racist]", ["It is not racist at all."], true),
        ("negation ignored: the rule carries it", "      - id: racial.veto\n        negation: ignore\n        any: [racist]", ["It is not racist at all."], false),
        ("proximity rule matching", "      - id: racial.near\n        near: {a: [black], b: [stopped], within: 3}", ["Black kids get stopped daily."], false),
        ("proximity too far apart", "      - id: racial.near\n        near: {a: [black], b: [stopped], within: 1}", ["Black kids round here get stopped daily."], true),
        ("unless vetoes the example", "      - id: racial.unless\n        any: [racist]\n        unless: [joke]", ["Racist joke, that."], true),
        ("questions only, example is a statement", "      - id: racial.q\n        questions: only\n        any: [racist]", ["It is racist."], true),
    ])
    func rulesAreRunAsTheCoderRunsThem(_ name: String, _ rules: String, _ examples: [String], _ warned: Bool) throws {
        let review = try Codebook.review(yaml: Self.racial(examples: examples, rules: rules), file: Self.file)
        #expect(review.warnings.isEmpty != warned, "\(name): \(review.warnings)")
    }

    /// Codes overlap: an example that also fires another theme's rule is not a problem.
    @Test func anExampleAlsoCodingAnotherThemeIsFine() throws {
        let yaml = Self.racial(examples: ["racist and zzawareness_aware"], rules: "      - id: racial.words\n        any: [racist]")
        #expect(try Codebook.review(yaml: yaml, file: Self.file).warnings.isEmpty)
    }

    @Test func themesWithoutExamplesAreNotChecked() throws {
        let review = try Codebook.review(yaml: CodebookFixtures.minimalYAML(), file: Self.file)
        #expect(review.warnings.isEmpty)
    }

    @Test func errorsStillStopTheReview() {
        #expect(throws: CodebookError.self) {
            try Codebook.review(yaml: Self.racial(examples: ["x"], rules: "      - id: racial.bad\n        any: ['(x']"), file: Self.file)
        }
    }

    @Test func shippedCodebookWarningsEachNameLineThemeAndRule() throws {
        let review = try Codebook.review(yaml: try CodebookFixtures.shippedYAML(), file: Self.file)
        for warning in review.warnings {
            #expect(warning.line != nil && warning.themeID != nil && warning.ruleID != nil, "\(warning)")
        }
    }
}
