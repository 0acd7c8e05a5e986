import ConsultStore
import ConsultationModel
import Foundation
import Statistics

/// Who responded, by ONS ethnic group, beside London's population: each group's share of the
/// respondents who gave one, its share of residents (Census 2011), and the ratio of the two
/// (1.00 = represented in proportion; below 1 = under-represented).
///
/// The respondent counts add up to a total, so a small count is hidden together with the next
/// smallest (`DisclosureControl`, additive); a hidden count's share and ratio are withheld.
enum RepresentativenessTable {
    static func view(ethnicity: [(value: String, respondents: Int)], notGiven: Int, population: [PopulationGroup],
                     minimumCell: Int) -> RepresentativenessView? {
        guard !ethnicity.isEmpty else { return nil }
        var residents: [String: Int] = [:]
        for p in population { residents[p.group, default: 0] += p.residents }
        let populationTotal = residents.values.reduce(0, +)
        let counts = ethnicity.map(\.respondents)
        let total = counts.reduce(0, +)
        let hide = DisclosureControl.suppressed(counts, minimum: minimumCell, additive: true)
        let rows = ethnicity.enumerated().map { i, row in
            let name = row.value == "prefer_not_to_say" ? "Prefer not to say" : row.value.prefix(1).uppercased() + row.value.dropFirst()
            let populationShare = residents[row.value].flatMap { populationTotal > 0 ? Double($0) / Double(populationTotal) : nil }
            let share = hide[i] || total == 0 ? nil : Double(row.respondents) / Double(total)
            let ratio = share.flatMap { s in populationShare.flatMap { $0 > 0 ? s / $0 : nil } }
            return RowView(cells: [
                CellView(text: name, numeric: false),
                CellView(text: hide[i] ? ChapterNumbers.suppressed(minimumCell) : String(row.respondents), numeric: true),
                CellView(text: share.map { String(format: "%.1f%%", $0 * 100) } ?? "", numeric: true),
                CellView(text: populationShare.map { String(format: "%.1f%%", $0 * 100) } ?? "–", numeric: true),
                CellView(text: ratio.map { String(format: "%.2f", $0) } ?? "", numeric: true),
            ])
        }
        let header = ["Ethnic group", "Respondents", "% of respondents", "% of London residents", "Ratio of shares"].enumerated()
            .map { CellView(text: $1, numeric: $0 > 0) }
        let table = TableView(
            caption: "Respondents who gave their ethnic group, by ONS group, beside London's population (Census 2011, table KS201EW)",
            header: header, rows: rows, anySuppressed: hide.contains(true), query: "consult themes --by ethnicity_group (column bases)",
            markdownRule: "|---|" + String(repeating: "---:|", count: header.count - 1))
        return RepresentativenessView(table: table, notGiven: notGiven)
    }
}
