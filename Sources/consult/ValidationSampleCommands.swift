import ArgumentParser
import ConsultReport
import ConsultStore

extension Consult.Code {
    struct Sample: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Validation samples: random samples of respondents coded by hand, blind, to measure and correct the automatic coding.",
            discussion: """
                Draw one (`create`), export its segments blind (`consult code queue --sample NAME --format csv`), fill in the \
                themes that apply to each segment, read it back (`consult code import FILE`), watch progress (`status`), \
                then `consult themes --estimate --sample NAME`.
                """,
            subcommands: [Create.self, Status.self, List.self])

        struct Create: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Draw a seeded simple random sample of respondents (stratified with proportional allocation with --by).")
            @Argument(help: "The sample's name (letters, digits, '.', '_', '-').") var name: String
            @Option(help: "How many respondents to sample.") var size: Int
            @Option(help: "Stratify by this field (group, survey, or a closed question / attribute).") var by: String?
            @Option(help: "The random seed (the same data, size and seed give the same sample).") var seed: UInt64 = 1
            @OptionGroup var output: FormatOption

            func run() throws {
                let info = try DatabaseAccess.open().createValidationSample(name: name, size: size, by: by, seed: seed)
                output.print(SampleTable.strata(info))
            }
        }

        struct Status: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Per coder, how many sampled respondents are fully coded (every segment decided for every theme); first row: all coders together.")
            @Argument(help: "The sample's name.") var name: String
            @OptionGroup var output: FormatOption

            func run() throws {
                let progress = try DatabaseAccess.open().validationProgress(name)
                output.print(ResultTable(columns: ["sample", "coder", "coded", "sampled"], rows: progress.map {
                    [.text(name), $0.coder.map(ResultValue.text) ?? .text("(all)"), .int($0.coded), .int($0.sampled)]
                }))
            }
        }

        struct List: ParsableCommand {
            static let configuration = CommandConfiguration(abstract: "The validation samples drawn: design, seed, data version, size.")
            @OptionGroup var output: FormatOption

            func run() throws {
                output.print(ResultTable(columns: ["sample", "size", "stratified_by", "seed", "population", "data_version", "created_at", "respondents"],
                                         rows: try DatabaseAccess.open().validationSamples().map { s in
                    [.text(s.name), .int(s.size), s.stratifiedBy.map(ResultValue.text) ?? .null, .int(s.seed), .int(s.population),
                     .int(s.dataVersion), .text(s.createdAt), .int(s.members)]
                }))
            }
        }
    }
}

/// Result tables of `code sample`.
enum SampleTable {
    /// The design of a sample: per stratum, respondents now and sampled.
    static func strata(_ info: ValidationSampleInfo) -> ResultTable {
        ResultTable(columns: ["sample", "stratum", "population", "sampled"], rows: info.strata.map {
            [.text(info.name), .text($0.stratum.isEmpty ? "(all)" : $0.stratum), .int($0.population), .int($0.sampled)]
        })
    }

    /// The blind coding sheet: every segment of the sampled respondents, no automatic codes; `coder`
    /// and `themes` are for the analyst to fill in (`code import` reads the file back).
    static func blindQueue(_ segments: [SegmentRow], coder: String?) -> ResultTable {
        ResultTable(columns: ["segment", "respondent", "survey", "question", "text", "coder", "themes"], rows: segments.map {
            [.int($0.segment), .text($0.respondent), .text($0.survey), .text($0.question), .text($0.text),
             coder.map(ResultValue.text) ?? .absent, .absent]
        })
    }
}
