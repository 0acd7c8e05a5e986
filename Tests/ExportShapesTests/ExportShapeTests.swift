import ConsultationModel
import ExportShapes
import FileReading
import Foundation
import PersonalData
import SurveyExports
import TestSupport
import Testing

/// Shape recognition and column mapping for each tool, on small header rows written from SHAPES.md,
/// and on the community instrument's shaped fixtures (`Tests/Fixtures/shapes/`).
@Suite struct ExportShapeTests {
    static func instrument(_ file: String) -> Instrument {
        let sets = try! InstrumentParser.optionSets(yaml: String(contentsOfFile: ProjectRoot.path("surveys/option-sets.yaml"), encoding: .utf8), file: "option-sets.yaml")
        return try! InstrumentParser.instrument(yaml: String(contentsOfFile: ProjectRoot.path("surveys/\(file)"), encoding: .utf8), file: file, optionSets: sets)
    }
    static let community = instrument("community-survey.yaml")
    static let partner = instrument("partner-survey.yaml")

    @Test(arguments: [
        ([["StartDate", "EndDate", "Status", "ResponseId", "Finished", "Q1"], ["Start Date", "End Date", "Response Type", "Response ID", "Finished", "Age?"],
          ["{\"ImportId\":\"startDate\"}", "{\"ImportId\":\"endDate\"}", "{\"ImportId\":\"status\"}", "{\"ImportId\":\"_recordId\"}", "{\"ImportId\":\"finished\"}", "{\"ImportId\":\"QID1\"}"]],
         SurveyTool.qualtrics, 3),
        ([["Respondent ID", "Collector ID", "Start Date", "End Date", "IP Address", "Q?"], ["", "", "", "", "", "Response"]], .surveyMonkey, 2),
        ([["Timestamp", "Email Address", "Q?"], ["8/21/2019 13:10:31", "a@b.org", "x"]], .googleForms, 1),
        ([["ID", "Start time", "Completion time", "Email", "Name", "Last modified time", "Q?"]], .microsoftForms, 1),
        ([["start", "end", "g/q", "_id", "_uuid", "_submission_time"], ["", "", "#q", "", "", ""]], .koboToolbox, 2),
        ([["SubmissionDate", "g1-q1", "meta-instanceID", "KEY"]], .koboToolbox, 1),
        ([["Response ID", "Date submitted", "Last page", "Start language", "Q [A]"]], .limeSurvey, 1),
        ([["id", "submitdate", "lastpage", "startlanguage", "Q1[SQ001]"]], .limeSurvey, 1),
        ([["Response ID", "Submitted", "First name", "Q?"]], .citizenSpace, 1),
        ([["response_id", "submitted_at", "aware"]], .plain, 1),
    ] as [([[String]], SurveyTool, Int)])
    func eachToolIsRecognisedByItsHeaderRows(_ records: [[String]], _ tool: SurveyTool, _ headerRows: Int) {
        let shape = ExportShape.detect(records)
        #expect(shape.tool == tool)
        #expect(shape.headerRows == headerRows)
    }

    @Test func slashDatesAreDayFirstWhenTheFileSaysSo() {
        let us = ExportShape.detect([["Timestamp", "Q"], ["8/21/2019 13:10:31", "a"], ["9/1/2019 10:00:00", "b"]])
        let uk = ExportShape.detect([["Timestamp", "Q"], ["1/8/2019 13:10:31", "a"], ["21/8/2019 10:00:00", "b"]])
        #expect(!us.dayFirst && uk.dayFirst)
    }

    @Test func qualtricsOtherTextAndSystemColumnsAreKnown() {
        let shape = ExportShape.detect([
            ["ResponseId", "Finished", "Q4", "Q4_7_TEXT", "Q_RecaptchaScore", "Q2 - Topics", ""],
            ["Response ID", "Finished", "Where have you heard or read about the Matrix? Tick all that apply. - Selected Choice",
             "Where have you heard or read about the Matrix? Tick all that apply. - Somewhere else - Text", "Q_RecaptchaScore", "Q2 - Topics", ""],
        ])
        #expect(shape.columns[3].tool == .otherText(of: "Where have you heard or read about the Matrix? Tick all that apply."))
        #expect(shape.columns[4].tool == .metadata("Qualtrics system field"))
        #expect(shape.columns[5].tool == .metadata("Text iQ analysis"))
        #expect(shape.columns[6].tool == .metadata("column without a header"))
        let columns = ShapedColumns(shape: shape, matcher: try! HeaderMatcher(instrument: Self.community))
        #expect(columns.columns[2].role == .question("sources"))
        #expect(columns.columns[3].role == .otherText(question: "sources"))
    }

    @Test func surveyMonkeyOptionAndOtherColumnsFollowTheirQuestion() {
        let shape = ExportShape.detect([
            ["Respondent ID", "Where have you heard or read about the Matrix? Tick all that apply.", "", "", "Your age"],
            ["", "Social media", "News: TV, radio, newspapers", "Other (please specify)", "Response"],
        ])
        let columns = ShapedColumns(shape: shape, matcher: try! HeaderMatcher(instrument: Self.community)).columns
        #expect(columns.map(\.role) == [.respondentID, .option(question: "sources", value: "social_media"), .option(question: "sources", value: "news"),
                                        .otherText(question: "sources"), .question("age_band")])
    }

    @Test func koboGroupPathsAndOptionColumnsMatch() {
        let shape = ExportShape.detect([["grp.aware", "grp.sources", "grp.sources.police", "g1-trust", "about/Your age", "_uuid", "_geolocation", "location_latitude"]])
        let columns = ShapedColumns(shape: shape, matcher: try! HeaderMatcher(instrument: Self.community)).columns
        #expect(columns.map(\.role) == [.question("aware"), .question("sources"), .option(question: "sources", value: "police"), .question("trust"),
                                        .question("age_band"), .respondentID, .personal("location"), .personal("location 2")])
    }

    @Test func limeSurveyOptionsAndOtherColumns() {
        let shape = ExportShape.detect([["Response ID", "Date submitted", "Last page", "Where have you heard or read about the Matrix? Tick all that apply. [Social media]",
                                         " [Other]", "IP address", "Group time: Views", "interviewtime"]])
        let columns = ShapedColumns(shape: shape, matcher: try! HeaderMatcher(instrument: Self.community)).columns
        #expect(columns[3].role == .option(question: "sources", value: "social_media"))
        #expect(columns[4].role == .otherText(question: "sources"))
        #expect(columns[5].target == "dropped: personal data (IP address)")
        #expect(columns[6].target == "dropped: metadata (timing)" && columns[7].target == "dropped: metadata (timing)")
    }

    @Test func googleFormsRowsGetAStableContentID() {
        let a = [ResponseCell(role: .metadata("submitted_at"), column: 1, header: "Timestamp", content: .text("2019-08-21T13:10:31")),
                 ResponseCell(role: .question("aware"), column: 2, header: "Q", content: .text("Yes"))]
        var b = a
        b[1].content = .text("No")
        #expect(ShapedColumns.contentID(a) == ShapedColumns.contentID(a))
        #expect(ShapedColumns.contentID(a) != ShapedColumns.contentID(b))
        #expect(ShapedColumns.contentID(a).hasPrefix("content-"))
    }

    @Test func qualtricsPreviewsSpamAndUnfinishedAreSkippedWithReasons() throws {
        let path = ProjectRoot.path("Tests/Fixtures/shapes/qualtrics.csv")
        let all = try ShapePipeline.prepare(path: path, instrument: Self.community, includePartial: true)
        let finished = try ShapePipeline.prepare(path: path, instrument: Self.community)
        #expect(all.count == 41 && finished.count == 40)
    }

    @Test(arguments: ["", "partner-"], ["qualtrics.csv", "surveymonkey.csv", "googleforms.csv", "kobotoolbox.csv", "limesurvey.csv"])
    func shapedFixturesPrepareLikeThePlainCSV(_ prefix: String, _ name: String) throws {
        let instrument = prefix.isEmpty ? Self.community : Self.partner
        let plain = try ShapePipeline.prepare(path: ProjectRoot.path("Tests/Fixtures/shapes/\(prefix)plain.csv"), instrument: instrument)
        let shaped = try ShapePipeline.prepare(path: ProjectRoot.path("Tests/Fixtures/shapes/\(prefix)\(name)"), instrument: instrument)
        #expect(shaped.count == plain.count)
        #expect(shaped.map { Set($0.answers.map { "\($0.question)=\($0.value)" }) } == plain.map { Set($0.answers.map { "\($0.question)=\($0.value)" }) })
        #expect(shaped.map { $0.segments.map(\.text) } == plain.map { $0.segments.map(\.text) })
    }

    @Test func personalColumnsAreNeverStoredAndRedactedFromTheSameRespondentsText() throws {
        let questions = Self.community.questions
        let top = ["Respondent ID", "IP Address", "Email Address", "First Name", "Last Name"] + questions.map(\.wording)
        let sub = ["", "", "", "", ""] + questions.map { $0.type == .text ? "Open-Ended Response" : "Response" }
        var answers = questions.map { _ in "" }
        answers[questions.firstIndex { $0.id == "concerns" }!] = "Zebedee Quartermaine here, write to zq.home@example.net or find me at 198.51.100.7"
        let record = CSVRecord(fields: ["11902591443", "198.51.100.7", "zq.home@example.net", "Zebedee", "Quartermaine"] + answers, line: 3)
        let columns = ShapedColumns(shape: ExportShape.detect([top, sub, record.fields]), matcher: try HeaderMatcher(instrument: Self.community))
        let plan = try columns.plan(file: "sm.csv", line: 1)
        guard case .response(let cells) = columns.row(record, plan: plan, includePartial: false) else { Issue.record("no response"); return }
        let preparer = try SurveyRowPreparer(instrument: Self.community, file: "sm.csv", redactor: Redactor(), pseudonymiser: Pseudonymiser(key: Array(repeating: 1, count: 32)))
        let respondent = try preparer.prepare(cells, line: 3).get()
        let text = try #require(respondent.segments.first { $0.question == "concerns" }?.text)
        for value in ["Zebedee", "Quartermaine", "zq.home@example.net", "198.51.100.7"] {
            #expect(!text.contains(value), "'\(value)' left in '\(text)'")
        }
        #expect(columns.columns.prefix(5).map(\.target) == ["respondent id", "dropped: personal data (IP address)", "dropped: personal data (e-mail)",
                                                             "dropped: personal data (name)", "dropped: personal data (name)"])
    }
}
