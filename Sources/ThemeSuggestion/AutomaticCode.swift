/// A theme in the final automatic coding of a segment, with where it came from, so a reviewer can
/// tell a rule's explainable match from a model's statistical suggestion.
public struct AutomaticCode: Sendable, Equatable, Hashable {
    public var themeID: String
    /// Whether a codebook rule matched the theme.
    public var fromRules: Bool
    /// The model's confidence when it suggested the theme (nil when it did not).
    public var modelConfidence: Double?

    public init(themeID: String, fromRules: Bool, modelConfidence: Double?) {
        self.themeID = themeID
        self.fromRules = fromRules
        self.modelConfidence = modelConfidence
    }

    /// The final automatic coding: every theme the rules matched, plus every theme the model suggested
    /// (suggestions are already cut at the model's threshold, which training chose for this union).
    ///
    /// Why a union: the rules are precise but miss paraphrase; the model adds recall, and its threshold
    /// is set by cross-validation so the added themes improve F1 rather than only recall.
    /// Contract: one entry per theme, sorted by theme id.
    public static func combine(ruleThemes: Set<String>, suggestions: [Suggestion]) -> [AutomaticCode] {
        let confidence = Dictionary(suggestions.map { ($0.themeID, $0.confidence) }, uniquingKeysWith: max)
        return ruleThemes.union(confidence.keys).sorted().map {
            AutomaticCode(themeID: $0, fromRules: ruleThemes.contains($0), modelConfidence: confidence[$0])
        }
    }
}
