/// Small-cell suppression for published tables.
///
/// Primary: a cell counting 1 to `minimum - 1` people is hidden (zero reveals nothing about a person).
/// Secondary: when the cells are parts of a published total (`additive`), one hidden cell could be
/// recovered by subtraction, so the smallest remaining non-zero cell is hidden too.
public enum DisclosureControl {
    /// - Returns: for each count, whether to hide it.
    public static func suppressed(_ counts: [Int], minimum: Int, additive: Bool) -> [Bool] {
        var hide = counts.map { isPrimary($0, minimum: minimum) }
        let hiddenCount = hide.filter { $0 }.count
        if additive && hiddenCount == 1 {
            let candidate = counts.indices.filter { !hide[$0] && counts[$0] > 0 }.min { counts[$0] < counts[$1] }
            if let candidate { hide[candidate] = true }
        }
        return hide
    }

    /// Whether a count is small enough to identify people: 1 to `minimum - 1`.
    public static func isPrimary(_ count: Int, minimum: Int) -> Bool {
        count > 0 && count < minimum
    }
}
