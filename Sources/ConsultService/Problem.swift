import Foundation
import HTTPTypes
import Hummingbird
import PersonalData
import SurveyExports

/// An error answer as an RFC 9457 problem document (`application/problem+json`).
///
/// A problem names fields and reasons, never the text a respondent wrote: values are left out and
/// reasons are redacted before they are sent (see `FieldProblem.init(_:)`).
public struct Problem: Error, Sendable, Equatable, Encodable {
    /// One field that failed, by line of the request body (1 for a single JSON response).
    public struct FieldProblem: Sendable, Equatable, Encodable {
        public var line: Int
        public var field: String?
        public var reason: String

        public init(line: Int, field: String?, reason: String) {
            self.line = line
            self.field = field
            self.reason = reason
        }

        /// A rejected row as a problem entry: the value the row held is cut out of the reason (which
        /// may quote it), and what is left is redacted like free text.
        public init(_ row: RejectedRow, redactor: Redactor) {
            var reason = row.reason
            if let value = row.value, !value.isEmpty { reason = reason.replacingOccurrences(of: value, with: "…") }
            self.init(line: row.line, field: row.field, reason: redactor.redact(reason).text)
        }
    }

    /// A URI naming the kind of problem (stable; documented in `openapi.json`).
    public var type: String
    public var title: String
    public var status: Int
    public var detail: String?
    /// For invalid submissions: every field that failed.
    public var errors: [FieldProblem]?
    /// For changed responses (409): the lines held before with different content.
    public var changedLines: [Int]?

    enum CodingKeys: String, CodingKey {
        case type, title, status, detail, errors
        case changedLines = "changed_lines"
    }

    public init(_ kind: Kind, detail: String? = nil, errors: [FieldProblem]? = nil, changedLines: [Int]? = nil) {
        self.type = "urn:consult:problem:\(kind.rawValue)"
        self.title = kind.title
        self.status = kind.status
        self.detail = detail
        self.errors = errors
        self.changedLines = changedLines
    }

    /// The kinds of problem the service answers with.
    public enum Kind: String, Sendable, CaseIterable {
        case unauthorised = "unauthorised"
        case forbidden = "forbidden"
        case notFound = "not-found"
        case invalidRequest = "invalid-request"
        case invalidResponses = "invalid-responses"
        case changedResponse = "changed-response"
        case idempotencyKeyReused = "idempotency-key-reused"
        case tooLarge = "too-large"
        case unsupportedMediaType = "unsupported-media-type"
        case tooManyRequests = "too-many-requests"
        case notReady = "not-ready"
        case internalError = "internal-error"

        var status: Int {
            switch self {
            case .unauthorised: 401
            case .forbidden: 403
            case .notFound: 404
            case .changedResponse: 409
            case .tooLarge: 413
            case .unsupportedMediaType: 415
            case .invalidRequest, .invalidResponses, .idempotencyKeyReused: 422
            case .tooManyRequests: 429
            case .internalError: 500
            case .notReady: 503
            }
        }

        var title: String {
            switch self {
            case .unauthorised: "A valid bearer token is needed"
            case .forbidden: "This token may not do this"
            case .notFound: "No such resource"
            case .invalidRequest: "The request's parameters are not valid"
            case .invalidResponses: "Responses failed validation; nothing was stored"
            case .changedResponse: "A response with this id is held with different content; it was left as it was"
            case .idempotencyKeyReused: "This Idempotency-Key was used with a different request"
            case .tooLarge: "The request body is over the size limit"
            case .unsupportedMediaType: "Send application/json, application/x-ndjson, text/csv or a form"
            case .tooManyRequests: "Too many submissions from this address; try again in a minute"
            case .notReady: "The database is not reachable or its schema is not current"
            case .internalError: "The server failed; nothing was stored"
            }
        }
    }

    /// The problem as an HTTP answer.
    public var answer: Answer {
        var answer = Answer(status: status, contentType: "application/problem+json", body: JSON.encode(self))
        answer.problem = self
        if status == 401 { answer.headers = [("WWW-Authenticate", "Bearer")] }
        return answer
    }
}

/// A finished answer: status, content type and body, as kept for Idempotency-Key retries.
public struct Answer: Sendable, Equatable {
    public var status: Int
    public var contentType: String
    public var body: String
    public var headers: [(String, String)] = []
    /// The problem this answer sends, for a page that shows it (the form's refusal page).
    public var problem: Problem?

    public init(status: Int, contentType: String, body: String, headers: [(String, String)] = []) {
        self.status = status
        self.contentType = contentType
        self.body = body
        self.headers = headers
    }

    public static func == (a: Answer, b: Answer) -> Bool {
        a.status == b.status && a.contentType == b.contentType && a.body == b.body && a.headers.elementsEqual(b.headers, by: ==)
    }

    public static func json(_ value: some Encodable, status: Int = 200) -> Answer {
        Answer(status: status, contentType: "application/json", body: JSON.encode(value))
    }

    /// The answer as a Hummingbird response.
    var response: Response {
        var fields = HTTPFields()
        fields[.contentType] = contentType
        for (name, value) in headers {
            if let field = HTTPField.Name(name) { fields[field] = value }
        }
        return Response(status: HTTPResponse.Status(code: status), headers: fields,
                         body: ResponseBody(byteBuffer: ByteBuffer(string: body)))
    }
}

/// JSON as the CLI writes it: sorted keys, no escaped slashes, one trailing newline.
enum JSON {
    static func encode(_ value: some Encodable) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        // Every value the service encodes is plain data (strings, numbers, arrays): encoding cannot fail.
        return String(decoding: (try? encoder.encode(value)) ?? Data("null".utf8), as: UTF8.self) + "\n"
    }
}
