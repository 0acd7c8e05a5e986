import ConsultationModel
import FileReading
import PersonalData
import SurveyExports
import Testing

@Suite struct SurveyRowPreparerTests {
    static let instrument = Instrument(
        id: "s", title: "S", kind: .survey, respondentGroup: "community", idColumn: "rid", consentQuestion: "consent",
        questions: [
            Question(id: "why", type: .text, wording: "Why?"),
            Question(id: "n", type: .number, wording: "How many?"),
            Question(id: "src", type: .multi, wording: "Where?", options: [.init(value: "police", label: "The police"), .init(value: "news", label: "News")]),
            Question(id: "eth", type: .demographic, wording: "Ethnicity", options: [.init(value: "black_african", label: "African", group: "Black")]),
            Question(id: "consent", type: .single, wording: "Quote?", options: [.init(value: "yes", label: "Yes"), .init(value: "no", label: "No")]),
        ],
        groupTypes: [], prompts: [], sourceSHA256: "")

    /// Prepares rows under a header, as the importer does: header → `ColumnPlan` → cells → preparer.
    struct Preparer {
        let plan: ColumnPlan
        let preparer: SurveyRowPreparer
        func prepare(_ record: CSVRecord) -> Result<PreparedRespondent, RejectedRow> {
            plan.cells(of: record).flatMap { preparer.prepare($0, line: record.line) }
        }
    }

    func preparer(_ header: String = "rid,submitted_at,why,n,src,eth,consent") throws -> Preparer {
        let plan = try ColumnPlan(header: CSVRecord(fields: header.components(separatedBy: ","), line: 1), second: nil,
                                  matcher: try HeaderMatcher(instrument: Self.instrument), file: "f.csv")
        return Preparer(plan: plan, preparer: try SurveyRowPreparer(instrument: Self.instrument, file: "f.csv", redactor: Redactor(),
                                                                    pseudonymiser: Pseudonymiser(key: Array(repeating: 1, count: 32))))
    }

    func row(_ fields: [String], line: Int = 2) -> CSVRecord { CSVRecord(fields: fields, line: line) }

    @Test func preparesAFullRow() throws {
        let r = try preparer().prepare(row(["X1", "2018-10-01T09:00:00Z", "ring me on 07700 900123", "3", "The police; news", "African", "Yes"])).get()
        #expect(r.pseudonym.hasPrefix("R-"))
        #expect(r.quoteConsent)
        #expect(r.submittedAt == "2018-10-01T09:00:00Z")
        #expect(r.segments.count == 1)
        #expect(r.segments[0].text.contains("[PHONE]"))
        #expect(r.segments[0].redactions == 1)
        #expect(r.answers.map { "\($0.question)=\($0.value)" } == ["n=3", "src=police", "src=news", "eth=black_african", "eth_group=Black", "consent=yes"])
    }

    @Test func blankCellsAreSkippedNotRejected() throws {
        let r = try preparer().prepare(row(["X2", "", " ", "", "", "", ""])).get()
        #expect(r.answers.isEmpty && r.segments.isEmpty && !r.quoteConsent)
    }

    @Test(arguments: [
        (["X", "", "", "three", "", "", ""], "n", "not a number"),
        (["X", "", "", "", "police;radio", "", ""], "src", "'radio' is not an option"),
        (["X", "yesterday", "", "", "", "", ""], "submitted_at", "ISO 8601"),
        (["", "", "", "", "", "", ""], "rid", "blank"),
        (["X", ""], nil, "has 2 fields but the header has 7"),
    ] as [([String], String?, String)])
    func rejectsWithLineFieldAndReason(_ fields: [String], _ field: String?, _ reason: String) throws {
        switch try preparer().prepare(row(fields, line: 9)) {
        case .success: Issue.record("accepted \(fields)")
        case .failure(let rejection):
            #expect(rejection.line == 9)
            #expect(rejection.field == field)
            #expect(rejection.reason.contains(reason), "\(rejection)")
        }
    }

    @Test(arguments: [
        ("why,n,src,eth,consent", "respondent id column is missing"),
        ("rid,why,n,src,eth,consent,shoe", "unknown column for survey 's': column 7 'shoe'"),
        ("rid,why,src,eth,consent", "question column n missing"),
        ("rid,why,why,n,src,eth,consent", "appears twice"),
    ])
    func headerProblemsRefuseTheFile(_ header: String, _ message: String) {
        #expect {
            _ = try preparer(header)
        } throws: { error in
            "\(error)".contains(message) && "\(error)".hasPrefix("f.csv:1:")
        }
    }

    @Test func pseudonymsAreStablePerSurveyAndSourceID() throws {
        let p = try preparer()
        let a = try p.prepare(row(["X1", "", "", "", "", "", ""])).get().pseudonym
        let b = try p.prepare(row([" X1 ", "", "", "", "", "", ""])).get().pseudonym
        let c = try p.prepare(row(["X2", "", "", "", "", "", ""])).get().pseudonym
        #expect(a == b)
        #expect(a != c)
    }
}

/// Multi-select answers as exports write them: one cell with a separator, one column per option, a JSON list.
@Suite struct MultiSelectTests {
    static let question = SurveyRowPreparerTests.instrument.question("src")!

    @Test(arguments: [
        ("police;news", ["police", "news"]), ("The police | News", ["police", "news"]), ("police, news", ["police", "news"]),
        ("news", ["news"]), (" police ;; ", ["police"]),
    ])
    func aCellWithSeparatorsNamesEachOption(_ cell: String, _ expected: [String]) {
        #expect(MultiSelectCell.parts(of: cell, question: Self.question).compactMap { Self.question.option(matching: $0)?.value } == expected)
    }

    @Test func aLabelHoldingACommaIsOneOption() {
        let q = Question(id: "q", type: .multi, wording: "", options: [.init(value: "fam", label: "Friends, family"), .init(value: "x", label: "X")])
        #expect(MultiSelectCell.parts(of: "Friends, family", question: q) == ["Friends, family"])
    }

    @Test(arguments: [
        ("1", true), ("x", true), ("X", true), ("yes", true), ("TRUE", true), ("✓", true), ("The police", true), ("police", true),
        ("", false), ("0", false), ("no", false), ("False", false), (" ", false),
    ])
    func tickSpellings(_ cell: String, _ ticked: Bool) {
        #expect(MultiSelectCell.isTicked(cell, option: Self.question.options[0]) == ticked)
    }

    @Test(arguments: ["maybe", "2", "news", "?"])
    func anythingElseIsNotGuessed(_ cell: String) {
        #expect(MultiSelectCell.isTicked(cell, option: Self.question.options[0]) == nil)
    }

    func prepare(_ header: [String], _ row: [String]) throws -> Result<PreparedRespondent, RejectedRow> {
        let plan = try ColumnPlan(header: CSVRecord(fields: header, line: 1), second: nil,
                                  matcher: try HeaderMatcher(instrument: SurveyRowPreparerTests.instrument), file: "f.csv")
        let preparer = try SurveyRowPreparer(instrument: SurveyRowPreparerTests.instrument, file: "f.csv", redactor: Redactor(),
                                             pseudonymiser: Pseudonymiser(key: Array(repeating: 1, count: 32)))
        return plan.cells(of: CSVRecord(fields: row, line: 5)).flatMap { preparer.prepare($0, line: 5) }
    }

    @Test func optionColumnsBecomeAnswers() throws {
        let header = ["rid", "why", "n", "src/police", "src - News", "eth", "consent"]
        let r = try prepare(header, ["X", "", "", "x", "0", "", ""]).get()
        #expect(r.answers.map(\.value) == ["police"])
        guard case .failure(let rejection) = try prepare(header, ["X", "", "", "perhaps", "", "", ""]) else { Issue.record("guessed"); return }
        #expect(rejection.line == 5 && rejection.column == 4 && rejection.field == "src/police" && rejection.value == "perhaps")
    }

    @Test func aJSONListIsOneOptionPerItem() throws {
        let preparer = try SurveyRowPreparer(instrument: SurveyRowPreparerTests.instrument, file: "f", redactor: Redactor(),
                                             pseudonymiser: Pseudonymiser(key: Array(repeating: 1, count: 32)))
        let cells = [ResponseCell(role: .respondentID, column: 0, header: "rid", content: .text("X")),
                     ResponseCell(role: .question("src"), column: 0, header: "src", content: .list(["The police", "news"]))]
        #expect(try preparer.prepare(cells, line: 1).get().answers.map(\.value) == ["police", "news"])
    }
}
