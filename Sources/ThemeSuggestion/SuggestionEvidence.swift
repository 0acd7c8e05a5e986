extension SuggestionModel {
    /// The features of `text` that weighed most towards `themeID`, heaviest first (ties by feature):
    /// what a reviewer reads beside a model decision, as a rule's matched span is read beside a rule's.
    ///
    /// Contract: only word features (stemmed words, `not_`-marked words, word pairs joined by a space)
    /// present in the text and with a positive weight; letter sequences (`#abc`) are left out, since a
    /// reader cannot check them against the text; at most `count`; empty for a theme the model does not know.
    public func evidence(for text: String, themeID: String, count: Int = 3) -> [(feature: String, weight: Double)] {
        guard let theme = themes.first(where: { $0.themeID == themeID }) else { return [] }
        let present = Set(TextFeatures(options: featureOptions).features(of: text).compactMap { featureIndex(of: $0) })
        return present.map { (feature: features[$0], weight: theme.classifier.weights[$0]) }
            .filter { $0.weight > 0 && !$0.feature.hasPrefix("#") }
            .sorted { ($0.weight, $1.feature) > ($1.weight, $0.feature) }
            .prefix(count).map { $0 }
    }

    /// ``evidence(for:themeID:count:)`` as one line for storage: `police (+1.32), told (+0.87)`.
    public func evidenceLine(for text: String, themeID: String, count: Int = 3) -> String {
        evidence(for: text, themeID: themeID, count: count).map { "\($0.feature) (\(String(format: "%+.2f", $0.weight)))" }.joined(separator: ", ")
    }
}
