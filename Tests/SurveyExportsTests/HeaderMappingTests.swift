import SurveyExports
import Testing

@Suite struct HeaderMappingTests {
    @Test(arguments: [
        ("m.yaml", "# staff notes\n\"Resp. Ref\": response_id\nHeard of it?: aware\nInternal notes: ignore\n"),
        ("m.yml", "Resp. Ref: response_id\n'Heard of it?': aware\nInternal notes: ignore\n"),
        ("m.csv", "header,target\nResp. Ref,response_id\nHeard of it?,aware\nInternal notes,ignore\n"),
        ("m.csv", "Resp. Ref,response_id\r\n\"Heard of it?\",aware\r\nInternal notes, ignore\r\n"),
    ])
    func parsesYAMLAndCSV(_ file: String, _ text: String) throws {
        let mapping = try HeaderMapping.parse(text, file: file)
        #expect(Set(mapping.entries.map { "\($0.header)=\($0.target)" }) == ["Resp. Ref=response_id", "Heard of it?=aware", "Internal notes=ignore"])
        #expect(mapping.entries.allSatisfy { $0.line != nil })
    }

    @Test(arguments: [
        ("m.csv", "a,why\nA,src\n", "m.csv:2: A: header is mapped twice (also at line 1)"),
        ("m.csv", "a,why,extra\n", "m.csv:1: each row must be `header,target`"),
        ("m.csv", "a,\n", "m.csv:1: each row must be `header,target`"),
        ("m.yaml", "a:\n  - why\n", "m.yaml:1: a: each line must be `header: target`"),
        ("m.yaml", "- a\n", "m.yaml:1: expected a YAML mapping"),
    ])
    func malformedMappingsNameTheLine(_ file: String, _ text: String, _ message: String) {
        #expect {
            _ = try HeaderMapping.parse(text, file: file)
        } throws: { error in
            "\(error)".hasPrefix(message)
        }
    }
}
