import ConsultStore

/// Chooses the quotes of one section: one per quote theme, spread across respondent groups.
///
/// Contract: for each theme in order, among its candidates not yet used (by segment or identical
/// text), take one from the group quoted least so far in the section; ties go to the earlier group
/// in `groupOrder`, then to the candidate order the store gave (readable length, then a hash of the
/// text). Deterministic, and never the first N of one group.
public enum QuoteSelection {
    public static func pick(themes: [String], candidates: [String: [Quote]], groupOrder: [String]) -> [Quote] {
        var chosen: [Quote] = []
        var usedGroups: [String: Int] = [:]
        for theme in themes {
            let open = (candidates[theme] ?? []).filter { quote in
                !chosen.contains { $0.segment == quote.segment || $0.text == quote.text }
            }
            let rank = { (quote: Quote) in (usedGroups[quote.group, default: 0], groupOrder.firstIndex(of: quote.group) ?? groupOrder.count) }
            guard let best = open.enumerated().min(by: { a, b in
                let (ra, rb) = (rank(a.element), rank(b.element))
                return ra != rb ? ra < rb : a.offset < b.offset
            })?.element else { continue }
            chosen.append(best)
            usedGroups[best.group, default: 0] += 1
        }
        return chosen
    }
}
