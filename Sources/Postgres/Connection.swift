import CLibPQ
import Foundation

/// One libpq connection (`PGconn`).
///
/// - Warning: libpq connections are not thread-safe. A `Connection` belongs to whoever opened it and
///   must not be shared between threads or tasks; it is deliberately not `Sendable`. Open one per task.
///
/// Every statement goes through `PQexecParams` with text parameters (see `SQLParameter`), except
/// `executeScript`, which exists only for the project's own migration files.
public final class Connection {
    private let conn: OpaquePointer

    /// Opens a connection.
    ///
    /// - Parameters:
    ///   - url: a libpq connection URI (`postgresql://user@host/db?...`) or `key=value` string.
    ///     `nil` or empty lets libpq read the standard `PG*` environment variables.
    ///   - user: when given, the role to log in as, overriding any user in `url` or `PGUSER`.
    ///   - settings: server settings for this session (libpq `options`, e.g. `["jit": "off"]`), applied
    ///     at connection time without an extra round trip.
    /// - Throws: `PostgresError` (stage `.connect`) with libpq's reason folded to one line.
    public init(url: String?, user: String? = nil, settings: [String: String] = [:]) throws {
        // PQconnectdbParams with expand_dbname=1 accepts a URI or conninfo string as "dbname",
        // and leaves unspecified settings to the PG* environment; nothing is ever hand-quoted.
        // Keywords after "dbname" override what its expansion set, so "user" wins over the URL's.
        var keys = ["dbname", "application_name", "client_encoding"]
        var values = [url ?? "", "consult", "UTF8"]
        if let user {
            keys.append("user")
            values.append(user)
        }
        if !settings.isEmpty {
            keys.append("options")
            values.append(settings.sorted { $0.key < $1.key }.map { "-c \($0.key)=\($0.value)" }.joined(separator: " "))
        }
        let pointer: OpaquePointer? = keys.withCStringArray { k in
            values.withCStringArray { v in PQconnectdbParams(k, v, 1) }
        }
        guard let pointer else {
            throw PostgresError(stage: .connect, message: "libpq could not allocate a connection")
        }
        guard PQstatus(pointer) == CONNECTION_OK else {
            let message = String(cString: PQerrorMessage(pointer))
            PQfinish(pointer)
            throw PostgresError(stage: .connect, message: message)
        }
        conn = pointer
        // Notices (e.g. "relation already exists, skipping") would otherwise be printed by libpq on
        // stderr, breaking the CLI's one-line error contract; they carry nothing the user must act on.
        PQsetNoticeProcessor(conn, { _, _ in }, nil)
    }

    deinit { PQfinish(conn) }

    /// The server's version number, e.g. 150018.
    public var serverVersion: Int { Int(PQserverVersion(conn)) }

    /// Runs one parameterised statement and returns its rows.
    ///
    /// - Parameters:
    ///   - sql: a single statement with `$1`, `$2`... placeholders; casts in the SQL give types.
    ///   - parameters: the values, bound in order.
    /// - Throws: `PostgresError` carrying the SQLSTATE and the server's message.
    @discardableResult
    public func query(_ sql: String, _ parameters: [any SQLParameter] = []) throws -> QueryResult {
        let texts = parameters.map(\.sqlText)
        let result: OpaquePointer? = texts.withOptionalCStringArray { values in
            PQexecParams(conn, sql, Int32(texts.count), nil, values, nil, nil, 0)
        }
        return try consume(result, stage: .query)
    }

    /// Runs one parameterised statement, variadic form of `query(_:_:)`.
    @discardableResult
    public func query(_ sql: String, _ parameters: any SQLParameter...) throws -> QueryResult {
        try query(sql, parameters)
    }

    /// Runs a trusted multi-statement script without parameters.
    ///
    /// - Warning: only for SQL files shipped with the project (migrations). Never pass text that came
    ///   from a user or a data file: it is executed as SQL.
    public func executeScript(_ sql: String) throws {
        _ = try consume(PQexec(conn, sql), stage: .query)
    }

    /// Runs `body` in a transaction: commits if it returns, rolls back if it throws.
    @discardableResult
    public func transaction<T>(_ body: (Connection) throws -> T) throws -> T {
        try query("BEGIN")
        do {
            let value = try body(self)
            try query("COMMIT")
            return value
        } catch {
            _ = try? query("ROLLBACK")
            throw error
        }
    }

    /// Streams rows into the server with `COPY ... FROM STDIN`.
    ///
    /// - Parameters:
    ///   - sql: the `COPY table (columns) FROM STDIN` statement (text format, the default).
    ///   - body: writes rows through the `CopyWriter`; its buffer is flushed to the server as it fills.
    /// - Returns: the number of rows the server reports copied.
    /// - Throws: `PostgresError` if the server rejects the data; the COPY is then ended with an error,
    ///   so the statement (and an enclosing transaction) fails as a whole.
    @discardableResult
    public func copyIn(_ sql: String, _ body: (inout CopyWriter) throws -> Void) throws -> Int {
        let start = PQexec(conn, sql)
        guard PQresultStatus(start) == PGRES_COPY_IN else {
            _ = try consume(start, stage: .copy)
            throw PostgresError(stage: .copy, message: "statement did not start COPY FROM STDIN")
        }
        PQclear(start)
        var writer = CopyWriter(send: { [conn] bytes in
            let sent = bytes.withUnsafeBufferPointer { buffer in
                buffer.withMemoryRebound(to: CChar.self) { PQputCopyData(conn, $0.baseAddress, Int32($0.count)) }
            }
            guard sent == 1 else {
                throw PostgresError(stage: .copy, message: String(cString: PQerrorMessage(conn)))
            }
        })
        do {
            try body(&writer)
            try writer.flush()
        } catch {
            PQputCopyEnd(conn, "consult: import aborted")
            drainResults()
            throw error
        }
        guard PQputCopyEnd(conn, nil) == 1 else {
            throw PostgresError(stage: .copy, message: String(cString: PQerrorMessage(conn)))
        }
        var copied = 0
        var failure: PostgresError?
        while let result = PQgetResult(conn) {
            do { copied = try consume(result, stage: .copy).affectedRows } catch let error as PostgresError {
                failure = failure ?? error
            }
        }
        if let failure { throw failure }
        return copied
    }

    private func drainResults() {
        while let result = PQgetResult(conn) { PQclear(result) }
    }

    /// Converts a `PGresult` into a `QueryResult` or a `PostgresError`, and always frees it.
    private func consume(_ result: OpaquePointer?, stage: PostgresError.Stage) throws -> QueryResult {
        guard let result else {
            throw PostgresError(stage: stage, message: String(cString: PQerrorMessage(conn)))
        }
        defer { PQclear(result) }
        switch PQresultStatus(result) {
        case PGRES_COMMAND_OK, PGRES_TUPLES_OK, PGRES_EMPTY_QUERY:
            break
        default:
            func field(_ code: Character) -> String? {
                guard let p = PQresultErrorField(result, Int32(code.asciiValue!)) else { return nil }
                return String(cString: p)
            }
            throw PostgresError(
                stage: stage,
                sqlState: field("C"),
                message: field("M") ?? String(cString: PQresultErrorMessage(result)),
                detail: field("D")
            )
        }
        let columnCount = Int(PQnfields(result))
        let columns = (0..<columnCount).map { String(cString: PQfname(result, Int32($0))) }
        let rowCount = Int(PQntuples(result))
        var rows: [QueryResult.Row] = []
        rows.reserveCapacity(rowCount)
        for r in 0..<rowCount {
            var values: [String?] = []
            values.reserveCapacity(columnCount)
            for c in 0..<columnCount {
                if PQgetisnull(result, Int32(r), Int32(c)) == 1 {
                    values.append(nil)
                } else {
                    values.append(String(cString: PQgetvalue(result, Int32(r), Int32(c))))
                }
            }
            rows.append(QueryResult.Row(values: values, columns: columns))
        }
        let affected = Int(String(cString: PQcmdTuples(result))) ?? 0
        return QueryResult(columns: columns, rows: rows, affectedRows: affected)
    }
}

@available(*, unavailable, message: "PGconn is not thread-safe: open a Connection per task")
extension Connection: Sendable {}
