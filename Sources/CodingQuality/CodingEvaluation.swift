/// Precision, recall and F1 of one coder against a reference ("gold") coder, per theme and overall.
///
/// Each segment is a unit; for each theme, a segment is a true positive when both coders applied the
/// theme, a false positive when only the evaluated coder did, a false negative when only the gold
/// coder did. Micro averages pool the counts over themes (dominated by common themes); the macro F1
/// is the plain mean of per-theme F1 (every theme weighs the same). A theme with no positives on
/// either side has undefined precision/recall and is left out of the macro mean.
public struct CodingEvaluation: Sendable, Equatable {
    public struct Score: Sendable, Equatable {
        public var truePositives = 0
        public var falsePositives = 0
        public var falseNegatives = 0

        public init(truePositives: Int = 0, falsePositives: Int = 0, falseNegatives: Int = 0) {
            self.truePositives = truePositives
            self.falsePositives = falsePositives
            self.falseNegatives = falseNegatives
        }

        /// Segments the gold coder coded with the theme.
        public var support: Int { truePositives + falseNegatives }
        public var precision: Double? { ratio(truePositives, truePositives + falsePositives) }
        public var recall: Double? { ratio(truePositives, truePositives + falseNegatives) }
        public var f1: Double? {
            let denominator = 2 * truePositives + falsePositives + falseNegatives
            return ratio(2 * truePositives, denominator)
        }
        private func ratio(_ a: Int, _ b: Int) -> Double? { b == 0 ? nil : Double(a) / Double(b) }
    }

    public var themes: [String: Score]
    public var micro: Score

    /// The macro-averaged F1 over themes where it is defined.
    public var macroF1: Double? {
        let scores = themes.values.compactMap(\.f1)
        return scores.isEmpty ? nil : scores.reduce(0, +) / Double(scores.count)
    }

    /// Compares codings of the same segments.
    ///
    /// - Parameters:
    ///   - gold: theme ids per segment from the reference coder (every evaluated segment must be here,
    ///     with an empty set when it carries no theme).
    ///   - coded: theme ids per segment from the evaluated coder; a missing segment means no themes.
    ///   - themeIDs: the themes to score (others are ignored).
    public init(gold: [String: Set<String>], coded: [String: Set<String>], themeIDs: [String]) {
        var themes = Dictionary(uniqueKeysWithValues: themeIDs.map { ($0, Score()) })
        for (segment, goldThemes) in gold {
            let codedThemes = coded[segment] ?? []
            for theme in themeIDs {
                switch (goldThemes.contains(theme), codedThemes.contains(theme)) {
                case (true, true): themes[theme]?.truePositives += 1
                case (false, true): themes[theme]?.falsePositives += 1
                case (true, false): themes[theme]?.falseNegatives += 1
                case (false, false): break
                }
            }
        }
        var micro = Score()
        for score in themes.values {
            micro.truePositives += score.truePositives
            micro.falsePositives += score.falsePositives
            micro.falseNegatives += score.falseNegatives
        }
        self.themes = themes
        self.micro = micro
    }
}
