import ArgumentParser
import CodingQuality
import ConsultCoding
import ConsultIngest
import ConsultReport
import ConsultStore
import TransformerEncoder

extension Consult {
    struct Code: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Code segments against the codebook: automatically, by hand, and check agreement.",
            discussion: """
                Counts use the final coding: where a human coder decided on a segment and theme (applied or \
                not), the most recent human decision wins; otherwise the rules' coding stands. Model \
                suggestions never count until a human applies them.
                """,
            subcommands: [Auto.self, Suggest.self, ImportLabels.self, Apply.self, ImportDecisions.self, Queue.self, Sample.self, Memo.self, Agreement.self, Evaluate.self])

        struct Auto: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Apply the current codebook's rules to every segment (replaces earlier rule codings; rerunning gives the same result).",
                discussion: """
                    With --with-model the latest suggestion model (`code suggest`) codes every segment too and its \
                    decisions count with the rules', remembered for this codebook version until --rules-only; each \
                    records the model version, its probability and the words that weighed most. `consult codings \
                    --coder automatic` lists the automatic coding that counts.
                    """)
            @Flag(help: "Count the suggestion model's decisions with the rules' (remembered for this codebook version).") var withModel = false
            @Flag(help: "Count the rules alone again.") var rulesOnly = false

            func run() throws {
                guard !(withModel && rulesOnly) else { throw CommandFailure("--with-model and --rules-only contradict each other") }
                let store = try DatabaseAccess.open()
                let summary = try AutoCodingRunner.run(store: store)
                Terminal.write("coded \(summary.segments) segments with codebook \(summary.codebookVersion): \(summary.codings) codings on \(summary.codedSegments) segments\n")
                if rulesOnly { try store.setAutomaticCoding(withModel: nil) }
                let counted = try store.automaticCodingModel() != nil
                if withModel || (!rulesOnly && counted) {
                    let model = try withProgress {
                        try ModelCoding.run(store: store, consultHome: DatabaseAccess.home, progress: { Terminal.progress("model coding: \($0) segments") },
                                            waiting: AutoCodingRunner.waiting)
                    }
                    Terminal.write("model \(model.modelID) counts with the rules: \(model.decisions) decisions on \(model.codedSegments) segments\n")
                }
            }
        }

        struct Suggest: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Train a suggestion model on human-coded segments (and coded-text files) and store its suggestions as coder 'model'.",
                discussion: """
                    Suggestions never count until a human applies them (`code apply`) or `code auto --with-model` \
                    makes the latest model's decisions count; review them with `code queue --reason suggested`. \
                    Rerunning replaces the previous suggestions. --model words (default): logistic regression per \
                    theme, needs at least 5 coded examples. --model transformer: fine-tunes the base model \
                    (`consult model install` first) on at least 10 coded examples, 15% of them held out (seeded) to \
                    choose the stopping epoch and the probability threshold; validation-sample respondents are never \
                    trained on. --model combined: the transformer and the word model trained on the same answers, \
                    coding with the mean of their probabilities (threshold chosen on the same validation split). Minutes, not seconds: on a terminal each epoch shows its loss, validation F1 and an ETA.
                    """)
            enum Kind: String, ExpressibleByArgument, CaseIterable { case words, transformer, combined }

            @Option(name: .customLong("examples"), help: "A CSV of coded texts to learn from too (columns text,themes[,id]); repeatable.")
            var files: [String] = []
            @Option(help: "Which model: words (logistic regression over words), transformer (fine-tuned all-MiniLM-L6-v2), or combined (the mean of the two models' probabilities, trained on the same answers).")
            var model: Kind = .words
            @Option(help: "Transformer: at most this many epochs (early stopping may end sooner).")
            var epochs: Int = FineTuningSettings().maximumEpochs
            @Option(help: "Transformer: the seed of the validation split, head initialisation, shuffling and dropout.")
            var seed: UInt64 = FineTuningSettings().seed
            @Option(help: "Transformer: train only layers from this one up (0-6; 0 trains everything, the default and the better).")
            var trainFromLayer: Int = 0

            func validate() throws {
                guard model != .words || (epochs == FineTuningSettings().maximumEpochs && seed == FineTuningSettings().seed && trainFromLayer == 0) else {
                    throw ValidationError("--epochs, --seed and --train-from-layer apply to --model transformer or combined only")
                }
                guard epochs >= 1 else { throw ValidationError("--epochs must be at least 1") }
                guard (0...EncoderConfiguration.miniLM.layerCount).contains(trainFromLayer) else {
                    throw ValidationError("--train-from-layer must be 0 to \(EncoderConfiguration.miniLM.layerCount)")
                }
            }

            func run() throws {
                let store = try DatabaseAccess.open()
                let known = Set(try store.currentCodebook().themes.map(\.id))
                let extra = try files.flatMap { try CodedTextFile.read(path: $0, knownThemes: known) }
                let progress: (Int) -> Void = { Terminal.progress("suggesting: \($0) segments") }
                let summary = try withProgress {
                    guard model != .words else { return try Suggesting.run(store: store, extra: extra, progress: progress) }
                    var settings = FineTuningSettings()
                    settings.maximumEpochs = epochs
                    settings.seed = seed
                    settings.firstTrainableLayer = trainFromLayer
                    Terminal.progress("fine-tuning: epoch 1/\(epochs) running")
                    return try Suggesting.runTransformer(store: store, extra: extra, consultHome: DatabaseAccess.home, settings: settings,
                                                         withWords: model == .combined, epochs: { Terminal.progress(Self.epochLine($0, planned: $1)) }, progress: progress)
                }
                Terminal.write("model \(summary.modelID): trained on \(summary.examples) coded texts (\(summary.reviewedSegments) reviewed segments), threshold \(summary.threshold); \(summary.suggestions) suggestions on \(summary.suggestedSegments) segments\n")
                if let record = summary.transformer {
                    Terminal.write(String(format: "%@: best epoch %d of %d, validation micro-F1 %.3f on %d held-out examples; weights %@ (%.1f MB); training set %@\n",
                                          record.words == nil ? "transformer" : "transformer and word model (mean)", record.bestEpoch, record.epochs.count, record.validationMicroF1, record.validationExamples,
                                          record.weightsSHA256, Double(record.weightsBytes) / 1_048_576, record.trainingSHA256))
                }
            }

            /// "epoch 3/10: loss 0.0712, validation F1 0.731, ETA 4 min" (the ETA assumes every planned epoch runs).
            static func epochLine(_ report: EpochReport, planned: Int) -> String {
                let remaining = Double(planned - report.epoch) * report.seconds
                let eta = remaining < 90 ? "\(Int(remaining.rounded())) s" : "\(Int((remaining / 60).rounded())) min"
                return String(format: "fine-tuning: epoch %d/%d: loss %.4f, validation F1 %.3f, ETA %@",
                              report.epoch, planned, report.trainingLoss, report.validation.microF1, eta)
            }
        }

        struct ImportLabels: ParsableCommand {
            static let configuration = CommandConfiguration(
                commandName: "import-labels",
                abstract: "Store the synthetic generator's theme labels (surveys/sample/generator-labels.csv) as coder 'generator'.",
                discussion: """
                    The generator knows which themes each text it wrote expresses; as their own coder the labels let \
                    the rules and the model be checked without hand coding (`code evaluate --gold generator`). They \
                    never count in the final coding. (Training on generator labels is measured in \
                    Benchmarks/suggestion-model.md.)
                    """)
            @Argument(help: "The labels file (survey,respondent,question,position,theme).") var file: String

            func run() throws {
                let labels = try GeneratorLabelsFile.read(path: file)
                let store = try DatabaseAccess.open()
                let summary = try LabelImport.store(labels, file: file, into: store)
                Terminal.write("stored \(summary.stored) generator labels from \(file)\(summary.unplaced > 0 ? "; \(summary.unplaced) name segments not in the database (not stored)" : "")\n")
            }
        }

        struct Apply: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Record a human decision: this theme applies to this segment (or, with --not, does not); --remove withdraws it.")
            @Option(help: "Segment id (see `consult segments`).") var segment: Int
            @Option(help: "Theme id of the current codebook.") var theme: String
            @Option(help: "Your coder name.") var coder: String
            @Flag(help: "Decide that the theme does NOT apply (overrides the rules).") var not = false
            @Flag(help: "Withdraw your decision, so the rules decide again.") var remove = false

            func run() throws {
                let store = try DatabaseAccess.open()
                if remove {
                    let removed = try store.removeDecision(segment: segment, theme: theme, coder: coder)
                    Terminal.write(removed ? "removed \(coder)'s decision on segment \(segment), \(theme)\n"
                                           : "\(coder) had no decision on segment \(segment), \(theme); nothing removed\n")
                } else {
                    let summary = try store.recordDecisions([CodingDecision(segment: segment, theme: theme, coder: coder, applied: !not)], source: nil)
                    Terminal.write("recorded: segment \(segment) \(not ? "is not" : "is") \(theme) (coder \(coder), codebook \(summary.codebookVersion))\n")
                }
            }
        }

        struct ImportDecisions: ParsableCommand {
            static let configuration = CommandConfiguration(
                commandName: "import",
                abstract: "Record a batch of human coding decisions from a CSV file: segment,theme,coder[,applied] or segment,coder,themes (all or nothing).",
                discussion: """
                    In the segment,coder,themes layout (the filled-in `code queue --sample` export), themes are separated \
                    by ';' and may be empty: the segment is decided for every theme, the listed ones applying and the \
                    others not.
                    """)
            @Argument(help: "The CSV file.") var file: String

            func run() throws {
                let store = try DatabaseAccess.open()
                let decisions = try CodingDecisionFile.read(path: file, leafThemes: try store.currentCodebook().leafThemeIDs)
                let summary = try store.recordDecisions(decisions, source: file)
                Terminal.write("recorded \(summary.recorded) decisions from \(file) under codebook \(summary.codebookVersion)\n")
            }
        }

        struct Queue: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Segments to review: uncoded, model suggestions, coder disagreements, or where the model is least sure (with their text).")
            @Option(help: "Why a segment is queued: uncoded, suggested, disagreement, or uncertain (where the model is least sure: the decisions that teach it most).") var reason: QueueReason = .uncoded
            @Option(help: "Your coder name: leaves out what you already decided (for disagreements: only yours).") var coder: String?
            @Option(help: "At most this many rows.") var limit = 100
            @Option(help: "Instead: every segment of this validation sample's respondents, blind (no automatic codes), to code in a spreadsheet.")
            var sample: String?
            @OptionGroup var output: FormatOption

            func run() throws {
                let store = try DatabaseAccess.open()
                if let sample {
                    let segments = try store.validationSegments(sample)
                    try output.recordExport(store, command: "code queue --sample", rows: segments.count)
                    output.print(SampleTable.blindQueue(segments, coder: coder))
                    return
                }
                let items = try store.codingQueue(reason: reason, coder: coder, limit: limit)
                try output.recordExport(store, command: "code queue", rows: items.count)
                output.print(ResultTable(columns: ["segment", "reason", "theme", "detail", "text"], rows: items.map {
                    [.int($0.segment), .text($0.reason), $0.theme.map(ResultValue.text) ?? .null, $0.detail.map(ResultValue.text) ?? .null, .text($0.text)]
                }))
            }
        }

        struct Memo: ParsableCommand {
            static let configuration = CommandConfiguration(abstract: "Write or list memos on segments and themes.")
            @Option(help: "The segment the memo is about.") var segment: Int?
            @Option(help: "The theme the memo is about.") var theme: String?
            @Option(help: "Your name (required to write).") var author: String?
            @Argument(help: "The memo text; without it, list the memos (on --segment / --theme if given).") var text: String?
            @OptionGroup var output: FormatOption

            func run() throws {
                let store = try DatabaseAccess.open()
                if let text {
                    guard let author else { throw CommandFailure("writing a memo needs --author") }
                    let id = try store.addMemo(segment: segment, theme: theme, author: author, text: text)
                    Terminal.write("memo \(id) saved\n")
                    return
                }
                output.print(ResultTable(columns: ["id", "segment", "theme", "author", "written_at", "text"], rows: try store.memos(segment: segment, theme: theme).map {
                    [.int($0.id), $0.segment.map(ResultValue.int) ?? .null, $0.theme.map(ResultValue.text) ?? .null, .text($0.author), .text($0.writtenAt), .text($0.text)]
                }))
            }
        }
    }
}

/// Runs automatic coding with terminal progress (shared by `code auto` and the demo).
enum AutoCodingRunner {
    static func run(store: Store) throws -> AutoCoding.Summary {
        try withProgress { try AutoCoding.run(store: store, progress: { done in Terminal.progress("coding: \(done) segments") }, waiting: waiting) }
    }

    /// What a run waiting for another on the same codebook shows on a terminal.
    static func waiting() {
        Terminal.progress("waiting for another coding run on this codebook to finish")
    }
}

extension QueueReason: ExpressibleByArgument {}

/// Runs `body`, then clears the progress line whether it returned or threw.
func withProgress<T>(_ body: () throws -> T) rethrows -> T {
    defer { Terminal.endProgress() }
    return try body()
}

/// Places generator labels on stored segments (shared by `code import-labels` and the demo): the
/// respondent's source id becomes its keyed pseudonym, as at import.
enum LabelImport {
    static func store(_ labels: [GeneratorLabel], file: String, into store: Store) throws -> LabelSummary {
        let pseudonymiser = try DatabaseAccess.pseudonymiser()
        let placed = labels.map {
            PlacedLabel(survey: $0.survey, pseudonym: pseudonymiser.pseudonym(scope: $0.survey, sourceID: $0.respondent), question: $0.question,
                        position: $0.position, theme: $0.theme, line: $0.line)
        }
        return try store.replaceGeneratorLabels(placed, file: file)
    }
}
