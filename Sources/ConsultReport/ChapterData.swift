import CodingQuality
import ConsultStore
import ConsultationModel
import PopulationWeighting
import Statistics

/// Everything the perception chapter shows, read from the database in one place so that rendering is
/// a pure function of it (and tested without a database).
public struct ChapterData: Sendable {
    /// A closed question's results for the chapter.
    public struct ClosedResult: Sendable {
        public var survey: String
        public var question: Question
        public var counts: [OptionCount]
    }

    public var overview: ConsultationOverview
    public var codebook: Codebook
    public var instruments: [Instrument]
    public var themeCounts: [ThemeCount]
    public var closed: [String: ClosedResult]
    /// Quote candidates by theme: up to two per respondent group, in group order, then the store's order.
    public var quotes: [String: [Quote]]
    /// Focus-group sessions that raised each theme; `sample.focusGroupSessions` is the whole.
    public var sessionCounts: [String: Int]
    /// Human coders under the current codebook, and their agreement when there are at least two.
    public var humanCoders: Int
    public var agreement: CoderAgreementReport?
    public var sample: SampleDescription
    public var batches: [ImportBatch]
    /// Respondents who gave an ethnic group, by ONS group (`ethnicity_group`), for comparison with the census.
    public var ethnicity: [(value: String, respondents: Int)]
    /// Respondents with no ethnic group: not asked (partners, focus groups), skipped, or preferred not to say.
    public var ethnicityNotGiven: Int
    /// The strand's closed questions weighted to the population (Census ethnic groups), for each
    /// survey whose respondents can be placed on that margin.
    public var weighted: [WeightedEstimates]
    public var minimumCell: Int
    public var synthetic: Bool
    public var themeLabels: [String: String]
    public var themeParents: [String: String]
    /// The validation sample's corrected shares; nil without a sample (the chapter then says the shares
    /// carry unmeasured coding error).
    public var validation: ChapterValidation? = nil

    /// Reads the chapter's data; `minimumCell` is the disclosure threshold (respondents).
    public static func gather(from store: Store, minimumCell: Int) throws -> ChapterData {
        let overview = try store.consultationOverview()
        let codebook = try store.currentCodebook()
        let sample = try store.sampleDescription()
        let groups = ChapterGroups.ordered(Set(sample.groups.map(\.group)))
        let counts = try store.themeCounts(by: "group", filter: SegmentFilter(), minimumCell: minimumCell)
        var closed: [String: ClosedResult] = [:]
        var quotes: [String: [Quote]] = [:]
        for section in overview.questions {
            for reference in section.closed {
                let parts = reference.split(separator: ".").map(String.init)
                guard parts.count == 2, let question = try store.instrument(parts[0]).question(parts[1]) else { continue }
                closed[reference] = ClosedResult(survey: parts[0], question: question,
                                                 counts: try store.optionCounts(survey: parts[0], question: parts[1], by: "group"))
            }

        }
        let quoteThemes = Array(Set(overview.questions.flatMap(\.quotes))).sorted()
        let candidates = try store.quotes(themes: quoteThemes, limit: 2, perGroup: true)
        for theme in quoteThemes {
            quotes[theme] = groups.flatMap { group in candidates.filter { $0.theme == theme && $0.group == group } }
        }
        let byEthnicity = try store.respondentCounts(by: "ethnicity_group", survey: nil)
        let ethnicity = byEthnicity.filter { $0.value != "(no answer)" }
        let ethnicityNotGiven = byEthnicity.first { $0.value == "(no answer)" }?.respondents ?? 0
        var weighted: [WeightedEstimates] = []
        let margins = PopulationMargins.ethnicGroups(overview.population)
        let closedBySurvey = Dictionary(grouping: closed.values, by: \.survey)
        for survey in closedBySurvey.keys.sorted() where !margins.totals.isEmpty {
            do {
                weighted.append(try WeightedEstimates.gather(from: store, survey: survey, questionIDs: closedBySurvey[survey]?.map(\.question.id),
                                                             margins: margins, minimumCell: minimumCell))
            } catch is StatisticsError {
                // No respondent of this survey gave a value the margins know (partners are not asked
                // their ethnic group): the survey is not weighted, and the chapter says which was.
            }
        }
        let coders = try store.humanCoders()
        var agreement: CoderAgreementReport? = nil
        if coders.count >= 2 {
            do {
                agreement = try CoderAgreementReport.compute(try coders.map(store.coderCodings), themeIDs: try store.currentThemeIDs())
            } catch StatisticsError.empty {
                // Two human coders who have not yet coded a segment in common: agreement is not measured
                // yet, and the chapter says so (it used to fail here instead).
            }
        }
        return ChapterData(
            overview: overview, codebook: codebook, instruments: try store.instrumentIDs().map(store.instrument),
            themeCounts: counts, closed: closed, quotes: quotes, sessionCounts: try store.themeSessionCounts(),
            humanCoders: coders.count, agreement: agreement,
            sample: sample, batches: try store.batches(), ethnicity: ethnicity, ethnicityNotGiven: ethnicityNotGiven,
            weighted: weighted, minimumCell: minimumCell, synthetic: try store.holdsSyntheticSample(),
            themeLabels: Dictionary(uniqueKeysWithValues: codebook.themes.map { ($0.id, $0.label) }),
            themeParents: Dictionary(uniqueKeysWithValues: codebook.themes.compactMap { t in t.parent.map { (t.id, $0) } }),
            validation: try ChapterValidation.gather(from: store, counts: counts, minimumCell: minimumCell))
    }
}
