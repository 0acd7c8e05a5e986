import ConsultStore
import Statistics

/// A theme's share corrected for coding error, for one group (or everyone), with what the validation
/// sample measured of the automatic coding. Shares are 0-100 like `percent`; nil where undefined or
/// withheld by disclosure control.
public struct ThemeEstimate: Sendable, Equatable {
    public var theme: String
    public var group: String?
    public var estimate: Double?
    public var low: Double?
    public var high: Double?
    /// Fully coded sampled respondents in the group; nil when withheld (1 to min-cell - 1).
    public var validated: Int?
    /// Of the validated respondents the automatic coding gives the theme, the share a human gave it too.
    public var precision: Double?
    /// Of the validated respondents a human gave the theme, the share the automatic coding found.
    public var recall: Double?
}

/// Validated theme shares per theme and group, from the automatic coding of everyone and the human
/// coding of a validation sample (`ValidatedShare`: post-strata by design stratum and automatic score;
/// respondents who wrote nothing are a stratum known to have no theme).
///
/// Disclosure control, as for counts: where the theme's count is suppressed, so are its estimate and
/// interval (they would reveal it); `validated` is withheld when it is 1 to `minimumCell - 1`; precision
/// and recall are withheld when their base (validated respondents coded automatically, or by a human)
/// is under `minimumCell`. Precision and recall are per respondent, the unit the shares count.
public enum ThemeEstimation {
    public static func estimate(_ data: ValidationData, themes: [String], suppressed: (String, String?) -> Bool,
                                minimumCell: Int) -> [ThemeEstimate] {
        let groups = Dictionary(grouping: data.respondents.keys, by: { data.respondents[$0]!.group })
        return themes.flatMap { theme in
            groups.keys.sorted { ($0 ?? "") < ($1 ?? "") }.map { group in
                let members = groups[group]!
                let automatic = data.automatic[theme] ?? [], human = data.human[theme] ?? []
                let validated = members.filter { data.validated.contains($0) }
                let coded = validated.filter { automatic.contains($0) }.count
                let found = validated.filter { human.contains($0) }.count
                let both = validated.filter { automatic.contains($0) && human.contains($0) }.count
                let share = suppressed(theme, group) ? nil : self.share(theme: theme, members: members, data: data)
                return ThemeEstimate(
                    theme: theme, group: group, estimate: share.map { $0.estimate * 100 }, low: share.map { $0.lower * 100 },
                    high: share.map { $0.upper * 100 },
                    validated: DisclosureControl.isPrimary(validated.count, minimum: minimumCell) ? nil : validated.count,
                    precision: coded >= minimumCell ? Double(both) / Double(coded) : nil,
                    recall: found >= minimumCell ? Double(both) / Double(found) : nil)
            }
        }
    }

    /// The validated share of `theme` among `members`; nil when some design stratum has none validated.
    static func share(theme: String, members: [Int], data: ValidationData) -> ValidatedShare.Estimate? {
        let automatic = data.automatic[theme] ?? [], human = data.human[theme] ?? []
        let probability = data.probability?[theme]
        var silent = 0
        var cells: [String: [ValidationStratum]] = [:]
        for id in members {
            let respondent = data.respondents[id]!
            guard respondent.hasText else { silent += 1; continue }
            let score = ValidatedShare.scoreStratum(coded: automatic.contains(id), probability: probability?[id])
            var strata = cells[respondent.design] ?? Array(repeating: ValidationStratum(population: 0, sampled: 0, positives: 0),
                                                            count: ValidatedShare.strataCount)
            strata[score].population += 1
            if data.validated.contains(id) {
                strata[score].sampled += 1
                if human.contains(id) { strata[score].positives += 1 }
            }
            cells[respondent.design] = strata
        }
        // A design stratum with nobody validated (a small group under another --by field) joins the
        // others: the design's unequal sampling fractions are then only approximately respected.
        if cells.values.contains(where: { $0.allSatisfy { $0.sampled == 0 } }) {
            cells = ["": cells.values.reduce(into: Array(repeating: ValidationStratum(population: 0, sampled: 0, positives: 0),
                                                         count: ValidatedShare.strataCount)) { sum, strata in
                for index in sum.indices {
                    sum[index].population += strata[index].population
                    sum[index].sampled += strata[index].sampled
                    sum[index].positives += strata[index].positives
                }
            }]
        }
        let strata = cells.keys.sorted().flatMap { ValidatedShare.collapse(cells[$0]!, minimumSampled: ValidatedShare.minimumSampled) }
            + [ValidationStratum(population: silent, sampled: silent, positives: 0)]
        return ValidatedShare.estimate(strata)
    }
}
