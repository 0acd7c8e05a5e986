/// Where each tensor of an encoder (plus an optional multi-label head) lies in one flat `[Float]`.
///
/// One flat buffer for all parameters, and one of the same layout for their gradients and for each AdamW
/// moment, keeps the optimiser a single loop and makes "same seed, same weights" a comparison of two arrays.
/// Tensor names are the published checkpoint's (`encoder.layer.3.attention.self.query.weight`), so loading and
/// saving are a walk over `tensors`. Linear weights are stored as PyTorch does, `[out, in]`.
public struct ParameterLayout: Sendable, Equatable {
    /// One tensor: its checkpoint name, shape, offset in the flat buffer, and whether AdamW decays it
    /// (weight matrices yes; biases, LayerNorm parameters and embeddings' LayerNorm no, as in BERT fine-tuning).
    public struct Tensor: Sendable, Equatable {
        public let name: String
        public let shape: [Int]
        public let offset: Int
        public let decays: Bool
        public var count: Int { shape.reduce(1, *) }
    }

    /// Offsets of one transformer layer's tensors.
    struct Layer: Sendable, Equatable {
        var query = 0, queryBias = 0, key = 0, keyBias = 0, value = 0, valueBias = 0
        var attentionOutput = 0, attentionOutputBias = 0, attentionNormScale = 0, attentionNormShift = 0
        var intermediate = 0, intermediateBias = 0, output = 0, outputBias = 0, outputNormScale = 0, outputNormShift = 0
    }

    public let configuration: EncoderConfiguration
    public let labelCount: Int
    public private(set) var tensors: [Tensor] = []
    public private(set) var count = 0
    private(set) var wordEmbeddings = 0, positionEmbeddings = 0, typeEmbeddings = 0
    private(set) var embeddingNormScale = 0, embeddingNormShift = 0
    private(set) var layers: [Layer] = []
    private(set) var headWeights = 0, headBias = 0
    /// Offset where the encoder's layer `index` begins; `layerStart(configuration.layerCount)` is the head's start.
    private(set) var layerStarts: [Int] = []

    /// The encoder of `configuration` followed, when `labelCount > 0`, by a linear head `classifier.weight`
    /// `[labelCount, hidden]` and `classifier.bias`.
    public init(configuration: EncoderConfiguration, labelCount: Int = 0) {
        self.configuration = configuration
        self.labelCount = labelCount
        let h = configuration.hiddenSize, i = configuration.intermediateSize
        wordEmbeddings = add("embeddings.word_embeddings.weight", [configuration.vocabularySize, h], decays: true)
        positionEmbeddings = add("embeddings.position_embeddings.weight", [configuration.maximumPositions, h], decays: true)
        typeEmbeddings = add("embeddings.token_type_embeddings.weight", [configuration.typeVocabularySize, h], decays: true)
        embeddingNormScale = add("embeddings.LayerNorm.weight", [h], decays: false)
        embeddingNormShift = add("embeddings.LayerNorm.bias", [h], decays: false)
        for index in 0..<configuration.layerCount {
            layerStarts.append(count)
            let p = "encoder.layer.\(index)."
            var layer = Layer()
            layer.query = add(p + "attention.self.query.weight", [h, h], decays: true)
            layer.queryBias = add(p + "attention.self.query.bias", [h], decays: false)
            layer.key = add(p + "attention.self.key.weight", [h, h], decays: true)
            layer.keyBias = add(p + "attention.self.key.bias", [h], decays: false)
            layer.value = add(p + "attention.self.value.weight", [h, h], decays: true)
            layer.valueBias = add(p + "attention.self.value.bias", [h], decays: false)
            layer.attentionOutput = add(p + "attention.output.dense.weight", [h, h], decays: true)
            layer.attentionOutputBias = add(p + "attention.output.dense.bias", [h], decays: false)
            layer.attentionNormScale = add(p + "attention.output.LayerNorm.weight", [h], decays: false)
            layer.attentionNormShift = add(p + "attention.output.LayerNorm.bias", [h], decays: false)
            layer.intermediate = add(p + "intermediate.dense.weight", [i, h], decays: true)
            layer.intermediateBias = add(p + "intermediate.dense.bias", [i], decays: false)
            layer.output = add(p + "output.dense.weight", [h, i], decays: true)
            layer.outputBias = add(p + "output.dense.bias", [h], decays: false)
            layer.outputNormScale = add(p + "output.LayerNorm.weight", [h], decays: false)
            layer.outputNormShift = add(p + "output.LayerNorm.bias", [h], decays: false)
            layers.append(layer)
        }
        layerStarts.append(count)
        if labelCount > 0 {
            headWeights = add("classifier.weight", [labelCount, h], decays: true)
            headBias = add("classifier.bias", [labelCount], decays: false)
        }
    }

    private mutating func add(_ name: String, _ shape: [Int], decays: Bool) -> Int {
        let offset = count
        tensors.append(Tensor(name: name, shape: shape, offset: offset, decays: decays))
        count += shape.reduce(1, *)
        return offset
    }

    /// Offset where layer `index` begins (`layerCount` gives where the head begins).
    func layerStart(_ index: Int) -> Int { layerStarts[index] }
}
