/// The shape of a BERT encoder. `miniLM` is all-MiniLM-L6-v2's (its `config.json`); tests use tiny ones.
public struct EncoderConfiguration: Sendable, Equatable, Codable {
    public var vocabularySize: Int
    public var hiddenSize: Int
    public var layerCount: Int
    public var headCount: Int
    public var intermediateSize: Int
    public var maximumPositions: Int
    public var typeVocabularySize: Int
    public var layerNormEpsilon: Float

    public init(
        vocabularySize: Int, hiddenSize: Int, layerCount: Int, headCount: Int, intermediateSize: Int,
        maximumPositions: Int, typeVocabularySize: Int = 2, layerNormEpsilon: Float = 1e-12
    ) {
        precondition(hiddenSize % headCount == 0, "hidden size must split evenly into heads")
        self.vocabularySize = vocabularySize
        self.hiddenSize = hiddenSize
        self.layerCount = layerCount
        self.headCount = headCount
        self.intermediateSize = intermediateSize
        self.maximumPositions = maximumPositions
        self.typeVocabularySize = typeVocabularySize
        self.layerNormEpsilon = layerNormEpsilon
    }

    /// all-MiniLM-L6-v2: 6 layers, 384 wide, 12 heads, 1,536-wide feed-forward, 30,522 word pieces.
    public static let miniLM = EncoderConfiguration(
        vocabularySize: 30522, hiddenSize: 384, layerCount: 6, headCount: 12, intermediateSize: 1536, maximumPositions: 512)

    public var headSize: Int { hiddenSize / headCount }
}
