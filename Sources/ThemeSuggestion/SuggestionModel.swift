import Foundation

/// A trained suggestion model: one binary classifier per theme over a shared feature list.
///
/// Contract: scoring is pure and deterministic; words never seen in training are ignored, so an empty
/// or wholly unknown text scores every theme at its bias alone (about its base rate in training). The JSON form (``jsonData()``) has
/// sorted keys and a fixed feature and theme order, so the same model always serialises to the same
/// bytes and can be stored and compared as a model version.
public struct SuggestionModel: Sendable, Equatable {
    /// The version of the JSON layout; bumped when it changes incompatibly.
    public static let formatVersion = 1

    public let featureOptions: FeatureOptions
    public let classifierKind: ClassifierKind
    /// The features the weights refer to, sorted.
    public let features: [String]
    /// One entry per theme, in the order of the theme ids given to training.
    public let themes: [ThemeClassifier]
    private let featureIndex: [String: Int]

    public init(featureOptions: FeatureOptions, classifierKind: ClassifierKind, features: [String], themes: [ThemeClassifier]) throws {
        for theme in themes where theme.classifier.weights.count != features.count {
            throw SuggestionError.weightCountMismatch(theme: theme.themeID, weights: theme.classifier.weights.count, features: features.count)
        }
        self.featureOptions = featureOptions
        self.classifierKind = classifierKind
        self.features = features
        self.themes = themes
        featureIndex = Dictionary(uniqueKeysWithValues: features.enumerated().map { ($1, $0) })
    }

    /// The position of a feature in ``features``, nil when the model has no such feature.
    func featureIndex(of feature: String) -> Int? { featureIndex[feature] }

    /// Every theme's confidence for the text, in the model's theme order.
    public func confidences(for text: String) -> [Suggestion] {
        let indices = TextFeatures(options: featureOptions).features(of: text).compactMap { featureIndex[$0] }
        return themes.map { Suggestion(themeID: $0.themeID, confidence: $0.classifier.confidence(of: indices)) }
    }

    /// The themes whose confidence reaches their threshold, most confident first (ties by theme id).
    public func suggest(_ text: String) -> [Suggestion] {
        zip(themes, confidences(for: text))
            .filter { $1.confidence >= $0.threshold }
            .map(\.1)
            .sorted { ($0.confidence, $1.themeID) > ($1.confidence, $0.themeID) }
    }
}

extension SuggestionModel: Codable {
    private enum CodingKeys: String, CodingKey {
        case formatVersion, featureOptions, classifierKind, features, themes
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let version = try container.decode(Int.self, forKey: .formatVersion)
        guard version == Self.formatVersion else { throw SuggestionError.unsupportedFormatVersion(version) }
        try self.init(
            featureOptions: container.decode(FeatureOptions.self, forKey: .featureOptions),
            classifierKind: container.decode(ClassifierKind.self, forKey: .classifierKind),
            features: container.decode([String].self, forKey: .features),
            themes: container.decode([ThemeClassifier].self, forKey: .themes)
        )
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(Self.formatVersion, forKey: .formatVersion)
        try container.encode(featureOptions, forKey: .featureOptions)
        try container.encode(classifierKind, forKey: .classifierKind)
        try container.encode(features, forKey: .features)
        try container.encode(themes, forKey: .themes)
    }

    /// The model as canonical JSON (sorted keys), for storage as a model version.
    public func jsonData() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(self)
    }

    /// Reads a model written by ``jsonData()``.
    public init(json: Data) throws {
        self = try JSONDecoder().decode(Self.self, from: json)
    }
}
