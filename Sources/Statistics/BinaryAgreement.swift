/// Agreement of two coders on one present/absent decision per unit, from the 2x2 table of their codes.
///
/// This is the shape of theme coding: for a theme, each segment either has it or not in each coder's
/// coding. Kappa and alpha are both given because reviewers ask for either; they differ in how chance
/// agreement is estimated (each coder's own rate, or the pooled rate).
public struct BinaryAgreement: Sendable, Equatable {
    /// Units where both coders said present.
    public let both: Int
    /// Units where only the first coder said present.
    public let firstOnly: Int
    /// Units where only the second coder said present.
    public let secondOnly: Int
    /// Units where both said absent.
    public let neither: Int

    /// Cohen's kappa with its SAS-style asymptotic standard error.
    public let cohen: CohenKappa

    /// - Throws: `.invalidValue` for a negative count, `.zeroTotal` when all four are zero.
    public init(both: Int, firstOnly: Int, secondOnly: Int, neither: Int) throws(StatisticsError) {
        cohen = try CohenKappa(table: CountTable([[both, firstOnly], [secondOnly, neither]]))
        self.both = both
        self.firstOnly = firstOnly
        self.secondOnly = secondOnly
        self.neither = neither
    }

    /// Units coded by both coders.
    public var units: Int { both + firstOnly + secondOnly + neither }

    /// Share of units (0...1) on which the coders agree.
    public var agreement: Double { Double(both + neither) / Double(units) }

    /// Cohen's kappa; nil when both coders gave every unit the same code (expected agreement 1).
    public var kappa: Double? { cohen.kappa }

    /// Krippendorff's nominal alpha over the same units (two coders, no missing values); nil when
    /// every code is the same.
    ///
    /// Closed form of the coincidence-matrix computation for two values: each disagreeing unit adds 1
    /// to both off-diagonal coincidences, so alpha = 1 - (n - 1) * disagreements / (n_present * n_absent)
    /// with n = 2 * units pairable values.
    public var alpha: Double? {
        let disagreements = firstOnly + secondOnly
        let present = 2 * both + disagreements
        let absent = 2 * neither + disagreements
        guard present > 0, absent > 0 else { return nil }
        return 1 - Double(2 * units - 1) * Double(disagreements) / (Double(present) * Double(absent))
    }

}
