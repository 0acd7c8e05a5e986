@testable import ConsultReport
@testable import ConsultStore
import Testing

/// Quotes: a sentence or two, spread across groups, the same every time.
@Suite struct QuoteTests {
    @Test(arguments: [
        ("Short one.", "Short one."),
        ("First point. Second point. Third point.", "First point. Second point."),
        ("  Spaces   and\nnewlines collapse.  Next.", "Spaces and newlines collapse. Next."),
        ("No full stop at all", "No full stop at all"),
        ("Is it? Yes! And more.", "Is it? Yes!"),
        ("e.g. this stays whole. Then this.", "e.g. this stays whole. Then this."),
    ])
    func trimsToASentenceOrTwo(_ text: String, _ expected: String) {
        #expect(QuoteTrim.trim(text) == expected)
    }

    @Test func aLongFirstSentenceIsCutAtAWord() {
        let text = String(repeating: "word ", count: 100) + "end."
        let trimmed = QuoteTrim.trim(text, maxCharacters: 40)
        #expect(trimmed.count <= 40)
        #expect(trimmed.hasSuffix("word…"))
    }

    @Test func aSecondSentenceIsDroppedWhenItWouldBeTooLong() {
        #expect(QuoteTrim.trim("Short. " + String(repeating: "X", count: 300) + ".", maxCharacters: 100) == "Short.")
    }

    func quote(_ segment: Int, _ theme: String, _ group: String) -> Quote {
        Quote(segment: segment, theme: theme, survey: group, group: group, question: "q", text: "text \(segment)")
    }

    @Test func selectionSpreadsAcrossGroups() {
        let candidates = [
            "a": [quote(1, "a", "community"), quote(2, "a", "partner")],
            "b": [quote(3, "b", "community"), quote(4, "b", "partner")],
            "c": [quote(5, "c", "community"), quote(6, "c", "focus_group")],
            "d": [quote(7, "d", "community")],
        ]
        let picked = QuoteSelection.pick(themes: ["a", "b", "c", "d"], candidates: candidates, groupOrder: ChapterGroups.order)
        #expect(picked.map(\.segment) == [1, 4, 6, 7])
        #expect(QuoteSelection.pick(themes: ["a", "b", "c", "d"], candidates: candidates, groupOrder: ChapterGroups.order) == picked)
    }

    @Test func aSegmentIsQuotedOnce() {
        let shared = quote(1, "a", "community")
        let picked = QuoteSelection.pick(themes: ["a", "b"], candidates: ["a": [shared], "b": [shared]], groupOrder: ChapterGroups.order)
        #expect(picked.map(\.segment) == [1])
    }
}
