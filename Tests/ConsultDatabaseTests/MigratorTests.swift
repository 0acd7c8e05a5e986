import ConsultStore
import Foundation
import Testing

@Suite struct MigratorTests {
    func tempSQL(_ files: [String: String]) throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("consult-sql-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        for (name, text) in files { try text.write(to: dir.appendingPathComponent(name), atomically: true, encoding: .utf8) }
        return dir.path
    }

    @Test func appliesOnceInOrderAndRecords() throws {
        let db = try TestDatabase.fresh()
        let dir = try tempSQL(["9002_b.sql": "INSERT INTO m_demo VALUES (2);", "9001_a.sql": "CREATE TABLE m_demo (n int); INSERT INTO m_demo VALUES (1);"])
        let migrator = Migrator(db: db, directory: dir)
        #expect(try migrator.migrate() == ["9001", "9002"])
        #expect(try migrator.migrate() == [])
        #expect(try db.query("SELECT count(*) AS n FROM m_demo").rows[0].int("n") == 2)
    }

    @Test func aFailingMigrationLeavesNoTrace() throws {
        let db = try TestDatabase.fresh()
        let dir = try tempSQL(["9001_a.sql": "CREATE TABLE m_ok (n int);", "9002_bad.sql": "CREATE TABLE m_half (n int); SELECT no_such_function();"])
        do {
            try Migrator(db: db, directory: dir).migrate()
            Issue.record("bad migration applied")
        } catch let error as Migrator.Failure {
            #expect(error.file.hasSuffix("9002_bad.sql"))
            #expect(error.description.contains("no_such_function"))
        }
        #expect(try db.query("SELECT to_regclass('m_half') IS NULL AS gone").rows[0].bool("gone"))
        #expect(try db.query("SELECT count(*) AS n FROM consult_schema_migrations WHERE version = '9002'").rows[0].int("n") == 0)
    }

    @Test func anEditedAppliedMigrationIsRefused() throws {
        let db = try TestDatabase.fresh()
        let dir = try tempSQL(["9001_a.sql": "CREATE TABLE m_x (n int);"])
        try Migrator(db: db, directory: dir).migrate()
        try "CREATE TABLE m_x (n bigint);".write(toFile: dir + "/9001_a.sql", atomically: true, encoding: .utf8)
        #expect(throws: Migrator.Failure.self) { try Migrator(db: db, directory: dir).migrate() }
    }

    @Test func productSchemaIsInTheTemplate() throws {
        let db = try TestDatabase.fresh()
        #expect(try Migrator(db: db, directory: ProjectPaths.sql).migrate() == [])
        #expect(try db.query("SELECT to_regclass('consult.coding') IS NOT NULL AS ok").rows[0].bool("ok"))
    }
}
