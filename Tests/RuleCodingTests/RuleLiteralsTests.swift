import CodebookFixtures
import Foundation
@testable import RuleCoding
@testable import RulePatterns
import Testing

/// The literal prefilter must never skip a pattern that could match: its analysis on known
/// shapes, the keyword scanner, and soundness over every shipped pattern and test sentence.
@Suite struct RuleLiteralsTests {
    static let space = #"(?:[\s\-]+)"#

    static let shapes: [(String, [Set<String>])] = [
        (#"racis[mt]\w*"#, [["racis"]]),
        ("(?:black|brown)" + space + "boys", [["black", "brown"], ["boys"]]),
        ("cops?", [["cop"]]),
        ("(il)?legal", [["legal"]]),
        ("x?", []),
        ("(?-i:Prevent)(?! violence)", [["prevent"]]),
        (#"(?<!help\s)to"#, [["to"]]),
        (#"\bfoo"#, [["foo"]]),
        ("[abc]at", [["at"]]),
        (#"a|b\w"#, [["a", "b"]]),
        (#"a|\w"#, []),
        ("(?x) a b", []),
        ("café", [["caf"]]),
        ("🙄", [["🙄"]]),
        (#"\Qa.b\E"#, []),
        (#"5\-0"#, [["5-0"]]),
        ("(?:no|never){1,3}", [["no", "never"]]),
        ("fo{0,2}d", [["f"], ["d"]]),
        ("(unclosed", []),
    ]

    @Test(arguments: shapes)
    func requiredLiterals(_ pattern: String, _ expected: [Set<String>]) {
        #expect(RuleLiterals.required(pattern) == expected)
    }

    @Test func scannerFindsOverlappingKeywords() throws {
        let keywords = AutoCoderKeywords(["he", "she", "his", "hers", "🙄"])
        let found = try #require(keywords.found(in: "UsHERS 🙄"))
        #expect(found.anywhere == [true, true, false, true, true])
        #expect(found.atWordStart == [false, false, false, false, true])
        #expect(found.atWordEnd == [false, false, false, true, true])
        #expect(keywords.found(in: "nothing here")?.anywhere.contains(true) == true)
        #expect(keywords.found(in: "zzz")?.anywhere == [false, false, false, false, false])
    }

    /// A keyword counts as at a word start (end) after (before) a non-ASCII letter, which is
    /// assumed not to glue, and next to punctuation; never next to an ASCII letter or digit.
    @Test func scannerMarksWordEdges() throws {
        let keywords = AutoCoderKeywords(["he", "it", "5"])
        let first = try #require(keywords.found(in: "the bit, é5"))
        #expect(first.atWordStart == [false, false, true])
        #expect(first.atWordEnd == [true, true, true])
        let second = try #require(keywords.found(in: "(He) it'd 35x"))
        #expect(second.atWordStart == [true, true, false])
        #expect(second.atWordEnd == [true, true, false])
    }

    static let edgeShapes: [(String, Set<String>?, Set<String>?)] = [
        (#"it'?d"#, ["it"], ["d"]),
        ("(?<!if" + space + ")(?:he|she)'?s(?!" + space + "on)", ["he", "she"], ["s"]),
        (#"(?:black|brown)s?"#, ["black", "brown"], ["black", "brown", "s"]),
        (#"\W*police"#, nil, ["police"]),
        (#"(?:a|the)?list"#, ["a", "the", "list"], ["list"]),
        (#"(?:a?)?list"#, nil, ["list"]),
        (#"(?i)police"#, nil, ["police"]),
        (#"(?:the|a) (?:kids|youth)+"#, ["the", "a"], ["kids", "youth"]),
    ]

    @Test(arguments: edgeShapes)
    func edgeStrings(_ pattern: String, _ leading: Set<String>?, _ trailing: Set<String>?) {
        #expect(RuleLiterals.edge(pattern, atStart: true) == leading)
        #expect(RuleLiterals.edge(pattern, atStart: false) == trailing)
    }

    @Test func scannerStandsAsideForUnusualCaseFolding() {
        #expect(AutoCoderKeywords(["ss"]).found(in: "STRAẞE") == nil)
        #expect(AutoCoderKeywords(["ss"]).found(in: "straße") == nil)
    }

    /// Every sentence the tests know, plus the codebook's own examples.
    static func corpus() throws -> [String] {
        let tables = AutoCoderKnowledgeTests.cases + AutoCoderViewsTests.fairnessAndImpactCases
            + AutoCoderViewsTests.dataAndEffectCases + AutoCoderViewsTests.trustContextImprovementCases
            + AutoCoderConventionTests.cases
        return tables.map(\.text) + (try CodebookFixtures.shipped.get()).themes.flatMap(\.examples)
    }

    @Test func gatesNeverCloseOnAMatch() throws {
        let codebook = try CodebookFixtures.shipped.get()
        let compiler = RulePatternCompiler(vocabulary: codebook.vocabulary)
        let lexicon = AutoCoderNegationLexicon(codebook.negation)
        let texts = try Self.corpus().map { AutoCoderText($0, negation: lexicon).subject.text }
        var checked = 0
        for rule in codebook.rules {
            let patterns = rule.any + (rule.near?.a ?? []) + (rule.near?.b ?? [])
            for compiled in try compiler.compileEach(patterns) {
                for text in texts {
                    let whole = NSRange(location: 0, length: text.utf16.count)
                    guard compiled.expression.regex.firstMatch(in: text, range: whole) != nil else { continue }
                    checked += 1
                    let lower = text.lowercased()
                    for group in compiled.literals {
                        #expect(group.contains { lower.contains($0) }, "\(rule.id): gate \(group.sorted()) closed on: \(text)")
                    }
                    if let leading = compiled.leading {
                        let starts = AutoCoderKeywords(leading.sorted()).found(in: text)?.atWordStart ?? [true]
                        #expect(starts.contains(true), "\(rule.id): leading \(leading.sorted()) closed on: \(text)")
                    }
                    if let trailing = compiled.trailing {
                        let ends = AutoCoderKeywords(trailing.sorted()).found(in: text)?.atWordEnd ?? [true]
                        #expect(ends.contains(true), "\(rule.id): trailing \(trailing.sorted()) closed on: \(text)")
                    }
                }
            }
        }
        #expect(checked > 500)
    }
}
