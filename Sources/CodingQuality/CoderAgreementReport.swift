import Statistics

/// Agreement between two or more coders on theme coding, per theme and overall, as
/// `consult code agreement` reports it.
///
/// Units are the segments at least two of the coders covered (see `CoderCodings`). For each theme a
/// coder's value on a segment is present/absent.
/// - `agreement` and `kappa`: with two coders, percent agreement (as a 0-1 share) and Cohen's kappa over
///   the segments both covered; with more, the mean over every pair of coders (Light's kappa).
/// - `alpha`: Krippendorff's alpha (nominal) over all coders at once, missing values allowed.
/// - overall: the same over segment × theme units (pooled), where kappa is the more telling figure
///   because most themes are absent from most segments.
/// A value is nil where the statistic is undefined (e.g. kappa when both coders never apply a theme).
public struct CoderAgreementReport: Sendable, Equatable {
    public struct Row: Sendable, Equatable {
        public var theme: String
        /// Segments (or, overall, segment × theme units) covered by at least two coders.
        public var units: Int
        public var agreement: Double?
        public var kappa: Double?
        public var alpha: Double?
    }

    public var coders: [String]
    public var themes: [Row]
    public var overall: Row

    /// - Throws: `StatisticsError.empty` when fewer than two coders are given or no segment was coded by two of them.
    public static func compute(_ coders: [CoderCodings], themeIDs: [String]) throws -> CoderAgreementReport {
        guard coders.count >= 2 else { throw StatisticsError.empty(what: "second coder (give at least two)") }
        let shared = coders.indices.flatMap { i in coders.indices.filter { $0 > i }.map { (i, $0) } }
        let units = Set(coders.flatMap(\.coverage)).filter { segment in coders.filter { $0.coverage.contains(segment) }.count >= 2 }.sorted()
        guard !units.isEmpty else { throw StatisticsError.empty(what: "segments coded by at least two of the coders") }
        let themeSet = Set(themeIDs)
        let pairs: [ThemeAgreement<String>] = try shared.compactMap { (a, b) in
            let both = coders[a].coverage.intersection(coders[b].coverage).sorted()
            guard !both.isEmpty else { return nil }
            return try ThemeAgreement(segments: both.map { (first: coders[a].themes(of: $0) ?? [], second: coders[b].themes(of: $0) ?? []) },
                                      themes: themeSet)
        }
        let rows = themeIDs.map { theme in
            let perPair = pairs.compactMap { pair in pair.themes.first { $0.theme == theme }?.agreement }
            let values = units.map { segment in coders.map { coder in coder.themes(of: segment).map { $0.contains(theme) } } }
            return Row(theme: theme, units: units.count, agreement: mean(perPair.map(\.agreement)), kappa: mean(perPair.compactMap(\.kappa)),
                       alpha: KrippendorffAlpha.nominal(values).alpha)
        }
        let pooledValues = units.flatMap { segment in
            themeIDs.map { theme in coders.map { coder in coder.themes(of: segment).map { $0.contains(theme) } } }
        }
        let overall = Row(theme: "overall", units: units.count * themeIDs.count, agreement: mean(pairs.map(\.pooled.agreement)),
                          kappa: mean(pairs.compactMap(\.pooled.kappa)), alpha: KrippendorffAlpha.nominal(pooledValues).alpha)
        return CoderAgreementReport(coders: coders.map(\.coder), themes: rows, overall: overall)
    }

    private static func mean(_ values: [Double]) -> Double? {
        values.isEmpty ? nil : values.reduce(0, +) / Double(values.count)
    }
}
