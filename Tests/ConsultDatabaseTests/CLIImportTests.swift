import Foundation
import SurveyExports
import Testing

/// `consult import responses` end to end: the JSON report, one-line errors, and no progress when
/// stderr is not a terminal.
extension CLITests {
    static func fixture(_ name: String) -> String { ProjectPaths.root.appendingPathComponent("Tests/Fixtures/import/\(name)").path }

    @Test func importRefusalPrintsTheJSONReportAndOneLineOnStderr() throws {
        let url = try freshURL()
        #expect(try consult(["survey", "load", ProjectPaths.surveys], databaseURL: url).status == 0)
        let run = try consult(["import", "responses", Self.fixture("unmatched-columns.csv"), "--survey", "community", "--format", "json"], databaseURL: url)
        #expect(run.status == 1)
        #expect(run.stderr.split(separator: "\n").count == 1, "\(run.stderr)")
        #expect(run.stderr.contains("column 9 'Postcode', column 19 'Favourite colour'"))
        let report = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        #expect(report["status"] as? String == "refused")
        let problems = try #require(report["problems"] as? [[String: Any]])
        #expect(problems.map { $0["column"] as? Int } == [9, 19])
    }

    @Test func importReportsConversionChangesAndStaysQuietWhenPiped() throws {
        let url = try freshURL()
        #expect(try consult(["survey", "load", ProjectPaths.surveys], databaseURL: url).status == 0)
        let run = try consult(["import", "responses", Self.fixture("windows-1252.csv"), "--survey", "community"], databaseURL: url)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("converted from Windows-1252"))
        #expect(run.stderr.isEmpty, "progress written to a pipe: \(run.stderr)")
        let strict = try consult(["import", "responses", Self.fixture("windows-1252.csv"), "--survey", "community", "--encoding", "utf-8", "--dry-run"],
                                 databaseURL: url)
        #expect(strict.status == 1)
        #expect(strict.stderr.hasPrefix("consult: ") && strict.stderr.contains(":2: column 10: byte 0x92 is not valid UTF-8"), "\(strict.stderr)")
        let json = try consult(["import", "responses", Self.fixture("responses.jsonl"), "--survey", "community", "--format", "json"], databaseURL: url)
        let report = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect(report["status"] as? String == "imported")
        #expect(report["accepted"] as? Int == 1 && report["duplicates"] as? Int == 0 && report["changed"] as? Int == 1, "\(json.stdout)")
    }

    @Test func rejectedRowsAreListedByBatchAndLine() throws {
        let url = try freshURL()
        #expect(try consult(["survey", "load", ProjectPaths.surveys], databaseURL: url).status == 0)
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
        let csv = home.appendingPathComponent("some-bad.csv").path
        try ([ImportTests.header, ImportTests.rows[1], "T-9,,online,maybe,,,,,,,,,,,,,"].joined(separator: "\n") + "\n")
            .write(toFile: csv, atomically: true, encoding: .utf8)
        let rejects = home.appendingPathComponent("rejects.csv").path
        let run = try consult(["import", "responses", csv, "--survey", "community", "--accept-valid", "--rejects", rejects], databaseURL: url)
        #expect(run.status == 0, "\(run.stderr)")
        let listed = try rows(try consult(["rejects", "--batch", "1", "--format", "json"], databaseURL: url).stdout)
        #expect(listed.count == 1)
        #expect(listed.first?["line"] as? Int == 3 && listed.first?["field"] as? String == "aware" && listed.first?["batch"] as? Int == 1)
        #expect(try rows(try consult(["rejects", "--batch", "2", "--format", "json"], databaseURL: url).stdout).isEmpty)
    }
}

/// `consult import inspect` and the tool-shape lines of the import report, end to end.
extension CLITests {
    static func shape(_ name: String) -> String { ProjectPaths.root.appendingPathComponent("Tests/Fixtures/shapes/\(name)").path }

    @Test func inspectListsEveryColumnAndWritesAMappingWithoutADatabase() throws {
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
        let mapping = home.appendingPathComponent("mapping.yaml").path
        let run = try consult(["import", "inspect", Self.shape("unmatched.xlsx"), "--survey", "community", "--format", "json", "--write-mapping", mapping],
                              databaseURL: "postgresql:///nonexistent?host=/nonexistent")
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.contains("Microsoft Forms: 1 header row") && run.stderr.contains("sheet 'Sheet1'"))
        let listed = try rows(run.stdout)
        #expect(listed.count == 20)
        #expect(listed.first { $0["header"] as? String == "Email" }?["maps_to"] as? String == "dropped: personal data (e-mail)")
        #expect(listed.first { $0["header"] as? String == "Favourite colour" }?["maps_to"] as? String == "unmatched")
        let yaml = try String(contentsOfFile: mapping, encoding: .utf8)
        #expect(yaml.contains("# \"Favourite colour\": ignore"))
        #expect(yaml.contains("\"Your age\": age_band"))
        let parsed = try HeaderMapping.parse(yaml, file: mapping)
        #expect(parsed.entries.contains { $0.header == "Where have you heard or read about the Matrix? Tick all that apply." && $0.target == "sources" })
    }

    @Test func importReportsTheToolDroppedColumnsAndSkippedRows() throws {
        let url = try freshURL()
        #expect(try consult(["survey", "load", ProjectPaths.surveys], databaseURL: url).status == 0)
        let run = try consult(["import", "responses", Self.shape("qualtrics.csv"), "--survey", "community"], databaseURL: url)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("40 new"))
        #expect(run.stdout.contains("read as Qualtrics: 3 header rows"))
        #expect(run.stdout.contains("dropped: personal data: 7 columns (IP Address, Recipient Last Name"))
        #expect(run.stdout.contains("not imported: 1 row unfinished"))
        #expect(!run.stdout.contains("192.0.2."))
        let bad = try consult(["import", "responses", Self.shape("truncated.xlsx"), "--survey", "community"], databaseURL: url)
        #expect(bad.status == 1 && bad.stderr.split(separator: "\n").count == 1 && bad.stderr.contains("truncated.xlsx: is not a readable .xlsx workbook"), "\(bad.stderr)")
    }
}
