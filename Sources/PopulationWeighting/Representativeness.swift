/// Who responded against who lives there: for each level of a variable (an ethnic group, an age
/// band...), the respondents' share beside the population's share and the ratio of the two.
///
/// A ratio of 1 means the group is represented in proportion; 0.5 means half as many as its
/// population share would give. Shares are of respondents who gave a level the population reference
/// knows; the others are counted in `notPlaced` (not asked, skipped, preferred not to say, or a value
/// the reference does not list). Counts under `minimumCell` are withheld with their shares and ratios.
public struct Representativeness: Sendable, Equatable {
    public struct Row: Sendable, Equatable {
        public var level: String
        /// Nil when withheld.
        public var respondents: Int?
        /// 0-100.
        public var sampleShare: Double?
        public var populationShare: Double
        public var ratio: Double?
        public var suppressed: Bool
    }

    public var variable: String
    public var rows: [Row]
    public var placed: Int
    public var notPlaced: Int

    /// - Parameters:
    ///   - counts: respondents per value of `variable` (as the store counts them, "(no answer)" included).
    ///   - population: level → population total for `variable`; its levels give the rows, in sorted order.
    public static func compare(variable: String, counts: [(value: String, respondents: Int)], population: [String: Double],
                               minimumCell: Int) -> Representativeness {
        let byLevel = Dictionary(counts.map { ($0.value, $0.respondents) }, uniquingKeysWith: +)
        let placed = population.keys.reduce(0) { $0 + (byLevel[$1] ?? 0) }
        let all = counts.reduce(0) { $0 + $1.respondents }
        let populationTotal = population.values.reduce(0, +)
        let rows = population.keys.sorted().map { level -> Row in
            let n = byLevel[level] ?? 0
            let populationShare = populationTotal > 0 ? (population[level] ?? 0) / populationTotal * 100 : 0
            let hidden = n > 0 && n < minimumCell
            let sampleShare = placed > 0 ? Double(n) / Double(placed) * 100 : nil
            return Row(level: level, respondents: hidden ? nil : n, sampleShare: hidden ? nil : sampleShare, populationShare: populationShare,
                       ratio: hidden || populationShare == 0 ? nil : sampleShare.map { $0 / populationShare }, suppressed: hidden)
        }
        return Representativeness(variable: variable, rows: rows, placed: placed, notPlaced: all - placed)
    }
}
