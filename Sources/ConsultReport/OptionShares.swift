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

extension OptionShare {
    /// For each Likert question and group, the share choosing one of the top two points ("4-5": agreeing,
    /// understanding well, trusting), with its Wilson interval: the figure reports quote for a scale.
    /// Hidden when either point is hidden, since the sum would give the hidden one away.
    public static func topTwo(_ shares: [OptionShare]) -> [OptionShare] {
        var rows: [OptionShare] = []
        var seen = Set<String>()
        for share in shares where share.count.questionType == "likert5" {
            let key = "\(share.count.survey)|\(share.count.question)|\(share.count.group ?? "")"
            guard seen.insert(key).inserted else { continue }
            let cells = shares.filter {
                $0.count.survey == share.count.survey && $0.count.question == share.count.question && $0.count.group == share.count.group
                    && ["4", "5"].contains($0.count.option)
            }
            guard cells.count == 2 else { continue }
            var count = share.count
            count.option = "4-5"
            count.count = cells.reduce(0) { $0 + $1.count.count }
            guard !cells.contains(where: \.suppressed) else {
                rows.append(OptionShare(count: count, percent: nil, ciLow: nil, ciHigh: nil, suppressed: true))
                continue
            }
            let p = Proportion(successes: count.count, total: count.answered)
            rows.append(OptionShare(count: count, percent: p.estimate * 100, ciLow: p.lower * 100, ciHigh: p.upper * 100, suppressed: false))
        }
        return rows
    }
}
