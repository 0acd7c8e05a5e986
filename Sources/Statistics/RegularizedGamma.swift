import Foundation

/// The regularised incomplete gamma functions P(a, x) and Q(a, x) = 1 - P(a, x).
///
/// Q(df/2, x/2) is the upper tail of the chi-square distribution. Computed as in Numerical Recipes
/// (gser/gcf) and Cephes (igam/igamc): the power series for x < a + 1, where it converges fast, and
/// otherwise the continued fraction for Q by the modified Lentz method, so that small tail
/// probabilities are computed directly rather than as 1 - P (which would lose them to rounding).
/// Relative accuracy is about 1e-14 for moderate arguments.
public enum RegularizedGamma {
    /// Q(a, x); nil for a <= 0, x < 0 or non-finite arguments.
    public static func upper(a: Double, x: Double) -> Double? {
        guard a > 0, x >= 0, a.isFinite, x.isFinite else { return nil }
        if x == 0 { return 1 }
        return x < a + 1 ? 1 - series(a: a, x: x) : continuedFraction(a: a, x: x)
    }

    /// P(a, x); nil for a <= 0, x < 0 or non-finite arguments.
    public static func lower(a: Double, x: Double) -> Double? {
        guard a > 0, x >= 0, a.isFinite, x.isFinite else { return nil }
        if x == 0 { return 0 }
        return x < a + 1 ? series(a: a, x: x) : 1 - continuedFraction(a: a, x: x)
    }

    private static let epsilon = 1e-16
    private static let maximumTerms = 10_000

    /// e^-x x^a / Γ(a), the common factor of both expansions, in logs to avoid overflow.
    private static func prefactor(a: Double, x: Double) -> Double {
        exp(a * log(x) - x - lgamma(a))
    }

    /// P(a, x) = prefactor / a * Σ x^n / ((a+1)...(a+n)).
    private static func series(a: Double, x: Double) -> Double {
        var denominator = a
        var term = 1 / a
        var sum = term
        for _ in 0..<maximumTerms {
            denominator += 1
            term *= x / denominator
            sum += term
            if abs(term) < abs(sum) * epsilon { break }
        }
        return sum * prefactor(a: a, x: x)
    }

    /// Q(a, x) = prefactor * 1 / (x + 1 - a - 1·(1-a) / (x + 3 - a - 2·(2-a) / (x + 5 - a - ...))).
    private static func continuedFraction(a: Double, x: Double) -> Double {
        let tiny = Double.leastNormalMagnitude / epsilon
        var b = x + 1 - a
        var c = 1 / tiny
        var d = 1 / b
        var h = d
        for i in 1...maximumTerms {
            let an = -Double(i) * (Double(i) - a)
            b += 2
            d = an * d + b
            if abs(d) < tiny { d = tiny }
            c = b + an / c
            if abs(c) < tiny { c = tiny }
            d = 1 / d
            let delta = d * c
            h *= delta
            if abs(delta - 1) < epsilon { break }
        }
        return h * prefactor(a: a, x: x)
    }
}
