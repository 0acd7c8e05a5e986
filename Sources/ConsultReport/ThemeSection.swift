import ConsultStore
import ConsultationModel
import Foundation
import Statistics

/// Builds the theme part of one strand-question section: the prevalence table, its chart, and the
/// community-vs-partner differences that pass the test.
///
/// Survey groups count respondents (share of everyone in the group); focus groups count sessions
/// ("3 of 8"), because turns in a discussion are not independent answers. Suppressed cells show the
/// suppressed label in the table and the chart and are left out of every difference. With a validation
/// sample (`estimates`), survey groups show the share corrected for coding error with its interval, the
/// coded count beside it, the chart draws the corrected share, and differences compare corrected shares.
struct ThemeSection {
    var themes: [String]
    var labels: [String: String]
    var counts: [ThemeCount]
    var sessionCounts: [String: Int]
    var sessions: Int
    var groups: [String]
    var minimumCell: Int
    /// Validated estimates by "theme|group"; empty without a validation sample.
    var estimates: [String: ThemeEstimate] = [:]

    private func estimate(_ theme: String, _ group: String) -> ThemeEstimate? {
        estimates["\(theme)|\(group)"].flatMap { $0.estimate == nil ? nil : $0 }
    }

    /// Leaf themes under the section's references, in the order of `counts` (codebook order).
    static func themes(for section: Consultation.StrandQuestion, counts: [ThemeCount], parents: [String: String]) -> [String] {
        var seen = Set<String>()
        return counts.map(\.theme).filter { theme in
            guard !seen.contains(theme), section.themes.contains(theme) || section.themes.contains(parents[theme] ?? "") else { return false }
            seen.insert(theme)
            return true
        }
    }

    private var surveyGroups: [String] { groups.filter { $0 != "focus_group" } }

    private func cell(_ theme: String, _ group: String) -> ThemeCount? {
        counts.first { $0.theme == theme && $0.group == group }
    }

    private func label(_ theme: String) -> String { labels[theme] ?? theme }

    func table() -> TableView? {
        guard !themes.isEmpty else { return nil }
        let suppressed = ChapterNumbers.suppressed(minimumCell)
        var header = [CellView(text: "Theme", numeric: false)]
        for group in surveyGroups {
            let base = counts.first { $0.group == group }?.base ?? 0
            header.append(CellView(text: "\(ChapterGroups.name(group)) (n=\(base < minimumCell ? suppressed : String(base)))", numeric: true))
        }
        if groups.contains("focus_group") { header.append(CellView(text: "Focus groups (of \(sessions))", numeric: true)) }
        var anySuppressed = false
        let rows = themes.map { theme in
            var cells = [CellView(text: label(theme), numeric: false)]
            for group in surveyGroups {
                guard let c = cell(theme, group) else { cells.append(CellView(text: "", numeric: true)); continue }
                if c.suppressed { anySuppressed = true }
                let coded = "\(ChapterNumbers.percent(c.percent ?? 0)) (\(c.respondents ?? 0))"
                let text = c.suppressed ? suppressed : estimate(theme, group).map { e in
                    "\(ChapterNumbers.percent(e.estimate ?? 0)) (\(ChapterNumbers.interval(e.low ?? 0, e.high ?? 0))); coded \(coded)"
                } ?? coded
                cells.append(CellView(text: text, numeric: true))
            }
            if groups.contains("focus_group") {
                cells.append(CellView(text: "\(sessionCounts[theme] ?? 0) of \(sessions)", numeric: true))
            }
            return RowView(cells: cells)
        }
        return TableView(
            caption: estimates.isEmpty
                ? "What people raised: share of respondents in each survey group whose answers were coded with the theme (respondents in brackets), and the number of focus groups in which it came up"
                : "What people raised: share of respondents in each survey group with the theme, corrected for coding error by the validation sample (95% interval in brackets), the coded share and respondents beside it, and the number of focus groups in which it came up",
            header: header, rows: rows, anySuppressed: anySuppressed, query: estimates.isEmpty ? "consult themes --by group" : "consult themes --by group --estimate",
            markdownRule: "|---|" + String(repeating: "---:|", count: header.count - 1))
    }

    func chart(number: Int, title: String) -> ChartView? {
        guard !themes.isEmpty, !surveyGroups.isEmpty else { return nil }
        let rows = themes.map { theme in
            ThemeChart.Row(label: label(theme), values: surveyGroups.map { group in
                cell(theme, group).flatMap { $0.suppressed ? nil : estimate(theme, group)?.estimate ?? $0.percent }
            })
        }
        let svg = ThemeChart.svg(title: title, groups: surveyGroups.map(ChapterGroups.name), rows: rows,
                                 suppressedLabel: ChapterNumbers.suppressed(minimumCell))
        return ChartView(path: "charts/themes-\(number).svg", svg: svg,
                         alt: "Bar chart: share of respondents raising each theme, by survey group")
    }

    /// Community vs partners for each theme; only differences whose 95% interval excludes 0, largest first
    /// (then codebook order). Nil when the two groups are not both present: nothing was tested.
    func differences() -> [DifferenceView]? {
        guard surveyGroups.contains("community"), surveyGroups.contains("partner") else { return nil }
        var found: [(size: Double, view: DifferenceView)] = []
        for theme in themes {
            if !estimates.isEmpty {
                if let view = estimatedDifference(theme) { found.append(view) }
                continue
            }
            guard let partner = cell(theme, "partner"), let community = cell(theme, "community"),
                  let p = partner.respondents, let c = community.respondents,
                  let difference = try? GroupDifference(raised1: p, base1: partner.base, raised2: c, base2: community.base),
                  difference.isReportable
            else { continue }
            let interval = difference.interval
            let view = DifferenceView(
                theme: label(theme),
                comparison: "Partners \(ChapterNumbers.percent(interval.first.estimate * 100)) (\(p) of \(partner.base)) vs community \(ChapterNumbers.percent(interval.second.estimate * 100)) (\(c) of \(community.base))",
                difference: String(format: "%+.0f points (95%% CI %+.0f to %+.0f)", interval.estimate * 100, interval.lower * 100, interval.upper * 100),
                test: difference.testText,
                caution: difference.chiSquare?.sparseCells.isEmpty == false ? "An expected count is below 5: read the test with caution." : nil)
            found.append((abs(interval.estimate), view))
        }
        return found.enumerated().sorted { a, b in
            a.element.size != b.element.size ? a.element.size > b.element.size : a.offset < b.offset
        }.map(\.element.view)
    }

    /// Partners vs community on the corrected shares: the MOVER interval of the two estimates' intervals;
    /// nil unless both cells are published and the interval excludes 0.
    private func estimatedDifference(_ theme: String) -> (size: Double, view: DifferenceView)? {
        guard let partner = cell(theme, "partner"), let community = cell(theme, "community"), !partner.suppressed, !community.suppressed,
              let p = estimate(theme, "partner"), let c = estimate(theme, "community"),
              let pe = p.estimate, let pl = p.low, let ph = p.high, let ce = c.estimate, let cl = c.low, let ch = c.high
        else { return nil }
        let d = ValidatedShare.difference(ValidatedShare.Estimate(estimate: pe, lower: pl, upper: ph), ValidatedShare.Estimate(estimate: ce, lower: cl, upper: ch))
        guard d.lower > 0 || d.upper < 0 else { return nil }
        return (abs(d.estimate), DifferenceView(
            theme: label(theme),
            comparison: "Partners \(ChapterNumbers.percent(pe)) (\(ChapterNumbers.interval(pl, ph))) vs community \(ChapterNumbers.percent(ce)) (\(ChapterNumbers.interval(cl, ch))), corrected for coding error",
            difference: String(format: "%+.0f points (95%% CI %+.0f to %+.0f)", d.estimate, d.lower, d.upper),
            test: "interval combined from the two corrected shares' intervals (MOVER)", caution: nil))
    }
}
