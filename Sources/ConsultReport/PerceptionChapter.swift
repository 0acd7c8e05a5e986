import ConsultCore
import ConsultStore
import Foundation
import Statistics

/// Renders the perception chapter (Markdown) from `ChapterData`.
///
/// Contract: the output depends only on the data (no clock, no randomness), so the same database gives
/// the same chapter byte for byte; every number can be traced to `consult themes --by group` or a
/// closed question; only consented, redacted quotes appear; small cells are suppressed.
public enum PerceptionChapter {
    public static let fileName = "perceptions-chapter.md"

    /// An SVG chart the chapter links to; `path` is relative to the chapter's directory.
    public struct Chart: Sendable, Equatable {
        public var path: String
        public var svg: String
    }

    /// The chapter and the charts it links to.
    public struct Rendered: Sendable, Equatable {
        public var markdown: String
        public var charts: [Chart]
    }

    static let groupOrder = ["community", "partner", "focus_group"]
    static let groupNames = ["community": "Community", "partner": "Partners", "focus_group": "Focus groups"]
    /// How one member of a group is named under a quote.
    static let speakerNames = ["community": "community respondent", "partner": "partner respondent", "focus_group": "focus-group participant"]

    public static func render(_ data: ChapterData) -> Rendered {
        var out: [String] = []
        var charts: [Chart] = []
        out.append("# Perceptions of the Gangs Matrix: what the consultation heard")
        out.append("")
        if data.synthetic {
            out.append("> **Synthetic data.** This chapter was produced from the synthetic sample data that ships with consult. It shows the form of the chapter; none of its numbers or quotes describe real people.")
            out.append("")
        }
        out.append("This chapter reports the perceptions strand of the *\(data.overview.title)*: what community members, partner professionals and focus-group participants said about how information on the Metropolitan Police Service Gangs Matrix has been shared and understood. \(overviewSentence(data))")
        out.append("")
        for (index, section) in data.overview.questions.enumerated() {
            out.append("## \(index + 1). \(section.text)")
            out.append("")
            for reference in section.closed {
                if let result = data.closed[reference] { out += closedTable(result, minimumCell: data.minimumCell) }
            }
            out += themeTable(section, data)
            if let chart = themeChart(section, data, number: index + 1) {
                charts.append(chart)
                out += ["![What people raised, by group](\(chart.path))", ""]
            }
            out += quotes(section, data)
        }
        out += whoResponded(data)
        out += methods(data)
        return Rendered(markdown: out.joined(separator: "\n") + "\n", charts: charts)
    }

    private static func themeChart(_ section: Consultation.StrandQuestion, _ data: ChapterData, number: Int) -> Chart? {
        let themes = sectionThemes(section, data)
        guard !themes.isEmpty else { return nil }
        let groups = groupsPresent(data)
        let rows = themes.map { theme in
            ThemeChart.Row(label: data.themeLabels[theme] ?? theme, values: groups.map { g in
                cell(theme, g, data).flatMap { $0.suppressed ? nil : $0.percent }
            })
        }
        let svg = ThemeChart.svg(title: section.text, groups: groups.map { groupNames[$0] ?? $0 }, rows: rows)
        return Chart(path: "charts/themes-\(number).svg", svg: svg)
    }

    /// The count of `theme` in respondent group `group` (the table and the chart read the same cells).
    private static func cell(_ theme: String, _ group: String, _ data: ChapterData) -> ThemeCount? {
        data.themeCounts.first { $0.theme == theme && $0.group == group }
    }

    private static func groupsPresent(_ data: ChapterData) -> [String] {
        let present = Set(data.sample.groups.map(\.group))
        return groupOrder.filter(present.contains) + present.subtracting(groupOrder).sorted()
    }

    private static func overviewSentence(_ data: ChapterData) -> String {
        let parts = groupsPresent(data).compactMap { group -> String? in
            guard let g = data.sample.groups.first(where: { $0.group == group }) else { return nil }
            switch group {
            case "focus_group": return "\(g.respondents) focus-group participants in \(data.sample.focusGroupSessions) sessions"
            case "partner": return "\(g.respondents) partner survey responses"
            case "community": return "\(g.respondents) community survey responses"
            default: return "\(g.respondents) \(group) respondents"
            }
        }
        return "It draws on " + listSentence(parts) + "."
    }

    /// Leaf themes under the section's theme references, in codebook order.
    private static func sectionThemes(_ section: Consultation.StrandQuestion, _ data: ChapterData) -> [String] {
        var seen = Set<String>()
        return data.themeCounts.map(\.theme).filter { theme in
            guard !seen.contains(theme) else { return false }
            let inSection = section.themes.contains(theme) || section.themes.contains(data.themeParents[theme] ?? "")
            if inSection { seen.insert(theme) }
            return inSection
        }
    }

    private static func themeTable(_ section: Consultation.StrandQuestion, _ data: ChapterData) -> [String] {
        let themes = sectionThemes(section, data)
        guard !themes.isEmpty else { return [] }
        let groups = groupsPresent(data)
        var out = ["**What people raised** (share of respondents in each group whose answers were coded with the theme; n in brackets)", ""]
        out.append("| Theme | " + groups.map { g in
            let base = data.themeCounts.first { $0.group == g }?.base ?? 0
            return "\(groupNames[g] ?? g) (n=\(base))"
        }.joined(separator: " | ") + " |")
        out.append("|---|" + groups.map { _ in "---:|" }.joined())
        var anySuppressed = false
        for theme in themes {
            let cells = groups.map { g -> String in
                guard let c = cell(theme, g, data) else { return "" }
                if c.suppressed { anySuppressed = true; return "*" }
                return String(format: "%.0f%% (%d)", c.percent ?? 0, c.respondents ?? 0)
            }
            out.append("| \(data.themeLabels[theme] ?? theme) | " + cells.joined(separator: " | ") + " |")
        }
        out.append("")
        if anySuppressed { out += ["\\* fewer than \(data.minimumCell) respondents: suppressed.", ""] }
        return out
    }

    private static func closedTable(_ result: ChapterData.ClosedResult, minimumCell: Int) -> [String] {
        guard let answered = result.counts.first?.answered, answered > 0 else { return [] }
        let shares = OptionShare.compute(result.counts, minimumCell: minimumCell)
        var out = ["**\(result.question.wording)** (\(result.survey) survey, \(answered) answering\(result.question.type == .multi ? "; more than one answer allowed" : ""))", ""]
        out += ["| Answer | n | % | 95% CI |", "|---|---:|---:|---:|"]
        for share in shares {
            let label = result.question.options.first { $0.value == share.count.option }?.label ?? share.count.option
            if let percent = share.percent, let low = share.ciLow, let high = share.ciHigh {
                out.append("| \(label) | \(share.count.count) | " + String(format: "%.0f%% | %.0f–%.0f%% |", percent, low, high))
            } else {
                out.append("| \(label) | * | * | |")
            }
        }
        out.append("")
        if shares.contains(where: \.suppressed) { out += ["\\* suppressed: fewer than \(minimumCell) respondents, or would reveal such a cell.", ""] }
        return out
    }

    private static func quotes(_ section: Consultation.StrandQuestion, _ data: ChapterData) -> [String] {
        var out: [String] = []
        var used = Set<Int>()
        for theme in section.quotes {
            guard let quote = data.quotes[theme]?.first(where: { !used.contains($0.segment) }) else { continue }
            used.insert(quote.segment)
            if out.isEmpty { out += ["**In their words** (respondents who agreed to be quoted; personal details removed)", ""] }
            let text = quote.text.replacingOccurrences(of: "\n", with: " ")
            out.append("> \(text)")
            out.append(">")
            out.append("> — \(speakerNames[quote.group] ?? "\(quote.group) respondent"), on *\(data.themeLabels[theme] ?? theme)*")
            out.append("")
        }
        return out
    }

    private static func whoResponded(_ data: ChapterData) -> [String] {
        guard !data.ethnicity.isEmpty else { return [] }
        var population: [String: Int] = [:]
        for p in data.overview.population { population[p.group, default: 0] += p.residents }
        let populationTotal = population.values.reduce(0, +)
        let counts = data.ethnicity.map(\.respondents)
        let total = counts.reduce(0, +)
        let hide = DisclosureControl.suppressed(counts, minimum: data.minimumCell, additive: true)
        var out = ["## Who responded", "",
                   "Respondents who gave their ethnic group, by ONS group, beside London's population (Census 2011, table KS201EW). The review asks whether the Matrix affects ethnic groups disproportionately, so whose views are heard matters as much as what they said.", "",
                   "| Ethnic group | Respondents | % of respondents | % of London residents |", "|---|---:|---:|---:|"]
        for (i, row) in data.ethnicity.enumerated() {
            let residents = population[row.value].map { populationTotal > 0 ? String(format: "%.1f%%", Double($0) * 100 / Double(populationTotal)) : "" } ?? "–"
            let name = row.value == "prefer_not_to_say" ? "Prefer not to say" : row.value
            if hide[i] {
                out.append("| \(name) | * | * | \(residents) |")
            } else {
                out.append("| \(name) | \(row.respondents) | " + String(format: "%.1f%%", Double(row.respondents) * 100 / Double(max(total, 1))) + " | \(residents) |")
            }
        }
        out.append("")
        out.append("\(data.ethnicityNotGiven) further respondents gave no ethnic group (partners and focus-group participants were not asked; some community respondents skipped the question or preferred not to say).")
        out.append("")
        return out
    }

    private static func methods(_ data: ChapterData) -> [String] {
        var out = ["## Methods", ""]
        let groups = groupsPresent(data).compactMap { name in data.sample.groups.first { $0.group == name } }
        out.append("**Sources.** " + groups.map { g in
            "\(groupNames[g.group] ?? g.group): \(g.respondents) respondents, \(g.withText) with free text, \(g.segments) coded text segments, \(g.consenting) agreed to be quoted"
        }.joined(separator: "; ") + ". Focus-group sessions: \(data.sample.focusGroupSessions). Each focus-group participant is one respondent; each of their turns is a segment.")
        out.append("")
        out.append("**Imported files.** " + data.batches.map { b in
            "`\(b.sourceName)` (\(b.instrument), \(b.rowsAccepted) accepted, \(b.rowsDuplicate) duplicates skipped, \(b.rowsRejected) rejected, SHA-256 \(b.sha256.prefix(12)))"
        }.joined(separator: "; ") + ".")
        out.append("")
        out.append("**Coding.** Free text was coded automatically with the rules of codebook version \(data.sample.codebookVersion) (SHA-256 \(data.sample.codebookSHA256.prefix(12))): \(data.sample.codings) codings. Rules match phrases and their variants, skip negated statements, and record the rule and the text span behind every coding, so each count can be traced to the words that produced it. Rules miss paraphrase and misread some sarcasm; the counts are indicative until checked against independent human coding.")
        out.append("")
        out.append("**Percentages.** The base of each percentage is every respondent in the group, whether or not they wrote free text; a respondent counts once per theme however often they raised it, and may raise several themes, so columns do not sum to 100%. Intervals for closed questions are 95% Wilson score intervals.")
        out.append("")
        out.append("**Disclosure control and data protection.** Cells with fewer than \(data.minimumCell) respondents are suppressed, with a second cell where a total would reveal the first. Free text was redacted at import (\(data.sample.redactions) items such as names, phone numbers, emails and postcodes replaced by placeholders like [NAME]); respondents are identified only by keyed pseudonyms; quotes come only from respondents who agreed to be quoted.")
        out.append("")
        out.append("**Reproducing this chapter.** `consult chapter --out DIR` on the same database writes the same file.")
        return out
    }

    private static func listSentence(_ parts: [String]) -> String {
        switch parts.count {
        case 0: return "no responses yet"
        case 1: return parts[0]
        default: return parts.dropLast().joined(separator: ", ") + " and " + parts[parts.count - 1]
        }
    }
}
