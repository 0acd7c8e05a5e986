import Statistics
import Foundation

/// One training answer for the multi-label head: its token ids (from `WordPieceTokenizer`) and, per label,
/// 1 when the analysts applied it and 0 when not.
public struct LabelledSequence: Sendable, Equatable {
    public var tokenIDs: [Int32]
    public var targets: [Float]

    public init(tokenIDs: [Int32], targets: [Float]) {
        self.tokenIDs = tokenIDs
        self.targets = targets
    }
}

/// How a fine-tuning run is set up. The defaults are those measured on this project's training sets (see
/// BENCHMARKS.md): AdamW at 8e-5 with 10% linear warm-up then linear decay to zero, batches of 16, dropout 0.1.
public struct FineTuningSettings: Sendable, Equatable, Codable {
    public var maximumEpochs = 10
    /// Epochs without a better validation micro-F1 before stopping.
    public var patience = 3
    public var batchSize = 16
    public var learningRate: Float = 8e-5
    /// The new head's peak learning rate (same schedule): it starts from nothing, so at the encoder's rate its
    /// bias alone would need many epochs to reach the labels' base rates.
    public var headLearningRate: Float = 1e-3
    public var warmupFraction: Float = 0.1
    public var weightDecay: Float = 0.01
    public var dropoutRate: Float = 0.1
    /// Seeds the head's initial weights, the shuffling and the dropout masks: same seed, same data, same weights.
    public var seed: UInt64 = 13
    /// Layers below this one (and the embeddings, when it is above 0) stay as published. Their outputs are
    /// then computed once per answer, without dropout, and cached: each step runs only the trained layers.
    public var firstTrainableLayer = 0

    public init() {}
}

/// Trains an encoder with a multi-label head by mini-batch AdamW, reproducibly.
///
/// Contract: given the same starting weights, examples, settings and BLAS thread count, the weights after each
/// step are identical bit for bit. Everything random (head initialisation, shuffling, dropout) comes from one
/// `SplitMix64` seeded from `settings.seed`.
public final class MultiLabelFineTuner {
    public private(set) var weights: EncoderWeights
    public let settings: FineTuningSettings
    /// Optimiser steps over the whole run (for the learning-rate schedule), and those taken so far.
    public let totalSteps: Int
    public var stepsTaken: Int { optimiser.stepCount }
    private var optimiser: AdamW
    private var generator: SplitMix64
    private var gradients: [Float]
    /// With frozen lower layers: each answer's output of the last frozen layer, by token ids.
    private var frozenOutputs: [[Int32]: [Float]] = [:]

    /// Starts from `encoder` (its encoder tensors; any head it has is replaced by a new one of `labelCount`
    /// labels), planning the schedule for `trainingCount` examples over `settings.maximumEpochs` epochs. With
    /// `labelPrevalence` (each label's share of training answers) the head's biases start at its log-odds, so
    /// the first steps need not learn how rare each label is.
    public init(encoder: EncoderWeights, labelCount: Int, trainingCount: Int, settings: FineTuningSettings, labelPrevalence: [Float]? = nil) {
        precondition(labelCount > 0 && trainingCount > 0 && settings.batchSize > 0, "nothing to train")
        precondition((0...encoder.configuration.layerCount).contains(settings.firstTrainableLayer), "no such layer")
        var weights = EncoderWeights(configuration: encoder.configuration, labelCount: labelCount, seed: settings.seed, initialises: { $0.hasPrefix("classifier.") })
        let encoderCount = weights.layout.layerStart(encoder.configuration.layerCount)
        weights.values.replaceSubrange(0..<encoderCount, with: encoder.values[0..<encoderCount])
        if let labelPrevalence {
            precondition(labelPrevalence.count == labelCount, "one prevalence per label")
            for (label, share) in labelPrevalence.enumerated() {
                let p = min(max(share, 1e-3), 1 - 1e-3)
                weights.values[weights.layout.headBias + label] = log(p / (1 - p))
            }
        }
        self.weights = weights
        self.settings = settings
        totalSteps = settings.maximumEpochs * ((trainingCount + settings.batchSize - 1) / settings.batchSize)
        let firstTrained = settings.firstTrainableLayer == 0 ? 0 : weights.layout.layerStart(settings.firstTrainableLayer)
        optimiser = AdamW(layout: weights.layout, weightDecay: settings.weightDecay, trained: firstTrained..<weights.layout.count)
        generator = SplitMix64(seed: settings.seed ^ 0x5EED_0F_D47A)
        gradients = [Float](repeating: 0, count: weights.layout.count)
    }

    /// The learning rate at step `step` (from 0): linear warm-up, then linear decay to zero at `totalSteps`.
    public func learningRate(atStep step: Int) -> Float {
        let warmup = max(1, Int((settings.warmupFraction * Float(totalSteps)).rounded(.up)))
        if step < warmup { return settings.learningRate * Float(step + 1) / Float(warmup) }
        return settings.learningRate * max(0, Float(totalSteps - step) / Float(max(1, totalSteps - warmup)))
    }

    /// One pass over `examples` in a seeded random order; returns the mean training loss of its batches.
    @discardableResult
    public func trainEpoch(_ examples: [LabelledSequence]) -> Double {
        var order = Array(examples.indices)
        generator.shuffle(&order)
        var total = 0.0, batches = 0
        for start in stride(from: 0, to: order.count, by: settings.batchSize) {
            let batch = order[start..<min(start + settings.batchSize, order.count)].map { examples[$0] }
            total += step(batch)
            batches += 1
        }
        return total / Double(max(batches, 1))
    }

    /// One optimiser step on `batch`; returns its loss before the step.
    public func step(_ batch: [LabelledSequence]) -> Double {
        let rate = learningRate(atStep: optimiser.stepCount)
        let loss = lossAndGradient(batch)
        let head = weights.layout.layerStart(weights.configuration.layerCount)
        optimiser.update(&weights.values, gradients: gradients, learningRates: [
            (0..<head, rate), (head..<weights.layout.count, rate * settings.headLearningRate / settings.learningRate),
        ])
        return loss
    }

    /// The batch's loss with dropout drawn from the run's generator, leaving ∂L/∂θ in `gradients`.
    private func lossAndGradient(_ batch: [LabelledSequence]) -> Double {
        gradients.withUnsafeMutableBufferPointer { $0.update(repeating: 0) }
        let frozen = settings.firstTrainableLayer
        guard frozen > 0 else {
            return trainingLoss(weights, batch, dropoutRate: settings.dropoutRate, generator: &generator, gradients: &gradients)
        }
        // In the batch's own order, not a Set's: a Set iterates in a per-process order, the lower layers
        // then ran on differently composed batches, and BLAS rounds differently by shape, so the same
        // seed gave different weights from one process to the next.
        var seen: Set<[Int32]> = []
        let missing = batch.map(\.tokenIDs).filter { frozenOutputs[$0] == nil && seen.insert($0).inserted }
        for (ids, rows) in zip(missing, lowerLayerOutputs(weights, tokenSequences: missing, below: frozen)) { frozenOutputs[ids] = rows }
        return trainingLoss(weights, batch, dropoutRate: settings.dropoutRate, generator: &generator, gradients: &gradients,
                            firstTrainableLayer: frozen, startInput: batch.map { frozenOutputs[$0.tokenIDs]! })
    }
}

/// The mean binary cross-entropy of `weights` (with a head) on `batch`, drawing dropout from `generator`, and
/// adding ∂L/∂θ to `gradients`. Shared by the trainer and the gradient checks. With `startInput` (each
/// sequence's output of layer `firstTrainableLayer - 1`) the pass starts at `firstTrainableLayer`.
func trainingLoss(
    _ weights: EncoderWeights, _ batch: [LabelledSequence], dropoutRate: Float, generator: inout SplitMix64,
    gradients: inout [Float], firstTrainableLayer: Int = 0, startInput: [[Float]]? = nil
) -> Double {
    let pass = EncoderPass(layout: weights.layout, sequences: batch.map(\.tokenIDs), dropoutRate: dropoutRate, keepsActivations: true,
                           startLayer: startInput == nil ? 0 : firstTrainableLayer, startInput: startInput ?? [])
    return weights.values.withUnsafeBufferPointer { p in
        pass.run(p.baseAddress!, generator: &generator)
        return gradients.withUnsafeMutableBufferPointer { g in
            MultiLabelHead.loss(pass, p.baseAddress!, targets: batch.flatMap(\.targets), gradients: g.baseAddress!,
                                firstTrainableLayer: firstTrainableLayer)
        }
    }
}

extension EncoderWeights {
    /// Per-label probabilities (sigmoid of the head's logits) for each token sequence, without dropout.
    public func labelProbabilities(tokenSequences: [[Int32]], batchSize: Int = 32) -> [[Float]] {
        precondition(layout.labelCount > 0, "these weights have no head")
        let pooled = pooledOutputs(self, tokenSequences: tokenSequences, batchSize: batchSize)
        let h = configuration.hiddenSize, labels = layout.labelCount
        return pooled.map { vector in
            (0..<labels).map { label in
                var z = values[layout.headBias + label]
                for j in 0..<h { z += values[layout.headWeights + label * h + j] * vector[j] }
                return sigmoid(z)
            }
        }
    }
}
