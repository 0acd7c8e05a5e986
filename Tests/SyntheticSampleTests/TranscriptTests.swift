import Testing
import SyntheticSample

/// Transcripts follow the import format in `focus-group-protocol.yaml`, say they are synthetic,
/// and read like a discussion (40-90 turns, everyone speaks, continuation lines occur).
@Suite struct TranscriptTests {
    static let groupTypes: Set<String> = ["young_people", "parents_carers", "community_faith", "practitioners"]

    /// Front matter fields and the body lines after the closing `---`.
    static func split(_ markdown: String) -> (fields: [String: String], body: [Substring])? {
        let lines = markdown.split(separator: "\n", omittingEmptySubsequences: false)
        guard lines.first == "---", let end = lines.dropFirst().firstIndex(of: "---") else { return nil }
        var fields: [String: String] = [:]
        for line in lines[1..<end] {
            guard let colon = line.firstIndex(of: ":") else { return nil }
            fields[String(line[..<colon])] = line[line.index(after: colon)...].trimmingPrefix(" ").description
        }
        return (fields, Array(lines[(end + 1)...]))
    }

    static func speaker(_ line: Substring) -> String? {
        guard let colon = line.firstIndex(of: ":") else { return nil }
        let label = line[..<colon]
        if label == "Facilitator" { return "Facilitator" }
        guard label.first == "P", label.count > 1, label.dropFirst().allSatisfy(\.isNumber) else { return nil }
        return String(label)
    }

    @Test func eightSessionsWithExpectedNames() {
        #expect(SampleFixtures.transcripts.map(\.fileName) == (1...8).map { "fg-0\($0).md" })
    }

    @Test func frontMatterIsValid() throws {
        var types = Set<String>()
        var boroughs = Set<String>()
        for (name, markdown, _) in SampleFixtures.transcripts {
            let parsed = try #require(Self.split(markdown), "\(name) has no front matter")
            let f = parsed.fields
            #expect(Set(f.keys) == ["session", "date", "borough", "group_type", "participants", "consent_quote", "synthetic"], "\(name)")
            #expect(f["session"].map { $0 + ".md" } == name)
            #expect(f["synthetic"] == "true")
            let date = f["date"] ?? ""
            #expect(date.hasPrefix("2018-09-") || date.hasPrefix("2018-10-"), "\(date)")
            #expect(date.count == 10)
            let participants = Int(f["participants"] ?? "") ?? 0
            #expect((5...9).contains(participants))
            #expect(Self.groupTypes.contains(f["group_type"] ?? ""))
            types.insert(f["group_type"] ?? "")
            boroughs.insert(f["borough"] ?? "")
            let consent = f["consent_quote"] ?? ""
            if consent != "all" && consent != "none" {
                #expect(consent.hasPrefix("[") && consent.hasSuffix("]"), "\(consent)")
                let labels = consent.dropFirst().dropLast().split(separator: ",").map { $0.trimmingPrefix(" ") }
                #expect(labels.allSatisfy { l in l.first == "P" && (Int(l.dropFirst()) ?? 0) >= 1 && (Int(l.dropFirst()) ?? 99) <= participants })
            }
            let title = parsed.body.first ?? ""
            #expect(title.hasPrefix("# ") && title.contains("SYNTHETIC"))
        }
        #expect(types == Self.groupTypes)
        #expect(boroughs.count == 8)
    }

    @Test func turnsAreWellFormedAndNumberFortyToNinety() throws {
        var continuations = 0
        for (name, markdown, _) in SampleFixtures.transcripts {
            let parsed = try #require(Self.split(markdown))
            let participants = Int(parsed.fields["participants"] ?? "") ?? 0
            let body = parsed.body.dropFirst().filter { !$0.isEmpty }
            let speakers = body.compactMap(Self.speaker)
            continuations += body.count - speakers.count
            #expect((40...90).contains(speakers.count), "\(name): \(speakers.count) turns")
            #expect(body.first.flatMap(Self.speaker) == "Facilitator")
            let people = Set(speakers.filter { $0 != "Facilitator" })
            #expect(people == Set((1...participants).map { "P\($0)" }), "\(name): speakers \(people.sorted())")
            #expect(speakers.filter { $0 == "Facilitator" }.count >= 8)
        }
        print("transcript continuation lines: \(continuations)")
        #expect(continuations >= 3)
    }

    @Test func turnsVaryInLength() {
        let turns = SampleFixtures.transcripts.flatMap { $0.markdown.split(separator: "\n") }.filter { Self.speaker($0) != nil && !$0.hasPrefix("Facilitator") }
        let lengths = turns.map { $0.split(separator: " ").count - 1 }
        #expect(lengths.contains { $0 <= 2 })
        #expect(lengths.contains { $0 >= 40 })
        #expect(Double(Set(turns.map { $0.drop { $0 != ":" } }).count) / Double(turns.count) >= 0.7)
    }
}
