import ConsultationModel
import ExportShapes
import FileReading
import Foundation
import PersonalData
import SurveyExports
import TestSupport
import Testing

/// The real exports in `../shared/survey-exports/` (first records of public files; see SHAPES.md):
/// each recognised as its tool's shape with the right header rows and dialect, and, for those with
/// a test instrument in `Tests/Fixtures/survey-exports/`, every response prepared with no mapping file.
@Suite struct RealExportTests {
    struct Expected: Sendable, CustomStringConvertible {
        var file: String
        var tool: SurveyTool
        var headerRows: Int
        var delimiter: UInt8 = 0x2C
        /// Personal-data columns the shape must drop.
        var personal: [String] = []
        /// The file has the tool's response id column (FiveThirtyEight removed it from one republished file).
        var hasID = true
        var description: String { file }
    }

    static let samples: [Expected] = [
        Expected(file: "qualtrics-qualtRics.csv", tool: .qualtrics, headerRows: 3,
                 personal: ["IPAddress", "RecipientLastName", "RecipientFirstName", "RecipientEmail", "ExternalReference", "LocationLatitude", "LocationLongitude"]),
        Expected(file: "qualtrics-legacy-qualtRics.csv", tool: .qualtrics, headerRows: 2,
                 personal: ["Name", "ExternalDataReference", "EmailAddress", "IPAddress", "LocationLatitude", "LocationLongitude", "LocationAccuracy"]),
        Expected(file: "qualtrics-QualtricsTools-multi-answer.csv", tool: .qualtrics, headerRows: 3,
                 personal: ["IPAddress", "RecipientLastName", "RecipientFirstName", "RecipientEmail", "ExternalDataReference", "LocationLatitude", "LocationLongitude", "LocationAccuracy"]),
        Expected(file: "qualtrics-QualtricsTools-many-types.csv", tool: .qualtrics, headerRows: 3,
                 personal: ["IPAddress", "RecipientLastName", "RecipientFirstName", "RecipientEmail", "ExternalDataReference"]),
        Expected(file: "surveymonkey-fivethirtyeight-data-StarWars.csv", tool: .surveyMonkey, headerRows: 2),
        Expected(file: "surveymonkey-fivethirtyeight-data-sleeping-alone.csv", tool: .surveyMonkey, headerRows: 2, hasID: false),
        Expected(file: "surveymonkey-fivethirtyeight-data-region-MIDWEST.csv", tool: .surveyMonkey, headerRows: 2),
        Expected(file: "surveymonkey-GGWash-ANC-Tool-2026.csv", tool: .surveyMonkey, headerRows: 2),
        Expected(file: "googleforms-AutisticaCitizenScience.csv", tool: .googleForms, headerRows: 1),
        Expected(file: "googleforms-DS-4002.csv", tool: .googleForms, headerRows: 1),
        Expected(file: "googleforms-DS-4002.xlsx-cells.csv", tool: .googleForms, headerRows: 1),
        Expected(file: "msforms-DS-4002-converted.csv", tool: .microsoftForms, headerRows: 1, personal: ["Email", "Name"]),
        Expected(file: "kobotoolbox-koboloadeR.xlsx-cells.csv", tool: .koboToolbox, headerRows: 1, personal: ["_submitted_by"]),
        Expected(file: "limesurvey-limonaid.csv", tool: .limeSurvey, headerRows: 1),
    ]

    static func path(_ file: String) -> String? { ProjectRoot.shared("survey-exports/\(file)")?.path }

    /// The first records of a file, read in its detected dialect (text that is not UTF-8 converted).
    static func records(_ path: String) throws -> (records: [CSVRecord], dialect: CSVDialect) {
        let dialect = try CSVDialect.detect(path: path)
        var reader = try CSVReader(path: path, delimiter: dialect.delimiter)
        var out: [CSVRecord] = []
        while let record = try reader.next() { out.append(record) }
        return (out, dialect)
    }

    @Test(arguments: samples)
    func eachRealExportIsRecognised(_ expected: Expected) throws {
        guard let path = Self.path(expected.file) else { return }
        let (records, dialect) = try Self.records(path)
        #expect(dialect.delimiter == expected.delimiter)
        let shape = ExportShape.detect(records.prefix(50).map(\.fields))
        #expect(shape.tool == expected.tool)
        #expect(shape.headerRows == expected.headerRows)
        let personal = shape.columns.filter { if case .personalData? = $0.tool { true } else { false } }
        let tags = personal.map { column -> String in
            let index = shape.columns.firstIndex(of: column)!
            return records[0].fields[index]
        }
        for name in expected.personal {
            #expect(tags.contains(name) || personal.contains { $0.header == name }, "\(name) not dropped as personal data")
        }
        #expect(shape.tool == .googleForms ? shape.derivesID : shape.columns.contains { $0.tool == .respondentID } == expected.hasID)
    }

    static let instruments: [(file: String, instrument: String, responses: Int)] = [
        ("qualtrics-qualtRics.csv", "", 1),
        ("qualtrics-legacy-qualtRics.csv", "", 1),
        ("msforms-DS-4002-converted.csv", "msforms-DS-4002.yaml", 9),
        ("googleforms-DS-4002.csv", "googleforms-DS-4002.yaml", 9),
        ("googleforms-AutisticaCitizenScience.csv", "googleforms-AutisticaCitizenScience.yaml", 9),
    ]

    /// ropensci/qualtRics `inst/extdata/sample.csv` and `sample_legacy.csv`: one choice question (answered
    /// with recode 2) and one text question. Built here rather than in YAML: the sample has no consent
    /// question, which the instrument parser requires of every survey.
    static let qualtricsSample = Instrument(
        id: "qualtrics_sample", title: "qualtRics sample", kind: .survey, respondentGroup: "community", idColumn: "ResponseId", consentQuestion: nil,
        questions: [Question(id: "q1", type: .single, wording: "This is a multiple choice question.",
                             options: [AnswerOption(value: "first", label: "First choice"), AnswerOption(value: "second", label: "Second choice")]),
                    Question(id: "q2", type: .text, wording: "This is a free text question.")],
        groupTypes: [], prompts: [], sourceSHA256: "")

    @Test(arguments: instruments.indices)
    func realExportsImportWithATestInstrumentAndNoMapping(_ index: Int) throws {
        let (file, yaml, count) = Self.instruments[index]
        guard let path = Self.path(file) else { return }
        let instrument = yaml.isEmpty ? Self.qualtricsSample
            : try InstrumentParser.instrument(yaml: String(contentsOfFile: ProjectRoot.path("Tests/Fixtures/survey-exports/\(yaml)"), encoding: .utf8),
                                              file: yaml, optionSets: [:])
        let prepared = try ShapePipeline.prepare(path: path, instrument: instrument)
        #expect(prepared.count == count)
        #expect(prepared.allSatisfy { $0.submittedAt.map { $0.count >= 10 && $0.dropFirst(4).first == "-" } ?? false })
        #expect(Set(prepared.map(\.pseudonym)).count == count)
        switch file {
        case "qualtrics-qualtRics.csv", "qualtrics-legacy-qualtRics.csv":
            #expect(prepared[0].answers == [.init(question: "q1", value: "second")])
            #expect(prepared[0].segments.map(\.text) == ["Hello World!"])
            #expect(prepared[0].submittedAt == "2017-07-18T08:28:48")
        case "msforms-DS-4002-converted.csv":
            #expect(prepared[0].submittedAt == "2024-09-01T11:27:00")
            #expect(prepared.filter { $0.answers.contains(.init(question: "sandwich", value: "yes")) }.count == 2)
        case "googleforms-AutisticaCitizenScience.csv":
            let connections = prepared.flatMap(\.answers).filter { $0.question == "connection" }.map(\.value)
            #expect(connections.filter { $0 == "autistic" }.count == 6 && connections.filter { $0 == "other" }.count == 2)
        default:
            #expect(prepared.flatMap(\.answers).filter { $0.question == "year" }.count == 9)
        }
    }
}

/// The import pipeline's pure half on a whole file: dialect, shape, columns, rows, preparation.
enum ShapePipeline {
    struct Failed: Error, CustomStringConvertible { var description: String }

    static func prepare(path: String, instrument: Instrument, includePartial: Bool = false) throws -> [PreparedRespondent] {
        let (records, _) = try RealExportTests.records(path)
        let columns = ShapedColumns(shape: ExportShape.detect(records.prefix(50).map(\.fields)), matcher: try HeaderMatcher(instrument: instrument))
        let plan = try columns.plan(file: path, line: 1)
        let preparer = try SurveyRowPreparer(instrument: instrument, file: path, redactor: Redactor(), pseudonymiser: Pseudonymiser(key: Array(repeating: 3, count: 32)))
        var out: [PreparedRespondent] = []
        for record in records.dropFirst(plan.headerRows) {
            switch columns.row(record, plan: plan, includePartial: includePartial) {
            case .skipped: continue
            case .rejected(let row): throw Failed(description: "\(row)")
            case .response(let cells):
                switch preparer.prepare(cells, line: record.line) {
                case .success(let respondent): out.append(respondent)
                case .failure(let row): throw Failed(description: "\(row)")
                }
            }
        }
        return out
    }
}
