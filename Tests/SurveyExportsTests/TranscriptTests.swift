import FileReading
import SurveyExports
import Testing

@Suite struct TranscriptTests {
    static let header = """
        ---
        session: fg-01
        date: 2018-09-12
        borough: Lambeth
        group_type: young_people
        participants: 3
        consent_quote: [P1, P3]
        ---
        """

    @Test func parsesTurnsContinuationsAndConsent() throws {
        let t = try Transcript.parse(Self.header + "\n# Title (synthetic)\n\nFacilitator: Hello all.\nP1: first thing\nstill P1\n\n**P3:** bold label\nP2: ok\n", file: "fg.md")
        #expect(t.session == "fg-01")
        #expect(t.participants == 3)
        #expect(t.turns.map(\.speaker) == ["Facilitator", "P1", "P3", "P2"])
        #expect(t.turns[1].text == "first thing\nstill P1")
        #expect(t.turns[1].line == 12)
        #expect(t.turns[2].text == "bold label")
        #expect(t.participantTurns.count == 3)
        #expect(t.consent.allows("P1") && t.consent.allows("P3") && !t.consent.allows("P2"))
    }

    @Test(arguments: [
        ("all", true), ("none", false),
    ])
    func consentKeywords(_ value: String, _ allowed: Bool) throws {
        let text = Self.header.replacingOccurrences(of: "[P1, P3]", with: value) + "\nP2: hi\n"
        #expect(try Transcript.parse(text, file: "fg.md").consent.allows("P2") == allowed)
    }

    @Test(arguments: [
        ("no front matter here\nP1: x", "front-matter header"),
        (header + "\nP4: too many", "header says there were 3 participants"),
        (header + "\nstray text\nP1: x", "text before the first speaker turn"),
        (header + "\nFacilitator: only me", "no participant turns"),
        (header.replacingOccurrences(of: "2018-09-12", with: "12/09/2018") + "\nP1: x", "YYYY-MM-DD"),
        (header.replacingOccurrences(of: "participants: 3", with: "participants: lots") + "\nP1: x", "whole number"),
        (header.replacingOccurrences(of: "[P1, P3]", with: "[Bob]") + "\nP1: x", "not a participant label"),
    ])
    func refusesWithFileAndReason(_ text: String, _ message: String) throws {
        do {
            _ = try Transcript.parse(text, file: "fg.md")
            Issue.record("accepted: \(message)")
        } catch let error as SurveyFileError {
            #expect(error.description.hasPrefix("fg.md"))
            #expect(error.description.contains(message), "\(error)")
        }
    }
}
