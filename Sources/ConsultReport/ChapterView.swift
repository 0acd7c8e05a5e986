/// What the chapter templates see: plain values with every number already formatted and every
/// disclosure rule already applied, so a template can neither compute nor leak a number.
///
/// One view model feeds both the Markdown and the HTML template, so the two formats carry the
/// same figures. Field names are the template's vocabulary (`{{#sections}}`, `{{title}}`...): renaming
/// one breaks analysts' templates, so add fields rather than rename them. A `Bool` or an empty array
/// is false in a `{{#...}}` section and true in `{{^...}}`.
public struct ChapterView: Sendable, Equatable {
    public var title: String
    public var consultationTitle: String
    /// True when the database holds the synthetic sample: the introduction must say so.
    public var synthetic: Bool
    /// "1500 community survey responses, 300 partner survey responses and 46 focus-group participants in 8 sessions".
    public var sampleSentence: String
    /// Rendered as "<10": the threshold below which counts are withheld.
    public var suppressedLabel: String
    public var minimumCell: Int
    public var sections: [ChapterSectionView]
    public var representativeness: RepresentativenessView?
    /// Weighted estimates beside the unweighted ones. Empty until weighting reaches the chapter;
    /// templates render the block only when it is not.
    public var weightedEstimates: [WeightedEstimateView]
    public var methods: MethodsView
    public var codebook: [CodebookThemeView]
    public var provenance: [ProvenanceRowView]

    public init(title: String, consultationTitle: String, synthetic: Bool, sampleSentence: String, minimumCell: Int,
                sections: [ChapterSectionView], representativeness: RepresentativenessView?, weightedEstimates: [WeightedEstimateView] = [],
                methods: MethodsView, codebook: [CodebookThemeView], provenance: [ProvenanceRowView]) {
        self.title = title
        self.consultationTitle = consultationTitle
        self.synthetic = synthetic
        self.sampleSentence = sampleSentence
        self.suppressedLabel = "<\(minimumCell)"
        self.minimumCell = minimumCell
        self.sections = sections
        self.representativeness = representativeness
        self.weightedEstimates = weightedEstimates
        self.methods = methods
        self.codebook = codebook
        self.provenance = provenance
    }
}

/// One strand question's section.
public struct ChapterSectionView: Sendable, Equatable {
    public var number: Int
    /// The strand question's id from consultation.yaml, usable as an HTML anchor.
    public var anchor: String
    public var title: String
    public var themeTable: TableView?
    public var chart: ChartView?
    /// Community-vs-partner differences whose 95% interval excludes 0, largest first.
    public var differences: [DifferenceView]
    /// True when differences were tested (both groups present) but none passed: the template says so.
    public var noDifferences: Bool
    public var quotes: [QuoteView]
    public var closedTables: [TableView]
}

/// A table with its header, rows and the footnote for withheld cells.
public struct TableView: Sendable, Equatable {
    public var caption: String
    public var header: [CellView]
    public var rows: [RowView]
    /// True when any cell shows the suppressed label.
    public var anySuppressed: Bool
    /// The command that prints the same numbers (for the provenance appendix and the caption).
    public var query: String
    /// "|---|---:|" for Markdown: the alignment row matches the column count.
    public var markdownRule: String
}

public struct RowView: Sendable, Equatable {
    public var cells: [CellView]
}

/// One table cell; `numeric` right-aligns it.
public struct CellView: Sendable, Equatable {
    public var text: String
    public var numeric: Bool
}

/// A chart: the Markdown links `path`, the HTML inlines `svg`.
public struct ChartView: Sendable, Equatable {
    public var path: String
    public var svg: String
    public var alt: String
}

/// One difference between two groups that passed the test, with the test behind it.
public struct DifferenceView: Sendable, Equatable {
    public var theme: String
    /// "Partners 45% (135 of 300) vs community 20% (300 of 1500)".
    public var comparison: String
    /// "25 points (95% CI 18 to 31)".
    public var difference: String
    /// "χ²(1) = 52.1, p < 0.001".
    public var test: String
    /// A warning when an expected count is below 5; nil otherwise.
    public var caution: String?
}

public struct QuoteView: Sendable, Equatable {
    public var text: String
    /// "community respondent": never finer detail than the respondent group.
    public var speaker: String
    public var theme: String
}

public struct RepresentativenessView: Sendable, Equatable {
    public var table: TableView
    public var notGiven: Int
}

/// A weighted estimate beside its unweighted one (filled once weighting reaches the chapter).
public struct WeightedEstimateView: Sendable, Equatable {
    public var label: String
    public var unweighted: String
    public var weighted: String
    public var designEffect: String
    public var effectiveSampleSize: String
}

public struct MethodsView: Sendable, Equatable {
    public var instruments: [InstrumentView]
    public var samples: [SampleGroupView]
    public var focusGroupSessions: Int
    public var files: [ImportFileView]
    public var codebookVersion: String
    public var codebookHash: String
    public var codings: Int
    public var redactions: Int
    /// Per-theme agreement between human coders; empty when there is no second coder yet.
    public var agreement: [AgreementRowView]
    public var agreementOverall: String
    public var humanCoderCount: Int
    /// The validation sample and the automatic coding's measured error; nil without a sample.
    public var validation: ValidationMethodsView?
}

/// How the theme shares were corrected for coding error (methods section).
public struct ValidationMethodsView: Sendable, Equatable {
    public var name: String
    public var size: Int
    /// "a simple random sample" or "a sample stratified by group, with proportional allocation".
    public var design: String
    public var seed: Int
    public var drawnAt: String
    public var validated: Int
    /// "the rules" or "the rules and the suggestion model".
    public var automaticCoder: String
    public var themes: [ValidationThemeView]
}

/// One theme's precision and recall of the automatic coding, measured on the validation sample.
public struct ValidationThemeView: Sendable, Equatable {
    public var theme: String
    public var precision: String
    public var recall: String
}

public struct InstrumentView: Sendable, Equatable {
    public var id: String
    public var title: String
    /// Questions, or for a focus-group protocol its prompts.
    public var questions: Int
}

public struct SampleGroupView: Sendable, Equatable {
    public var name: String
    public var respondents: Int
    public var withText: Int
    public var segments: Int
    public var consenting: Int
}

public struct ImportFileView: Sendable, Equatable {
    public var name: String
    public var survey: String
    public var accepted: Int
    public var rejected: Int
    public var hash: String
}

public struct AgreementRowView: Sendable, Equatable {
    public var theme: String
    public var units: Int
    public var agreement: String
    public var kappa: String
}

public struct CodebookThemeView: Sendable, Equatable {
    public var id: String
    public var label: String
    public var description: String
    /// True for a theme group (a parent), shown as a heading row.
    public var isGroup: Bool
}

public struct ProvenanceRowView: Sendable, Equatable {
    public var item: String
    public var value: String
}
