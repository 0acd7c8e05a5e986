import Postgres

/// An answer kept for an `Idempotency-Key`: status, content type and body as first sent.
public struct StoredAnswer: Sendable, Equatable {
    public var requestSHA256: String
    public var status: Int
    public var contentType: String
    public var body: String
    public init(requestSHA256: String, status: Int, contentType: String, body: String) {
        self.requestSHA256 = requestSHA256
        self.status = status
        self.contentType = contentType
        self.body = body
    }
}

extension Store {
    /// The answer given earlier to token `token`'s request with idempotency key `key`, if any.
    public func storedAnswer(token: Int, key: String) throws -> StoredAnswer? {
        try db.query("SELECT request_sha256, status, content_type, body FROM consult.api_idempotency WHERE token_id = $1::bigint AND key = $2",
                     token, key).rows.first.map { row in
            StoredAnswer(requestSHA256: try row.string("request_sha256"), status: try row.int("status"),
                         contentType: try row.string("content_type"), body: try row.string("body"))
        }
    }

    /// Keeps `answer` for `key`, unless a concurrent request with the same key kept one first; returns
    /// the answer that is kept, so that both requests are answered alike.
    public func keepAnswer(_ answer: StoredAnswer, token: Int, key: String) throws -> StoredAnswer {
        let inserted = try db.query("""
            INSERT INTO consult.api_idempotency (token_id, key, request_sha256, status, content_type, body)
            VALUES ($1::bigint, $2, $3, $4::int, $5, $6) ON CONFLICT DO NOTHING
            """, token, key, answer.requestSHA256, answer.status, answer.contentType, answer.body).affectedRows
        guard inserted == 0, let kept = try storedAnswer(token: token, key: key) else { return answer }
        return kept
    }

    /// Counts one request of `client` (the keyed pseudonym of its address, made by the caller) and
    /// returns its requests in the last 60 seconds, estimated as a sliding window: this minute's count
    /// plus the previous minute's, weighted by the share of the window that falls in it. (Counting
    /// calendar minutes alone would let a burst straddling a minute's end through twice over.)
    /// Minutes older than five are forgotten.
    public func countRequest(client: String) throws -> Double {
        try db.query("DELETE FROM consult.api_rate WHERE minute < date_trunc('minute', now()) - interval '5 minutes'")
        return try db.query("""
            WITH counted AS (
                INSERT INTO consult.api_rate (client_pseudonym, minute, requests) VALUES ($1, date_trunc('minute', now()), 1)
                ON CONFLICT (client_pseudonym, minute) DO UPDATE SET requests = consult.api_rate.requests + 1
                RETURNING requests)
            SELECT requests + coalesce((SELECT p.requests FROM consult.api_rate p WHERE p.client_pseudonym = $1
                                        AND p.minute = date_trunc('minute', now()) - interval '1 minute'), 0)
                   * (1 - extract(epoch FROM now() - date_trunc('minute', now())) / 60) AS requests
            FROM counted
            """, client).rows[0].double("requests")
    }

    /// Whether the server is reachable and every migration in `directory` is applied (for `/readyz`).
    public func schemaIsCurrent(migrations directory: String) throws -> Bool {
        (try? Migrator(db: db, directory: directory).requireCurrent()) != nil
    }
}
