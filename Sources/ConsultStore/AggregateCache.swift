import Foundation
import Postgres

extension Store {
    /// The result of an aggregate query, read from `consult.aggregate_cache` when it was computed at
    /// the current data version, otherwise computed by `compute` and stored for the next caller.
    ///
    /// The version is read before computing, so a result that raced with a change is stored under the
    /// old version and never served. A role that may not write the cache, or a read-only server (the
    /// read API on a replica), still gets its result.
    ///
    /// - Parameter key: the query kind and every parameter that changes its result.
    func cachedAggregate<T: Codable>(_ key: String, _ compute: () throws -> T) throws -> T {
        let version = try db.query("SELECT version FROM consult.data_version").rows[0].int("version")
        if let row = try db.query("SELECT result::text AS result FROM consult.aggregate_cache WHERE query = $1 AND version = $2::bigint",
                                  key, version).rows.first,
           let value = try? JSONDecoder().decode(T.self, from: Data(try row.string("result").utf8)) {
            return value
        }
        let value = try compute()
        do {
            try db.query("""
                INSERT INTO consult.aggregate_cache (query, version, result) VALUES ($1, $2::bigint, $3::jsonb)
                ON CONFLICT (query) DO UPDATE SET version = excluded.version, result = excluded.result
                """, key, version, try json(value))
        } catch let error as PostgresError where error.sqlState == "42501" || error.sqlState == "25006" {
            // A role without the right to cache (none of consult's, but a custom one), or a read-only
            // standby, just recomputes next time.
        }
        return value
    }

    /// A cache key from a query kind and its parameters (nil written as "-").
    static func cacheKey(_ kind: String, _ parameters: String?...) -> String {
        ([kind] + parameters.map { $0 ?? "-" }).joined(separator: "|")
    }
}
