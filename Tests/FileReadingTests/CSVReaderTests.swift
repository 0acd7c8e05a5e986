import FileReading
import Testing

@Suite struct CSVReaderTests {
    func records(_ text: String) throws -> [CSVRecord] {
        var reader = CSVReader(bytes: Array(text.utf8), name: "t.csv")
        var out: [CSVRecord] = []
        while let record = try reader.next() { out.append(record) }
        return out
    }

    @Test(arguments: [
        ("a,b\n1,2\n", [["a", "b"], ["1", "2"]]),
        ("a,b\r\n1,2\r\n", [["a", "b"], ["1", "2"]]),
        ("a,b\n1,2", [["a", "b"], ["1", "2"]]),
        ("\u{FEFF}a,b\n1,2\n", [["a", "b"], ["1", "2"]]),
        ("a\n\n\nb\n", [["a"], ["b"]]),
        ("\"x, y\",\"say \"\"hi\"\"\"\n", [["x, y", "say \"hi\""]]),
        ("\"multi\nline\",z\n", [["multi\nline", "z"]]),
        ("a,,c,\n", [["a", "", "c", ""]]),
        ("5\" screen,b\n", [["5\" screen", "b"]]),
        ("emoji 👍🏿,café\n", [["emoji 👍🏿", "café"]]),
        ("\"\"\n", [[""]]),
    ])
    func parses(_ text: String, _ expected: [[String]]) throws {
        #expect(try records(text).map(\.fields) == expected)
    }

    @Test func recordsStartLinesCountingQuotedLineBreaks() throws {
        let lines = try records("h\n\"one\ntwo\nthree\"\nnext\n\nlast\n").map(\.line)
        #expect(lines == [1, 2, 5, 7])
    }

    @Test(arguments: [
        ("a\n\"open", 2, "never closed"),
        ("a,\"b\"c\n", 1, "after a closing quote"),
        ("a\rb\n", 1, "bare carriage return"),
    ])
    func malformedInputNamesTheLine(_ text: String, _ line: Int, _ message: String) throws {
        do {
            _ = try records(text)
            Issue.record("accepted malformed CSV")
        } catch let error as SurveyFileError {
            #expect(error.line == line)
            #expect(error.description.contains(message))
            #expect(error.description.hasPrefix("t.csv:"))
        }
    }

    @Test func invalidUTF8IsRefusedUnderUTF8OnlyNamingLineColumnAndByte() throws {
        var reader = CSVReader(bytes: Array("a,b\nok,".utf8) + [0xFF, 0x0A], name: "x.csv", encoding: .utf8)
        _ = try reader.next()
        #expect {
            try reader.next()
        } throws: { error in
            guard let error = error as? SurveyFileError else { return false }
            return error.line == 2 && error.field == "column 2" && error.message.contains("byte 0xFF is not valid UTF-8")
        }
    }

    @Test func csvFieldRoundTrips() throws {
        let values = ["plain", "with, comma", "with \"quotes\"", "line\nbreak", "", "  spaces  "]
        let text = values.map(csvField).joined(separator: ",") + "\n"
        #expect(try records(text).first?.fields == values)
    }
}
