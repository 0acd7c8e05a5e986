import FileReading
import SurveyExports
import Testing

@Suite struct ColumnPlanTests {
    let matcher = try! HeaderMatcher(instrument: HeaderMatcherTests.instrument)

    func record(_ cells: [String], line: Int = 1) -> CSVRecord { CSVRecord(fields: cells, line: line) }

    func plan(_ header: [String], second: [String]? = nil) throws -> ColumnPlan {
        try ColumnPlan(header: record(header), second: second.map { record($0, line: 2) }, matcher: matcher, file: "f.csv")
    }

    @Test func everyUnmatchedColumnIsNamedWithItsNumber() throws {
        #expect {
            _ = try plan(["response_id", "postcode", "why", "src", "Your age", "consent", "Favourite colour"])
        } throws: { error in
            guard let error = error as? UnmatchedColumns else { return false }
            return error.columns == [.init(number: 2, header: "postcode"), .init(number: 7, header: "Favourite colour")]
                && "\(error)".hasPrefix("f.csv:1: unknown columns for survey 's': column 2 'postcode', column 7 'Favourite colour'")
        }
    }

    @Test(arguments: [
        (["why", "src", "age_band", "consent"], "respondent id column is missing"),
        (["response_id", "why", "age_band", "consent"], "question column src missing"),
        (["response_id", "why", "src", "age_band", "consent", "Your age"], "column 6 is the same age_band as column 4"),
        (["response_id", "why", "src/police", "SRC - police", "age_band", "consent"], "column 4 is the same src/police as column 3"),
    ])
    func headerProblemsRefuseTheFile(_ header: [String], _ message: String) {
        #expect {
            _ = try plan(header)
        } throws: { error in
            "\(error)".contains(message)
        }
    }

    @Test func optionColumnsAnswerTheirQuestion() throws {
        let p = try plan(["response_id", "why", "src/police", "src/news", "age_band", "consent"])
        #expect(p.roles[2] == .option(question: "src", value: "police"))
        #expect(p.headerRows == 1)
    }

    @Test func aCodeRowThenAWordingRowIsTwoHeaderRows() throws {
        let codes = ["RespID", "Q1", "Q2", "Q3", "Q4"]
        let wording = ["Response ID", "Why? (If you don't know, say so.)", "Where have you heard about it? Tick all that apply.", "Your age", "Quote?"]
        #expect(ColumnPlan.isHeaderRow(wording, matcher: matcher))
        let p = try plan(codes, second: wording)
        #expect(p.roles == [.respondentID, .question("why"), .question("src"), .question("age_band"), .question("consent")])
        #expect(p.headerRows == 2)
    }

    @Test(arguments: [
        ["X1", "because", "police; news", "18-24", "yes"],
        ["X1", "", "", "", ""],
        ["Your age", "the police", "news", "18 to 24", "no"],
    ])
    func aDataRowIsNotTakenForAHeaderRow(_ row: [String]) {
        #expect(!ColumnPlan.isHeaderRow(row, matcher: matcher))
    }

    @Test func cellsLeaveOutIgnoredColumnsAndCheckTheFieldCount() throws {
        let mapping = HeaderMapping(file: "m", entries: [.init(header: "notes", target: "ignore", line: 1)])
        let p = try ColumnPlan(header: record(["response_id", "notes", "why", "src", "age_band", "consent"]), second: nil,
                               matcher: try HeaderMatcher(instrument: HeaderMatcherTests.instrument, mapping: mapping), file: "f.csv")
        let cells = try p.cells(of: record(["X", "secret", "w", "", "", ""], line: 3)).get()
        #expect(cells.map(\.column) == [1, 3, 4, 5, 6])
        #expect(!cells.contains { $0.text == "secret" })
        guard case .failure(let rejection) = p.cells(of: record(["X"], line: 3)) else { Issue.record("short row accepted"); return }
        #expect(rejection.reason == "has 1 fields but the header has 6")
    }
}
