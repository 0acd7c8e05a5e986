import Statistics
import Foundation

/// An encoder's parameters in one flat buffer (see `ParameterLayout`), optionally with a multi-label head.
/// A value: copies are independent, and two trainings compare equal exactly when every weight is equal.
public struct EncoderWeights: Sendable, Equatable {
    public let layout: ParameterLayout
    public var values: [Float]

    public var configuration: EncoderConfiguration { layout.configuration }

    /// Random weights as BERT initialises them (normal, standard deviation 0.02; LayerNorm scale 1, biases 0).
    public init(configuration: EncoderConfiguration, labelCount: Int = 0, seed: UInt64) {
        self.init(configuration: configuration, labelCount: labelCount, seed: seed, initialises: { _ in true })
    }

    /// Zero weights, with the tensors whose names pass `initialises` set as BERT initialises them (the rest are
    /// about to be loaded, so drawing them would be wasted time).
    init(configuration: EncoderConfiguration, labelCount: Int, seed: UInt64, initialises: (String) -> Bool) {
        layout = ParameterLayout(configuration: configuration, labelCount: labelCount)
        values = [Float](repeating: 0, count: layout.count)
        var generator = SplitMix64(seed: seed)
        for tensor in layout.tensors where initialises(tensor.name) {
            let isNormScale = tensor.name.hasSuffix("LayerNorm.weight")
            for index in tensor.offset..<(tensor.offset + tensor.count) {
                values[index] = isNormScale ? 1 : tensor.shape.count == 2 ? 0.02 * generator.nextGaussian() : 0
            }
        }
    }

    /// The encoder tensors from a checkpoint (every name of the layout must be there with its shape, as F32);
    /// a head of `labelCount` labels is added, initialised from `seed` as in `init(configuration:labelCount:seed:)`.
    public init(checkpoint: SafeTensors, configuration: EncoderConfiguration, labelCount: Int = 0, seed: UInt64 = 0) throws {
        self.init(configuration: configuration, labelCount: labelCount, seed: seed, initialises: { $0.hasPrefix("classifier.") })
        try load(from: checkpoint, names: layout.tensors.filter { !$0.name.hasPrefix("classifier.") }.map(\.name))
    }

    /// Replaces the tensors named `names` with the checkpoint's.
    mutating func load(from checkpoint: SafeTensors, names: [String]) throws {
        let tensors = Dictionary(uniqueKeysWithValues: layout.tensors.map { ($0.name, $0) })
        for name in names {
            let tensor = tensors[name]!
            let loaded = try checkpoint.floats(name, shape: tensor.shape)
            values.replaceSubrange(tensor.offset..<(tensor.offset + tensor.count), with: loaded)
        }
    }

    /// Every tensor, under its checkpoint name, as a safetensors file (the layout's own order).
    public func safeTensorsData(metadata: [String: String] = [:]) throws -> Data {
        try SafeTensors.encode(layout.tensors.map { tensor in
            (tensor.name, tensor.shape, Array(values[tensor.offset..<(tensor.offset + tensor.count)]))
        }, metadata: metadata)
    }

    /// Reads weights written by `safeTensorsData` for this configuration; the head's size comes from the file.
    public init(savedData data: Data, source: String, configuration: EncoderConfiguration) throws {
        let file = try SafeTensors(data: data, source: source)
        let labelCount = file.entries["classifier.bias"]?.shape.first ?? 0
        self.init(configuration: configuration, labelCount: labelCount, seed: 0, initialises: { _ in false })
        try load(from: file, names: layout.tensors.map(\.name))
    }
}
