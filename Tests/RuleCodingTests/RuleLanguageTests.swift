import CodebookFixtures
import ConsultationModel
import RuleCoding
import Testing

/// The rule language on small hand-written rules: matching, proximity, vetoes, negation and
/// questions, independent of the shipped codebook's wording.
@Suite struct RuleLanguageTests {
    /// A coder whose `fairness.racial` theme has the given rules (YAML, indented six spaces).
    static func coder(_ rules: String, header: String = "") throws -> AutoCoder {
        let yaml = CodebookFixtures.minimalYAML(racialRules: rules, header: header)
        return try AutoCoder(codebook: try Codebook.parse(yaml: yaml, file: "test.yaml"))
    }

    struct Case: Sendable, CustomTestStringConvertible {
        var rules: String
        var text: String
        /// The expected evidence, or nil when the rule must not fire.
        var matched: String?
        var header: String = ""
        var testDescription: String { "\(text) -> \(matched ?? "nothing")" }
    }

    static let cases: [Case] = [
        // Phrases: case-insensitive, whole words, spaces stand for spaces or hyphens.
        Case(rules: "      - id: r\n        any: [race]", text: "It's all about RACE.", matched: "RACE"),
        Case(rules: "      - id: r\n        any: [race]", text: "We embrace change.", matched: nil),
        Case(rules: "      - id: r\n        any: [race]", text: "a race-based list", matched: "race"),
        Case(rules: "      - id: r\n        any: [stop and search]", text: "more stop-and-search", matched: "stop-and-search"),
        Case(rules: "      - id: r\n        any: [stop and search]", text: "stop  and\tsearch", matched: "stop  and\tsearch"),
        Case(rules: "      - id: r\n        any: [\"don'?t know\"]\n        negation: ignore", text: "I don’t know", matched: "don’t know"),
        Case(rules: "      - id: r\n        any: [\"don'?t know\"]\n        negation: ignore", text: "I dont know", matched: "dont know"),
        Case(rules: "      - id: r\n        any: [\"don'?t know\"]", text: "I don’t know", matched: nil),
        // Vocabulary references and gaps.
        Case(rules: "      - id: r\n        any: ['{cops} stopped me']", text: "the 5-0 stopped me again", matched: "5-0 stopped me",
             header: "vocabulary:\n  cops: [feds?, 5-?0]"),
        Case(rules: "      - id: r\n        any: [told ~3 on it]", text: "they told him he was on it", matched: "told him he was on it"),
        Case(rules: "      - id: r\n        any: [told ~3 on it]", text: "told him that she said he was on it", matched: nil),
        Case(rules: "      - id: r\n        any: [told ~3 on it]", text: "They told him. He was on it.", matched: nil),
        // Proximity: either order, within N words, one sentence.
        Case(rules: "      - id: r\n        near: {a: [black], b: [targeted], within: 3}", text: "Black lads get targeted", matched: "Black lads get targeted"),
        Case(rules: "      - id: r\n        near: {a: [black], b: [targeted], within: 3}", text: "targeted, mostly black", matched: "targeted, mostly black"),
        Case(rules: "      - id: r\n        near: {a: [black], b: [targeted], within: 3}", text: "black kids on my road do get targeted", matched: nil),
        Case(rules: "      - id: r\n        near: {a: [black], b: [targeted], within: 3}", text: "He is black. He got targeted.", matched: nil),
        Case(rules: "      - id: r\n        near: {a: [black], b: [targeted], within: 3, scope: segment}", text: "He is black. He got targeted.", matched: "black. He got targeted"),
        Case(rules: "      - id: r\n        near: {a: [black], b: [targeted], within: 1, scope: segment}", text: "He is black. He got targeted.", matched: nil),
        // Unless: vetoes its own sentence only.
        Case(rules: "      - id: r\n        any: [racist]\n        unless: [not about]", text: "It's not about being racist.", matched: nil),
        Case(rules: "      - id: r\n        any: [racist]\n        unless: [film]", text: "Great film. Still racist.", matched: "racist"),
        // Negation (veto): denied within the window in the same clause.
        Case(rules: "      - id: r\n        any: [racist]", text: "It isn't racist", matched: nil),
        Case(rules: "      - id: r\n        any: [racist]", text: "it is never really that racist", matched: nil),
        Case(rules: "      - id: r\n        any: [racist]", text: "not, I think, at all in any way racist", matched: "racist"),
        Case(rules: "      - id: r\n        any: [racist]", text: "It's not fair, it's racist", matched: "racist"),
        Case(rules: "      - id: r\n        any: [racist]", text: "I don't like it because it's racist", matched: "racist"),
        Case(rules: "      - id: r\n        any: [racist]", text: "no wonder people call it racist", matched: "racist"),
        Case(rules: "      - id: r\n        any: [racist]", text: "No it's racist", matched: "racist"),
        Case(rules: "      - id: r\n        any: [racism]", text: "No racism here", matched: nil),
        Case(rules: "      - id: r\n        any: [racist]", text: "It isn’t racist but the way they use it is racist", matched: "racist"),
        Case(rules: "      - id: r\n        any: [police ~3 told]", text: "the police never told us", matched: nil),
        // What stands inside a denied span is denied, whichever pattern finds it.
        Case(rules: "      - id: r\n        any: [saw ~3 news, news]", text: "I never saw it in the news", matched: nil),
        Case(rules: "      - id: r\n        any: [saw ~3 news, news]", text: "I never saw it. The news did.", matched: "news"),
        // Deontic views count under veto, not under strict.
        Case(rules: "      - id: r\n        any: [be racist]", text: "they shouldn't be racist", matched: "be racist"),
        Case(rules: "      - id: r\n        any: [be racist]\n        negation: strict", text: "they shouldn't be racist", matched: nil),
        Case(rules: "      - id: r\n        any: [be racist]\n        negation: strict", text: "it might be racist", matched: "be racist"),
        // Ignore: the pattern states its own negation.
        Case(rules: "      - id: r\n        any: [never heard]\n        negation: ignore", text: "never heard of it", matched: "never heard"),
        Case(rules: "      - id: r\n        any: [heard]", text: "never heard of it", matched: nil),
        // Questions.
        Case(rules: "      - id: r\n        any: [racist]\n        questions: exclude", text: "Is it racist?", matched: nil),
        Case(rules: "      - id: r\n        any: [racist]\n        questions: exclude", text: "Is it fair? It's racist.", matched: "racist"),
        Case(rules: "      - id: r\n        any: [racist]\n        questions: only", text: "Is it racist?!", matched: "racist"),
        Case(rules: "      - id: r\n        any: [racist]\n        questions: only", text: "It's racist.", matched: nil),
        Case(rules: "      - id: r\n        any: [racist]", text: "Why is it so racist?", matched: "racist"),
        // Case-sensitive parts and lookahead.
        Case(rules: "      - id: r\n        any: ['(?-i:Prevent)(?! violence)']", text: "It's like Prevent all over again", matched: "Prevent"),
        Case(rules: "      - id: r\n        any: ['(?-i:Prevent)(?! violence)']", text: "it's meant to prevent harm", matched: nil),
        // Earliest position within a rule.
        Case(rules: "      - id: r\n        any: [boys, black]", text: "black boys", matched: "black"),
        // First rule in file order wins, even when a later rule matches earlier in the text.
        Case(rules: "      - id: r1\n        any: [boys]\n      - id: r2\n        any: [black]", text: "black boys", matched: "boys"),
        Case(rules: "      - id: r1\n        any: [girls]\n      - id: r2\n        any: [black]", text: "black boys", matched: "black"),
    ]

    @Test(arguments: cases)
    func rule(_ testCase: Case) throws {
        let coder = try Self.coder(testCase.rules, header: testCase.header)
        let match = coder.code(testCase.text).first { $0.themeID == "fairness.racial" }
        #expect(match?.matched == testCase.matched)
    }

    @Test func firstRuleInFileOrderIsCited() throws {
        let coder = try Self.coder("      - id: r1\n        any: [boys]\n      - id: r2\n        any: [black]")
        let match = try #require(coder.code("black boys").first)
        #expect(match.ruleID == "r1")
    }

    @Test func oneMatchPerThemeSortedByThemeID() throws {
        let coder = try Self.coder("      - id: r\n        any: [racist, black]")
        let text = "zzimprovement_abolish racist black zzawareness_aware racist zzdata_rights"
        let matches = coder.code(text)
        #expect(matches.map(\.themeID) == ["awareness.aware", "data.rights", "fairness.racial", "improvement.abolish"])
        #expect(matches.first { $0.themeID == "fairness.racial" }?.matched == "racist")
    }

    @Test func impliedThemesCiteTheImplyingEvidence() throws {
        let extra = "  - id: extra\n    label: Extra\n    description: X.\n    implies: [awareness.aware]\n    rules:\n      - id: extra.r\n        any: [zzextra]"
        let yaml = CodebookFixtures.minimalYAML(extraThemes: extra)
        let coder = try AutoCoder(codebook: try Codebook.parse(yaml: yaml, file: "test.yaml"))
        let implied = coder.code("so zzextra")
        #expect(implied == [
            RuleMatch(themeID: "awareness.aware", ruleID: "extra.r", start: 3, end: 10, matched: "zzextra"),
            RuleMatch(themeID: "extra", ruleID: "extra.r", start: 3, end: 10, matched: "zzextra"),
        ])
        let own = coder.code("zzawareness_aware zzextra")
        #expect(own.first == RuleMatch(themeID: "awareness.aware", ruleID: "awareness_aware", start: 0, end: 17, matched: "zzawareness_aware"))
        #expect(own.count == 2)
    }

    @Test func emptyTextCodesNothing() throws {
        let coder = try Self.coder("      - id: r\n        any: [racist]")
        #expect(coder.code("").isEmpty)
        #expect(coder.code("   \n ").isEmpty)
    }

    @Test func codebookNegationSettingsApply() throws {
        let header = "negation:\n  window: 1\n  cues: [not]"
        let coder = try Self.coder("      - id: r\n        any: [racist]", header: header)
        #expect(coder.code("not very racist").isEmpty)
        #expect(coder.code("not at all racist").first?.matched == "racist")
        #expect(coder.code("never racist").first?.matched == "racist")
        #expect(coder.code("isn't racist").isEmpty)
    }

    @Test func coderCitesTheCodebookVersion() throws {
        #expect(try Self.coder("      - id: r\n        any: [racist]").codebookVersion == "test.1")
    }
}
