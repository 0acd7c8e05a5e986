import ConsultCoding
import ConsultReport
import ConsultStore
import ConsultationModel
import Foundation
import Testing

/// The summary's theme groups come from the codebook (`theme_groups:`), not from the code: this
/// review's summary of the synthetic sample is byte for byte what it was when the groups were this
/// review's theme-id prefixes written into consult (text, Markdown and JSON recorded then, in
/// `Tests/Fixtures/summary/`).
@Suite struct SummaryGroupsTests {
    @Test func theReviewsSummaryIsUnchanged() throws {
        let store = try TestDatabase.store()
        _ = try PipelineTests().importSample(into: store)
        _ = try AutoCoding.run(store: store)
        let summary = try PerceptionSummary.gather(from: store, minimumCell: 10)
        let fixtures = ProjectPaths.root.appendingPathComponent("Tests/Fixtures/summary")
        func recorded(_ name: String) throws -> String {
            try String(contentsOf: fixtures.appendingPathComponent(name), encoding: .utf8)
        }
        #expect(summary.render(markdown: false) == (try recorded("review-summary.txt")))
        #expect(summary.render(markdown: true) == (try recorded("review-summary.md")))
        #expect(try JSONForTest.encode(summary) == (try recorded("review-summary.json")))
    }

    /// The groups are kept with the loaded codebook (migration 0012); a codebook loaded before they
    /// were kept gets them when its file is loaded again, codings untouched.
    @Test func loadingKeepsTheGroupsAndLoadingAgainRestoresThem() throws {
        let small = try SmallConsultation()
        let consultation = try ConsultationLoader.load(directory: ProjectPaths.surveys)
        #expect(try small.store.currentThemeGroups() == consultation.codebook.themeGroups)
        #expect(try small.store.currentThemeGroups().map(\.id) == ["awareness", "understanding", "sources"])
        let codings = try small.store.codings(coder: Store.ruleCoder)
        try small.store.db.query("UPDATE consult.codebook SET theme_groups = '[]'")
        #expect(try small.store.currentThemeGroups().isEmpty)
        _ = try small.store.load(consultation)
        #expect(try small.store.currentThemeGroups() == consultation.codebook.themeGroups)
        #expect(try small.store.codings(coder: Store.ruleCoder) == codings)
    }
}
