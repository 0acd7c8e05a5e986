import CodebookFixtures
import ConsultationModel
import RuleCoding
import Testing

/// Every validation failure gives one line that names the file and, where it can, the line,
/// theme and rule, so staff can go straight to the place to fix.
@Suite struct CodebookErrorTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        var yaml: String
        /// Parts the one-line message must contain, in order.
        var expected: [String]
        var testDescription: String { name }
    }

    static let file = "surveys/codebook.yaml"

    static func racial(_ rules: String) -> String {
        CodebookFixtures.minimalYAML(racialRules: rules)
    }

    /// A codebook whose `theme_groups` list starts (line 4) with group `id`, labelled, whose last line
    /// is `last`, followed by `more`; its one-line error must contain `expected`.
    static func groupCase(_ name: String, _ last: String, id: String = "heard", more: String = "", _ expected: String) -> Case {
        Case(name: name, yaml: CodebookFixtures.minimalYAML(header: "theme_groups:\n  - id: \(id)\n    label: Heard of it\n    \(last)\(more)"),
             expected: [expected])
    }

    static let themeGroupCases: [Case] = [
        groupCase("theme group naming an undefined theme", "themes: [awareness.aware, awareness.known]",
                  "surveys/codebook.yaml:4: theme group 'heard': theme 'awareness.known' is not defined"),
        groupCase("theme group naming a theme with sub-themes", "themes: [awareness]",
                  "surveys/codebook.yaml:4: theme group 'heard': 'awareness' has sub-themes"),
        groupCase("theme group listing a theme twice", "themes: [awareness.aware, awareness.aware]",
                  "theme group 'heard' lists 'awareness.aware' twice"),
        groupCase("theme group without themes", "themes: []", "theme group 'heard' lists no themes"),
        groupCase("misspelt theme group field", "theme: [awareness.aware]", "the theme group has unknown field 'theme'"),
        groupCase("badly formed theme group id", "themes: [awareness.aware]", id: "Heard",
                  "theme group id 'Heard' must be lower-case letters"),
        groupCase("theme group id taken by the summary", "themes: [awareness.aware]", id: "leading",
                  "theme group id 'leading' is taken by the summary"),
        groupCase("theme group defined twice", "themes: [awareness.aware]",
                  more: "\n  - id: heard\n    label: Again\n    themes: [awareness.unaware]",
                  "surveys/codebook.yaml:7: theme group 'heard' is defined twice"),
        Case(name: "theme group without a label",
             yaml: CodebookFixtures.minimalYAML(header: "theme_groups:\n  - id: heard\n    themes: [awareness.aware]"),
             expected: ["surveys/codebook.yaml:4: the theme group is missing field 'label'"]),
    ]

    static let cases: [Case] = [
        Case(name: "invalid pattern (the documented example)",
             yaml: racial("      - id: racial.profiling\n        any: ['(black']"),
             expected: ["surveys/codebook.yaml:", ": theme 'fairness.racial' rule 'racial.profiling': invalid pattern '(black': missing )"]),
        Case(name: "unmatched bracket",
             yaml: racial("      - id: racial.bracket\n        any: ['[abc']"),
             expected: ["rule 'racial.bracket'", "invalid pattern '[abc': missing ]"]),
        Case(name: "pattern in unless is checked too",
             yaml: racial("      - id: racial.unless\n        any: [racist]\n        unless: ['a)']"),
             expected: ["rule 'racial.unless'", "invalid pattern 'a)': unmatched )"]),
        Case(name: "pattern in near is checked too",
             yaml: racial("      - id: racial.near\n        near: {a: ['*x'], b: [y], within: 3}"),
             expected: ["rule 'racial.near'", "invalid pattern '*x': nothing to repeat"]),
        Case(name: "pattern that matches empty text",
             yaml: racial("      - id: racial.empty\n        any: ['(black)?']"),
             expected: ["rule 'racial.empty'", "matches empty text"]),
        Case(name: "backreference",
             yaml: racial("      - id: racial.backref\n        any: ['(a)\\1']"),
             expected: ["rule 'racial.backref'", "backreferences are not supported"]),
        Case(name: "unknown vocabulary",
             yaml: racial("      - id: racial.vocab\n        any: ['{nope} boys']"),
             expected: ["rule 'racial.vocab'", "unknown vocabulary '{nope}'"]),
        Case(name: "rule id repeats",
             yaml: racial("      - id: awareness_aware\n        any: [racist]"),
             expected: ["theme 'fairness.racial' rule 'awareness_aware'", "rule id repeats (first used in theme 'awareness.aware' at line"]),
        Case(name: "rule with nothing to match",
             yaml: racial("      - id: racial.nothing\n        unless: [x]"),
             expected: ["rule 'racial.nothing'", "needs 'any' patterns or a 'near' clause"]),
        Case(name: "misspelt rule field",
             yaml: racial("      - id: racial.typo\n        any: [racist]\n        unles: [x]"),
             expected: ["theme 'fairness.racial' rule 'racial.typo'", "unknown field 'unles'"]),
        Case(name: "bad negation value",
             yaml: racial("      - id: racial.neg\n        any: [racist]\n        negation: maybe"),
             expected: ["rule 'racial.neg'", "must be veto, strict or ignore"]),
        Case(name: "bad questions value",
             yaml: racial("      - id: racial.q\n        any: [racist]\n        questions: never"),
             expected: ["rule 'racial.q'", "must be include, exclude or only"]),
        Case(name: "near without within",
             yaml: racial("      - id: racial.within\n        near: {a: [x], b: [y]}"),
             expected: ["rule 'racial.within'", "missing field 'within'"]),
        Case(name: "bad near scope",
             yaml: racial("      - id: racial.scope\n        near: {a: [x], b: [y], within: 2, scope: paragraph}"),
             expected: ["rule 'racial.scope'", "must be sentence or segment"]),
        Case(name: "core theme without rules",
             yaml: racial("      []"),
             expected: ["theme 'fairness.racial'", "core theme has no rules"]),
        Case(name: "missing core theme",
             yaml: CodebookFixtures.minimalYAML().replacingOccurrences(of: "- id: data.rights", with: "- id: data.privacy"),
             expected: ["surveys/codebook.yaml:3: missing core theme(s): data.rights"]),
        Case(name: "core theme listed twice",
             yaml: "version: \"1\"\ntitle: t\ncore_themes: [a.b, a.b]\nthemes:\n  - id: a\n    label: A\n    description: A.\n",
             expected: ["surveys/codebook.yaml:3: 'core_themes' lists 'a.b' twice"]),
        Case(name: "core theme of another consultation missing",
             yaml: "version: \"1\"\ntitle: t\ncore_themes: [care.staff]\nthemes:\n  - id: care\n    label: Care\n    description: C.\n",
             expected: ["surveys/codebook.yaml:3: missing core theme(s): care.staff"]),
        Case(name: "core theme of another consultation without rules",
             yaml: "version: \"1\"\ntitle: t\ncore_themes: [care]\nthemes:\n  - id: care\n    label: Care\n    description: C.\n",
             expected: ["surveys/codebook.yaml:5: theme 'care': core theme has no rules"]),
        Case(name: "duplicate theme id",
             yaml: CodebookFixtures.minimalYAML(extraThemes: "  - id: fairness.racial\n    label: Again\n    description: Twice."),
             expected: ["theme 'fairness.racial'", "duplicate theme id (first defined at line"]),
        Case(name: "implied theme not defined",
             yaml: CodebookFixtures.minimalYAML(extraThemes: "  - id: extra\n    label: E\n    description: E.\n    implies: [awareness.known]"),
             expected: ["theme 'extra'", "implied theme 'awareness.known' is not defined"]),
        Case(name: "theme implies itself",
             yaml: CodebookFixtures.minimalYAML(extraThemes: "  - id: extra\n    label: E\n    description: E.\n    implies: [extra]"),
             expected: ["theme 'extra'", "a theme cannot imply itself"]),
        Case(name: "parent not defined",
             yaml: CodebookFixtures.minimalYAML(extraThemes: "  - id: policing.stops\n    parent: policing\n    label: Stops\n    description: Stops."),
             expected: ["theme 'policing.stops'", "parent 'policing' is not defined"]),
        Case(name: "implied parent not defined",
             yaml: CodebookFixtures.minimalYAML(extraThemes: "  - id: policing.stops\n    label: Stops\n    description: Stops."),
             expected: ["theme 'policing.stops'", "parent 'policing' is not defined"]),
        Case(name: "parent after child",
             yaml: CodebookFixtures.minimalYAML(extraThemes: "  - id: zeta.child\n    label: Child\n    description: C.\n  - id: zeta\n    label: Zeta\n    description: Z."),
             expected: ["theme 'zeta.child'", "parent 'zeta' must come before its children"]),
        Case(name: "id not under its parent",
             yaml: CodebookFixtures.minimalYAML(extraThemes: "  - id: fairness_gender\n    parent: fairness\n    label: Gender\n    description: G."),
             expected: ["theme 'fairness_gender'", "id must start with its parent's id 'fairness.'"]),
        Case(name: "theme is its own parent",
             yaml: CodebookFixtures.minimalYAML(extraThemes: "  - id: fairness.loop\n    parent: fairness.loop\n    label: Loop\n    description: L."),
             expected: ["theme 'fairness.loop'", "a theme cannot be its own parent"]),
        Case(name: "two themes each the other's parent",
             yaml: CodebookFixtures.minimalYAML(extraThemes: "  - id: cycle.a\n    parent: cycle.b\n    label: A\n    description: A.\n  - id: cycle.b\n    parent: cycle.a\n    label: B\n    description: B."),
             expected: ["theme 'cycle.a'", "id must start with its parent's id 'cycle.b.'"]),
        Case(name: "three-theme cycle written with nested ids",
             yaml: CodebookFixtures.minimalYAML(extraThemes: "  - id: ring.x\n    parent: ring.x.y.z\n    label: X\n    description: X.\n  - id: ring.x.y\n    label: Y\n    description: Y.\n  - id: ring.x.y.z\n    label: Z\n    description: Z."),
             expected: ["theme 'ring.x'", "id must start with its parent's id 'ring.x.y.z.'"]),
        Case(name: "badly formed id",
             yaml: CodebookFixtures.minimalYAML(extraThemes: "  - id: Fairness.Gender\n    label: Gender\n    description: G."),
             expected: ["theme 'Fairness.Gender'", "invalid theme id"]),
        Case(name: "missing label",
             yaml: CodebookFixtures.minimalYAML(extraThemes: "  - id: fairness.gender\n    description: G."),
             expected: ["theme 'fairness.gender'", "missing field 'label'"]),
        Case(name: "missing version",
             yaml: CodebookFixtures.minimalYAML().replacingOccurrences(of: "version: \"test.1\"\n", with: ""),
             expected: ["surveys/codebook.yaml", "missing field 'version'"]),
        Case(name: "YAML syntax error",
             yaml: "version: \"1\"\ntitle: t\nthemes: [\n",
             expected: ["surveys/codebook.yaml:", "YAML syntax error"]),
        Case(name: "duplicate key",
             yaml: "version: \"1\"\nversion: \"2\"\ntitle: t\nthemes: []\n",
             expected: ["surveys/codebook.yaml:", "duplicate key(s) 'version'"]),
        Case(name: "bad vocabulary entry",
             yaml: CodebookFixtures.minimalYAML(header: "vocabulary:\n  cops: ['(feds']"),
             expected: ["surveys/codebook.yaml:", "vocabulary 'cops': invalid pattern '(feds': missing )"]),
        Case(name: "bad negation window",
             yaml: CodebookFixtures.minimalYAML(header: "negation:\n  window: -1"),
             expected: ["surveys/codebook.yaml:", "'negation.window' must be 0 or more words"]),
        Case(name: "empty file",
             yaml: "",
             expected: ["surveys/codebook.yaml: the file is empty"]),
    ]

    @Test(arguments: cases + themeGroupCases)
    func failsWithOneClearLine(_ testCase: Case) {
        do {
            _ = try Codebook.parse(yaml: testCase.yaml, file: Self.file)
            Issue.record("\(testCase.name): parsed without error")
        } catch let error as CodebookError {
            let message = error.description
            #expect(!message.contains("\n"), "not one line: \(message)")
            #expect(message.hasPrefix(Self.file), "does not name the file: \(message)")
            var rest = Substring(message)
            for part in testCase.expected {
                guard let range = rest.range(of: part) else {
                    Issue.record("\(testCase.name): '\(part)' missing from: \(message)")
                    return
                }
                rest = rest[range.upperBound...]
            }
        } catch {
            Issue.record("\(testCase.name): not a CodebookError: \(error)")
        }
    }

    @Test func patternErrorNamesTheLineOfTheRule() throws {
        let yaml = Self.racial("      - id: racial.profiling\n        any: ['(black']")
        let line = try #require(yaml.split(separator: "\n", omittingEmptySubsequences: false)
            .firstIndex { $0.contains("id: racial.profiling") }) + 1
        #expect(throws: CodebookError.self) { try Codebook.parse(yaml: yaml, file: Self.file) }
        do {
            _ = try Codebook.parse(yaml: yaml, file: Self.file)
        } catch let error as CodebookError {
            #expect(error.line == line)
            #expect(error.themeID == "fairness.racial")
            #expect(error.ruleID == "racial.profiling")
            #expect(error.description == "surveys/codebook.yaml:\(line): theme 'fairness.racial' rule 'racial.profiling': invalid pattern '(black': missing )")
        }
    }

    @Test func multiLineMessagesAreFolded() {
        let error = CodebookError(file: "f.yaml", message: "first\n  second\r\nthird")
        #expect(error.description == "f.yaml: first second third")
    }

    @Test func coderRejectsAHandBuiltCodebookWithABadPattern() {
        let rule = CodingRule(id: "bad", themeID: "t", any: ["(oops"])
        let codebook = Codebook(version: "v9", title: "t", themes: [Theme(id: "t", label: "T", description: "T", rules: [rule])])
        #expect(throws: CodebookError.self) { try AutoCoder(codebook: codebook) }
    }
}
