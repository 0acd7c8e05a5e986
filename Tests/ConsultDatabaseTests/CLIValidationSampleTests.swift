import Foundation
import Testing

/// The validation-sample commands as scripts use them: the blind sheet's JSON shape, reading the
/// filled-in sheet back, progress, and the `themes --estimate` fields.
@Suite struct CLIValidationSampleTests {
    @Test func blindSheetRoundTripAndEstimateFields() throws {
        let cli = CLITests()
        let url = try cli.freshURL()
        #expect(try cli.consult(["demo", "--out", cli.home.appendingPathComponent("out").path], databaseURL: url).status == 0)
        let created = try cli.consult(["code", "sample", "create", "check", "--size", "20", "--seed", "5", "--format", "json"], databaseURL: url)
        #expect(created.status == 0, "\(created.stderr)")
        #expect(try cli.rows(created.stdout).first?["sampled"] as? Int == 20)

        let queue = try cli.consult(["code", "queue", "--sample", "check", "--format", "json"], databaseURL: url)
        let sheet = try cli.rows(queue.stdout)
        #expect(!sheet.isEmpty)
        for row in sheet { #expect(Set(row.keys) == ["segment", "respondent", "survey", "question", "text"], "\(row.keys)") }

        // Filled in: nothing applies to any segment (every theme decided "no").
        let file = cli.home.appendingPathComponent("sheet.csv")
        try FileManager.default.createDirectory(at: cli.home, withIntermediateDirectories: true)
        try (["segment,coder,themes"] + sheet.map { "\($0["segment"] as? Int ?? 0),ann," }).joined(separator: "\n").write(to: file, atomically: true, encoding: .utf8)
        let imported = try cli.consult(["code", "import", file.path], databaseURL: url)
        #expect(imported.status == 0, "\(imported.stderr)")
        let status = try cli.rows(try cli.consult(["code", "sample", "status", "check", "--format", "json"], databaseURL: url).stdout)
        #expect(status.map { $0["coded"] as? Int } == [20, 20])

        let estimated = try cli.rows(try cli.consult(["themes", "--estimate", "--min-cell", "1", "--format", "json"], databaseURL: url).stdout)
        #expect(estimated.count == 32)
        for row in estimated {
            for key in ["estimate", "estimate_low", "estimate_high", "validated", "precision", "recall", "percent"] { #expect(row[key] != nil, "\(key)") }
            #expect(row["validated"] as? Int == 20)
            // No validated respondent has any theme: precision is 0 where the automatic coding found any.
            if let precision = row["precision"] as? Double { #expect(precision == 0) }
        }
        let automatic = try cli.rows(try cli.consult(["codings", "--coder", "automatic", "--format", "json"], databaseURL: url).stdout)
        #expect(!automatic.isEmpty && automatic.allSatisfy { $0["coder"] as? String == "rules" })
    }
}
