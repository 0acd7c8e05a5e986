@testable import ConsultationModel
import Foundation
@testable import RuleCoding
@testable import RulePatterns
import Statistics
import TestSupport
import Testing

/// The pattern engine on the shipped codebook: every pattern and `unless` list compiled as the coder
/// compiles it, ``ASCIIPattern`` against ICU on seeded random texts of codebook words and on the
/// project's and real texts. The engine's own syntax cases are in `RulePatternsTests`.
@Suite struct CodebookPatternEngineTests {
    /// Every codebook expression on random texts assembled from the codebook's own words (its
    /// vocabulary lists and examples) with the characters real texts rarely hold where patterns look:
    /// line breaks and other terminators, hyphen and space runs, apostrophes, digits, `_`, mixed case.
    @Test func codebookPatternsMatchLikeICUOnRandomTexts() throws {
        let (codebook, expressions) = try Self.codebookExpressions()
        var words = Set(codebook.vocabulary.values.flatMap { $0 }.flatMap { $0.split(separator: " ").map(String.init) })
        words.formUnion(codebook.themes.flatMap(\.examples).flatMap { $0.split(separator: " ").map(String.init) })
        let vocabulary = words.filter { $0.unicodeScalars.allSatisfy { $0.isASCII && $0 != "{" && $0 != "}" && $0 != "\\" } }.sorted()
        let glue = [" ", " ", " ", "  ", "-", " - ", "--", ", ", ". ", "? ", "!", "\n", "\r\n", "\u{0B}", "\t", "'", "_", "0", "7 ", ";", ":"]
        var random = SplitMix64(seed: 2018)
        var compared = 0
        var matched = 0
        for _ in 0..<600 {
            var text = ""
            for _ in 0..<Int.random(in: 3...25, using: &random) {
                var word = vocabulary.randomElement(using: &random)!
                if Int.random(in: 0..<5, using: &random) == 0 { word = word.uppercased() }
                text += word + glue.randomElement(using: &random)!
            }
            let subject = PatternSubject(text)
            let bytes = try #require(subject.asciiLowered)
            let whole = NSRange(location: 0, length: text.utf16.count)
            for expression in expressions {
                guard let ascii = expression.ascii else { continue }
                let expected = expression.regex.matches(in: text, range: whole).map(\.range)
                #expect(ascii.matches(in: bytes, wordStarts: subject.asciiWordStarts) == expected, "\(expression.regex.pattern) on \(text.debugDescription)")
                compared += 1
                if !expected.isEmpty { matched += 1 }
            }
        }
        print("compared \(compared) pattern-random-text pairs, \(matched) with matches")
        #expect(matched > 2_000)
    }

    static func codebookExpressions() throws -> (Codebook, [RuleExpression]) {
        let yaml = try ConsultationLoader.readText(ProjectRoot.path("surveys/codebook.yaml"))
        let codebook = try Codebook.parse(yaml: yaml, file: "codebook.yaml")
        let compiler = RulePatternCompiler(vocabulary: codebook.vocabulary)
        var expressions: [RuleExpression] = []
        for rule in codebook.themes.flatMap(\.rules) {
            let lists = [rule.any, rule.near?.a ?? [], rule.near?.b ?? []]
            expressions += try lists.flatMap { try compiler.compileEach($0).map(\.expression) }
            if let unless = try compiler.compile(rule.unless) { expressions.append(unless) }
        }
        return (codebook, expressions)
    }

    /// Every pattern and `unless` list of the shipped codebook, on project and real texts: the two
    /// engines agree on every ASCII text, and nearly every pattern runs without ICU.
    @Test func codebookPatternsMatchLikeICU() throws {
        let (codebook, expressions) = try Self.codebookExpressions()
        let accepted = expressions.filter { $0.ascii != nil }.count
        print("codebook expressions: \(expressions.count), without ICU: \(accepted)")
        #expect(Double(accepted) >= 0.95 * Double(expressions.count))

        let corpus = try AutoCoderGoldenTests.projectTexts() + AutoCoderGoldenTests.realDataTexts()
        let stride = max(corpus.count / 400, 1)
        let texts = corpus.enumerated().filter { $0.offset % stride == 0 }.map(\.element)
            + codebook.themes.flatMap(\.examples)
        let negation = AutoCoderNegationLexicon(codebook.negation)
        var compared = 0
        for text in texts {
            let prepared = AutoCoderText(text, negation: negation)
            guard let bytes = prepared.subject.asciiLowered else { continue }
            let whole = NSRange(location: 0, length: prepared.subject.length)
            for expression in expressions {
                guard let ascii = expression.ascii else { continue }
                let expected = expression.regex.matches(in: prepared.subject.text, range: whole).map(\.range)
                #expect(ascii.matches(in: bytes, wordStarts: prepared.subject.asciiWordStarts) == expected, "\(expression.regex.pattern) on \(text)")
                compared += 1
            }
        }
        print("compared \(compared) pattern-text pairs")
        #expect(compared > 100_000)
    }
}
