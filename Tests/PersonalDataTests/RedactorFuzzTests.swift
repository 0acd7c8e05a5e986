@testable import PersonalData
import Statistics
import Testing

/// Seeded random texts built from fragments of every format: whatever the input, findings are
/// ordered, disjoint and on scalar boundaries, and the output equals the input with exactly
/// those spans replaced. When fragments are separated as words are, redacting the output finds
/// nothing more. (Glued garbage such as "@jo’snap:x" can change meaning once a part is replaced,
/// so idempotence is only promised for text made of separate tokens.)
@Suite struct RedactorFuzzTests {
    static let fragments = [
        "my", "name", "is", "Jo", "jo", "son", "Mr", "PC", "Thanks", ",", ".", " ", " ", " ", "\n", "-", "—",
        "@", "@kai_1", "a@b.co", "www.", "http://", ".com", "/", "07700", "900123", "+44", "(0)", "020", "0",
        "SW1A", "1AA", "E8", "N17", "AB12", "CDE", "AB", "12", "34", "56", "C", "401", "023", "2137", "Matrix",
        "Zoë", "é", "\u{301}", "😀", "🙏🏾", "’", "'s", "snap:", "insta", "is", "the", "Met", "(", ")", "£",
        "call", "me", "called", "Hi", "I'm", "x", "3,806", "24/7", "ë", "محمد", "\u{200D}", "\r\n",
    ]

    static let separators = [" ", " ", " ", ", ", ". ", "\n", " (", ") "]

    @Test(arguments: [(0, false), (1, false), (2, false), (3, false), (4, true), (5, true), (6, true), (7, true)])
    func invariantsHold(seed: Int, separated: Bool) {
        var generator = SplitMix64(seed: UInt64(seed))
        let redactor = Redactor()
        for _ in 0..<400 {
            let count = Int.random(in: 0...24, using: &generator)
            var text = ""
            for _ in 0..<count {
                text += Self.fragments.randomElement(using: &generator) ?? ""
                if separated { text += Self.separators.randomElement(using: &generator) ?? " " }
            }
            let findings = redactor.findings(in: text)
            var rebuilt = ""
            var cursor = text.startIndex
            for finding in findings {
                #expect(finding.range.lowerBound >= cursor, "overlap in \(text.debugDescription)")
                guard finding.range.lowerBound >= cursor else { break }
                #expect(finding.range.lowerBound < finding.range.upperBound)
                #expect(finding.range.lowerBound.samePosition(in: text.unicodeScalars) != nil)
                #expect(finding.range.upperBound.samePosition(in: text.unicodeScalars) != nil)
                rebuilt += text[cursor..<finding.range.lowerBound] + finding.kind.placeholder
                cursor = finding.range.upperBound
            }
            rebuilt += text[cursor...]
            let result = redactor.redact(text)
            #expect(result.text == rebuilt, "\(text.debugDescription)")
            #expect(result.total == findings.count)
            guard separated else { continue }
            #expect(redactor.redact(result.text).total == 0, "not idempotent: \(text.debugDescription) -> \(result.text.debugDescription)")
        }
    }
}
