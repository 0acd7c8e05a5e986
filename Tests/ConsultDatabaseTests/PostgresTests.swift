import Foundation
import Postgres
import Testing

/// The libpq wrapper against the real server.
@Suite struct PostgresTests {
    @Test(arguments: ["plain", "it's \"quoted\"", "back\\slash", "tab\there\nnewline", "émoji 👍🏿 ünïcode", "'); DROP TABLE x; --", ""])
    func textParametersRoundTripExactly(_ value: String) throws {
        let db = try TestDatabase.fresh()
        let row = try db.query("SELECT $1::text AS v, length($1::text) AS n", value).rows[0]
        #expect(row["v"] == value)
        #expect(try row.int("n") == value.unicodeScalars.count)
    }

    @Test func nullAndTypedParameters() throws {
        let db = try TestDatabase.fresh()
        let none: String? = nil
        let row = try db.query("SELECT $1::text IS NULL AS isnull, $2::int + 1 AS n, $3::boolean AS b, $4::float8 * 2 AS d",
                               none, 41, true, 1.25).rows[0]
        #expect(try row.bool("isnull"))
        #expect(try row.int("n") == 42)
        #expect(try row.bool("b"))
        #expect(try row.double("d") == 2.5)
        #expect(row["missing"] == nil)
        #expect(throws: PostgresError.self) { try row.int("missing") }
    }

    @Test func serverErrorsCarrySQLStateAndMessage() throws {
        let db = try TestDatabase.fresh()
        try db.query("CREATE TEMP TABLE u (id int PRIMARY KEY)")
        try db.query("INSERT INTO u VALUES (1)")
        do {
            try db.query("INSERT INTO u VALUES ($1::int)", 1)
            Issue.record("duplicate key was accepted")
        } catch let error as PostgresError {
            #expect(error.sqlState == "23505")
            #expect(error.isUniqueViolation)
            #expect(error.message.contains("duplicate key"))
            #expect(!error.description.contains("\n"))
        }
        #expect(throws: PostgresError.self) { try db.query("SELECT * FROM no_such_table") }
    }

    @Test func transactionRollsBackOnError() throws {
        let db = try TestDatabase.fresh()
        try db.query("CREATE TABLE t (v text)")
        struct Boom: Error {}
        #expect(throws: Boom.self) {
            try db.transaction { db in
                try db.query("INSERT INTO t VALUES ('kept?')")
                throw Boom()
            }
        }
        #expect(try db.query("SELECT count(*) AS n FROM t").rows[0].int("n") == 0)
        try db.transaction { db in try db.query("INSERT INTO t VALUES ('kept')") }
        #expect(try db.query("SELECT count(*) AS n FROM t").rows[0].int("n") == 1)
    }

    @Test func copyStreamsRowsWithSpecialCharactersAndNulls() throws {
        let db = try TestDatabase.fresh()
        try db.query("CREATE TABLE c (a text, b text)")
        let values: [[String?]] = (0..<50_000).map { i in ["row \(i)\twith tab\\ and \n newline", i % 7 == 0 ? nil : "ü\r\(i)"] }
        let copied = try db.copyIn("COPY c (a, b) FROM STDIN") { writer in
            for row in values { try writer.writeRow(row) }
        }
        #expect(copied == values.count)
        let back = try db.query("SELECT a, b FROM c WHERE a = $1", "row 7\twith tab\\ and \n newline").rows
        #expect(back.count == 1)
        #expect(back[0]["b"] == nil)
        #expect(try db.query("SELECT count(*) AS n FROM c WHERE b IS NULL").rows[0].int("n") == (0..<50_000).filter { $0 % 7 == 0 }.count)
    }

    @Test func copyFailureLeavesNothingBehind() throws {
        let db = try TestDatabase.fresh()
        try db.query("CREATE TABLE c (n int NOT NULL)")
        #expect(throws: PostgresError.self) {
            try db.copyIn("COPY c (n) FROM STDIN") { writer in
                try writer.writeRow(["1"])
                try writer.writeRow(["not a number"])
            }
        }
        #expect(try db.query("SELECT count(*) AS n FROM c").rows[0].int("n") == 0)
        // The connection is still usable after the failed COPY.
        #expect(try db.query("SELECT 1 AS one").rows[0].int("one") == 1)
    }

    @Test func connectionFailureIsOneClearLine() throws {
        let setup = try TestDatabase.cluster()
        do {
            _ = try Connection(url: "postgresql:///consult?host=/nonexistent-socket-dir&port=5432&connect_timeout=2")
            Issue.record("connected to a server that does not exist")
        } catch let error as PostgresError {
            #expect(error.stage == .connect)
            #expect(!error.description.contains("\n"))
            #expect(error.description.contains("cannot connect"))
        }
        _ = setup
    }
}
