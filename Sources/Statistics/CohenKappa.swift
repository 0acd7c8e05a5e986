/// Cohen's kappa for two coders assigning each unit to one of the same nominal categories.
///
/// Kappa corrects percent agreement for the agreement expected if the coders assigned categories
/// independently at their own observed rates. The standard error is the asymptotic one under the
/// alternative (Fleiss, Cohen & Everitt 1969), as SAS PROC FREQ prints it as "ASE", so the confidence
/// interval matches SAS output.
public struct CohenKappa: Sendable, Equatable {
    /// Units coded by both coders.
    public let units: Int
    /// Share of units on which the coders agree (0...1).
    public let observedAgreement: Double
    /// Agreement expected by chance from the two coders' marginal rates (0...1).
    public let expectedAgreement: Double
    /// Nil when expected agreement is 1 (both coders used one and the same category for every unit):
    /// kappa is then 0/0, and no value would be honest.
    public let kappa: Double?
    /// Asymptotic standard error under the alternative; nil with `kappa`.
    public let standardError: Double?

    /// - Parameter table: rater 1 categories by rows, rater 2 by columns, in the same order.
    /// - Throws: `.notSquare` for unequal category lists, `.zeroTotal` when no unit was coded.
    public init(table: CountTable) throws(StatisticsError) {
        guard table.rowCount == table.columnCount else {
            throw .notSquare(rows: table.rowCount, columns: table.columnCount)
        }
        let total = table.total
        guard total > 0 else { throw .zeroTotal(what: "kappa table") }
        let n = Double(total)
        let p = table.cells.map { $0.map { Double($0) / n } }
        let rows = table.rowTotals.map { Double($0) / n }
        let columns = table.columnTotals.map { Double($0) / n }
        let categories = p.indices
        let po = categories.reduce(0) { $0 + p[$1][$1] }
        let pe = categories.reduce(0) { $0 + rows[$1] * columns[$1] }
        units = total
        observedAgreement = po
        expectedAgreement = pe
        guard pe < 1 else {
            kappa = nil
            standardError = nil
            return
        }
        let k = (po - pe) / (1 - pe)
        let diagonal = categories.reduce(0.0) { sum, i in
            let term = 1 - (rows[i] + columns[i]) * (1 - k)
            return sum + p[i][i] * term * term
        }
        let offDiagonal = categories.reduce(0.0) { sum, i in
            categories.reduce(sum) { inner, j in
                i == j ? inner : inner + p[i][j] * (columns[i] + rows[j]) * (columns[i] + rows[j])
            }
        }
        let correction = (k - pe * (1 - k)) * (k - pe * (1 - k))
        let variance = (diagonal + (1 - k) * (1 - k) * offDiagonal - correction) / ((1 - pe) * (1 - pe) * n)
        kappa = k
        standardError = max(0, variance).squareRoot()
    }

    /// Kappa from paired codes, one pair per unit; categories are whatever values occur.
    /// - Throws: `.empty` for no pairs.
    public init<Category: Hashable>(pairs: [(Category, Category)]) throws(StatisticsError) {
        guard !pairs.isEmpty else { throw .empty(what: "coded pairs") }
        var index: [Category: Int] = [:]
        for (first, second) in pairs {
            if index[first] == nil { index[first] = index.count }
            if index[second] == nil { index[second] = index.count }
        }
        var cells = Array(repeating: Array(repeating: 0, count: index.count), count: index.count)
        for (first, second) in pairs {
            cells[index[first] ?? 0][index[second] ?? 0] += 1
        }
        try self.init(table: CountTable(cells))
    }

    /// The Wald interval kappa ± z·ASE (SAS's "95% Confidence Limits" with z = 1.959964); nil with `kappa`.
    public func confidenceInterval(z: Double = 1.959964) -> (lower: Double, upper: Double)? {
        guard let kappa, let standardError else { return nil }
        return (kappa - z * standardError, kappa + z * standardError)
    }
}
