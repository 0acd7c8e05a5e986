import ConsultStore
import Statistics

/// A closed question's table for the chapter: options down, respondent groups across, each group
/// with n, percent and 95% Wilson interval.
///
/// Disclosure control, before anything is formatted:
/// - a group with fewer than `minimumCell` respondents answering shows no cell at all;
/// - a multi-choice question's counts do not add up to a total, so only small counts are hidden;
/// - otherwise the counts are parts of published totals: with one group, one more cell is hidden
///   when exactly one is (`DisclosureControl.suppressed(_:minimum:additive:)`); with two or more
///   groups, the two-way rule (`DisclosureControl.suppressed(_ table:minimum:)`) protects rows and
///   columns alike. A table the two-way rule cannot protect is withheld whole.
enum ClosedTable {
    static func hidden(_ counts: [[Int]], answered: [Int], multi: Bool, minimumCell: Int) -> [[Bool]] {
        let columns = answered.count
        var hide: [[Bool]]
        if multi {
            hide = counts.map { $0.map { DisclosureControl.isPrimary($0, minimum: minimumCell) } }
        } else if columns == 1 {
            hide = DisclosureControl.suppressed(counts.map { $0[0] }, minimum: minimumCell, additive: true).map { [$0] }
        } else {
            let all = counts.map { $0.map { _ in true } }
            hide = (try? CountTable(counts)).flatMap { try? DisclosureControl.suppressed($0, minimum: minimumCell) } ?? all
        }
        for column in 0..<columns where answered[column] < minimumCell {
            for row in hide.indices { hide[row][column] = true }
        }
        return hide
    }

    static func view(_ result: ChapterData.ClosedResult, minimumCell: Int) -> TableView? {
        let groups = ChapterGroups.ordered(Set(result.counts.compactMap(\.group)))
        guard !groups.isEmpty else { return nil }
        let options = result.question.options
        let answered = groups.map { g in result.counts.first { $0.group == g }?.answered ?? 0 }
        let counts = options.map { option in
            groups.map { g in result.counts.first { $0.group == g && $0.option == option.value }?.count ?? 0 }
        }
        let multi = result.question.type == .multi
        let hide = hidden(counts, answered: answered, multi: multi, minimumCell: minimumCell)
        let suppressed = ChapterNumbers.suppressed(minimumCell)
        var header = [CellView(text: "Answer", numeric: false)]
        for (g, group) in groups.enumerated() {
            let prefix = groups.count == 1 ? "" : ChapterGroups.name(group) + " "
            let n = answered[g] < minimumCell ? suppressed : String(answered[g])
            header += [CellView(text: "\(prefix)n (of \(n))", numeric: true), CellView(text: "\(prefix)%", numeric: true),
                       CellView(text: "\(prefix)95% CI", numeric: true)]
        }
        let rows = options.enumerated().map { r, option in
            var cells = [CellView(text: option.label, numeric: false)]
            for g in groups.indices {
                if hide[r][g] {
                    cells += [CellView(text: suppressed, numeric: true), CellView(text: "", numeric: true), CellView(text: "", numeric: true)]
                } else {
                    let p = Proportion(successes: counts[r][g], total: answered[g])
                    cells += [CellView(text: String(counts[r][g]), numeric: true),
                              CellView(text: ChapterNumbers.percent(p.estimate * 100), numeric: true),
                              CellView(text: ChapterNumbers.interval(p.lower * 100, p.upper * 100), numeric: true)]
                }
            }
            return RowView(cells: cells)
        }
        let note = multi ? "; more than one answer allowed, so the shares do not add up to 100%" : ""
        return TableView(caption: "\(result.question.wording) (\(result.survey) survey\(note))", header: header, rows: rows,
                         anySuppressed: hide.joined().contains(true),
                         query: "consult questions --survey \(result.survey) --question \(result.question.id) --by group",
                         markdownRule: "|---|" + String(repeating: "---:|", count: header.count - 1))
    }
}
