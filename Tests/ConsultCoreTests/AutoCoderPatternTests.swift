@testable import ConsultCore
import Foundation
import Testing

/// The gated, anchored search of a pattern must report exactly the matches of a plain scan of the
/// whole text, for every shipped pattern on every text the tests know and the sample answers.
@Suite struct AutoCoderPatternTests {
    @Test func searchEqualsAFullScan() throws {
        let codebook = try CodebookFixtures.shipped.get()
        let compiler = RulePatternCompiler(vocabulary: codebook.vocabulary)
        var patterns: [AutoCoderRule.Pattern] = []
        for rule in codebook.rules {
            for compiled in try compiler.compileEach(rule.any + (rule.near?.a ?? []) + (rule.near?.b ?? [])) {
                patterns.append(.init(regex: compiled.regex, literals: compiled.literals, leading: compiled.leading, trailing: compiled.trailing))
            }
        }
        let strings = Set(patterns.flatMap { $0.literals.flatMap { $0 } + ($0.leading ?? []) + ($0.trailing ?? []) }).sorted()
        let ids = Dictionary(uniqueKeysWithValues: strings.enumerated().map { ($1, $0) })
        let keywords = AutoCoderKeywords(strings)
        patterns = patterns.map { $0.gated(by: ids) }
        var reader = try CSVReader(path: TestFiles.project("surveys/sample/community-responses.csv"))
        var texts = try RuleLiteralsTests.corpus()
        while let record = try reader.next(), texts.count < 6_000 { texts += record.fields }
        let lexicon = AutoCoderNegationLexicon(codebook.negation)
        var compared = 0
        for raw in texts {
            let text = AutoCoderText(raw, negation: lexicon)
            let found = keywords.found(in: text.normalized)
            for pattern in patterns where pattern.isOpen(found) {
                let scan = pattern.regex.matches(in: text.normalized, range: NSRange(location: 0, length: text.length)).map(\.range)
                #expect(pattern.matches(in: text, found: found) == scan, "\(pattern.regex.pattern.prefix(80)) on: \(raw)")
                compared += scan.count
            }
        }
        #expect(compared > 5_000)
    }
}
