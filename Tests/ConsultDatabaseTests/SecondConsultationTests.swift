import Foundation
import TestSupport
import Testing

/// A second consultation set up the way a user would (`surveys/examples/nhs-fft/`): its own instrument
/// with one free-text question and its own codebook of 45 themes without rules or core themes. Nothing
/// of the Gangs Matrix review's themes is needed for it to load, import and count.
@Suite struct SecondConsultationTests {
    static let directory = ProjectPaths.root.appendingPathComponent("surveys/examples/nhs-fft")

    /// Synthetic answers in the shape of the NHS file (`id,question,service,text,themes`), invented here.
    static let syntheticExport = """
        id,question,service,text,themes
        syn-1,FFT Why?,111,"The call handler was kind and rang back within the hour.",staff_manner_and_personal_attributes;timeliness_of_care
        syn-2,How could we improve?,PTS - Patient Transport,"Driver turned up two hours late, nobody told us why.",timeliness_of_care;being_kept_informed_clarity_and_consistency_of_information
        syn-3,What was good?,Forensic,"n/a",labelling_not_possible
        syn-4,FFT Why?,See and Convey,"Crew explained everything and listened to my mum.",information_directly_from_staff_during_care;staff_listening_understanding_and_involving_patients;interaction_with_family_carers

        """

    @Test func theNHSExampleLoadsImportsAndCountsItsOwnThemes() throws {
        let cli = CLITests()
        let url = try cli.freshURL()
        let validated = try cli.consult(["survey", "validate", Self.directory.path], databaseURL: nil)
        #expect(validated.status == 0, "\(validated.stderr)")
        #expect(validated.stdout.contains("codebook fft-v6.1 with 45 themes"), "\(validated.stdout)")

        let loaded = try cli.consult(["survey", "load", Self.directory.path], databaseURL: url)
        #expect(loaded.status == 0, "\(loaded.stderr)")
        #expect(loaded.stdout.contains("loaded nhs-fft: instruments fft; codebook fft-v6.1 (45 themes)"), "\(loaded.stdout)")

        try FileManager.default.createDirectory(at: cli.home, withIntermediateDirectories: true)
        let export = cli.home.appendingPathComponent("fft.csv")
        try Self.syntheticExport.write(to: export, atomically: true, encoding: .utf8)
        let mapping = Self.directory.appendingPathComponent("train-mapping.yaml").path
        let imported = try cli.consult(["import", "responses", export.path, "--survey", "fft", "--mapping", mapping], databaseURL: url)
        #expect(imported.status == 0, "\(imported.stderr)")
        let segments = try cli.rows(try cli.consult(["segments", "--survey", "fft", "--format", "json"], databaseURL: url).stdout)
        #expect(segments.count == 4)
        #expect(Set(segments.compactMap { $0["question"] as? String }) == ["feedback"])

        // Without rules nothing is coded automatically; the analysts' decisions are what count.
        #expect(try cli.consult(["code", "auto"], databaseURL: url).status == 0)
        let decisions = cli.home.appendingPathComponent("decisions.csv")
        let kind = try #require(segments.first { ($0["text"] as? String)?.contains("kind") == true }?["segment"] as? Int)
        try "segment,coder,themes\n\(kind),ann,staff_manner_and_personal_attributes;timeliness_of_care\n"
            .write(to: decisions, atomically: true, encoding: .utf8)
        let coded = try cli.consult(["code", "import", decisions.path], databaseURL: url)
        #expect(coded.status == 0, "\(coded.stderr)")
        let themes = try cli.rows(try cli.consult(["themes", "--min-cell", "1", "--format", "json"], databaseURL: url).stdout)
        #expect(themes.count == 45)
        #expect(themes.first { $0["theme"] as? String == "staff_manner_and_personal_attributes" }?["respondents"] as? Int == 1)
        #expect(themes.first { $0["theme"] as? String == "parking" } == nil)

        // Its codebook has no theme groups: the summary shows no empty headings of another
        // consultation's, and still lists the themes raised.
        let summary = try cli.consult(["summary", "--min-cell", "1"], databaseURL: url)
        #expect(summary.status == 0, "\(summary.stderr)")
        #expect(summary.stdout.contains("Leading themes:\n"), "\(summary.stdout)")
        #expect(summary.stdout.contains("\n  Staff manner & personal attributes: 1 ("), "\(summary.stdout)")
        #expect(!summary.stdout.contains("Awareness") && !summary.stdout.contains("Information came from"), "\(summary.stdout)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(try cli.consult(["summary", "--min-cell", "1", "--format", "json"],
                                                                                               databaseURL: url).stdout.utf8)) as? [String: Any])
        let group = try #require((json["groups"] as? [[String: Any]])?.first)
        #expect(Set(group.keys) == ["group", "respondents", "leading", "answers"])
        #expect((group["leading"] as? [[String: Any]])?.isEmpty == false)
    }

    /// The real NHS answers (read from `../shared/realdata/nhs-fft/`, never copied into the repository) import
    /// with the example's mapping, every row accepted, when that directory is there.
    @Test(.enabled(if: ProjectRoot.shared("realdata/nhs-fft/train.csv") != nil))
    func realFeedbackImportsWithTheExampleMapping() throws {
        let train = try #require(ProjectRoot.shared("realdata/nhs-fft/train.csv"))
        let cli = CLITests()
        let url = try cli.freshURL()
        #expect(try cli.consult(["survey", "load", Self.directory.path], databaseURL: url).status == 0)
        let mapping = Self.directory.appendingPathComponent("train-mapping.yaml").path
        let imported = try cli.consult(["import", "responses", train.path, "--survey", "fft", "--mapping", mapping, "--format", "json"], databaseURL: url)
        #expect(imported.status == 0, "\(imported.stderr)")
        let report = try #require(try JSONSerialization.jsonObject(with: Data(imported.stdout.utf8)) as? [String: Any])
        #expect(report["status"] as? String != nil)
        let segments = try cli.rows(try cli.consult(["segments", "--survey", "fft", "--limit", "100000", "--format", "json"], databaseURL: url).stdout)
        #expect(segments.count == 5904)
    }
}
