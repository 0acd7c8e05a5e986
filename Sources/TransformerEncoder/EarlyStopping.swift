import Foundation

/// What one epoch of `fineTune` did: its mean training loss, the validation micro-F1 at the best threshold,
/// and how long it took (wall clock).
public struct EpochReport: Sendable, Equatable {
    public let epoch: Int
    public let trainingLoss: Double
    public let validation: ValidationScore
    public let seconds: Double

    public init(epoch: Int, trainingLoss: Double, validation: ValidationScore, seconds: Double) {
        self.epoch = epoch
        self.trainingLoss = trainingLoss
        self.validation = validation
        self.seconds = seconds
    }
}

/// The weights of the best epoch on the validation set, with that epoch's threshold and score.
public struct FineTuningResult: Sendable {
    public let weights: EncoderWeights
    public let bestEpoch: Int
    public let validation: ValidationScore
    public let history: [EpochReport]
}

/// Fine-tunes `encoder` with a new head of `labelCount` labels on `training`, scoring `validation` after each
/// epoch (micro-F1 at its best threshold), and stops after `settings.patience` epochs without improvement or at
/// `settings.maximumEpochs`. The head's biases start at each label's log-odds in `training`. Returns the best epoch's weights and threshold: the validation set chooses both the
/// stopping point and the calibration, and nothing else does. `progress` is called after every epoch.
public func fineTune(
    encoder: EncoderWeights, labelCount: Int, training: [LabelledSequence], validation: [LabelledSequence],
    settings: FineTuningSettings, progress: (EpochReport) -> Void = { _ in }
) -> FineTuningResult {
    precondition(!validation.isEmpty, "a validation set is needed for early stopping and the threshold")
    let prevalence = (0..<labelCount).map { label in training.reduce(Float(0)) { $0 + $1.targets[label] } / Float(training.count) }
    let tuner = MultiLabelFineTuner(encoder: encoder, labelCount: labelCount, trainingCount: training.count, settings: settings,
                                    labelPrevalence: prevalence)
    var history: [EpochReport] = []
    var best: (weights: EncoderWeights, epoch: Int, score: ValidationScore)?
    for epoch in 1...settings.maximumEpochs {
        let started = Date()
        let loss = tuner.trainEpoch(training)
        let probabilities = tuner.weights.labelProbabilities(tokenSequences: validation.map(\.tokenIDs))
        let score = ValidationScore.best(probabilities: probabilities, targets: validation.map(\.targets))
        let report = EpochReport(epoch: epoch, trainingLoss: loss, validation: score, seconds: Date().timeIntervalSince(started))
        history.append(report)
        progress(report)
        if best == nil || score.microF1 > best!.score.microF1 {
            best = (tuner.weights, epoch, score)
        } else if epoch - best!.epoch >= settings.patience {
            break
        }
    }
    return FineTuningResult(weights: best!.weights, bestEpoch: best!.epoch, validation: best!.score, history: history)
}
