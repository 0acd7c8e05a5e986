import ConsultationModel
import FileReading
import Foundation
import RuleCoding
import Statistics
import ThemeSuggestion
import TransformerEncoder

/// Transformer encoder benchmarks without a database (results in BENCHMARKS.md):
///
/// - `inference MODEL_DIR`: tokenise and embed every answer of the four training sets and held-out sets 2-4
///   (batches of 32), twice; prints segments/s and peak RSS.
/// - `fine-tune MODEL_DIR [--first-trainable-layer K] [--max-epochs N] [--score-set-4]`: fine-tunes on the four
///   training sets (`surveys/training/training-*.csv`) less a seeded 15% validation split, which alone chooses
///   the stopping epoch and the threshold; then scores held-out set 3 (and, with `--score-set-4`, the headline
///   set 4, to be run once with the final settings). Prints each epoch, the times, micro-F1, peak RSS and the
///   size of the saved model. With `--combine`, also the counted codings the transformer can join: rules ∪
///   transformer, the word model (`ThemeSuggestion`, trained on the same split) alone and with the rules, and
///   the mean of the two models' probabilities (threshold chosen on the validation split) alone and with the
///   rules; with `--polis DIR` (the shared Polis folder) the same on the real statements, joined by comment id
///   to `surveys/evaluation/polis-gold.csv`. The combination is chosen by set 3; set 4 only reports it.
///
/// MODEL_DIR holds `model.safetensors` and `vocab.txt` (e.g. `$CONSULT_HOME/models/all-MiniLM-L6-v2`).
/// Usage (from the package root): swift run -c release --scratch-path .build-release transformer-bench fine-tune DIR
func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("transformer-bench: \(message)\n".utf8))
    exit(2)
}

/// One line to standard output at once (not buffered), so a long run can be followed in its log.
func report(_ line: String) {
    FileHandle.standardOutput.write(Data((line + "\n").utf8))
}

func peakRSSMegabytes() -> Double {
    var usage = rusage()
    getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
    return Double(usage.ru_maxrss) / 1024
}

/// User + system CPU seconds of this process so far: on a machine shared with other builds, wall time
/// measures the neighbours too, CPU time only this work.
func cpuSeconds() -> Double {
    var usage = rusage()
    getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
    return Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
}

/// The 1-minute load average, printed beside every timing.
func loadAverage() -> String {
    (try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8))?.split(separator: " ").first.map(String.init) ?? "?"
}

func seconds(since start: ContinuousClock.Instant) -> Double {
    let elapsed = ContinuousClock.now - start
    return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
}

/// (text, themes) of a hand-coded file with columns `id,source,question,text,themes` (themes `;`-joined).
func codedAnswers(_ path: String) throws -> [(text: String, themes: [String])] {
    var reader = try CSVReader(path: path)
    guard let header = try reader.next()?.fields, let text = header.firstIndex(of: "text"), let themes = header.firstIndex(of: "themes") else {
        fail("\(path): no text and themes columns")
    }
    var rows: [(String, [String])] = []
    while let record = try reader.next() {
        rows.append((record.fields[text], record.fields[themes].split(separator: ";").map(String.init)))
    }
    return rows
}

var arguments = Array(CommandLine.arguments.dropFirst())
func option(_ name: String, in arguments: inout [String]) -> String? {
    guard let index = arguments.firstIndex(of: name) else { return nil }
    guard index + 1 < arguments.count else { fail("\(name) needs a value") }
    let value = arguments[index + 1]
    arguments.removeSubrange(index...(index + 1))
    return value
}
let scoreSetFour = arguments.contains("--score-set-4")
arguments.removeAll { $0 == "--score-set-4" }
let combine = arguments.contains("--combine")
arguments.removeAll { $0 == "--combine" }
let polisDirectory = option("--polis", in: &arguments)
let firstTrainableLayer = Int(option("--first-trainable-layer", in: &arguments) ?? "0") ?? 0
let maximumEpochs = Int(option("--max-epochs", in: &arguments) ?? "10") ?? 10
let trainingSeed = UInt64(option("--seed", in: &arguments) ?? "13") ?? 13
let dumpPath = option("--dump", in: &arguments)
let refitEpochs = option("--refit-epochs", in: &arguments).flatMap { Int($0) }
let soupModel = option("--soup", in: &arguments)
/// Further coded files trained on beside the four training sets (`--extra-training FILE`, repeatable): more
/// answers in other writers' words. Their rows join the pool that the validation split is drawn from.
var extraTraining: [String] = []
while let path = option("--extra-training", in: &arguments) { extraTraining.append(path) }
if arguments.first == "choose" {
    try choose(dumps: Array(arguments.dropFirst()), scoreSetFour: scoreSetFour, soupModel: soupModel)
    exit(0)
}
guard arguments.count == 2, ["inference", "fine-tune"].contains(arguments[0]) else {
    fail("usage: transformer-bench inference|fine-tune MODEL_DIR [--first-trainable-layer K] [--max-epochs N] [--seed N] [--refit-epochs N] [--extra-training FILE]... [--dump FILE] [--score-set-4] [--combine [--polis DIR]] | choose DUMP... [--soup MODEL_DIR] [--score-set-4]")
}
let files = BaseModelFiles(directory: URL(fileURLWithPath: arguments[1]))
let loadStart = ContinuousClock.now
let encoder = try SentenceEncoder(files: files)
report(String(format: "model loaded in %.2f s", seconds(since: loadStart)))

let training = try ((1...4).map { "surveys/training/training-\($0).csv" } + extraTraining).flatMap { try codedAnswers($0) }
let heldOut = try (2...4).map { try codedAnswers("surveys/evaluation/heldout-gold-\($0).csv") }

if arguments[0] == "inference" {
    let texts = training.map(\.text) + heldOut.flatMap { $0.map(\.text) }
    for run in 1...2 {
        let start = ContinuousClock.now, cpuStart = cpuSeconds()
        let ids = texts.map { encoder.tokenizer.tokenIDs($0) }
        let tokenised = seconds(since: start)
        let vectors = encoder.embed(tokenSequences: ids)
        let total = seconds(since: start)
        precondition(vectors.count == texts.count)
        let cpu = cpuSeconds() - cpuStart
        report(String(format: "run %d: %d segments (%d tokens) in %.2f s (tokenising %.2f s): %.0f segments/s; CPU %.1f s (%.0f segments per CPU-second); load %@; peak RSS %.0f MB",
                     run, texts.count, ids.reduce(0) { $0 + $1.count }, total, tokenised, Double(texts.count) / total, cpu,
                     Double(texts.count) / cpu, loadAverage(), peakRSSMegabytes()))
    }
    exit(0)
}

let labels = Array(Set(training.flatMap(\.themes))).sorted()
func labelled(_ rows: [(text: String, themes: [String])]) -> [LabelledSequence] {
    rows.map { row in
        LabelledSequence(tokenIDs: encoder.tokenizer.tokenIDs(row.text), targets: labels.map { row.themes.contains($0) ? 1 : 0 })
    }
}
var order = Array(training.indices)
var splitter = SplitMix64(seed: 2026)
splitter.shuffle(&order)
let validationCount = training.count * 15 / 100
let validation = labelled(order.prefix(validationCount).map { training[$0] })
let trainingSet = labelled(order.dropFirst(validationCount).map { training[$0] })
var settings = FineTuningSettings()
settings.maximumEpochs = maximumEpochs
settings.firstTrainableLayer = firstTrainableLayer
settings.seed = trainingSeed
if let refitEpochs {
    try refit(epochs: refitEpochs)
    exit(0)
}
report("fine-tuning on \(trainingSet.count) answers, validating on \(validation.count), \(labels.count) labels, settings \(settings)")
let start = ContinuousClock.now
let result = fineTune(encoder: encoder.weights, labelCount: labels.count, training: trainingSet, validation: validation, settings: settings) { epoch in
    report(String(format: "epoch %2d  loss %.4f  validation micro-F1 %.3f at threshold %.2f  %.1f s  CPU so far %.0f s  load %@  peak RSS %.0f MB",
                 epoch.epoch, epoch.trainingLoss, epoch.validation.microF1, epoch.validation.threshold, epoch.seconds,
                 cpuSeconds(), loadAverage(), peakRSSMegabytes()))
}
let trainingSeconds = seconds(since: start)
let epochs = result.history.count
report(String(format: "fine-tuning: %d epochs in %.1f s (%.1f s per epoch, training and validation), best epoch %d, threshold %.2f",
             epochs, trainingSeconds, trainingSeconds / Double(epochs), result.bestEpoch, result.validation.threshold))
let saved = try result.weights.safeTensorsData()
report(String(format: "saved model: %.1f MB", Double(saved.count) / 1_048_576))
var scored = heldOut.enumerated().filter { $0.offset == 1 || ($0.offset == 2 && scoreSetFour) }.map { (name: "held-out set \($0.offset + 2)", rows: $0.element) }
if let polisDirectory { scored.append((name: "Polis (real statements)", rows: try polisStatements(polisDirectory))) }
let combination = combine ? try Combination(training: order.dropFirst(validationCount).map { training[$0] }, labels: labels,
                                            validation: order.prefix(validationCount).map { training[$0] },
                                            validationProbabilities: result.weights.labelProbabilities(tokenSequences: validation.map(\.tokenIDs))) : nil
for set in scored {
    let data = labelled(set.rows)
    let scoringStart = ContinuousClock.now
    let probabilities = result.weights.labelProbabilities(tokenSequences: data.map(\.tokenIDs))
    let scoring = seconds(since: scoringStart)
    let f1 = ValidationScore.microF1(probabilities: probabilities, targets: data.map(\.targets), threshold: result.validation.threshold)
    report(String(format: "%@ (%d answers): micro-F1 %.3f (scored in %.2f s)", set.name, data.count, f1, scoring))
    combination?.score(set.rows, transformer: probabilities, transformerThreshold: result.validation.threshold, targets: data.map(\.targets), name: set.name)
}
report(String(format: "peak RSS %.0f MB", peakRSSMegabytes()))
if let dumpPath {
    try dump(result.weights, to: dumpPath, bestEpoch: result.bestEpoch, threshold: result.validation.threshold)
}

/// Writes the probabilities of `weights` on the validation split, held-out sets 3 and 4 and (with `--polis`)
/// the Polis statements, for `choose` to combine runs without training again.
@MainActor func dump(_ weights: EncoderWeights, to path: String, bestEpoch: Int, threshold: Float?) throws {
    var sets = [RunDump.Scored(name: "validation", rows: order.prefix(validationCount).map { training[$0] })]
    sets.append(RunDump.Scored(name: "set 3", rows: heldOut[1]))
    sets.append(RunDump.Scored(name: "set 4", rows: heldOut[2]))
    if let polisDirectory { sets.append(RunDump.Scored(name: "Polis", rows: try polisStatements(polisDirectory))) }
    for index in sets.indices {
        sets[index].probabilities = weights.labelProbabilities(tokenSequences: sets[index].texts.map { encoder.tokenizer.tokenIDs($0) })
    }
    let run = RunDump(seed: settings.seed, refit: refitEpochs != nil, bestEpoch: bestEpoch, threshold: threshold, labels: labels, sets: sets)
    try JSONEncoder().encode(run).write(to: URL(fileURLWithPath: path))
    try weights.safeTensorsData().write(to: URL(fileURLWithPath: path + ".safetensors"))
    report("probabilities written to \(path), weights to \(path).safetensors")
}

/// Trains on every training answer (no validation split) for `epochs` epochs of the schedule planned for
/// `settings.maximumEpochs`, as a run with the split stopped at its best epoch: what refitting on all the
/// data would give. Its threshold comes from the run with the split (`choose --refit`).
@MainActor func refit(epochs: Int) throws {
    let everything = labelled(training)
    let prevalence = (0..<labels.count).map { label in everything.reduce(Float(0)) { $0 + $1.targets[label] } / Float(everything.count) }
    let tuner = MultiLabelFineTuner(encoder: encoder.weights, labelCount: labels.count, trainingCount: everything.count, settings: settings,
                                    labelPrevalence: prevalence)
    for epoch in 1...epochs {
        let loss = tuner.trainEpoch(everything)
        report(String(format: "refit epoch %2d  loss %.4f  CPU so far %.0f s  load %@", epoch, loss, cpuSeconds(), loadAverage()))
    }
    if let dumpPath { try dump(tuner.weights, to: dumpPath, bestEpoch: epochs, threshold: nil) }
}

/// The Polis statements (comments.csv in `directory`) with the blind coding of `surveys/evaluation/polis-gold.csv`.
func polisStatements(_ directory: String) throws -> [(text: String, themes: [String])] {
    var comments = try CSVReader(path: directory + "/comments.csv")
    guard let header = try comments.next()?.fields, let id = header.firstIndex(of: "comment-id"), let body = header.firstIndex(of: "comment-body") else {
        fail("\(directory)/comments.csv: no comment-id and comment-body columns")
    }
    var texts: [String: String] = [:]
    while let record = try comments.next() { texts[record.fields[id]] = record.fields[body] }
    var gold = try CSVReader(path: "surveys/evaluation/polis-gold.csv")
    _ = try gold.next()
    var rows: [(String, [String])] = []
    while let record = try gold.next() {
        guard let text = texts[record.fields[0]] else { fail("comment-id \(record.fields[0]) not in comments.csv") }
        rows.append((text, record.fields[1].split(separator: ";").map(String.init)))
    }
    return rows
}

/// The counted codings the transformer can take part in, scored side by side: the rules (`surveys/codebook.yaml`)
/// united with a model's decisions, for the transformer, the word model and the mean of their probabilities.
struct Combination {
    let rules: AutoCoder
    let words: SuggestionModel
    let labels: [String]
    /// The mean's threshold, chosen on the validation split (as the transformer's own).
    let meanThreshold: Float
    /// The transformer's threshold chosen on the validation split for its union with the rules (what counts).
    let unionThreshold: Float

    init(training: [(text: String, themes: [String])], labels: [String], validation: [(text: String, themes: [String])],
         validationProbabilities: [[Float]]) throws {
        let codebook = try Codebook.parse(yaml: String(contentsOfFile: "surveys/codebook.yaml", encoding: .utf8), file: "surveys/codebook.yaml")
        rules = try AutoCoder(codebook: codebook)
        self.labels = labels
        let examples = training.map { [rules] row in
            TrainingExample(text: row.text, themes: Set(row.themes), ruleThemes: Set(rules.code(row.text).map(\.themeID)))
        }
        let start = ContinuousClock.now
        words = try SuggestionTrainer.train(examples, supplementary: TrainingExample.codebookExamples(codebook), themeIDs: labels, configuration: .recommended)
        report(String(format: "word model trained on the same %d answers in %.1f s, threshold %.2f", examples.count, seconds(since: start),
                      words.themes.first?.threshold ?? 0))
        let targets = validation.map { row in labels.map { row.themes.contains($0) ? Float(1) : 0 } }
        let mean = Combination.mean(validationProbabilities, Self.wordProbabilities(words, validation.map(\.text)))
        meanThreshold = ValidationScore.best(probabilities: mean, targets: targets).threshold
        report(String(format: "mean of the two models: validation threshold %.2f", meanThreshold))
        let ruled = validation.map { [rules] row in Set(rules.code(row.text).map(\.themeID)) }
        let forced = zip(validationProbabilities, ruled).map { row, themes in zip(row, labels).map { themes.contains($1) ? Float(1) : $0 } }
        unionThreshold = ValidationScore.best(probabilities: forced, targets: targets).threshold
        report(String(format: "transformer threshold for the union with the rules: %.2f", unionThreshold))
    }

    static func wordProbabilities(_ model: SuggestionModel, _ texts: [String]) -> [[Float]] {
        texts.map { model.confidences(for: $0).map { Float($0.confidence) } }
    }

    static func mean(_ a: [[Float]], _ b: [[Float]]) -> [[Float]] {
        zip(a, b).map { zip($0, $1).map { ($0 + $1) / 2 } }
    }

    /// Micro-F1 of each coding on `rows`; "rules ∪ X" is what `code auto --with-model` counts with model X.
    func score(_ rows: [(text: String, themes: [String])], transformer: [[Float]], transformerThreshold: Float, targets: [[Float]], name: String) {
        let texts = rows.map(\.text)
        let ruled = texts.map { Set(rules.code($0).map(\.themeID)) }
        let wordScores = Self.wordProbabilities(words, texts)
        let wordThreshold = Float(words.themes.first?.threshold ?? 0.5)
        let mean = Self.mean(transformer, wordScores)
        func decisions(_ probabilities: [[Float]], _ threshold: Float) -> [[Bool]] { probabilities.map { $0.map { $0 >= threshold } } }
        func withRules(_ decided: [[Bool]]) -> [[Bool]] {
            zip(decided, ruled).map { row, themes in zip(row, labels).map { $0 || themes.contains($1) } }
        }
        func f1(_ decided: [[Bool]]) -> Double {
            ValidationScore.microF1(probabilities: decided.map { $0.map { $0 ? 1 : 0 } }, targets: targets, threshold: 0.5)
        }
        let rulesAlone = ruled.map { themes in labels.map { themes.contains($0) } }
        let lines: [(String, [[Bool]])] = [
            ("rules alone", rulesAlone),
            ("transformer alone", decisions(transformer, transformerThreshold)),
            ("rules ∪ transformer", withRules(decisions(transformer, transformerThreshold))),
            ("rules ∪ transformer, threshold chosen for the union", withRules(decisions(transformer, unionThreshold))),
            ("word model alone", decisions(wordScores, wordThreshold)),
            ("rules ∪ word model", withRules(decisions(wordScores, wordThreshold))),
            ("mean of the two alone", decisions(mean, meanThreshold)),
            ("rules ∪ mean of the two", withRules(decisions(mean, meanThreshold))),
        ]
        for (label, decided) in lines { report(String(format: "  %@: %@ micro-F1 %.3f", name, label, f1(decided))) }
    }
}
