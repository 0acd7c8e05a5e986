import Foundation

/// A post-stratum of the validated-share estimator: respondents alike in how the automatic coder
/// scored them (and in the sample's design stratum), how many of them the validation sample holds,
/// and how many of those a human coded with the theme.
public struct ValidationStratum: Sendable, Equatable {
    /// Respondents in the stratum (the whole consultation's, known because everyone is coded automatically).
    public var population: Int
    /// Of them, respondents in the validation sample whose every segment a human decided on.
    public var sampled: Int
    /// Of the sampled, those the human coding gives the theme.
    public var positives: Int

    public init(population: Int, sampled: Int, positives: Int) {
        self.population = population
        self.sampled = sampled
        self.positives = positives
    }
}

/// The share of respondents with a theme, corrected for the automatic coder's error by a human-coded
/// random sample: Tenenbein's double sampling (1970) generalised to post-strata, with a MOVER interval.
///
/// Everyone is coded automatically; the strata group respondents by that coding (coded or not, and for
/// a model by its calibrated probability), so the automatic coder decides only which respondents are
/// alike, never what they are counted as. The estimate is Σ W_k p_k: W_k the stratum's known share of
/// the population, p_k the human-coded share among its sampled respondents. Under simple random (or
/// stratified) sampling it is design-unbiased given every stratum is sampled, whatever the automatic
/// coder's precision or recall; a good coder makes the strata homogeneous and the interval narrow.
///
/// The 95% interval combines one Wilson interval per stratum by the MOVER method (Zou & Donner 2008;
/// the construction of Newcombe's difference interval): L = θ − √Σ W_k²(p_k − l_k)², U = θ + √Σ W_k²(u_k − p_k)².
/// Wilson's bounds keep width where a stratum has no positives in the sample, which is where a Wald
/// (or PPI's normal) interval collapses to zero width and misses rare themes. Sampling without
/// replacement from a finite consultation is carried by Wilson on the effective size n/(1 − n/N);
/// a stratum sampled completely (respondents who wrote nothing, known not to raise any theme) is exact.
/// Verified by simulation in `ValidatedShareSimulationTests` (Benchmarks/validated-shares.md).
public enum ValidatedShare {
    public struct Estimate: Sendable, Equatable {
        /// The estimated share, 0-1.
        public var estimate: Double
        public var lower: Double
        public var upper: Double

        public init(estimate: Double, lower: Double, upper: Double) {
            self.estimate = estimate
            self.lower = lower
            self.upper = upper
        }
    }

    /// - Returns: nil when the population is empty or a stratum with respondents has none sampled
    ///   (collapse strata first: ``collapse(_:minimumSampled:)``).
    public static func estimate(_ strata: [ValidationStratum], z: Double = 1.959964) -> Estimate? {
        let total = strata.reduce(0) { $0 + $1.population }
        guard total > 0 else { return nil }
        var estimate = 0.0, below = 0.0, above = 0.0
        for stratum in strata where stratum.population > 0 {
            guard stratum.sampled > 0, stratum.sampled <= stratum.population, (0...stratum.sampled).contains(stratum.positives) else { return nil }
            let weight = Double(stratum.population) / Double(total)
            let share = Double(stratum.positives) / Double(stratum.sampled)
            estimate += weight * share
            let unsampled = 1 - Double(stratum.sampled) / Double(stratum.population)
            guard unsampled > 0, let bounds = Proportion.wilson(estimate: share, n: Double(stratum.sampled) / unsampled, z: z) else { continue }
            below += weight * weight * pow(share - min(bounds.lower, share), 2)
            above += weight * weight * pow(max(bounds.upper, share) - share, 2)
        }
        return Estimate(estimate: estimate, lower: max(0, estimate - below.squareRoot()), upper: min(1, estimate + above.squareRoot()))
    }

    /// The difference `first − second` of two independent estimates (two respondent groups) with its
    /// MOVER interval (Zou & Donner 2008): L = d − √((θ₁−l₁)² + (u₂−θ₂)²), U = d + √((u₁−θ₁)² + (θ₂−l₂)²).
    public static func difference(_ first: Estimate, _ second: Estimate) -> Estimate {
        let d = first.estimate - second.estimate
        return Estimate(estimate: d,
                        lower: d - (pow(first.estimate - first.lower, 2) + pow(second.upper - second.estimate, 2)).squareRoot(),
                        upper: d + (pow(first.upper - first.estimate, 2) + pow(second.estimate - second.lower, 2)).squareRoot())
    }

    /// The score strata, lowest first: respondents the automatic coding did not give the theme, by the
    /// model's calibrated probability (below 0.05, 0.05-0.2, 0.2 and up; a rule coder without a
    /// probability puts them all in the first), then those it did give the theme.
    public static let strataCount = 4

    /// The score stratum of a respondent: `coded` whether the counted automatic coding gives them the
    /// theme, `probability` the highest calibrated probability over their segments (nil without a model).
    public static func scoreStratum(coded: Bool, probability: Double?) -> Int {
        if coded { return 3 }
        guard let probability else { return 0 }
        return probability < 0.05 ? 0 : probability < 0.2 ? 1 : 2
    }

    /// The fewest sampled respondents a stratum keeps before ``collapse(_:minimumSampled:)`` merges it:
    /// chosen by simulation (10 keeps coverage at 93.6-96.1% down to themes of 0.5% prevalence, where 2
    /// fell to 92%), Benchmarks/validated-shares.md.
    public static let minimumSampled = 10

    /// Merges neighbouring strata until each has at least `minimumSampled` sampled respondents (or one
    /// stratum is left): a stratum sampled once gives a share of 0 or 1 and an interval that says little.
    /// Strata must be given in score order; a short one joins the neighbour with fewer sampled.
    public static func collapse(_ strata: [ValidationStratum], minimumSampled: Int) -> [ValidationStratum] {
        var strata = strata.filter { $0.population > 0 }
        while strata.count > 1, let short = strata.indices.filter({ strata[$0].sampled < minimumSampled })
            .min(by: { (strata[$0].sampled, $0) < (strata[$1].sampled, $1) }) {
            let neighbours = [short - 1, short + 1].filter { strata.indices.contains($0) }
            let partner = neighbours.min { (strata[$0].sampled, $0) < (strata[$1].sampled, $1) }!
            let merged = ValidationStratum(population: strata[short].population + strata[partner].population,
                                           sampled: strata[short].sampled + strata[partner].sampled,
                                           positives: strata[short].positives + strata[partner].positives)
            strata[min(short, partner)] = merged
            strata.remove(at: max(short, partner))
        }
        return strata
    }
}
