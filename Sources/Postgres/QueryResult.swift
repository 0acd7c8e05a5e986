/// The rows a statement returned, copied out of libpq's `PGresult` so the result can outlive it.
///
/// Values are in PostgreSQL's text format; `nil` is SQL NULL. Accessors that convert types throw
/// `PostgresError` (stage `.result`) instead of trapping when a value is not what the caller expected.
public struct QueryResult: Sendable {
    /// Column names, in order.
    public var columns: [String]
    /// Row values, in column order.
    public var rows: [Row]
    /// The number of rows affected, for INSERT/UPDATE/DELETE (from `PQcmdTuples`); 0 otherwise.
    public var affectedRows: Int

    /// One row of a result.
    public struct Row: Sendable {
        public var values: [String?]
        let columns: [String]

        /// The value of column `index`, or `nil` for NULL.
        public subscript(index: Int) -> String? { values[index] }

        /// The value of the named column, or `nil` for NULL or an unknown column.
        public subscript(name: String) -> String? {
            guard let i = columns.firstIndex(of: name) else { return nil }
            return values[i]
        }

        /// The named column as text, failing if it is NULL or missing.
        public func string(_ name: String) throws -> String {
            guard let v = self[name] else { throw Self.missing(name) }
            return v
        }

        /// The named column as an integer, failing if it is NULL, missing or not an integer.
        public func int(_ name: String) throws -> Int {
            guard let v = self[name], let i = Int(v) else { throw Self.missing(name) }
            return i
        }

        /// The named column as a number, failing if it is NULL, missing or not numeric.
        public func double(_ name: String) throws -> Double {
            guard let v = self[name], let d = Double(v) else { throw Self.missing(name) }
            return d
        }

        /// The named boolean column (`t`/`f`), failing if it is NULL or missing.
        public func bool(_ name: String) throws -> Bool {
            guard let v = self[name] else { throw Self.missing(name) }
            return v == "t" || v == "true"
        }

        private static func missing(_ name: String) -> PostgresError {
            PostgresError(stage: .result, message: "column '\(name)' is missing, NULL or of the wrong type")
        }
    }
}
