import ConsultCore
import ConsultStore
import Statistics

/// Percentages, 95% Wilson intervals and disclosure control for closed-question counts.
///
/// Cells are judged within one question and group: a group with fewer than `minimumCell` respondents
/// answering shows no cell at all; otherwise a count of 1 to `minimumCell - 1` is hidden, and for a
/// single-choice question (whose counts add up to the base) a second cell is hidden with it.
public struct OptionShare: Sendable, Equatable {
    public var count: OptionCount
    /// 0-100; nil when suppressed.
    public var percent: Double?
    public var ciLow: Double?
    public var ciHigh: Double?
    public var suppressed: Bool

    public static func compute(_ counts: [OptionCount], minimumCell: Int) -> [OptionShare] {
        var shares: [OptionShare] = []
        var start = counts.startIndex
        while start < counts.endIndex {
            let first = counts[start]
            let end = counts[start...].firstIndex { $0.survey != first.survey || $0.question != first.question || $0.group != first.group }
                ?? counts.endIndex
            let cells = counts[start..<end]
            let hide = first.answered < minimumCell
                ? cells.map { _ in true }
                : DisclosureControl.suppressed(cells.map(\.count), minimum: minimumCell, additive: first.questionType != "multi")
            for (cell, hidden) in zip(cells, hide) {
                guard !hidden else {
                    shares.append(OptionShare(count: cell, percent: nil, ciLow: nil, ciHigh: nil, suppressed: true))
                    continue
                }
                let p = Proportion(successes: cell.count, total: cell.answered)
                shares.append(OptionShare(count: cell, percent: p.estimate * 100, ciLow: p.lower * 100, ciHigh: p.upper * 100, suppressed: false))
            }
            start = end
        }
        return shares
    }
}
