import Foundation
import Postgres

/// What an aggregate reads, and so which version makes its cached result stale.
enum AggregateInputs {
    /// Anything: codings and the codebook as well as the responses (`consult.data_version`).
    case all
    /// The responses alone (respondents, closed answers, segments, instruments, batches): a coding
    /// run or a human decision leaves these results warm (`consult.data_version.response_version`).
    case responses
}

extension Store {
    /// The result of an aggregate query, read from `consult.aggregate_cache` when it was computed at
    /// the current version of what it reads, otherwise computed by `compute` and stored for the next
    /// caller.
    ///
    /// The version is read before computing, so a result that raced with a change is stored under the
    /// old version and never served. A role that may not write the cache, or a read-only server (the
    /// read API on a replica), still gets its result.
    ///
    /// - Parameters:
    ///   - key: the query kind and every parameter that changes its result; one key always names the
    ///     same `inputs`, so its stored version is always of the same counter.
    ///   - inputs: what the query reads.
    func cachedAggregate<T: Codable>(_ key: String, reading inputs: AggregateInputs = .all, _ compute: () throws -> T) throws -> T {
        let counter = switch inputs {
        case .all: "SELECT version FROM consult.data_version"
        case .responses: "SELECT response_version AS version FROM consult.data_version"
        }
        let version = try db.query(counter).rows[0].int("version")
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
