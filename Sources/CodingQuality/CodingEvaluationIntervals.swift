import Statistics

/// Bootstrap 95% intervals for a coding evaluation: segments are resampled with replacement (the
/// segment is the unit: its themes travel together), and each replicate's precision, recall and F1
/// are recomputed. Seeded, so a published interval can be reproduced exactly.
public struct CodingEvaluationIntervals: Sendable, Equatable {
    public struct Interval: Sendable, Equatable {
        public var lower: Double
        public var upper: Double
        public init(lower: Double, upper: Double) {
            self.lower = lower
            self.upper = upper
        }
    }
    public struct Scores: Sendable, Equatable {
        public var precision: Interval?
        public var recall: Interval?
        public var f1: Interval?
    }

    public var themes: [String: Scores]
    public var micro: Scores
    public var macroF1: Interval?
    public var replicates: Int
    public var seed: UInt64

    /// - Parameters:
    ///   - gold / coded / themeIDs: as for `CodingEvaluation`; every segment of `gold` is a unit.
    public static func compute(gold: [String: Set<String>], coded: [String: Set<String>], themeIDs: [String],
                               replicates: Int = 1000, seed: UInt64 = 2018) throws -> CodingEvaluationIntervals {
        let segments = gold.keys.sorted()
        // Per segment and theme: 0 none, 1 true positive, 2 false positive, 3 false negative.
        let outcomes: [[UInt8]] = segments.map { segment in
            let g = gold[segment] ?? [], c = coded[segment] ?? []
            return themeIDs.map { theme in
                switch (g.contains(theme), c.contains(theme)) {
                case (true, true): 1
                case (false, true): 2
                case (true, false): 3
                case (false, false): 0
                }
            }
        }
        // One pass per replicate: every theme's counts, then per theme and pooled P, R, F1, and macro F1.
        let results = try Bootstrap.percentileIntervals(units: segments.count, replicates: replicates, seed: seed) { sample in
            var counts = themeIDs.map { _ in CodingEvaluation.Score() }
            for index in sample {
                for (theme, outcome) in outcomes[index].enumerated() {
                    switch outcome {
                    case 1: counts[theme].truePositives += 1
                    case 2: counts[theme].falsePositives += 1
                    case 3: counts[theme].falseNegatives += 1
                    default: break
                    }
                }
            }
            let micro = counts.reduce(into: CodingEvaluation.Score()) {
                $0.truePositives += $1.truePositives
                $0.falsePositives += $1.falsePositives
                $0.falseNegatives += $1.falseNegatives
            }
            let f1s = counts.compactMap(\.f1)
            let macro = f1s.isEmpty ? nil : f1s.reduce(0, +) / Double(f1s.count)
            return (counts + [micro]).flatMap { [$0.precision, $0.recall, $0.f1] } + [macro]
        }
        func interval(_ slot: Int) -> Interval? { results[slot].map { Interval(lower: $0.lower, upper: $0.upper) } }
        func scores(_ position: Int) -> Scores { Scores(precision: interval(3 * position), recall: interval(3 * position + 1), f1: interval(3 * position + 2)) }
        var perTheme: [String: Scores] = [:]
        for (index, theme) in themeIDs.enumerated() { perTheme[theme] = scores(index) }
        let micro = scores(themeIDs.count)
        let macro = interval(3 * themeIDs.count + 3)
        return CodingEvaluationIntervals(themes: perTheme, micro: micro, macroF1: macro, replicates: replicates, seed: seed)
    }
}
