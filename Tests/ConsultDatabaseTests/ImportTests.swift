import ConsultIngest
import ConsultStore
import ConsultationModel
import FileReading
import Foundation
import PersonalData
import Postgres
import Testing

/// Survey imports against the real database: all or nothing, idempotent, redacted, pseudonymised.
@Suite struct ImportTests {
    static let header = "response_id,submitted_at,mode,aware,what_is,understanding,sources,sources_detail,trust,concerns,other_tools,help,age_band,gender,ethnicity,borough,consent_quote"
    static let rows = [
        "T-1,2018-09-01T10:00:00Z,online,yes,\"A list the Met keeps of people they think are in gangs, email me at jo.bloggs@example.com\",3,police;news,,2,it's racist,,publish the criteria,18-24,woman,black_caribbean,Lambeth,yes",
        "T-2,2018-09-02,paper,No,never heard of it,1,none,,3,,,\"dunno, tell people\",65+,man,White and Asian,E09000012,no",
        "T-3,,online,not_sure,,,,,,,,,,,,,",
    ]

    func write(_ lines: [String], name: String = "responses.csv") throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("consult-import-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let path = dir.appendingPathComponent(name).path
        try (lines.joined(separator: "\n") + "\n").write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    func loadedStore() throws -> Store {
        let store = try TestDatabase.store()
        _ = try store.load(try ConsultationLoader.load(directory: ProjectPaths.surveys))
        return store
    }

    let options = ImportOptions(importedBy: "test")
    let pseudonymiser = Pseudonymiser(key: Array(repeating: 7, count: 32))

    func count(_ store: Store, _ table: String) throws -> Int {
        try store.db.query("SELECT count(*) AS n FROM consult.\(table)").rows[0].int("n")
    }

    @Test func importsRedactsAndPseudonymises() throws {
        let store = try loadedStore()
        let importer = ResponseImporter(store: store, pseudonymiser: pseudonymiser)
        let outcome = try importer.importFile(try write([Self.header] + Self.rows), survey: "community", options: options)
        guard case .imported(let batch) = outcome.result else { Issue.record("not imported"); return }
        #expect(batch.rowsAccepted == 3)
        #expect(batch.rowsRejected == 0)
        #expect(try count(store, "respondent") == 3)
        let texts = try store.db.query("SELECT text FROM consult.segment ORDER BY id").rows.map { try $0.string("text") }
        #expect(texts.contains { $0.contains("[EMAIL]") })
        #expect(!texts.contains { $0.contains("jo.bloggs") })
        // Source ids never reach the database; pseudonyms do.
        let pseudonyms = try store.db.query("SELECT pseudonym FROM consult.respondent").rows.map { try $0.string("pseudonym") }
        #expect(pseudonyms.allSatisfy { $0.hasPrefix("R-") && !$0.contains("T-") })
        #expect(Set(pseudonyms).contains(pseudonymiser.pseudonym(scope: "community", sourceID: "T-1")))
        // Labels normalise to values, and ethnicity gets its ONS group.
        let answers = try store.db.query("SELECT question_id, value FROM consult.answer").rows.map { "\(try $0.string("question_id"))=\(try $0.string("value"))" }
        #expect(answers.contains("aware=no"))
        #expect(answers.contains("ethnicity=mixed_white_asian"))
        #expect(answers.contains("ethnicity_group=Mixed"))
        #expect(answers.contains("borough=E09000022"))
        #expect(answers.contains("sources=police") && answers.contains("sources=news"))
        let consent = try store.db.query("SELECT count(*) FILTER (WHERE quote_consent) AS n FROM consult.respondent").rows[0].int("n")
        #expect(consent == 1)
    }

    @Test func sameFileTwiceAndOverlappingFilesNeverDuplicate() throws {
        let store = try loadedStore()
        let importer = ResponseImporter(store: store, pseudonymiser: pseudonymiser)
        let first = try write([Self.header] + Self.rows)
        _ = try importer.importFile(first, survey: "community", options: options)
        let again = try importer.importFile(first, survey: "community", options: options)
        guard case .alreadyImported = again.result else { Issue.record("second import was not recognised"); return }
        let overlapping = try write([Self.header] + Self.rows + ["T-4,,online,yes,,,,,,,,,,,,,no"], name: "more.csv")
        let third = try importer.importFile(overlapping, survey: "community", options: options)
        guard case .imported(let batch) = third.result else { Issue.record("not imported"); return }
        #expect(batch.rowsAccepted == 1)
        #expect(batch.rowsDuplicate == 3)
        #expect(try count(store, "respondent") == 4)
        #expect(try count(store, "import_batch") == 2)
    }

    /// The per-line outcomes (what `consult serve` answers each joined submission from) are the ones
    /// the batch counts: stored, duplicate, changed, erased, and a repeated respondent (no source id to
    /// find the repeat by) counted once.
    @Test func lineOutcomesAddUpToTheBatchCounts() throws {
        let store = try loadedStore()
        let importer = ResponseImporter(store: store, pseudonymiser: pseudonymiser)
        var reporting = ImportOptions(importedBy: "test", encoding: .utf8)
        reporting.reportsLines = true
        let first = [#"{"response_id":"L-held","aware":"yes"}"#, #"{"response_id":"L-changed","aware":"yes"}"#,
                     #"{"response_id":"L-erased","aware":"yes"}"#]
        _ = try importer.importBytes(Array((first.joined(separator: "\n") + "\n").utf8), name: "first.jsonl", format: .jsonl, survey: "community",
                                     options: options)
        _ = try store.erase([RespondentKey(survey: "community", pseudonym: pseudonymiser.pseudonym(scope: "community", sourceID: "L-erased"))])
        let second = [#"{"response_id":"L-held","aware":"yes"}"#, "",
                      #"{"response_id":"L-new","aware":"no","what_is":"ring 07700 900123 or mail a@example.com"}"#,
                      #"{"response_id":"L-changed","aware":"no"}"#, #"{"response_id":"L-erased","aware":"yes"}"#]
        let outcome = try importer.importBytes(Array(second.joined(separator: "\n").utf8), name: "second.jsonl", format: .jsonl,
                                               survey: "community", options: reporting)
        guard case .imported(let batch) = outcome.result else { Issue.record("not imported"); return }
        #expect(outcome.lines == [
            ImportedLine(line: 1, outcome: .duplicate, redactions: 0), ImportedLine(line: 3, outcome: .accepted, redactions: 2),
            ImportedLine(line: 4, outcome: .changed, redactions: 0), ImportedLine(line: 5, outcome: .erased, redactions: 0),
        ])
        #expect((batch.rowsAccepted, batch.rowsDuplicate, batch.rowsChanged, batch.rowsErased, batch.redactions) == (1, 1, 1, 1, 2))
        #expect(try importer.importBytes(Array(#"{"response_id":"L-other","aware":"yes"}"#.utf8), name: "third.jsonl", format: .jsonl,
                                         survey: "community", options: options).lines.isEmpty)
    }

    @Test func anInvalidRowRefusesTheWholeFileAndNamesLineAndField() throws {
        let store = try loadedStore()
        let importer = ResponseImporter(store: store, pseudonymiser: pseudonymiser)
        let bad = Self.rows[1].replacingOccurrences(of: ",3,,,", with: ",7,,,")
        let path = try write([Self.header, Self.rows[0], bad])
        do {
            _ = try importer.importFile(path, survey: "community", options: options)
            Issue.record("invalid file accepted")
        } catch let error as ImportError {
            #expect(error.description.contains("line 3"))
            #expect(error.description.contains("'trust'"))
            #expect(error.description.contains("'7'"))
        }
        #expect(try count(store, "respondent") == 0)
        #expect(try count(store, "import_batch") == 0)
    }

    /// The rejects file holds every rejected row unchanged (it is as sensitive as the source file,
    /// so only its owner may read it); the database records where, which field and why, with a
    /// redacted reason and the row's pseudonym, never the row's content.
    @Test func acceptValidWritesRejectedRowsUnchangedAndRecordsThemWithoutContent() throws {
        let store = try loadedStore()
        let importer = ResponseImporter(store: store, pseudonymiser: pseudonymiser)
        let bad = "T-9,,online,maybe,\"secret words, jo@example.com\",,,,,,,,,,,,no"
        let unreadable = "T-8,,online,yes,,,,,jo.bloggs@example.com,,,,,,,,no"
        let path = try write([Self.header, Self.rows[0], bad, Self.rows[0], unreadable])
        let rejects = path + ".rejects.csv"
        let outcome = try importer.importFile(path, survey: "community",
                                              options: ImportOptions(acceptValid: true, rejectsPath: rejects, importedBy: "test"))
        guard case .imported(let batch) = outcome.result else { Issue.record("not imported"); return }
        #expect(batch.rowsAccepted == 1)
        #expect(batch.rowsRejected == 3)
        let written = try String(contentsOfFile: rejects, encoding: .utf8)
        #expect(written.hasPrefix("source,line,field,reason,row\n"))
        #expect(written.contains(",3,aware,"))
        #expect(written.contains(csvField(bad)) && written.contains(csvField(Self.rows[0])) && written.contains(unreadable))
        #expect(written.contains("repeats the respondent id of line 2"))
        let mode = try FileManager.default.attributesOfItem(atPath: rejects)[.posixPermissions] as? Int
        #expect(mode == 0o600)

        let recorded = try store.rejects(batch: batch.id)
        #expect(recorded.map(\.line) == [3, 4, 5])
        #expect(recorded.map(\.field) == ["aware", "response_id", "trust"])
        #expect(recorded.map(\.pseudonym) == ["T-9", "T-1", "T-8"].map { pseudonymiser.pseudonym(scope: "community", sourceID: $0) })
        #expect(recorded[2].reason.contains("[EMAIL]") && !recorded[2].reason.contains("jo.bloggs"), "\(recorded[2].reason)")
        let stored = try store.db.query("SELECT string_agg(concat_ws(',', field, reason, pseudonym), ';') AS all FROM consult.import_reject").rows[0]
        #expect(try !stored.string("all").contains("secret words") && !stored.string("all").contains("@example.com"))
    }

    @Test func dryRunWritesNothing() throws {
        let store = try loadedStore()
        let outcome = try ResponseImporter(store: store, pseudonymiser: pseudonymiser)
            .importFile(try write([Self.header] + Self.rows), survey: "community", options: ImportOptions(dryRun: true, importedBy: "test"))
        #expect(outcome.rowsRead == 3)
        #expect(try count(store, "respondent") == 0)
    }

    @Test(arguments: [
        (["response_id,aware"], "missing from the header"),
        ([header.replacingOccurrences(of: "consent_quote", with: "consent_quote,shoe_size")], "column 18 'shoe_size'"),
        ([header.replacingOccurrences(of: "response_id", with: "id")], "column 1 'id'"),
        ([header.replacingOccurrences(of: "response_id,", with: ""), "x"], "respondent id column is missing"),
        ([header, "T-1,\"unclosed"], "never closed"),
        ([header], "no responses"),
    ])
    func malformedFilesAreRefusedWithAClearReason(lines: [String], expected: String) throws {
        let store = try loadedStore()
        let path = try write(lines)
        do {
            _ = try ResponseImporter(store: store, pseudonymiser: pseudonymiser).importFile(path, survey: "community", options: options)
            Issue.record("accepted a malformed file")
        } catch {
            #expect("\(error)".contains(expected), "\(error)")
            #expect("\(error)".contains(path))
        }
        #expect(try count(store, "respondent") == 0)
    }

    /// A UTF-8 header and one response with a Windows-1252 "é" in column 5 (line 2).
    func windows1252File() throws -> String {
        let path = try write([Self.header])
        var bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        bytes += Array("T-1,,online,yes,caf".utf8) + [0xE9] + Array(",,,,,,,,,,,,\n".utf8)
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return path
    }

    @Test func notUTF8IsRefusedUnderEncodingUTF8NamingLineAndColumn() throws {
        let store = try loadedStore()
        var strict = options
        strict.encoding = .utf8
        do {
            _ = try ResponseImporter(store: store, pseudonymiser: pseudonymiser).importFile(try windows1252File(), survey: "community", options: strict)
            Issue.record("accepted Latin-1 bytes")
        } catch let error as SurveyFileError {
            #expect(error.line == 2)
            #expect(error.field == "column 5")
            #expect(error.message.contains("0xE9 is not valid UTF-8"))
        }
        #expect(try count(store, "respondent") == 0)
    }

    @Test func windows1252IsConvertedAndTheBatchSaysSo() throws {
        let store = try loadedStore()
        let outcome = try ResponseImporter(store: store, pseudonymiser: pseudonymiser).importFile(try windows1252File(), survey: "community", options: options)
        #expect(outcome.conversion?.summary == "Windows-1252 (1 field, first at line 2)")
        #expect(try store.batches().last?.convertedFrom == "Windows-1252 (1 field, first at line 2)")
        let text = try store.db.query("SELECT text FROM consult.segment").rows.map { try $0.string("text") }
        #expect(text == ["café"])
    }

    @Test func unknownSurveyAndMissingFileAreClearErrors() throws {
        let store = try loadedStore()
        let importer = ResponseImporter(store: store, pseudonymiser: pseudonymiser)
        #expect(throws: StoreError.self) { try importer.importFile(try write([Self.header]), survey: "nope", options: options) }
        do {
            _ = try importer.importFile("/nonexistent/file.csv", survey: "community", options: options)
        } catch {
            #expect("\(error)" == "/nonexistent/file.csv: no such file")
        }
    }

    @Test func aSecondKeyIsRefused() throws {
        let store = try loadedStore()
        _ = try ResponseImporter(store: store, pseudonymiser: pseudonymiser)
            .importFile(try write([Self.header] + Self.rows), survey: "community", options: options)
        let other = Pseudonymiser(key: Array(repeating: 9, count: 32))
        #expect(throws: StoreError.self) {
            try ResponseImporter(store: store, pseudonymiser: other)
                .importFile(try write([Self.header, "T-7,,online,yes,,,,,,,,,,,,,no"], name: "x.csv"), survey: "community", options: options)
        }
    }
}
