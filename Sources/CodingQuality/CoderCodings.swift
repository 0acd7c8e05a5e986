/// What one coder decided under the current codebook: which segments they coded (`coverage`) and the
/// themes they applied to each. A human coder covers the segments they made any decision on (a
/// decision that a theme does not apply counts); an automatic coder (rules, model, generator) and the
/// final coding cover every segment, since not coding a theme there is itself a decision.
public struct CoderCodings: Sendable, Equatable {
    public var coder: String
    public var coverage: Set<Int>
    public var themes: [Int: Set<String>]

    public init(coder: String, coverage: Set<Int>, themes: [Int: Set<String>]) {
        self.coder = coder
        self.coverage = coverage
        self.themes = themes
    }

    /// The themes applied to a covered segment (empty when none), nil when the segment is not covered.
    public func themes(of segment: Int) -> Set<String>? {
        coverage.contains(segment) ? themes[segment, default: []] : nil
    }
}

