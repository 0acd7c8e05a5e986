import ConsultationModel
import Foundation
import RuleCoding
import TransformerEncoder

/// One fine-tuning run's probabilities on the validation split and the scored sets (`fine-tune --dump`).
struct RunDump: Codable {
    struct Scored: Codable {
        var name: String
        var texts: [String]
        var themes: [[String]]
        var probabilities: [[Float]] = []

        init(name: String, rows: [(text: String, themes: [String])]) {
            self.name = name
            texts = rows.map(\.text)
            themes = rows.map(\.themes)
        }
    }

    var seed: UInt64
    /// Trained on every training answer (the validation split included): its validation probabilities are
    /// in-sample, so its thresholds come from the run of the same seed with the split.
    var refit: Bool
    var bestEpoch: Int
    var threshold: Float?
    var labels: [String]
    var sets: [Scored]

    func set(_ name: String) -> Scored? { sets.first { $0.name == name } }
}

/// `choose DUMP...`: the codings that seed averaging, refitting and per-theme thresholds give, from runs
/// already trained, each united with the rules (what `code auto --with-model` counts). Every threshold is
/// chosen on the validation split; set 3 decides, set 4 is printed only with `--score-set-4`. With `soupModel`
/// (the base model's directory, for its vocabulary) also the "soup": one model whose weights are the mean of
/// the runs' weights (`DUMP.safetensors`), scored afresh.
func choose(dumps paths: [String], scoreSetFour: Bool, soupModel: String?) throws {
    let runs = try paths.map { try JSONDecoder().decode(RunDump.self, from: Data(contentsOf: URL(fileURLWithPath: $0))) }
    guard let labels = runs.first?.labels, runs.allSatisfy({ $0.labels == labels }) else { fail("choose: no runs, or runs with other labels") }
    let codebook = try Codebook.parse(yaml: String(contentsOfFile: "surveys/codebook.yaml", encoding: .utf8), file: "surveys/codebook.yaml")
    let rules = try AutoCoder(codebook: codebook)
    let names = ["set 3", "Polis"] + (scoreSetFour ? ["set 4"] : [])

    func mean(_ rows: [[[Float]]]) -> [[Float]] {
        rows.dropFirst().reduce(rows[0]) { sum, next in zip(sum, next).map { zip($0, $1).map { $0 + $1 } } }
            .map { $0.map { $0 / Float(rows.count) } }
    }
    func targets(_ set: RunDump.Scored) -> [[Float]] { set.themes.map { themes in labels.map { themes.contains($0) ? 1 : 0 } } }
    func withRules(_ probabilities: [[Float]], _ set: RunDump.Scored) -> [[Float]] {
        zip(probabilities, set.texts).map { row, text in
            let ruled = Set(rules.code(text).map(\.themeID))
            return zip(row, labels).map { ruled.contains($1) ? 1 : $0 }
        }
    }

    /// Scores one candidate: `calibration` gives the validation probabilities that choose its thresholds,
    /// `scored` the probabilities of each set by name.
    func evaluate(_ title: String, calibration: [[Float]], scored: (String) -> [[Float]]) {
        let validation = runs[0].set("validation")!
        let truth = targets(validation)
        let alone = ValidationScore.best(probabilities: calibration, targets: truth).threshold
        let forced = withRules(calibration, validation)
        let union = ValidationScore.best(probabilities: forced, targets: truth).threshold
        let variants: [(String, [Float], Bool)] = [
            (String(format: "alone, threshold %.2f", alone), Array(repeating: alone, count: labels.count), false),
            (String(format: "rules ∪, threshold %.2f", union), Array(repeating: union, count: labels.count), true),
            ("rules ∪, per theme (≥10 positives, shrunk by n/(n+10))",
             ValidationScore.perLabelThresholds(probabilities: forced, targets: truth, global: union, minimumPositives: 10, shrinkage: 10), true),
            ("rules ∪, per theme (≥5 positives, not shrunk)",
             ValidationScore.perLabelThresholds(probabilities: forced, targets: truth, global: union, minimumPositives: 5, shrinkage: 0), true),
        ]
        for (name, thresholds, united) in variants {
            var line = "\(title) | \(name):"
            for setName in names {
                guard let set = runs[0].set(setName) else { continue }
                let probabilities = united ? withRules(scored(setName), set) : scored(setName)
                line += String(format: "  %@ %.3f", setName, ValidationScore.microF1(probabilities: probabilities, targets: targets(set), thresholds: thresholds))
            }
            let moved = thresholds.filter { $0 != union }.count
            report(line + (name.contains("per theme") ? "  (\(moved) themes off the global threshold)" : ""))
        }
    }

    let split = runs.filter { !$0.refit }, refits = runs.filter(\.refit)
    for run in split {
        evaluate("seed \(run.seed) (best epoch \(run.bestEpoch))", calibration: run.set("validation")!.probabilities) { run.set($0)!.probabilities }
    }
    if split.count > 1 {
        evaluate("mean of seeds \(split.map { String($0.seed) }.joined(separator: ","))",
                 calibration: mean(split.map { $0.set("validation")!.probabilities })) { name in mean(split.map { $0.set(name)!.probabilities }) }
    }
    for run in refits {
        guard let twin = split.first(where: { $0.seed == run.seed }) else { fail("refit of seed \(run.seed) without its run with the split") }
        evaluate("refit seed \(run.seed) (\(run.bestEpoch) epochs on all)", calibration: twin.set("validation")!.probabilities) { run.set($0)!.probabilities }
    }
    if let soupModel, split.count > 1 {
        let tokenizer = try WordPieceTokenizer(vocabularyFile: BaseModelFiles(directory: URL(fileURLWithPath: soupModel)).vocabulary)
        let members = try zip(paths, runs).filter { !$0.1.refit }.map { path, _ in
            try EncoderWeights(savedData: Data(contentsOf: URL(fileURLWithPath: path + ".safetensors")), source: path, configuration: .miniLM)
        }
        var soup = members[0]
        for member in members.dropFirst() { for i in soup.values.indices { soup.values[i] += member.values[i] } }
        for i in soup.values.indices { soup.values[i] /= Float(members.count) }
        let scored = Dictionary(uniqueKeysWithValues: split[0].sets.map { set in
            (set.name, soup.labelProbabilities(tokenSequences: set.texts.map { tokenizer.tokenIDs($0) }))
        })
        evaluate("soup of seeds \(split.map { String($0.seed) }.joined(separator: ","))", calibration: scored["validation"]!) { scored[$0]! }
    }
    if refits.count > 1 {
        let twins = refits.map { run in split.first { $0.seed == run.seed }! }
        evaluate("mean of refits", calibration: mean(twins.map { $0.set("validation")!.probabilities })) { name in mean(refits.map { $0.set(name)!.probabilities }) }
    }
}
