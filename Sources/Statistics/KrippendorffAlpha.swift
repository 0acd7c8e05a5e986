/// Krippendorff's alpha: agreement among any number of coders, with missing values allowed.
///
/// Alpha = 1 - observed disagreement / expected disagreement, computed from pairable values
/// (Krippendorff 2011, "Computing Krippendorff's Alpha-Reliability"). A unit contributes only if it
/// has at least two values; a unit with one value drops out, because nothing can disagree with it.
public struct KrippendorffAlpha: Sendable, Equatable {
    /// Nil when there are no pairable values, or when every pairable value is the same (expected
    /// disagreement 0, so alpha is 0/0).
    public let alpha: Double?
    /// Units with at least two values.
    public let pairableUnits: Int
    /// Values in those units (Krippendorff's n).
    public let pairableValues: Int

    /// Nominal alpha: any two different values disagree equally.
    /// - Parameter units: per unit, each coder's value or nil where that coder did not code the unit.
    public static func nominal<Value: Hashable>(_ units: [[Value?]]) -> KrippendorffAlpha {
        KrippendorffAlpha(units: units) { $0 == $1 ? 0 : 1 }
    }

    /// Interval alpha: disagreement is the squared difference of the values.
    public static func interval(_ units: [[Double?]]) -> KrippendorffAlpha {
        KrippendorffAlpha(units: units) { ($0 - $1) * ($0 - $1) }
    }

    /// - Parameter distance: δ², symmetric and zero for equal values (both metrics above are).
    init<Value: Hashable>(units: [[Value?]], distance: (Value, Value) -> Double) {
        let pairable = units.map { $0.compactMap { $0 } }.filter { $0.count >= 2 }
        var observed = 0.0
        var frequencies: [Value: Int] = [:]
        for values in pairable {
            var sum = 0.0
            for i in values.indices {
                frequencies[values[i], default: 0] += 1
                for j in values.indices where j != i {
                    sum += distance(values[i], values[j])
                }
            }
            observed += sum / Double(values.count - 1)
        }
        let n = pairable.reduce(0) { $0 + $1.count }
        let distinct = Array(frequencies)
        var expected = 0.0
        for (c, nc) in distinct {
            for (k, nk) in distinct {
                expected += Double(nc) * Double(nk) * distance(c, k)
            }
        }
        pairableUnits = pairable.count
        pairableValues = n
        // alpha = 1 - (Do / De) with Do = observed / n and De = expected / (n (n - 1)).
        alpha = expected > 0 ? 1 - Double(n - 1) * observed / expected : nil
    }
}
