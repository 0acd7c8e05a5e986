import ConsultIngest
import ConsultStore
import ConsultationModel
import Foundation
import PersonalData
import Testing

/// Issue 14: the community and partner samples' first 40 responses as each survey tool exports them
/// (`Tests/Fixtures/shapes/`, written by `make-shapes.py`), imported with no mapping file into the
/// real database: the same closed-answer counts and free texts as the plain CSV, nothing changed by
/// a second import, and none of the planted personal data anywhere in a `pg_dump`.
@Suite struct ToolShapeImportTests {
    static let shapes = ["qualtrics.csv", "surveymonkey.csv", "googleforms.csv", "googleforms.xlsx", "msforms.xlsx", "kobotoolbox.csv",
                         "limesurvey.csv", "citizenspace.xlsx"]
    static func fixture(_ name: String) -> String { ProjectPaths.root.appendingPathComponent("Tests/Fixtures/shapes/\(name)").path }

    let pseudonymiser = Pseudonymiser(key: Array(repeating: 9, count: 32))
    let options = ImportOptions(importedBy: "test")

    func loadedStore() throws -> (store: Store, database: String) {
        let (name, connection) = try TestDatabase.freshDatabase()
        let store = Store(db: connection)
        _ = try store.load(try ConsultationLoader.load(directory: ProjectPaths.surveys))
        return (store, name)
    }

    func importShape(_ name: String, into store: Store) throws -> ImportOutcome {
        let survey = name.hasPrefix("partner-") ? "partner" : "community"
        return try ResponseImporter(store: store, pseudonymiser: pseudonymiser).importFile(Self.fixture(name), survey: survey, options: options)
    }

    /// Closed answers as "question=value" with how many respondents gave each.
    func answerCounts(_ store: Store) throws -> [String: Int] {
        let rows = try store.db.query("SELECT question_id, value, count(*) AS n FROM consult.answer GROUP BY 1, 2").rows
        return Dictionary(uniqueKeysWithValues: try rows.map { ("\(try $0.string("question_id"))=\(try $0.string("value"))", try $0.int("n")) })
    }

    func texts(_ store: Store) throws -> [String] {
        try store.db.query("SELECT question_id || ': ' || text AS t FROM consult.segment ORDER BY 1").rows.map { try $0.string("t") }
    }

    func count(_ table: String, _ store: Store) throws -> Int {
        try store.db.query("SELECT count(*) AS n FROM consult.\(table)").rows[0].int("n")
    }

    /// The community survey's shapes, and the partner survey's (`partner-` files).
    @Test(arguments: ["", "partner-"], shapes)
    func eachToolShapeStoresWhatThePlainCSVStores(_ prefix: String, _ shape: String) throws {
        let name = prefix + shape
        let plain = try loadedStore().store
        _ = try importShape(prefix + "plain.csv", into: plain)
        let (store, database) = try loadedStore()
        let outcome = try importShape(name, into: store)
        guard case .imported(let batch) = outcome.result else { Issue.record("not imported"); return }
        #expect(batch.rowsAccepted == 40 && outcome.rejected.isEmpty, "\(outcome.rejected)")
        #expect(outcome.reading?.columns.shape.tool != .plain)
        #expect(try answerCounts(store) == answerCounts(plain))
        #expect(try texts(store) == texts(plain))
        #expect(try count("respondent", store) == 40)

        let answers = try count("answer", store)
        let segments = try count("segment", store)
        let again = try importShape(name, into: store)
        guard case .alreadyImported = again.result else { Issue.record("second import did something: \(again.result)"); return }
        #expect(try count("answer", store) == answers && count("segment", store) == segments && count("respondent", store) == 40)

        let dump = try pgDump(database)
        #expect(dump.contains("consult.answer"), "pg_dump printed no schema")
        for i in 0..<40 {
            for planted in ["192.0.2.\(i + 10)", "planted.person\(i)@example.org", "Quillonfirst\(i)", "Vantablacklast\(i)",
                            "51.51\(String(format: "%04d", i))7", "-0.12\(String(format: "%04d", i))3"] {
                #expect(!dump.contains(planted), "\(name): '\(planted)' is in the database")
            }
        }
    }

    @Test func aLaterGoogleExportWithMoreRowsImportsOnlyTheNewOnes() throws {
        let store = try loadedStore().store
        let lines = try String(contentsOfFile: Self.fixture("googleforms.csv"), encoding: .utf8).components(separatedBy: "\r\n")
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("consult-gf-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let first = dir.appendingPathComponent("first.csv").path
        try lines.prefix(21).joined(separator: "\r\n").write(toFile: first, atomically: true, encoding: .utf8)
        let firstOutcome = try ResponseImporter(store: store, pseudonymiser: pseudonymiser).importFile(first, survey: "community", options: options)
        guard case .imported(let one) = firstOutcome.result else { Issue.record("not imported"); return }
        #expect(one.rowsAccepted == 20)
        let later = try importShape("googleforms.csv", into: store)
        guard case .imported(let two) = later.result else { Issue.record("not imported"); return }
        #expect(two.rowsAccepted == 20 && two.rowsDuplicate == 20 && two.rowsChanged == 0)
        #expect(try count("respondent", store) == 40)
        // The workbook download of the same form derives the same ids: nothing new.
        let workbook = try importShape("googleforms.xlsx", into: store)
        guard case .imported(let three) = workbook.result else { Issue.record("not imported"); return }
        #expect(three.rowsAccepted == 0 && three.rowsDuplicate == 40)
    }

    @Test func qualtricsPartialResponsesComeInOnlyWhenAsked() throws {
        let store = try loadedStore().store
        var partial = options
        partial.includePartial = true
        let outcome = try ResponseImporter(store: store, pseudonymiser: pseudonymiser).importFile(Self.fixture("qualtrics.csv"), survey: "community", options: partial)
        guard case .imported(let batch) = outcome.result else { Issue.record("not imported"); return }
        #expect(batch.rowsAccepted == 41)
        #expect(outcome.skipped.values.reduce(0, +) == 2)
        #expect(outcome.skipped.keys.allSatisfy { $0.contains("not a real response") })
    }

    func pgDump(_ database: String) throws -> String {
        let setup = try TestDatabase.cluster()
        let process = Process()
        let versions = (try? FileManager.default.contentsOfDirectory(atPath: "/usr/lib/postgresql")) ?? []
        let candidates = [setup.binaries.program("pg_dump").path] + versions.sorted().reversed().map { "/usr/lib/postgresql/\($0)/bin/pg_dump" } + ["/usr/bin/pg_dump"]
        let program = try #require(candidates.first { FileManager.default.isExecutableFile(atPath: $0) }, "no pg_dump")
        process.executableURL = URL(fileURLWithPath: program)
        process.arguments = ["--dbname=\(setup.cluster.url(database: database))"]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = Pipe()
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        return String(decoding: data, as: UTF8.self)
    }
}

/// Bad workbooks and headers keep their one-line errors through the importer, and nothing is written.
extension ToolShapeImportTests {
    @Test(arguments: [
        ("truncated.xlsx", nil as String?, "truncated.xlsx: is not a readable .xlsx workbook"),
        ("not-a-workbook.zip", nil, "not-a-workbook.zip: is a zip archive but not an Excel workbook"),
        ("msforms.xlsx", "Responses", "msforms.xlsx: sheet 'Responses': no such sheet; the workbook has 'Sheet1'"),
        ("unmatched.xlsx", nil, "unmatched.xlsx:1: unknown column for survey 'community': column 20 'Favourite colour'"),
    ])
    func badWorkbooksAreRefusedInOneLineAndNothingIsWritten(_ name: String, _ sheet: String?, _ message: String) throws {
        let store = try loadedStore().store
        var opts = options
        opts.sheet = sheet
        opts.format = .xlsx
        #expect {
            _ = try ResponseImporter(store: store, pseudonymiser: pseudonymiser).importFile(Self.fixture(name), survey: "community", options: opts)
        } throws: { error in
            "\(error)".contains(message) && !"\(error)".contains("\n")
        }
        #expect(try store.batches().isEmpty)
        #expect(try count("respondent", store) == 0)
    }

    @Test func aForcedDelimiterIsUsedAndReported() throws {
        let store = try loadedStore().store
        var opts = options
        opts.delimiter = 0x3B
        opts.dryRun = true
        let outcome = try ResponseImporter(store: store, pseudonymiser: pseudonymiser).importFile(Self.fixture("kobotoolbox.csv"), survey: "community", options: opts)
        #expect(outcome.rowsRead == 40 && outcome.rejected.isEmpty)
        #expect(outcome.reading?.summary.contains("delimiter ';' (forced), every field quoted, CRLF") == true)
        #expect(outcome.reading?.dropped.first { $0.kind == "personal data" }?.headers == ["deviceid", "location_latitude", "location_longitude", "_submitted_by"])
        opts.delimiter = 0x2C
        #expect(throws: (any Error).self) {
            _ = try ResponseImporter(store: store, pseudonymiser: pseudonymiser).importFile(Self.fixture("kobotoolbox.csv"), survey: "community", options: opts)
        }
    }
}
