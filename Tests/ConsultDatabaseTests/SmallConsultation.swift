import ConsultCoding
import ConsultIngest
import ConsultStore
import ConsultationModel
import Foundation
import PersonalData
import Postgres
import Testing

/// A loaded consultation with the three synthetic community rows of `ImportTests`, rule-coded: the
/// smallest database on which coding decisions and respondents' rights can be exercised.
struct SmallConsultation {
    let store: Store
    let database: String
    let pseudonymiser = Pseudonymiser(key: Array(repeating: 9, count: 32))

    init() throws {
        let fresh = try TestDatabase.freshDatabase()
        store = Store(db: fresh.connection)
        database = fresh.name
        _ = try store.load(try ConsultationLoader.load(directory: ProjectPaths.surveys))
        try importRows(ImportTests.rows, name: "small.csv")
        _ = try AutoCoding.run(store: store)
    }

    /// Imports community rows (with the community header) from a file called `name`; with
    /// `acceptValid`, invalid rows are set aside (rejects file beside it) instead of refusing the file.
    func importRows(_ rows: [String], name: String, acceptValid: Bool = false) throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("consult-small-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let path = dir.appendingPathComponent(name).path
        try ([ImportTests.header] + rows).joined(separator: "\n").appending("\n").write(toFile: path, atomically: true, encoding: .utf8)
        let options = ImportOptions(acceptValid: acceptValid, rejectsPath: acceptValid ? path + ".rejects.csv" : nil, importedBy: "test")
        _ = try ResponseImporter(store: store, pseudonymiser: pseudonymiser).importFile(path, survey: "community", options: options)
    }

    /// The key by which staff name a community respondent (source id as in the file).
    func key(_ sourceID: String) -> RespondentKey {
        RespondentKey(survey: "community", pseudonym: pseudonymiser.pseudonym(scope: "community", sourceID: sourceID))
    }

    func count(_ sql: String, _ parameters: [any SQLParameter] = []) throws -> Int {
        try store.db.query(sql, parameters).rows[0].int("n")
    }

    func respondentID(_ sourceID: String) throws -> Int {
        try store.db.query("SELECT id FROM consult.respondent WHERE pseudonym = $1", key(sourceID).pseudonym).rows[0].int("id")
    }

    func segmentIDs(of sourceID: String) throws -> [Int] {
        try store.db.query("SELECT id FROM consult.segment WHERE respondent_id = $1::bigint ORDER BY id", try respondentID(sourceID))
            .rows.map { try $0.int("id") }
    }
}
