import ConsultIngest
import ConsultStore
import Foundation
import Hummingbird
import Logging
import NIOCore
import PersonalData

/// `consult serve`: the HTTP service on the same store, rules and safeguards as the CLI.
///
/// It keeps no state of its own: tokens, idempotency answers and rate counts are in PostgreSQL, so any
/// number of instances can serve one database. Routes (documented in `openapi.json`, which a test
/// checks against `routes`):
/// health and readiness, metrics, the ingest API, the read API and the online forms.
public struct ConsultServer: Sendable {
    public struct Settings: Sendable {
        public var host: String
        public var port: Int
        /// Request bodies over this many bytes are refused with 413.
        public var maxBodyBytes: Int
        /// Submissions per minute from one client address through a public form token.
        public var formSubmissionsPerMinute: Int
        /// The `sql/` directory, for `/readyz`'s schema check.
        public var migrations: String
        public var consultationTitle: String
        public var privacyNotice: String?

        public init(host: String = "127.0.0.1", port: Int = 8080, maxBodyBytes: Int = 1 << 20, formSubmissionsPerMinute: Int = 20,
                    migrations: String, consultationTitle: String, privacyNotice: String?) {
            self.host = host
            self.port = port
            self.maxBodyBytes = maxBodyBytes
            self.formSubmissionsPerMinute = formSubmissionsPerMinute
            self.migrations = migrations
            self.consultationTitle = consultationTitle
            self.privacyNotice = privacyNotice
        }
    }

    /// Every route as `METHOD path-template`, in the OpenAPI document's spelling.
    public static let routes = [
        "GET /healthz", "GET /readyz", "GET /metrics", "GET /openapi.json",
        "POST /v1/surveys/{survey}/responses", "POST /v1/surveys/{survey}/notes",
        "GET /v1/themes", "GET /v1/questions", "GET /v1/crosstab", "GET /v1/summary",
        "GET /s/{survey}",
    ]

    let settings: Settings
    let pool: DatabasePool
    let pseudonymiser: Pseudonymiser
    let metrics = ServiceMetrics()
    let logger: Logger
    /// Submissions that arrive together are imported together (group commit; see `SubmissionGroups`).
    let groups: SubmissionGroups

    public init(settings: Settings, pool: DatabasePool, pseudonymiser: Pseudonymiser, logger: Logger = Logger(label: "consult.serve")) {
        self.settings = settings
        self.pool = pool
        self.pseudonymiser = pseudonymiser
        self.logger = logger
        groups = SubmissionGroups { key, body, name in
            try await pool.withStore(as: .staff) { store in
                var options = ImportOptions(importedBy: "api:token-\(key.token)", encoding: .utf8)
                options.reportsLines = true
                return try ResponseImporter(store: store, pseudonymiser: pseudonymiser)
                    .importBytes(body, name: name, format: .jsonl, survey: key.survey, options: options)
            }
        }
    }

    /// The application, ready for `runService()` (graceful shutdown on SIGTERM and SIGINT: stop
    /// accepting, finish requests in flight, close connections) or for a test's service group.
    ///
    /// - Parameter onRunning: called with the port once the server listens (port 0 picks a free one).
    public func application(onRunning: @escaping @Sendable (Int) async -> Void = { _ in }) -> some ApplicationProtocol {
        let router = Router(context: ServiceRequestContext.self)
        router.add(middleware: RequestRecording(metrics: metrics))
        let ingest = IngestHandler(server: self)
        let read = ReadHandler(server: self)
        router.get("/healthz") { _, _ in Answer.json(["status": "ok"]).response }
        router.get("/readyz") { _, _ in await self.readiness().response }
        router.get("/metrics") { _, _ in
            let waiting = await groups.waiting
            return Answer(status: 200, contentType: "text/plain; version=0.0.4; charset=utf-8",
                          body: metrics.exposition(pool: pool.use, submissionsWaiting: waiting)).response
        }
        router.get("/openapi.json") { _, _ in Answer(status: 200, contentType: "application/json", body: OpenAPIDocument.text).response }
        router.post("/v1/surveys/{survey}/responses") { request, context in await ingest.responses(request, context).response }
        router.post("/v1/surveys/{survey}/notes") { request, context in await ingest.notes(request, context).response }
        for query in ReadHandler.Query.allCases {
            router.get("/v1/\(query.rawValue)") { request, context in await read.answer(query, request, context).response }
        }
        router.get("/s/{survey}") { request, context in await ingest.formPage(request, context).response }
        return Application(
            router: router,
            configuration: ApplicationConfiguration(address: .hostname(settings.host, port: settings.port), serverName: "consult"),
            onServerRunning: { channel in await onRunning(channel.localAddress?.port ?? 0) },
            logger: logger
        )
    }

    /// 200 when the database answers and every migration is applied; 503 otherwise.
    func readiness() async -> Answer {
        let migrations = settings.migrations
        let current = (try? await pool.withStore(as: .staff) { try $0.schemaIsCurrent(migrations: migrations) }) ?? false
        return current ? Answer.json(["status": "ready"]) : Problem(.notReady).answer
    }

    /// The token a request carries (`Authorization: Bearer`, or the form's hidden field), checked
    /// against the database: live, of an access level in `allowed`, and for `survey` if it names one.
    ///
    /// - Throws: `Problem` 401 for a missing, unknown, revoked or expired token; 403 for a token of
    ///   another access level or survey.
    func authorise(_ request: Request, formToken: String? = nil, allowed: Set<ApiAccess>, survey: String?) async throws -> ApiToken {
        let header = request.headers[.authorization].flatMap { value -> String? in
            let parts = value.split(separator: " ", maxSplits: 1)
            return parts.count == 2 && parts[0].lowercased() == "bearer" ? String(parts[1]).trimmingCharacters(in: .whitespaces) : nil
        }
        guard let secret = header ?? formToken, ApiTokenSecret.isWellFormed(secret) else {
            throw Problem(.unauthorised, detail: "send `Authorization: Bearer TOKEN` (see `consult token create`)")
        }
        guard let token = try await pool.withStore(as: .staff, { try $0.activeToken(secret: secret) }) else {
            throw Problem(.unauthorised, detail: "the token is unknown, revoked or expired")
        }
        guard allowed.contains(token.access) else {
            throw Problem(.forbidden, detail: "a token with \(token.access.rawValue) access may not do this (needs \(allowed.map(\.rawValue).sorted().joined(separator: " or ")))")
        }
        if let only = token.survey, only != survey {
            throw Problem(.forbidden, detail: "this token is for survey '\(only)' only")
        }
        return token
    }

    /// The answer for an error thrown while handling a request: a `Problem` as it is; anything else
    /// is logged by type only (it may carry data) and answered 500.
    func answer(for error: any Error) -> Answer {
        if let problem = error as? Problem { return problem.answer }
        logger.error("request failed", metadata: ["error.type": .string(String(describing: type(of: error)))])
        return Problem(.internalError).answer
    }
}
