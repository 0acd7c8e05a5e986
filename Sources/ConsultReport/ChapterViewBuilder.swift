import ConsultStore

extension ChapterView {
    /// The view model for `data`: the only place the chapter's numbers are formatted and its
    /// disclosure rules applied. Pure: the same data give the same view.
    public static func build(_ data: ChapterData) -> ChapterView {
        let groups = ChapterGroups.ordered(Set(data.sample.groups.map(\.group)))
        let sections = data.overview.questions.enumerated().map { index, question in
            let themeSection = ThemeSection(
                themes: ThemeSection.themes(for: question, counts: data.themeCounts, parents: data.themeParents),
                labels: data.themeLabels, counts: data.themeCounts, sessionCounts: data.sessionCounts,
                sessions: data.sample.focusGroupSessions, groups: groups, minimumCell: data.minimumCell,
                estimates: Dictionary((data.validation?.byGroup ?? []).map { ("\($0.theme)|\($0.group ?? "")", $0) }, uniquingKeysWith: { a, _ in a }))
            let differences = themeSection.differences()
            let quotes = QuoteSelection.pick(themes: question.quotes, candidates: data.quotes, groupOrder: ChapterGroups.order)
            return ChapterSectionView(
                number: index + 1, anchor: question.id, title: question.text,
                themeTable: themeSection.table(), chart: themeSection.chart(number: index + 1, title: question.text),
                differences: differences ?? [], noDifferences: differences?.isEmpty == true,
                quotes: quotes.map { quote in
                    QuoteView(text: QuoteTrim.trim(quote.text), speaker: ChapterGroups.speakers[quote.group] ?? "\(quote.group) respondent",
                              theme: data.themeLabels[quote.theme] ?? quote.theme)
                },
                closedTables: question.closed.compactMap { data.closed[$0].flatMap { ClosedTable.view($0, minimumCell: data.minimumCell) } })
        }
        let representativeness = RepresentativenessTable.view(
            ethnicity: data.ethnicity, notGiven: data.ethnicityNotGiven, population: data.overview.population, minimumCell: data.minimumCell)
        return ChapterView(
            title: "Perceptions of the Gangs Matrix: what the consultation heard", consultationTitle: data.overview.title,
            synthetic: data.synthetic, sampleSentence: sampleSentence(data, groups: groups), minimumCell: data.minimumCell,
            sections: sections, representativeness: representativeness, weightedEstimates: weightedEstimates(data),
            methods: ChapterMethods.view(data),
            codebook: ChapterMethods.codebook(data.codebook),
            provenance: ChapterProvenance.rows(data, sections: sections, representativeness: representativeness))
    }

    /// One row per published option of each weighted survey: unweighted and weighted percentages with
    /// the weighted 95% interval, the design effect and the effective sample size.
    private static func weightedEstimates(_ data: ChapterData) -> [WeightedEstimateView] {
        data.weighted.flatMap { estimates in
            estimates.cells.compactMap { cell -> WeightedEstimateView? in
                guard !cell.suppressed, let share = cell.share.share, cell.share.answered > 0 else { return nil }
                return WeightedEstimateView(
                    label: "\(cell.question.wording) \(cell.option.label)",
                    unweighted: ChapterNumbers.percent(Double(cell.share.count) * 100 / Double(cell.share.answered)),
                    weighted: "\(ChapterNumbers.percent(share.estimate * 100)) (\(ChapterNumbers.interval(share.lower * 100, share.upper * 100)))",
                    designEffect: ChapterNumbers.decimal(estimates.weights.designEffect),
                    effectiveSampleSize: ChapterNumbers.decimal(share.effectiveSampleSize, places: 0))
            }
        }
    }

    private static func sampleSentence(_ data: ChapterData, groups: [String]) -> String {
        let parts = groups.compactMap { group -> String? in
            guard let g = data.sample.groups.first(where: { $0.group == group }) else { return nil }
            switch group {
            case "focus_group": return "\(g.respondents) focus-group participants in \(data.sample.focusGroupSessions) sessions"
            case "partner": return "\(g.respondents) partner survey responses"
            case "community": return "\(g.respondents) community survey responses"
            default: return "\(g.respondents) \(group) respondents"
            }
        }
        switch parts.count {
        case 0: return "no responses yet"
        case 1: return parts[0]
        default: return parts.dropLast().joined(separator: ", ") + " and " + parts[parts.count - 1]
        }
    }
}
