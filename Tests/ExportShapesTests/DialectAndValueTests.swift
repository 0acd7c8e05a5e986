import ConsultationModel
import ExportShapes
import FileReading
import Testing

/// Delimiter detection, tool timestamps and multi-select splitting: the small rules every tool shape relies on.
@Suite struct DialectAndValueTests {
    static func dialect(_ text: String, forcing: UInt8? = nil) -> CSVDialect { CSVDialect.detect(Array(text.utf8), forcing: forcing) }

    @Test(arguments: [
        ("a,b,c\n1,2,3\n", UInt8(0x2C)),
        ("\"a\";\"b\";\"c\"\r\n\"1\";\"\";\"3\"\r\n", UInt8(0x3B)),
        ("a\tb\tc\n1\t2\t3\n", UInt8(0x09)),
        ("\"x,y\";b\n\"1,5\";2\n", UInt8(0x3B)),
        ("Timestamp,\"Q: one; two\",c\r\n8/21/2019 13:10:31,\"a; b\",c", UInt8(0x2C)),
        ("single\nvalue\n", UInt8(0x2C)),
        ("a;b,c;d\n1;2,3;4\n", UInt8(0x3B)),
    ])
    func theDelimiterIsDetected(_ text: String, _ expected: UInt8) {
        #expect(Self.dialect(text).delimiter == expected)
    }

    @Test func quotingLineEndsAndForcingAreReported() {
        let kobo = Self.dialect("\"start\";\"q\"\r\n\"2017\";\"\"\r\n")
        #expect(kobo.quotesEveryField && kobo.crlf && !kobo.forced)
        #expect(kobo.description == "delimiter ';' (detected), every field quoted, CRLF")
        let plain = Self.dialect("a,\"b\"\nc,d\n")
        #expect(!plain.quotesEveryField && !plain.crlf)
        let forced = Self.dialect("a,b;c\n", forcing: 0x3B)
        #expect(forced.delimiter == 0x3B && forced.forced && forced.description.hasPrefix("delimiter ';' (forced)"))
        #expect(CSVDialect.delimiter(named: "tab") == 0x09 && CSVDialect.delimiter(named: ";") == 0x3B && CSVDialect.delimiter(named: "x") == nil)
    }

    @Test func theReaderSplitsOnTheDialectsDelimiter() throws {
        var reader = CSVReader(bytes: Array("\"a\";\"b, c\";\"\"\r\n\"1\";\"x\"\"y\";\"\"\r\n".utf8), name: "k.csv", delimiter: 0x3B)
        #expect(try reader.next()?.fields == ["a", "b, c", ""])
        #expect(try reader.next()?.fields == ["1", "x\"y", ""])
        #expect(try reader.next() == nil)
        var tabs = CSVReader(bytes: Array("a\tb,c\n".utf8), name: "t.tsv", delimiter: 0x09)
        #expect(try tabs.next()?.fields == ["a", "b,c"])
    }

    @Test(arguments: [
        ("2017-07-18 08:28:09", false, "2017-07-18T08:28:09"),
        ("2017-10-23T05:40:39.000-04:00", false, "2017-10-23T05:40:39.000-04:00"),
        ("2022-03-15", false, "2022-03-15"),
        ("8/21/2019 13:10:31", false, "2019-08-21T13:10:31"),
        ("1/5/2025 9:03:05", false, "2025-01-05T09:03:05"),
        ("1/5/2025 9:03:05", true, "2025-05-01T09:03:05"),
        ("21/08/2019 13:10", true, "2019-08-21T13:10:00"),
        ("11/18/2019 10:24:40 PM", false, "2019-11-18T22:24:40"),
        ("11/18/2019 12:05:00 AM", false, "2019-11-18T00:05:00"),
        ("7/10/14 18:37", false, "2014-07-10T18:37:00"),
        ("9/1/2024", false, "2024-09-01"),
    ])
    func toolTimestampsBecomeISO(_ text: String, _ dayFirst: Bool, _ expected: String) {
        #expect(ToolTimestamp.iso(text, dayFirst: dayFirst) == expected)
    }

    @Test(arguments: ["", "yesterday", "13/13/2019", "21/08/2019", "8/21/2019 25:00", "2019/08/21 10:00 AM AST", "11/18/2019 13:00 PM"])
    func otherTextsAreNoTimestamp(_ text: String) {
        #expect(ToolTimestamp.iso(text) == nil)
    }

    static let sources = Question(id: "sources", type: .multi, wording: "Where?", options: [
        AnswerOption(value: "police", label: "The police (officers, meetings, briefings)"),
        AnswerOption(value: "news", label: "News: TV, radio, newspapers"),
        AnswerOption(value: "social_media", label: "Social media"),
    ])

    @Test(arguments: [
        ("The police (officers, meetings, briefings), News: TV, radio, newspapers", ", ", ["The police (officers, meetings, briefings)", "News: TV, radio, newspapers"]),
        ("News: TV, radio, newspapers,Social media", ",", ["News: TV, radio, newspapers", "Social media"]),
        ("Social media;The police (officers, meetings, briefings);", ";", ["Social media", "The police (officers, meetings, briefings)"]),
        ("police social_media", " ", ["police", "social_media"]),
        ("Social media; Carrier pigeon", "; ", ["Social media", "Carrier pigeon"]),
        ("News: TV, radio, newspapers", ", ", ["News: TV, radio, newspapers"]),
        ("", ", ", []),
    ])
    func multiSelectCellsSplitWithoutBreakingLabels(_ text: String, _ separator: String, _ expected: [String]) {
        #expect(MultiSelectSplit.parts(of: text, separator: separator, question: Self.sources) == expected)
    }
}
