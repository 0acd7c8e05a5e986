import ConsultationModel
import SurveyExports
import Testing

@Suite struct HeaderMatcherTests {
    static let instrument = Instrument(
        id: "s", title: "S", kind: .survey, respondentGroup: "community", idColumn: "response_id", consentQuestion: "consent",
        questions: [
            Question(id: "why", type: .text, wording: "Why? (If you don't know, say so.)"),
            Question(id: "src", type: .multi, wording: "Where have you heard about it? Tick all that apply.",
                     options: [.init(value: "police", label: "The police (officers, meetings)"), .init(value: "news", label: "News: TV, radio")]),
            Question(id: "age_band", type: .demographic, wording: "Your age", options: [.init(value: "18-24", label: "18 to 24")]),
            Question(id: "consent", type: .single, wording: "Quote?", options: [.init(value: "yes", label: "Yes"), .init(value: "no", label: "No")]),
        ],
        groupTypes: [], prompts: [], sourceSHA256: "")

    func role(_ header: String, mapping: HeaderMapping = .none) throws -> ColumnRole? {
        try HeaderMatcher(instrument: Self.instrument, mapping: mapping).role(for: header)
    }

    @Test(arguments: [
        // (a) ids, in any case and spacing
        ("why", ColumnRole.question("why")), ("AGE_BAND", .question("age_band")), (" Age band ", .question("age_band")),
        ("response_id", .respondentID), ("Response ID", .respondentID), ("Submitted at", .metadata("submitted_at")), ("MODE", .metadata("mode")),
        // (b) full wording, with curly quotes, other case, other punctuation
        ("Why? (If you don’t know, say so.)", .question("why")), ("WHY (IF YOU DON'T KNOW SAY SO)", .question("why")), ("Your age:", .question("age_band")),
        // (c) Section - Question
        ("About you - Your age", .question("age_band")), ("Respondent – Response ID", .respondentID), ("Part 2 - Sources - Your age", .question("age_band")),
        // (e) one column per option
        ("src/police", .option(question: "src", value: "police")), ("SRC / news", .option(question: "src", value: "news")),
        ("src - The police (officers, meetings)", .option(question: "src", value: "police")),
        ("Where have you heard about it? Tick all that apply. - News: TV, radio", .option(question: "src", value: "news")),
        ("Info - Where have you heard about it? Tick all that apply. - News: TV, radio", .option(question: "src", value: "news")),
    ])
    func matchesRealHeaderShapes(_ header: String, _ expected: ColumnRole) throws {
        #expect(try role(header) == expected)
    }

    @Test(arguments: ["postcode", "Your name", "src/radio", "age_band/18-24", "why - because", "", "Q7"])
    func unknownHeadersMatchNothing(_ header: String) throws {
        #expect(try role(header) == nil)
    }

    @Test func theMappingWinsAndCanIgnore() throws {
        let mapping = HeaderMapping(file: "m.yaml", entries: [
            .init(header: "Resp. Ref", target: "response_id", line: 1), .init(header: "notes", target: "ignore", line: 2),
            .init(header: "cops", target: "src/police", line: 3), .init(header: "Your age", target: "why", line: 4),
        ])
        #expect(try role("resp ref", mapping: mapping) == .respondentID)
        #expect(try role("Notes", mapping: mapping) == .ignored)
        #expect(try role("COPS", mapping: mapping) == .option(question: "src", value: "police"))
        #expect(try role("Your age", mapping: mapping) == .question("why"))
    }

    @Test(arguments: ["nope", "src/radio", "age_band/18-24", "why/x"])
    func aMappingTargetThatIsNoQuestionIsRefusedWithItsLine(_ target: String) {
        let mapping = HeaderMapping(file: "m.csv", entries: [.init(header: "h", target: target, line: 4)])
        #expect {
            _ = try HeaderMatcher(instrument: Self.instrument, mapping: mapping)
        } throws: { error in
            "\(error)".hasPrefix("m.csv:4: h: target '\(target)' is not a question id")
        }
    }

    @Test(arguments: [
        ("Why? (If you don’t know…)", "why if you don t know"), ("  A\tB  ", "a b"), ("“Quoted”", "quoted"), ("response_id", "response id"),
        ("Café – naïve", "café naïve"), ("", ""),
    ])
    func normalisesCaseSpacingPunctuationAndQuotes(_ text: String, _ expected: String) {
        #expect(HeaderText.normalise(text) == expected)
    }
}
