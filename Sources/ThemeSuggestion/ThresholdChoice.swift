import CodingQuality

/// The confidence threshold that maximises micro F1 of the final automatic codes on held-out folds.
///
/// The final codes of an example are its rule themes plus every theme whose out-of-fold confidence
/// reaches the threshold (with no rule themes, the model alone). One threshold serves every theme:
/// with about ten positives per theme in a few hundred coded segments, a per-theme threshold would
/// be fitted to a handful of examples. Ties go to the first candidate, so the choice is deterministic.
public struct ThresholdChoice: Sendable {
    public let threshold: Double
    /// The out-of-fold evaluation at that threshold.
    public let evaluation: CodingEvaluation

    /// - Parameters:
    ///   - confidences: per example, the confidences from ``SuggestionTrainer/outOfFoldConfidences(_:themeIDs:configuration:)``.
    ///   - candidates: thresholds to try, at least one.
    public init(confidences: [[Suggestion]], examples: [TrainingExample], themeIDs: [String], candidates: [Double]) throws {
        let gold = Dictionary(uniqueKeysWithValues: examples.enumerated().map { (String($0), $1.themes) })
        var best: (threshold: Double, evaluation: CodingEvaluation)?
        for candidate in candidates {
            var coded: [String: Set<String>] = [:]
            for (index, example) in examples.enumerated() {
                let suggested = confidences[index].filter { $0.confidence >= candidate }.map(\.themeID)
                coded[String(index)] = example.ruleThemes.union(suggested)
            }
            let evaluation = CodingEvaluation(gold: gold, coded: coded, themeIDs: themeIDs)
            if best == nil || (evaluation.micro.f1 ?? 0) > (best?.evaluation.micro.f1 ?? 0) { best = (candidate, evaluation) }
        }
        guard let best else { throw SuggestionError.noThresholdCandidates }
        threshold = best.threshold
        evaluation = best.evaluation
    }
}
