import Foundation
import Statistics
import Testing

@Suite struct RegularizedGammaTests {
    /// Published chi-square critical values and their upper-tail probabilities. The values are rounded
    /// to 6 decimals (±5e-7) and the density there is below 0.03, so p can be off by up to 1.5e-8.
    @Test(arguments: [
        (3.841459, 1, 0.05), (5.991465, 2, 0.05), (23.209251, 10, 0.01),
        (6.634897, 1, 0.01), (10.827566, 1, 0.001), (18.307038, 10, 0.05), (11.070498, 5, 0.05),
    ])
    func criticalValues(_ statistic: Double, _ df: Int, _ p: Double) throws {
        let computed = try #require(ChiSquareTest.pValue(statistic: statistic, degreesOfFreedom: df))
        #expect(abs(computed - p) < 2e-8, "\(computed)")
    }

    /// For integer a, Q(a, x) = e^-x Σ_{k<a} x^k / k!: exact, so the series and the continued
    /// fraction can both be held to 1e-10 relative, including far into the tail.
    @Test(arguments: [(1, 0.5), (1, 30.0), (2, 0.1), (3, 2.5), (3, 4.5), (5, 4.0), (5, 60.0), (10, 9.5), (10, 11.5), (25, 80.0)])
    func integerShapeClosedForm(_ a: Int, _ x: Double) throws {
        var term = 1.0
        var sum = 1.0
        for k in 1..<max(a, 1) {
            term *= x / Double(k)
            sum += term
        }
        let exact = exp(-x) * sum
        let computed = try #require(RegularizedGamma.upper(a: Double(a), x: x))
        #expect(abs(computed - exact) <= 1e-10 * exact, "\(computed) vs \(exact)")
    }

    /// Q(1/2, x) = erfc(√x): one degree of freedom, on both sides of the series/fraction switch.
    @Test(arguments: [0.01, 0.3, 1.0, 1.5, 4.0, 12.0, 40.0])
    func halfShapeIsErfc(_ x: Double) throws {
        let exact = erfc(x.squareRoot())
        let computed = try #require(RegularizedGamma.upper(a: 0.5, x: x))
        #expect(abs(computed - exact) <= 1e-10 * exact, "\(computed) vs \(exact)")
    }

    @Test(arguments: [(0.5, 0.2), (2.0, 7.0), (7.5, 3.0), (40.0, 41.0)])
    func lowerAndUpperSumToOne(_ a: Double, _ x: Double) throws {
        let p = try #require(RegularizedGamma.lower(a: a, x: x))
        let q = try #require(RegularizedGamma.upper(a: a, x: x))
        #expect(abs(p + q - 1) < 1e-14)
    }

    @Test(arguments: [(0.0, 1.0), (-1.0, 1.0), (1.0, -0.5), (1.0, Double.nan), (Double.infinity, 1.0)])
    func invalidArgumentsAreNil(_ a: Double, _ x: Double) {
        #expect(RegularizedGamma.upper(a: a, x: x) == nil)
        #expect(RegularizedGamma.lower(a: a, x: x) == nil)
    }

    @Test func zeroStatisticHasPValueOne() {
        #expect(ChiSquareTest.pValue(statistic: 0, degreesOfFreedom: 3) == 1)
        #expect(ChiSquareTest.pValue(statistic: 1, degreesOfFreedom: 0) == nil)
    }
}
