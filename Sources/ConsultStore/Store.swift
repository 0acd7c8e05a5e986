import Postgres

/// The product's data access: every SQL statement outside `sql/` lives in this module.
///
/// A `Store` borrows one `Connection` and, like it, belongs to one task.
public struct Store {
    public let db: Connection
    public init(db: Connection) { self.db = db }
}

/// A domain problem the store detects (as opposed to a `PostgresError` from the server).
public struct StoreError: Error, CustomStringConvertible, Sendable {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
