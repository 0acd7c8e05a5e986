import FileReading
import SurveyExports
import Testing

@Suite struct JSONLinesReaderTests {
    func lines(_ text: String) throws -> [JSONLine] {
        var reader = JSONLinesReader(bytes: Array(text.utf8), name: "r.jsonl")
        var out: [JSONLine] = []
        while let line = try reader.next() { out.append(line) }
        return out
    }

    func fields(_ line: JSONLine) throws -> [String: ResponseCell.Content?] {
        Dictionary(uniqueKeysWithValues: try line.fields.get().map { ($0.key, $0.content) })
    }

    @Test func readsStringsNumbersBooleansNullAndLists() throws {
        let read = try lines(#"{"id":"A1","n":3,"x":2.5,"ok":true,"no":false,"gone":null,"src":["police","news"],"empty":[]}"# + "\n")
        let f = try fields(read[0])
        #expect(f["id"] == .text("A1"))
        #expect(f["n"] == .text("3"))
        #expect(f["x"] == .text("2.5"))
        #expect(f["ok"] == .text("yes"))
        #expect(f["no"] == .text("no"))
        #expect(f["gone"] == .some(nil))
        #expect(f["src"] == .list(["police", "news"]))
        #expect(f["empty"] == .list([]))
    }

    @Test func blankLinesAreSkippedAndLinesCounted() throws {
        let read = try lines("{\"a\":1}\n\n   \r\n{\"a\":2}\r\n{\"a\":3}")
        #expect(read.map(\.line) == [1, 4, 5])
    }

    @Test(arguments: [
        (#"{"a": "#, "not a JSON object"),
        ("[1,2]", "not a JSON object"),
        ("\"text\"", "not a JSON object"),
        (#"{"a":{"b":1}}"#, "holds a JSON object"),
        (#"{"a":[[1]]}"#, "holds a JSON object or nested list"),
    ])
    func malformedLinesAreRejectedWithTheirLineNumber(_ bad: String, _ reason: String) throws {
        let read = try lines("{\"a\":1}\n" + bad + "\n{\"a\":2}\n")
        #expect(read.count == 3)
        guard case .failure(let rejection) = read[1].fields else { Issue.record("accepted \(bad)"); return }
        #expect(rejection.line == 2)
        #expect(rejection.reason.contains(reason), "\(rejection)")
        #expect((try? read[2].fields.get()) != nil)
    }

    @Test func windows1252LinesAreConvertedOrRefused() throws {
        let bytes = Array("{\"t\":\"caf".utf8) + [0xE9] + Array("\"}\n".utf8)
        var reader = JSONLinesReader(bytes: bytes, name: "r.jsonl")
        #expect(try fields(try reader.next()!)["t"] == .text("café"))
        #expect(reader.input.conversion?.summary == "Windows-1252 (1 field, first at line 1)")
        var strict = JSONLinesReader(bytes: bytes, name: "r.jsonl", encoding: .utf8)
        #expect(throws: SurveyFileError.self) { try strict.next() }
    }

    @Test(arguments: [("a.jsonl", InputFormat.jsonl), ("a.NDJSON", .jsonl), ("a.csv", .csv), ("a.txt", .csv), ("jsonl", .csv)])
    func formatFollowsTheExtension(_ path: String, _ format: InputFormat) {
        #expect(InputFormat.implied(by: path) == format)
    }
}
