import ConsultationModel
import FileReading
import Foundation
import TestSupport
import Testing

@Suite struct InstrumentParserTests {
    static let sets: [String: [AnswerOption]] = ["yes_no": [.init(value: "yes", label: "Yes"), .init(value: "no", label: "No")]]

    func parse(_ yaml: String) throws -> Instrument {
        try InstrumentParser.instrument(yaml: yaml, file: "i.yaml", optionSets: Self.sets)
    }

    static let valid = """
        id: s
        title: T
        kind: survey
        respondent_group: community
        id_column: rid
        consent_question: consent
        questions:
          - id: q1
            type: text
            wording: Why?
          - id: consent
            type: single
            wording: Quote you?
            options: yes_no
        """

    @Test func parsesAValidSurvey() throws {
        let instrument = try parse(Self.valid)
        #expect(instrument.questions.map(\.id) == ["q1", "consent"])
        #expect(instrument.question("consent")?.options.count == 2)
        #expect(instrument.sourceSHA256.count == 64)
    }

    @Test(arguments: [
        ("kind: survey", "kind: poll", "must be 'survey' or 'focus_group'"),
        ("type: text", "type: essay", "unknown question type 'essay'"),
        ("options: yes_no", "options: nope", "unknown option set 'nope'"),
        ("consent_question: consent", "consent_question: q1", "must be a single-choice question"),
        ("consent_question: consent", "consent_question: zz", "not a question of this instrument"),
        ("id: q1", "id: consent", "used twice"),
        ("id_column: rid", "id_column: q1", "also a question id"),
        ("id: s", "id: Bad Id", "not a valid id"),
        ("title: T\n", "", "title: is required"),
        ("consent_question: consent\n", "", "must record consent to be quoted (or say `consent_question: none`"),
    ])
    func refusesWithLineAndField(_ original: String, _ replacement: String, _ message: String) throws {
        let yaml = Self.valid.replacingOccurrences(of: original, with: replacement)
        do {
            _ = try parse(yaml)
            Issue.record("accepted: \(replacement)")
        } catch let error as SurveyFileError {
            #expect(error.description.contains(message), "\(error)")
            #expect(error.file == "i.yaml")
        }
    }

    /// A survey that asked nobody for consent says so, and then quotes nobody.
    @Test func consentQuestionNoneMeansNobodyIsQuoted() throws {
        let instrument = try parse(Self.valid.replacingOccurrences(of: "consent_question: consent", with: "consent_question: none"))
        #expect(instrument.consentQuestion == nil)
    }

    @Test func yamlSyntaxErrorsNameTheLine() throws {
        do {
            _ = try parse("id: s\ntitle: [unclosed\n")
            Issue.record("accepted broken YAML")
        } catch let error as SurveyFileError {
            #expect(error.line != nil)
            #expect(error.message.hasPrefix("not valid YAML"))
        }
    }

    @Test func optionsMatchValueOrLabelIgnoringCase() {
        let q = Question(id: "e", type: .single, wording: "", options: [.init(value: "black_african", label: "African", group: "Black")])
        #expect(q.option(matching: " AFRICAN ")?.value == "black_african")
        #expect(q.option(matching: "black_african")?.group == "Black")
        #expect(q.option(matching: "Afr") == nil)
    }

    @Test func theShippedConsultationLoads() throws {
        let consultation = try ConsultationLoader.load(directory: ProjectRoot.path("surveys"))
        #expect(consultation.instruments.map(\.id) == ["community", "partner", "focus_groups"])
        #expect(consultation.strandQuestions.count == 3)
        #expect(consultation.optionSets["borough"]?.count == 35)
        #expect(consultation.optionSets["ethnicity"]?.filter { $0.group != nil }.count == 18)
        #expect(consultation.population.reduce(0) { $0 + $1.residents } == 8_173_941)
        #expect(consultation.instrument("partner")?.question("sector")?.options.count == 8)
    }
}
