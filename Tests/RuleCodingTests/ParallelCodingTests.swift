import RuleCoding
import Testing

/// `AutoCoder.code(_:workers:)`, what `code auto` runs on every core: whatever the number of
/// workers (more or fewer than the texts), each text gets exactly the matches coding it alone gives,
/// in input order, and no text carries a theme twice (the primary key of `consult.coding` would
/// refuse it: one row per segment, theme and coder).
@Suite struct ParallelCodingTests {
    @Test func everyWorkerCountGivesEachTextItsOwnMatchesOnce() throws {
        let coder = AutoCoderGoldenTests.coder
        let texts = Array(try AutoCoderGoldenTests.projectTexts().prefix(400))
        let alone = texts.map { coder.code($0) }
        #expect(alone.contains { $0.count > 1 })
        for (index, matches) in alone.enumerated() {
            #expect(Set(matches.map(\.themeID)).count == matches.count, "text \(index) has a theme twice")
        }
        for workers in [1, 2, 3, 8, texts.count + 5] {
            #expect(coder.code(texts, workers: workers) == alone, "\(workers) workers")
        }
        let few = Array(texts.prefix(3))
        #expect(coder.code(few, workers: 8) == Array(alone.prefix(3)))
        #expect(coder.code([], workers: 4).isEmpty)
    }
}
