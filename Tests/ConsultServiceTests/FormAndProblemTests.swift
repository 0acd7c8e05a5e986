@testable import ConsultService
import ConsultStore
import ConsultationModel
import Digests
import Foundation
import PersonalData
import SurveyExports
import TestSupport
import Testing

/// The service's pure parts: form bodies, content types, problem documents, the form page, token shapes.
@Suite struct FormAndProblemTests {
    typealias FormCase = (body: String, token: String?, fields: [(String, [String])])
    static let forms: [FormCase] = [
        ("aware=yes", nil, [("aware", ["yes"])]),
        ("_token=consult_ab&aware=yes", "consult_ab", [("aware", ["yes"])]),
        ("sources=police&sources=news&aware=no", nil, [("sources", ["police", "news"]), ("aware", ["no"])]),
        ("what_is=a+list%2C+of+people%0Aand+more", nil, [("what_is", ["a list, of people\nand more"])]),
        ("what_is=caf%C3%A9", nil, [("what_is", ["café"])]),
        ("empty=&&aware=yes", nil, [("empty", [""]), ("aware", ["yes"])]),
        ("flag", nil, [("flag", [""])]),
        ("", nil, []),
    ]

    @Test(arguments: forms.indices)
    func parsesURLEncodedForms(index: Int) throws {
        let (body, token, fields) = Self.forms[index]
        let form = try FormSubmission(urlEncoded: body)
        #expect(form.token == token)
        #expect(form.fields.map(\.name) == fields.map(\.0))
        #expect(form.fields.map(\.values) == fields.map(\.1))
    }

    @Test(arguments: ["what_is=%E0%A4", "bad%ZZname=1", "x=%"])
    func refusesBrokenEncoding(body: String) {
        #expect(throws: Problem.self) { try FormSubmission(urlEncoded: body) }
    }

    @Test func formBecomesOneJSONLineWithTheGivenID() throws {
        let form = try FormSubmission(urlEncoded: "_token=t&aware=yes&sources=police&sources=news&what_is=++&response_id=forged")
        let line = String(decoding: form.jsonLine(idColumn: "response_id", id: "web-1"), as: UTF8.self)
        #expect(line == #"{"aware":"yes","response_id":"web-1","sources":["police","news"]}"# + "\n")
    }

    @Test(arguments: [
        ("application/json", IngestHandler.BodyKind.json), ("application/json; charset=utf-8", .json), ("APPLICATION/X-NDJSON", .jsonl),
        ("application/jsonl", .jsonl), ("text/csv", .csv), ("application/x-www-form-urlencoded", .form), ("text/markdown", .markdown),
    ] as [(String, IngestHandler.BodyKind)])
    func readsContentTypes(header: String, kind: IngestHandler.BodyKind) {
        #expect(IngestHandler.BodyKind(contentType: header) == kind)
    }

    @Test(arguments: [nil, "application/xml", "multipart/form-data; boundary=x", ""])
    func refusesOtherContentTypes(header: String?) {
        #expect(IngestHandler.BodyKind(contentType: header) == nil)
    }

    @Test(arguments: [
        (RejectedRow(line: 3, field: "aware", reason: "'Jo Bloggs 07700 900123' is not an option (yes, no)", value: "Jo Bloggs 07700 900123"),
         "'…' is not an option (yes, no)"),
        (RejectedRow(line: 1, field: "submitted_at", reason: "'call 07700 900123' is not an ISO 8601 date", value: nil),
         "'call [PHONE]' is not an ISO 8601 date"),
        (RejectedRow(line: 2, field: "understanding", reason: "'9' is not an option (1-5)", value: "9"), "'…' is not an option (1-5)"),
    ])
    func problemsNeverRepeatWhatWasWritten(row: RejectedRow, reason: String) {
        let problem = Problem.FieldProblem(row, redactor: Redactor())
        #expect(problem.reason == reason)
        #expect(problem.line == row.line && problem.field == row.field)
    }

    @Test func problemDocumentsFollowRFC9457() throws {
        for kind in Problem.Kind.allCases {
            let answer = Problem(kind, detail: "d").answer
            #expect(answer.contentType == "application/problem+json")
            let object = try #require(try JSONSerialization.jsonObject(with: Data(answer.body.utf8)) as? [String: Any])
            #expect(object["type"] as? String == "urn:consult:problem:\(kind.rawValue)")
            #expect(object["status"] as? Int == answer.status)
            #expect((object["title"] as? String)?.isEmpty == false)
        }
        #expect(Set(Problem.Kind.allCases.map { Problem($0).status }) == [401, 403, 404, 409, 413, 415, 422, 429, 500, 503])
    }

    @Test func everyControlOfEveryInstrumentIsLabelled() throws {
        let consultation = try ConsultationLoader.load(directory: ProjectRoot.url.appendingPathComponent("surveys").path)
        for instrument in consultation.instruments where instrument.kind == .survey {
            let html = FormPage.form(instrument: instrument, consultationTitle: consultation.title, privacyNotice: consultation.privacyNotice,
                                     token: "consult_<\"&>")
            let ids = html.matches(of: /<(?:input|select|textarea) [^>]*id="([^"]+)"/).map { String($0.output.1) }
            let labels = Set(html.matches(of: /<label for="([^"]+)"/).map { String($0.output.1) })
            #expect(!ids.isEmpty)
            #expect(ids.allSatisfy(labels.contains), "\(instrument.id)")
            #expect(html.contains("value=\"consult_&lt;&quot;&amp;&gt;\""))
            #expect(html.components(separatedBy: "<fieldset").count - 1 == instrument.questions.filter {
                $0.type == .multi || ([.single, .likert5, .demographic].contains($0.type) && $0.options.count <= FormPage.radioLimit)
            }.count)
            if let consent = instrument.consentQuestion {
                #expect(html.contains("name=\"\(consent)\" value=\"yes\" required"))
            }
            #expect(html.contains("How we use your answers"))
        }
    }

    static let tokenShapes: [(String, Bool)] = [
        (ApiTokenSecret.generate(), true), ("consult_" + String(repeating: "a", count: 64), true),
        ("consult_" + String(repeating: "A", count: 64), false), ("consult_" + String(repeating: "a", count: 63), false),
        ("Bearer consult_x", false), ("", false), ("token_" + String(repeating: "a", count: 66), false),
    ]

    @Test(arguments: tokenShapes)
    func tokensHaveOneShape(text: String, wellFormed: Bool) {
        #expect(ApiTokenSecret.isWellFormed(text) == wellFormed)
    }

    @Test func tokensAreRandomAndStoredAsTheirHash() {
        let a = ApiTokenSecret.generate(), b = ApiTokenSecret.generate()
        #expect(a != b)
        #expect(ApiTokenSecret.hash(a) == sha256Hex(of: Array(a.utf8)) && ApiTokenSecret.hash(a).count == 64)
    }
}
