/// The feature list of a training set and each text's row of feature indices.
///
/// Contract: features are kept when at least `minimumDocumentFrequency` texts have them and listed in
/// sorted order, so the same texts give the same list whatever order they come in.
struct FeatureVocabulary {
    let features: [String]
    let design: SparseDesign

    init(texts: [String], options: FeatureOptions) {
        let extractor = TextFeatures(options: options)
        let perText = texts.map { extractor.features(of: $0) }
        var documentFrequency: [String: Int] = [:]
        for features in perText {
            for feature in features { documentFrequency[feature, default: 0] += 1 }
        }
        features = documentFrequency.filter { $0.value >= options.minimumDocumentFrequency }.keys.sorted()
        let index = Dictionary(uniqueKeysWithValues: features.enumerated().map { ($1, $0) })
        design = SparseDesign(rows: perText.map { $0.compactMap { index[$0] } }, featureCount: features.count)
    }
}
