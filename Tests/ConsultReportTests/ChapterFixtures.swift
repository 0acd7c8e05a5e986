@testable import ConsultReport
import Foundation
import TestSupport

/// A hand-built view model and the project's templates, for rendering tests without a database.
enum ChapterFixtures {
    static let templatesDirectory = ProjectRoot.path("surveys/templates")

    static func cell(_ text: String, numeric: Bool = true) -> CellView { CellView(text: text, numeric: numeric) }

    static let themeTable = TableView(
        caption: "What people raised", header: [cell("Theme", numeric: false), cell("Community (n=1500)"), cell("Partners (n=300)")],
        rows: [RowView(cells: [cell("Aware of the Matrix", numeric: false), cell("43% (641)"), cell("71% (213)")]),
               RowView(cells: [cell("Criteria unclear", numeric: false), cell("3% (52)"), cell("<10")])],
        anySuppressed: true, query: "consult themes --by group", markdownRule: "|---|---:|---:|")

    static func view(synthetic: Bool = true, quote: String = "Nobody told us what it was for.",
                     differences: [DifferenceView]? = nil, agreement: [AgreementRowView] = [],
                     weighted: [WeightedEstimateView] = []) -> ChapterView {
        let section = ChapterSectionView(
            number: 1, anchor: "shared_understood", title: "How has information been shared?", themeTable: themeTable,
            chart: ChartView(path: "charts/themes-1.svg",
                             svg: ThemeChart.svg(title: "How has information been shared?", groups: ["Community", "Partners"],
                                                 rows: [ThemeChart.Row(label: "Criteria unclear", values: [3.5, nil])], suppressedLabel: "<10"),
                             alt: "Bar chart"),
            differences: differences ?? [DifferenceView(theme: "Aware of the Matrix", comparison: "Partners 71% (213 of 300) vs community 43% (641 of 1500)",
                                                        difference: "+28 points (95% CI +22 to +34)", test: "χ²(1) = 80.1, p < 0.001", caution: nil)],
            noDifferences: differences?.isEmpty == true,
            quotes: [QuoteView(text: quote, speaker: "community respondent", theme: "Criteria unclear")],
            closedTables: [])
        let methods = MethodsView(
            instruments: [InstrumentView(id: "community", title: "Community survey", questions: 14)],
            samples: [SampleGroupView(name: "Community", respondents: 1500, withText: 1400, segments: 4959, consenting: 916)],
            focusGroupSessions: 8, files: [ImportFileView(name: "community-responses.csv", survey: "community", accepted: 1500, rejected: 0, hash: "876af190296f")],
            codebookVersion: "2018.1", codebookHash: "87ff7df92be0", codings: 6181, redactions: 131,
            agreement: agreement, agreementOverall: agreement.isEmpty ? "" : "kappa 0.71, Krippendorff's alpha 0.70", humanCoderCount: agreement.isEmpty ? 0 : 2)
        return ChapterView(
            title: "Perceptions of the Gangs Matrix", consultationTitle: "Gangs Matrix review", synthetic: synthetic,
            sampleSentence: "1500 community survey responses", minimumCell: 10, sections: [section],
            representativeness: nil, weightedEstimates: weighted, methods: methods,
            codebook: [CodebookThemeView(id: "awareness", label: "Awareness", description: "Whether the writer knows.", isGroup: true),
                       CodebookThemeView(id: "awareness.not_told", label: "Not told", description: "People are not told.", isGroup: false)],
            provenance: [ProvenanceRowView(item: "Codebook version", value: "2018.1"),
                         ProvenanceRowView(item: "Section 1: themes by group", value: "consult themes --by group")])
    }

    static func templates() throws -> ChapterTemplates { try ChapterTemplates.load(directory: templatesDirectory) }
}
