import ConsultIngest
import ConsultStore
import ConsultationModel
import FileReading
import Foundation
import PersonalData
import SurveyExports
import Testing

/// Every export shape of issue 3, imported into the real database from the synthetic fixtures in
/// `Tests/Fixtures/import/`: each must store the same answers as the plain question-id CSV would.
@Suite struct ImportFormatTests {
    static let fixtures = ProjectPaths.root.appendingPathComponent("Tests/Fixtures/import")
    static func fixture(_ name: String) -> String { fixtures.appendingPathComponent(name).path }

    /// The closed answers of F-1 and F-2, whatever shape the file has.
    static let expectedAnswers: Set<String> = [
        "F-1 aware=yes", "F-1 understanding=3", "F-1 sources=police", "F-1 sources=news", "F-1 trust=2", "F-1 age_band=18-24",
        "F-1 gender=woman", "F-1 ethnicity=black_caribbean", "F-1 ethnicity_group=Black", "F-1 borough=E09000022", "F-1 consent_quote=yes",
        "F-2 aware=no", "F-2 understanding=1", "F-2 sources=none", "F-2 trust=3", "F-2 age_band=65+", "F-2 gender=man",
        "F-2 ethnicity=mixed_white_asian", "F-2 ethnicity_group=Mixed", "F-2 borough=E09000012", "F-2 consent_quote=no",
    ]

    let pseudonymiser = Pseudonymiser(key: Array(repeating: 7, count: 32))
    let options = ImportOptions(importedBy: "test")

    func loadedStore() throws -> Store {
        let store = try TestDatabase.store()
        _ = try store.load(try ConsultationLoader.load(directory: ProjectPaths.surveys))
        return store
    }

    func importFixture(_ name: String, into store: Store, options: ImportOptions? = nil) throws -> ImportOutcome {
        try ResponseImporter(store: store, pseudonymiser: pseudonymiser).importFile(Self.fixture(name), survey: "community", options: options ?? self.options)
    }

    /// Stored answers as "SOURCE-ID question=value", mapping pseudonyms back through the test key.
    func answers(_ store: Store) throws -> Set<String> {
        let ids = Dictionary(uniqueKeysWithValues: ["F-1", "F-2", "F-3"].map { (pseudonymiser.pseudonym(scope: "community", sourceID: $0), $0) })
        let rows = try store.db.query("SELECT r.pseudonym, a.question_id, a.value FROM consult.answer a JOIN consult.respondent r ON r.id = a.respondent_id").rows
        return Set(try rows.map { "\(ids[try $0.string("pseudonym")] ?? "?") \(try $0.string("question_id"))=\(try $0.string("value"))" })
    }

    func texts(_ store: Store) throws -> [String] {
        try store.db.query("SELECT text FROM consult.segment ORDER BY text").rows.map { try $0.string("text") }
    }

    @Test(arguments: ["wording-headers.csv", "section-headers.csv", "two-header-rows.csv", "responses.jsonl"])
    func everyHeaderShapeStoresTheSameAnswers(_ name: String) throws {
        let store = try loadedStore()
        let outcome = try importFixture(name, into: store)
        #expect(outcome.rowsRead == 2)
        let stored = try answers(store)
        #expect(stored == Self.expectedAnswers, "missing \(Self.expectedAnswers.subtracting(stored).sorted()), extra \(stored.subtracting(Self.expectedAnswers).sorted())")
        #expect(try texts(store).contains("A list the Met keeps of people they think are in gangs"))
    }

    @Test func optionColumnsStoreTheTickedOptions() throws {
        let store = try loadedStore()
        _ = try importFixture("option-columns.csv", into: store)
        let sources = try answers(store).filter { $0.contains(" sources=") }
        #expect(sources == ["F-1 sources=police", "F-1 sources=news", "F-2 sources=none"])
    }

    @Test(arguments: ["mapping.yaml", "mapping.csv"])
    func aMappingFileMatchesWhatRulesCannotAndIgnoresOnPurpose(_ mapping: String) throws {
        let store = try loadedStore()
        var withMapping = options
        let path = Self.fixture(mapping)
        withMapping.mapping = try HeaderMapping.parse(try String(contentsOfFile: path, encoding: .utf8), file: path)
        _ = try importFixture("mapped-headers.csv", into: store, options: withMapping)
        #expect(try answers(store) == Self.expectedAnswers)
        #expect(try !texts(store).contains { $0.contains("called back") })
        #expect(throws: UnmatchedColumns.self) { try importFixture("mapped-headers.csv", into: try loadedStore()) }
    }

    @Test func everyUnmatchedColumnIsNamedAndNothingIsStored() throws {
        let store = try loadedStore()
        do {
            _ = try importFixture("unmatched-columns.csv", into: store)
            Issue.record("accepted unmatched columns")
        } catch let error as UnmatchedColumns {
            #expect(error.columns == [.init(number: 9, header: "Postcode"), .init(number: 19, header: "Favourite colour")])
            let problems = ValidationProblem.problems(in: error, file: error.file)
            #expect(problems.map(\.column) == [9, 19])
            #expect(problems.map(\.value) == ["Postcode", "Favourite colour"])
        }
        #expect(try answers(store).isEmpty)
    }

    @Test func windows1252IsConvertedNeverMojibake() throws {
        let store = try loadedStore()
        let outcome = try importFixture("windows-1252.csv", into: store)
        #expect(outcome.conversion?.from == "Windows-1252")
        #expect(try texts(store).contains("it’s unfair, the café owner said “no”"))
        var strict = options
        strict.encoding = .utf8
        #expect {
            _ = try importFixture("windows-1252.csv", into: try loadedStore(), options: strict)
        } throws: { error in
            guard let error = error as? SurveyFileError else { return false }
            return error.line == 2 && error.field == "column 10" && error.message.contains("byte 0x92")
        }
    }

    @Test(arguments: ["utf-16le-bom.csv", "utf-16be-bom.csv"])
    func utf16IsConverted(_ name: String) throws {
        let store = try loadedStore()
        let outcome = try importFixture(name, into: store)
        #expect(outcome.conversion?.summary == (name.contains("le") ? "UTF-16LE" : "UTF-16BE"))
        #expect(try texts(store).contains("café 👍"))
        #expect(try store.batches().last?.convertedFrom == outcome.conversion?.summary)
    }

    @Test func aMalformedJSONLineIsReportedWithItsLineNumber() throws {
        let store = try loadedStore()
        do {
            _ = try importFixture("malformed.jsonl", into: store)
            Issue.record("accepted a malformed line")
        } catch let error as ImportError {
            #expect(error.rejected.map(\.line) == [2])
            #expect("\(error)".contains("line 2: is not a JSON object"))
        }
        var accept = options
        accept.acceptValid = true
        accept.rejectsPath = FileManager.default.temporaryDirectory.appendingPathComponent("rejects-\(UUID().uuidString).csv").path
        let outcome = try importFixture("malformed.jsonl", into: store, options: accept)
        #expect(outcome.rowsRead == 3 && outcome.rejected.count == 1)
    }

    @Test func jsonReportListsEveryProblemWithFileLineColumnFieldValueReason() throws {
        let store = try loadedStore()
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("consult-report-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let path = dir.appendingPathComponent("bad.csv").path
        try "response_id,aware,what_is,understanding,sources,sources_detail,trust,concerns,other_tools,help,age_band,gender,ethnicity,borough,consent_quote\nB-1,perhaps,,,,,,,,,,,,,\nB-2,,,9,,,,,,,,,,,\n"
            .write(toFile: path, atomically: true, encoding: .utf8)
        do {
            _ = try ResponseImporter(store: store, pseudonymiser: pseudonymiser).importFile(path, survey: "community", options: options)
            Issue.record("accepted invalid rows")
        } catch {
            let report = ValidationReport(file: path, refusedBy: error)
            let json = try JSONSerialization.jsonObject(with: Data(report.json.utf8)) as! [String: Any]
            #expect(json["status"] as? String == "refused")
            let problems = json["problems"] as! [[String: Any]]
            #expect(problems.count == 2)
            #expect(problems[0]["line"] as? Int == 2 && problems[0]["column"] as? Int == 2 && problems[0]["field"] as? String == "aware")
            #expect(problems[0]["value"] as? String == "perhaps" && problems[0]["file"] as? String == path)
            #expect((problems[1]["reason"] as? String)?.contains("'9' is not an option") == true)
            #expect(Set(problems[0].keys) == ["file", "line", "column", "field", "value", "reason"])
        }
    }

    @Test func aChangedResponseIsCountedAndListedNotMergedOrDuplicated() throws {
        let store = try loadedStore()
        _ = try importFixture("wording-headers.csv", into: store)
        let before = try answers(store)
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("consult-change-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let path = dir.appendingPathComponent("again.csv").path
        let original = try String(contentsOfFile: Self.fixture("section-headers.csv"), encoding: .utf8)
        // F-1 unchanged, F-2 now trusts the police more, F-3 is new.
        let changed = original.replacingOccurrences(of: "never heard of it,1,none,,3,", with: "never heard of it,1,none,,5,")
            + "F-3,2018-09-03,online,yes,,,,,,,,,,,,,no\r\n"
        #expect(changed != original + "F-3,2018-09-03,online,yes,,,,,,,,,,,,,no\r\n")
        try changed.write(toFile: path, atomically: true, encoding: .utf8)
        let outcome = try ResponseImporter(store: store, pseudonymiser: pseudonymiser).importFile(path, survey: "community", options: options)
        guard case .imported(let batch) = outcome.result else { Issue.record("not imported"); return }
        #expect(batch.rowsAccepted == 1 && batch.rowsDuplicate == 1 && batch.rowsChanged == 1)
        #expect(outcome.changedLines == [3])
        #expect(try answers(store) == before.union(["F-3 aware=yes", "F-3 consent_quote=no"]))
        #expect(try store.db.query("SELECT count(*) AS n FROM consult.respondent").rows[0].int("n") == 3)
        #expect(ValidationReport(outcome).changedLines == [3])
    }
}
