import ConsultIngest
import ConsultStore
import ConsultationModel
import Digests
import FileReading
import Foundation
import HTTPTypes
import Hummingbird
import PersonalData
import SurveyExports

/// The ingest API and the online forms: every submission goes through the CLI's import pipeline
/// (`ResponseImporter.importBytes`, `NotesImporter.importTranscript`), so nothing about a response
/// depends on how it arrived.
///
/// Statuses for responses: 201 when at least one response was stored (the batch and its counts; a
/// batch may also list duplicates and changed lines), 200 when every response is already held with
/// the same content (or the identical body was imported before), 409 when none is new and at least
/// one is held with different content (listed, left as it was), 422 when any response fails
/// validation (nothing stored; every field named, no value repeated), 413 over the size limit. A 201
/// is sent only after the transaction committed.
struct IngestHandler: Sendable {
    let server: ConsultServer

    /// The body of a 200 or 201 answer.
    struct Submitted: Encodable, Equatable {
        var status: String
        var survey: String
        var batch: Int
        var read: Int
        var accepted: Int
        var duplicate: Int
        var changed: Int
        var erased: Int
        var rejected: Int
        var redactions: Int
        var changedLines: [Int]
        /// The id the service gave a form submission (its receipt number).
        var reference: String?

        enum CodingKeys: String, CodingKey {
            case status, survey, batch, read, accepted, duplicate, changed, erased, rejected, redactions, reference
            case changedLines = "changed_lines"
        }
    }

    /// How a request body is read.
    enum BodyKind {
        case jsonl, json, csv, form, markdown

        init?(contentType: String?) {
            let media = contentType?.split(separator: ";").first.map { $0.trimmingCharacters(in: .whitespaces).lowercased() } ?? ""
            switch media {
            case "application/x-ndjson", "application/jsonl", "application/json-lines": self = .jsonl
            case "application/json": self = .json
            case "text/csv": self = .csv
            case "application/x-www-form-urlencoded": self = .form
            case "text/markdown", "text/plain": self = .markdown
            default: return nil
            }
        }
    }

    func responses(_ request: Request, _ context: ServiceRequestContext) async -> Answer {
        let survey = context.parameters.get("survey") ?? ""
        let kind = BodyKind(contentType: request.headers[.contentType])
        let answer: Answer
        var reference: String?
        do {
            guard let kind, kind != .markdown else { throw Problem(.unsupportedMediaType) }
            let body = try await collect(request)
            let form = kind == .form ? try FormSubmission(urlEncoded: String(decoding: body, as: UTF8.self)) : nil
            let token = try await server.authorise(request, formToken: form?.token, allowed: [.ingest], survey: survey)
            if token.isPublic { try await limitRate(context.clientAddress) }
            let name = "api-\(context.id)"
            if form != nil { reference = "web-" + UUID().uuidString.lowercased() }
            let id = reference
            answer = try await idempotent(request, token: token, body: body) {
                var bytes = body, format = InputFormat.jsonl
                switch kind {
                case .form:
                    let idColumn = try await server.pool.withStore(as: .staff) { try $0.instrument(survey).idColumn } ?? "response_id"
                    bytes = form?.jsonLine(idColumn: idColumn, id: id ?? "") ?? []
                // A JSON document may span lines; outside strings a line break is only white space.
                case .json: bytes = body.map { $0 == 0x0A || $0 == 0x0D ? 0x20 : $0 }
                case .csv: format = .csv
                case .jsonl, .markdown: break
                }
                let key = SubmissionGroups.Key(survey: survey, token: token.id)
                let turn: SubmissionGroups.Turn = format == .jsonl ? await server.groups.turn(for: bytes, name: name, key: key) : .alone
                if case .joined(let share) = turn { return reply(Tally(share), survey: survey, reference: id) }
                // However the leader's own import ends (stored, refused, or the database gone), the
                // submissions waiting behind it are let go; without this they would wait for ever.
                defer { if case .lead = turn { Task { await server.groups.release(key) } } }
                return try await server.pool.withStore(as: .staff) { [bytes, format] store in
                    let importer = ResponseImporter(store: store, pseudonymiser: server.pseudonymiser)
                    let options = ImportOptions(importedBy: "api:token-\(token.id)", encoding: .utf8)
                    return try submit(survey: survey, in: store, reference: id) {
                        try importer.importBytes(bytes, name: name, format: format, survey: survey, options: options)
                    }
                }
            }
        } catch {
            answer = server.answer(for: error)
        }
        guard kind == .form else { return answer }
        return formAnswer(answer, survey: survey, reference: reference)
    }

    func notes(_ request: Request, _ context: ServiceRequestContext) async -> Answer {
        let survey = context.parameters.get("survey") ?? ""
        do {
            guard BodyKind(contentType: request.headers[.contentType]) == .markdown else {
                throw Problem(.unsupportedMediaType, detail: "send the transcript as text/markdown")
            }
            let body = try await collect(request)
            let token = try await server.authorise(request, allowed: [.ingest], survey: survey)
            guard !token.isPublic else { throw Problem(.forbidden, detail: "a public form token may submit form responses only") }
            let name = "api-\(context.id).md"
            return try await idempotent(request, token: token, body: body) {
                try await server.pool.withStore(as: .staff) { store in
                    let importer = NotesImporter(store: store, pseudonymiser: server.pseudonymiser)
                    return try submit(survey: survey, in: store, reference: nil) {
                        try importer.importTranscript(body, name: name, survey: survey, options: ImportOptions(importedBy: "api:token-\(token.id)"))
                    }
                }
            }
        } catch {
            return server.answer(for: error)
        }
    }

    /// `GET /s/{survey}`: the survey's form, when it has a public token (`consult token create --public`).
    func formPage(_ request: Request, _ context: ServiceRequestContext) async -> Answer {
        let survey = context.parameters.get("survey") ?? ""
        let settings = server.settings
        do {
            let found: (Instrument, String)? = try await server.pool.withStore(as: .staff) { store in
                guard try store.instrumentIDs().contains(survey), let token = try store.publicToken(survey: survey) else { return nil }
                let instrument = try store.instrument(survey)
                return instrument.kind == .survey ? (instrument, token) : nil
            }
            guard let (instrument, token) = found else {
                return html(Problem(.notFound, detail: "no online form for '\(survey)'"), survey: survey)
            }
            return Answer(status: 200, contentType: "text/html; charset=utf-8",
                          body: FormPage.form(instrument: instrument, consultationTitle: settings.consultationTitle,
                                              privacyNotice: settings.privacyNotice, token: token))
        } catch {
            return server.answer(for: error)
        }
    }

    /// Runs an import and turns its outcome, or the error that refused it, into an answer; counts
    /// the submissions for `/metrics`.
    private func submit(survey: String, in store: Store, reference: String?, _ run: () throws -> ImportOutcome) throws -> Answer {
        let metrics = server.metrics
        let outcome: ImportOutcome
        do {
            outcome = try run()
        } catch let error as ImportError where !error.rejected.isEmpty {
            metrics.recordSubmissions(.rejected, count: error.rejected.count)
            let redactor = Redactor()
            return Problem(.invalidResponses, errors: error.rejected.map { Problem.FieldProblem($0, redactor: redactor) }).answer
        } catch let error as UnmatchedColumns {
            return Problem(.invalidResponses, detail: "these columns match no question of '\(survey)'",
                           errors: error.columns.map { .init(line: error.line, field: $0.header, reason: "matches no question") }).answer
        } catch let error as StoreError {
            guard try store.instrumentIDs().contains(survey) else { return Problem(.notFound, detail: "no survey '\(survey)'").answer }
            throw error
        } catch where error is ImportError || error is SurveyFileError {
            return Problem(.invalidRequest, detail: Redactor().redact(String(describing: error)).text).answer
        }
        return reply(try Tally(outcome), survey: survey, reference: reference)
    }

    /// What a submission's answer reports: its batch and what became of its responses.
    struct Tally {
        var batch: Int
        var alreadyImported = false
        var read = 0, accepted = 0, duplicate = 0, changed = 0, erased = 0, rejected = 0, redactions = 0
        var changedLines: [Int] = []

        /// A submission imported alone: the batch's own counts (or the earlier batch of an identical body).
        init(_ outcome: ImportOutcome) throws {
            let batch: ImportBatch
            switch outcome.result {
            case .alreadyImported(let earlier):
                batch = earlier
                alreadyImported = true
            case .imported(let stored): batch = stored
            case .checked: throw StoreError("an API import ran as a dry run")
            }
            self.batch = batch.id
            (read, accepted, duplicate, changed) = (batch.rowsRead, batch.rowsAccepted, batch.rowsDuplicate, batch.rowsChanged)
            (erased, rejected, redactions, changedLines) = (batch.rowsErased, batch.rowsRejected, batch.redactions, outcome.changedLines)
        }

        /// A submission imported with others: counted from its own lines only.
        init(_ share: SubmissionGroups.Share) {
            batch = share.batch.id
            read = share.lines.count
            for line in share.lines {
                switch line.outcome {
                case .accepted: accepted += 1
                case .duplicate: duplicate += 1
                case .changed:
                    changed += 1
                    changedLines.append(line.line)
                case .erased: erased += 1
                }
                redactions += line.redactions
            }
        }
    }

    /// The answer for a stored submission (201 when anything was stored, 409 when nothing new was and
    /// something was held with other content, 200 otherwise), counted for `/metrics`.
    private func reply(_ tally: Tally, survey: String, reference: String?) -> Answer {
        let metrics = server.metrics
        if tally.alreadyImported {
            metrics.recordSubmissions(.duplicate, count: tally.read)
        } else {
            metrics.recordSubmissions(.accepted, count: tally.accepted)
            metrics.recordSubmissions(.duplicate, count: tally.duplicate)
            metrics.recordSubmissions(.changed, count: tally.changed)
            metrics.recordSubmissions(.erased, count: tally.erased)
            if tally.accepted == 0 && tally.changed > 0 {
                return Problem(.changedResponse, detail: "batch \(tally.batch): nothing new was stored", changedLines: tally.changedLines).answer
            }
        }
        let status = tally.accepted > 0 && !tally.alreadyImported ? "created" : "already_held"
        let body = Submitted(status: status, survey: survey, batch: tally.batch, read: tally.read, accepted: tally.accepted,
                             duplicate: tally.duplicate, changed: tally.changed, erased: tally.erased, rejected: tally.rejected,
                             redactions: tally.redactions, changedLines: tally.changedLines, reference: reference)
        return Answer.json(body, status: status == "created" ? 201 : 200)
    }

    /// Runs `work`, unless the request's `Idempotency-Key` was seen before from this token: then the
    /// first answer is given again (or 422 when the key came with another body).
    private func idempotent(_ request: Request, token: ApiToken, body: [UInt8], _ work: () async throws -> Answer) async throws -> Answer {
        guard let key = request.headers[HTTPField.Name("Idempotency-Key")!] else { return try await work() }
        let fingerprint = sha256Hex(of: Array("\(request.method.rawValue) \(request.uri.path)\n\(request.headers[.contentType] ?? "")\n".utf8) + body)
        if let earlier = try await server.pool.withStore(as: .staff, { try $0.storedAnswer(token: token.id, key: key) }) {
            guard earlier.requestSHA256 == fingerprint else { return Problem(.idempotencyKeyReused).answer }
            return Answer(status: earlier.status, contentType: earlier.contentType, body: earlier.body)
        }
        let answer = try await work()
        guard answer.status < 500 else { return answer }
        let kept = try await server.pool.withStore(as: .staff) {
            try $0.keepAnswer(StoredAnswer(requestSHA256: fingerprint, status: answer.status, contentType: answer.contentType, body: answer.body),
                              token: token.id, key: key)
        }
        return Answer(status: kept.status, contentType: kept.contentType, body: kept.body)
    }

    /// The request body, up to the size limit.
    ///
    /// - Throws: `Problem` 413 over the limit.
    private func collect(_ request: Request) async throws -> [UInt8] {
        var request = request
        do {
            let buffer = try await request.collectBody(upTo: server.settings.maxBodyBytes)
            return Array(buffer.readableBytesView)
        } catch let error as any HTTPResponseError where error.status == .contentTooLarge {
            throw Problem(.tooLarge, detail: "at most \(server.settings.maxBodyBytes) bytes per request; send a large batch as several")
        }
    }

    /// Counts a public-token submission from `address` and refuses it over the limit (kept in the
    /// database, so that every instance counts alike). The address is kept as its keyed pseudonym: a
    /// plain hash of an IPv4 address is reversed by trying all 2^32 of them.
    private func limitRate(_ address: String?) async throws {
        let client = server.pseudonymiser.pseudonym(scope: "api-rate", sourceID: address ?? "unknown")
        let count = try await server.pool.withStore(as: .staff) { try $0.countRequest(client: client) }
        if count > Double(server.settings.formSubmissionsPerMinute) {
            throw Problem(.tooManyRequests, detail: "at most \(server.settings.formSubmissionsPerMinute) submissions a minute from one address")
        }
    }

    /// A form submission is answered with a page: the receipt, or why it was refused.
    private func formAnswer(_ answer: Answer, survey: String, reference: String?) -> Answer {
        guard answer.status == 200 || answer.status == 201, let reference else {
            return html(answer.problem ?? Problem(.internalError), survey: survey)
        }
        let page = FormPage.receipt(survey: survey, consultationTitle: server.settings.consultationTitle, reference: reference,
                                    alreadyHeld: answer.status == 200)
        return Answer(status: answer.status, contentType: "text/html; charset=utf-8", body: page)
    }

    private func html(_ problem: Problem, survey: String) -> Answer {
        Answer(status: problem.status, contentType: "text/html; charset=utf-8",
               body: FormPage.refusal(problem, survey: survey, consultationTitle: server.settings.consultationTitle))
    }
}
