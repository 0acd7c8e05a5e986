import CodebookFixtures
import Testing

/// Offsets are Unicode scalars into the text as given (PostgreSQL substr() on UTF8, REFI-QDA),
/// whatever stands before the match: emoji with modifiers, flags, curly quotes, accents
/// (precomposed and combining).
@Suite struct AutoCoderSpanTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var prefix: String
        var evidence: String
        var suffix: String
        var testDescription: String { prefix + "|" + evidence + "|" + suffix }
    }

    static let cases: [Case] = [
        Case(prefix: "", evidence: "racist", suffix: ""),
        Case(prefix: "José said ", evidence: "racist", suffix: " tbh"),
        Case(prefix: "Zoe\u{0308} (combining) says it’s ", evidence: "racist", suffix: "."),
        Case(prefix: "👍🏽👍🏽 🇬🇧 “honestly” ", evidence: "racist", suffix: " 😡"),
        Case(prefix: "Ça c’est très ", evidence: "racist", suffix: " — innit"),
        Case(prefix: "𝒜 math letter and 🧑‍🤝‍🧑 then ", evidence: "racist", suffix: "!!"),
        Case(prefix: "Line one\r\nLine two ", evidence: "racist", suffix: "\n"),
    ]

    @Test(arguments: cases)
    func spanCountsScalars(_ testCase: Case) throws {
        let coder = try RuleLanguageTests.coder("      - id: r\n        any: [racist]")
        let text = testCase.prefix + testCase.evidence + testCase.suffix
        let match = try #require(coder.code(text).first { $0.themeID == "fairness.racial" })
        let start = testCase.prefix.unicodeScalars.count
        #expect(match.start == start)
        #expect(match.end == start + testCase.evidence.unicodeScalars.count)
        #expect(match.matched == testCase.evidence)
        let scalars = Array(text.unicodeScalars)
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars[match.start..<match.end])
        #expect(String(view) == match.matched)
    }

    @Test func evidenceKeepsTheWritersTypography() throws {
        let coder = try RuleLanguageTests.coder("      - id: r\n        any: [\"it'?s racist\"]")
        let text = "👀 Zoë: “it’s racist”"
        let match = try #require(coder.code(text).first)
        #expect(match.matched == "it’s racist")
        #expect(match.start == 8)
        #expect(match.end == 19)
    }

    @Test func shippedCoderSpansAreSlicesOfTheText() throws {
        let coder = try CodebookFixtures.coder.get()
        let text = "🇬🇧🇬🇧 Zoë’s cousin 👨🏾‍🦱 got put on it cos he was in a drill video, and the feds raided her mum’s flat. It’s racist."
        let scalars = Array(text.unicodeScalars)
        let matches = coder.code(text)
        #expect(matches.count >= 3)
        for match in matches {
            var view = String.UnicodeScalarView()
            view.append(contentsOf: scalars[match.start..<match.end])
            #expect(String(view) == match.matched, "\(match.themeID)")
        }
    }
}
