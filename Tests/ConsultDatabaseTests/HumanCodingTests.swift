import CodingQuality
import ConsultCoding
import ConsultIngest
import ConsultStore
import Foundation
import Testing

/// Human decisions on top of the rules: the final coding, re-runs of `code auto`, batch import errors,
/// memos and the review queue.
@Suite struct HumanCodingTests {
    func respondents(_ store: Store, _ theme: String) throws -> Int? {
        try store.themeCounts(by: nil, filter: SegmentFilter(), minimumCell: 1).first { $0.theme == theme }?.respondents
    }

    @Test func aHumanDecisionOverridesTheRulesAndSurvivesRecoding() throws {
        let small = try SmallConsultation()
        let store = small.store
        // T-2 wrote "never heard of it": the rules code awareness.unaware on that segment.
        let segment = try #require(try store.segments(SegmentFilter()).first { $0.text == "never heard of it" }).segment
        let ruled = try store.coderCodings(Store.ruleCoder).themes(of: segment) ?? []
        #expect(ruled.contains("awareness.unaware"))
        let before = try respondents(store, "awareness.unaware") ?? 0

        // A human says it does not apply: the final coding drops it; adds a theme the rules missed.
        _ = try store.recordDecisions([
            CodingDecision(segment: segment, theme: "awareness.unaware", coder: "alice", applied: false),
            CodingDecision(segment: segment, theme: "improvement.transparency", coder: "alice"),
        ], source: nil)
        #expect(try respondents(store, "awareness.unaware") == before - 1)
        let final = try store.coderCodings(Store.finalCoder).themes(of: segment) ?? []
        #expect(!final.contains("awareness.unaware"))
        #expect(final.contains("improvement.transparency"))
        // Counting one coder only still works: the rules still say unaware.
        #expect(try store.themeCounts(by: nil, filter: SegmentFilter(coder: "rules"), minimumCell: 1)
            .first { $0.theme == "awareness.unaware" }?.respondents == before)

        // `code auto` again replaces rule codings only.
        _ = try AutoCoding.run(store: store)
        #expect(try store.coderCodings("alice").themes(of: segment) == ["improvement.transparency"])
        #expect(try respondents(store, "awareness.unaware") == before - 1)

        // The most recent human decision wins; withdrawing it lets the rules decide again.
        _ = try store.recordDecisions([CodingDecision(segment: segment, theme: "awareness.unaware", coder: "bob")], source: nil)
        #expect(try respondents(store, "awareness.unaware") == before)
        #expect(try store.removeDecision(segment: segment, theme: "awareness.unaware", coder: "bob"))
        #expect(try store.removeDecision(segment: segment, theme: "awareness.unaware", coder: "alice"))
        #expect(try !store.removeDecision(segment: segment, theme: "awareness.unaware", coder: "alice"))
        #expect(try respondents(store, "awareness.unaware") == before)
    }

    @Test func aBatchWithAnyBadRowRecordsNothingAndNamesEveryLine() throws {
        let small = try SmallConsultation()
        let segment = try small.segmentIDs(of: "T-1")[0]
        let decisions = [
            CodingDecision(segment: segment, theme: "fairness.racial", coder: "alice", line: 2),
            CodingDecision(segment: 999_999, theme: "fairness.racial", coder: "alice", line: 3),
            CodingDecision(segment: segment, theme: "no.such", coder: "alice", line: 4),
            CodingDecision(segment: segment, theme: "fairness.racial", coder: "rules", line: 5),
            CodingDecision(segment: segment, theme: "fairness.racial", coder: "a b", line: 6),
        ]
        #expect {
            try small.store.recordDecisions(decisions, source: "batch.csv")
        } throws: { error in
            let text = "\(error)"
            return text.contains("4 problem(s)") && text.contains("batch.csv line 3: segment: no segment 999999")
                && text.contains("batch.csv line 4: theme: 'no.such'") && text.contains("batch.csv line 5: coder:")
                && text.contains("batch.csv line 6: coder:")
        }
        #expect(try small.count("SELECT count(*) AS n FROM consult.coding WHERE kind = 'human'") == 0)
    }

    @Test(arguments: [
        ("segment,theme\n1,a\n", "missing column"),
        ("segment,theme,coder,colour\n", "unknown column"),
        ("segment,theme,coder\nx,fairness.racial,alice\n", ":2: segment:"),
        ("segment,theme,coder\n1,,alice\n", ":2: theme: is empty"),
        ("segment,theme,coder,applied\n1,fairness.racial,alice,maybe\n", ":2: applied:"),
        ("segment,theme,coder\n1,fairness.racial\n", ":2: has 2 fields"),
        ("", ":1: is empty"),
    ])
    func decisionFilesAreCheckedRowByRow(content: String, expected: String) throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("decisions-\(UUID().uuidString).csv").path
        try content.write(toFile: path, atomically: true, encoding: .utf8)
        #expect { try CodingDecisionFile.read(path: path, leafThemes: []) } throws: { "\($0)".contains(expected) }
    }

    @Test func decisionFileReadsAppliedValues() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("decisions-\(UUID().uuidString).csv").path
        try "Segment,Theme,Coder,Applied\r\n1,a.b,alice,0\r\n2,a.b,bob,\r\n,,,\r\n3,a.c,alice,yes\r\n".write(toFile: path, atomically: true, encoding: .utf8)
        let decisions = try CodingDecisionFile.read(path: path, leafThemes: [])
        #expect(decisions.map(\.applied) == [false, true, true])
        #expect(decisions.map(\.line) == [2, 3, 5])
        #expect(decisions.map(\.segment) == [1, 2, 3])
    }

    @Test func memosAndTheReviewQueue() throws {
        let small = try SmallConsultation()
        let store = small.store
        let segments = try small.segmentIDs(of: "T-1")
        let memo = try store.addMemo(segment: segments[0], theme: nil, author: "alice", text: "  reads as sarcasm  ")
        _ = try store.addMemo(segment: nil, theme: "fairness.racial", author: "bob", text: "includes 'racist' without a target")
        #expect(try store.memos(segment: segments[0], theme: nil).map(\.text) == ["reads as sarcasm"])
        #expect(try store.memos(segment: nil, theme: "fairness.racial").map(\.author) == ["bob"])
        #expect(memo > 0)
        #expect(throws: StoreError.self) { try store.addMemo(segment: nil, theme: nil, author: "alice", text: "x") }
        #expect(throws: StoreError.self) { try store.addMemo(segment: segments[0], theme: nil, author: "alice", text: "   ") }
        #expect(throws: StoreError.self) { try store.addMemo(segment: nil, theme: "no.such", author: "alice", text: "x") }

        // Uncoded: segments with no final theme, minus those alice already decided.
        let uncoded = try store.codingQueue(reason: .uncoded, coder: "alice", limit: 100)
        #expect(!uncoded.isEmpty)
        _ = try store.recordDecisions([CodingDecision(segment: uncoded[0].segment, theme: "trust.low", coder: "alice", applied: false)], source: nil)
        #expect(try !store.codingQueue(reason: .uncoded, coder: "alice", limit: 100).map(\.segment).contains(uncoded[0].segment))

        // Disagreement: alice rejects a rule coding.
        let ruled = try store.codings(coder: Store.ruleCoder)[0]
        _ = try store.recordDecisions([CodingDecision(segment: ruled.segment, theme: ruled.theme, coder: "alice", applied: false)], source: nil)
        let disagreements = try store.codingQueue(reason: .disagreement, coder: nil, limit: 10)
        #expect(disagreements.contains { $0.segment == ruled.segment && $0.theme == ruled.theme && $0.detail == "alice=no, rules=yes" })
        #expect(try store.codingQueue(reason: .disagreement, coder: "carol", limit: 10).isEmpty)
    }
}

/// The suggestion model on the database: trained on reviewed segments and coded texts, stored as its
/// own coder, never counted until accepted.
@Suite struct SuggestionTests {
    /// Twelve small coded texts (synthetic), enough for five-fold cross-validation.
    static let coded: [CodedText] = [
        ("they never told us anything about it", ["awareness.not_told"]),
        ("nobody told me i was on a list", ["awareness.not_told"]),
        ("it targets black boys", ["fairness.racial"]),
        ("racist, pure and simple, black kids get flagged", ["fairness.racial"]),
        ("publish how it works", ["improvement.transparency"]),
        ("be open about the criteria and publish them", ["improvement.transparency"]),
        ("scrap it", ["improvement.abolish"]),
        ("get rid of the matrix altogether", ["improvement.abolish"]),
        ("i have never heard of it", ["awareness.unaware"]),
        ("first i have heard of this", ["awareness.unaware"]),
        ("they share the list with schools and housing", ["data.sharing"]),
        ("the council and job centre get the names too", ["data.sharing"]),
    ].enumerated().map { CodedText(id: "S\($0.offset)", text: $0.element.0, themes: Set($0.element.1), line: $0.offset + 2) }

    @Test func suggestionsAreStoredApartAndCountOnlyWhenAccepted() throws {
        let small = try SmallConsultation()
        let store = small.store
        let reviewed = try small.segmentIDs(of: "T-1")[0]
        _ = try store.recordDecisions([CodingDecision(segment: reviewed, theme: "fairness.racial", coder: "alice")], source: nil)
        let finalBefore = try store.coderCodings(Store.finalCoder)

        let summary = try Suggesting.run(store: store, extra: Self.coded)
        #expect(summary.examples == Self.coded.count + 1)
        #expect(summary.reviewedSegments == 1)
        let suggestions = try store.codings(coder: Store.modelCoder)
        #expect(suggestions.count == summary.suggestions)
        #expect(suggestions.allSatisfy { $0.kind == "model" && $0.confidence != nil && $0.rule == "model:\(summary.modelID)" })
        #expect(!suggestions.contains { $0.segment == reviewed })
        #expect(try store.coderCodings(Store.finalCoder) == finalBefore)
        #expect(try small.count("SELECT count(*) AS n FROM consult.suggestion_model") == 1)

        // Deterministic: a rerun stores the same suggestions.
        _ = try Suggesting.run(store: store, extra: Self.coded)
        #expect(try store.codings(coder: Store.modelCoder).map { [$0.segment, $0.theme, $0.confidence ?? -1] as [AnyHashable] }
                == suggestions.map { [$0.segment, $0.theme, $0.confidence ?? -1] as [AnyHashable] })

        // Accepting a suggestion is a human decision; then it counts.
        if let first = suggestions.first {
            #expect(try store.codingQueue(reason: .suggested, coder: "alice", limit: 1000).contains { $0.segment == first.segment && $0.theme == first.theme })
            _ = try store.recordDecisions([CodingDecision(segment: first.segment, theme: first.theme, coder: "alice")], source: nil)
            #expect(try store.coderCodings(Store.finalCoder).themes(of: first.segment)?.contains(first.theme) == true)
            #expect(try !store.codingQueue(reason: .suggested, coder: nil, limit: 1000).contains { $0.segment == first.segment && $0.theme == first.theme })
        }
        let union = try store.coderCodings(Store.rulesAndModelCoder)
        #expect(union.themes.values.reduce(0) { $0 + $1.count } >= (try store.coderCodings(Store.ruleCoder)).themes.values.reduce(0) { $0 + $1.count })
    }

    @Test func tooFewExamplesIsAClearError() throws {
        let small = try SmallConsultation()
        #expect(throws: (any Error).self) { try Suggesting.run(store: small.store, extra: Array(Self.coded.prefix(2))) }
    }
}
