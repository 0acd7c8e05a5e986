import ConsultationModel
import Crypto
import Digests
import Foundation
import RuleCoding
import ThemeSuggestion

/// Rule-coder throughput without a database: codes synthetic segments with the real codebook, in
/// batches of 5,000 as `consult code auto` does, on one thread and then on every core, and prints
/// segments/s, peak RSS, and a digest of all codings (equal between runs and between versions of
/// the coder that decide the same). With `--model N`, then trains the suggestion model with the
/// recommended configuration on the first N segments labelled with the rules' themes (the labels only
/// give the classifiers realistic work; quality is measured on hand-coded sets elsewhere) and prints
/// the training time (5-fold threshold choice and final fit), features, model size and scoring rate.
///
/// Usage (from the package root):
/// swift run -c release --scratch-path .build-release coding-bench [SEGMENTS] [--model N]
var arguments = Array(CommandLine.arguments.dropFirst())
var modelExamples: Int?
if let flag = arguments.firstIndex(of: "--model") {
    guard flag + 1 < arguments.count, let examples = Int(arguments[flag + 1]), examples > 0 else {
        FileHandle.standardError.write(Data("usage: coding-bench [SEGMENTS] [--model N]\n".utf8))
        exit(2)
    }
    modelExamples = examples
    arguments.removeSubrange(flag...(flag + 1))
}
guard let count = Int(arguments.first ?? "200000"), count > 0, arguments.count <= 1 else {
    FileHandle.standardError.write(Data("usage: coding-bench [SEGMENTS] [--model N]\n".utf8))
    exit(2)
}
let batchSize = 5_000

func peakRSSMegabytes() -> Double {
    var usage = rusage()
    #if canImport(Glibc)
    getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
    return Double(usage.ru_maxrss) / 1024  // kilobytes on Linux
    #else
    getrusage(RUSAGE_SELF, &usage)
    return Double(usage.ru_maxrss) / 1_048_576  // bytes on macOS
    #endif
}

/// Codes every segment in batches on `workers` threads: elapsed seconds, codings, SHA-256 of the
/// (segment index, theme, rule, start, end) lines.
func run(_ segments: [String], coder: AutoCoder, workers: Int) -> (seconds: Double, codings: Int, digest: String) {
    var hasher = SHA256()
    var codings = 0
    var seconds = 0.0
    for batchStart in stride(from: 0, to: segments.count, by: batchSize) {
        let batch = Array(segments[batchStart..<min(batchStart + batchSize, segments.count)])
        let clock = ContinuousClock.now
        let results = coder.code(batch, workers: workers)
        let elapsed = ContinuousClock.now - clock
        seconds += Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        for (offset, matches) in results.enumerated() {
            for match in matches {
                hasher.update(data: Array("\(batchStart + offset)\t\(match.themeID)\t\(match.ruleID)\t\(match.start)\t\(match.end)\n".utf8))
                codings += 1
            }
        }
    }
    return (seconds, codings, HexCoding.encode(hasher.finalize()))
}

do {
    let consultation = try ConsultationLoader.load(directory: "surveys")
    let coder = try AutoCoder(codebook: consultation.codebook)
    let segments = try SyntheticSegments.make(count: count, consultation: consultation)
    let megabytes = Double(segments.reduce(0) { $0 + $1.utf8.count }) / 1_048_576
    print(String(format: "%d segments (%.1f MB of text), codebook %@, peak RSS after generating %.0f MB",
                 segments.count, megabytes, coder.codebookVersion, peakRSSMegabytes()))
    let cores = ProcessInfo.processInfo.activeProcessorCount
    for workers in Set([1, cores]).sorted() {
        let result = run(segments, coder: coder, workers: workers)
        print(String(format: "%d thread(s): %.2f s, %.0f segments/s, %d codings, digest %@, peak RSS %.0f MB",
                     workers, result.seconds, Double(segments.count) / result.seconds, result.codings,
                     String(result.digest.prefix(16)), peakRSSMegabytes()))
    }
    if let modelExamples {
        let texts = Array(segments.prefix(modelExamples))
        let examples = zip(texts, coder.code(texts, workers: cores)).map { text, matches in
            TrainingExample(text: text, themes: Set(matches.map(\.themeID)))
        }
        let themeIDs = consultation.codebook.leafThemeIDs
        let clock = ContinuousClock.now
        let model = try SuggestionTrainer.train(examples, themeIDs: themeIDs, configuration: .recommended)
        let training = ContinuousClock.now - clock
        let scoring = ContinuousClock.now
        for text in texts { _ = model.suggest(text) }
        let scored = ContinuousClock.now - scoring
        func seconds(_ duration: Duration) -> Double {
            Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
        }
        print(String(format: "model: %d examples, %d features, %d themes; 5-fold threshold choice + final fit %.1f s; JSON %.1f MB; scoring %.0f segments/s",
                     examples.count, model.features.count, themeIDs.count, seconds(training),
                     Double(try model.jsonData().count) / 1_048_576, Double(texts.count) / seconds(scored)))
    }
} catch {
    FileHandle.standardError.write(Data("coding-bench: \(error)\n".utf8))
    exit(1)
}
