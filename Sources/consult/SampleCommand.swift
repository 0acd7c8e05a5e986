import ArgumentParser
import Foundation
import SyntheticSample

extension Consult {
    struct Sample: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Synthetic sample data.", subcommands: [Generate.self])

        struct Generate: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Write synthetic survey exports and focus-group transcripts (deterministic for a seed).",
                discussion: "Defaults regenerate surveys/sample/. Also writes generator-labels.csv: the core themes the generator wrote into each answer and participant turn (synthetic labels, the `generator` coder). Larger counts make benchmark data, e.g. --community 1000000 --out /tmp/big."
            )
            @Option(help: "Output directory (default: surveys/sample).") var out: String?
            @Option(help: "Random seed.") var seed: UInt64 = SampleGenerator.defaultSeed
            @Option(help: "Community survey responses.") var community = SampleGenerator.defaultCommunityCount
            @Option(help: "Partner survey responses.") var partner = SampleGenerator.defaultPartnerCount
            @Option(help: "Focus-group transcripts.") var focusGroups = SampleGenerator.defaultFocusGroupCount

            func run() throws {
                let directory = try out ?? (ProjectFiles.surveys() as NSString).appendingPathComponent("sample")
                do {
                    try SampleSet.write(to: URL(fileURLWithPath: directory, isDirectory: true), seed: seed,
                                        communityCount: community, partnerCount: partner, focusGroupCount: focusGroups)
                } catch {
                    throw CommandFailure("\(directory): cannot write sample data (\(error.localizedDescription))")
                }
                Terminal.write("wrote \(community) community, \(partner) partner responses, \(focusGroups) transcripts and their generator labels to \(directory) (seed \(seed))\n")
            }
        }
    }
}
