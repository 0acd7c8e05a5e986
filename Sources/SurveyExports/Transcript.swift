import ConsultationModel
import FileReading
/// A focus-group transcript in the Markdown format documented in `surveys/focus-group-protocol.yaml`:
/// a YAML front-matter header, then speaker turns (`Facilitator: ...`, `P3: ...`).
public struct Transcript: Sendable, Equatable {
    /// One uninterrupted contribution by one speaker.
    public struct Turn: Sendable, Equatable {
        /// `Facilitator` or `P<n>`.
        public var speaker: String
        public var text: String
        /// The line the turn starts on, for error messages and tracing a quote back to the notes.
        public var line: Int
        /// 1-based position among all turns of the session, facilitator turns included.
        public var number: Int
        public var isFacilitator: Bool { speaker == "Facilitator" }
    }

    /// Who agreed to be quoted.
    public enum QuoteConsent: Sendable, Equatable {
        case all, none
        case participants(Set<String>)

        public func allows(_ speaker: String) -> Bool {
            switch self {
            case .all: return true
            case .none: return false
            case .participants(let set): return set.contains(speaker)
            }
        }
    }

    public var session: String
    /// ISO date (YYYY-MM-DD) the session was held.
    public var date: String
    public var borough: String
    public var groupType: String
    public var participants: Int
    public var consent: QuoteConsent
    public var turns: [Turn]

    /// Turns by participants: the segments that are coded and counted.
    public var participantTurns: [Turn] { turns.filter { !$0.isFacilitator } }

    /// Parses a transcript; every error names the file and line.
    public static func parse(_ text: String, file: String) throws -> Transcript {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map {
            $0.hasSuffix("\r") ? String($0.dropLast()) : String($0)
        }
        guard lines.first?.trimmingWhitespace() == "---",
              let close = lines.dropFirst().firstIndex(where: { $0.trimmingWhitespace() == "---" })
        else {
            throw SurveyFileError(file: file, line: 1, message: "must start with a front-matter header between two '---' lines")
        }
        let header = try YAMLMapping.parse(lines[1..<close].joined(separator: "\n"), file: file)
        func headerError(_ key: String, _ message: String) -> SurveyFileError {
            SurveyFileError(file: file, line: (header.node(key)?.mark?.line).map { $0 + 1 }, field: key, message: message)
        }
        let session = try InstrumentParser.identifier(header, "session")
        let date = try header.string("date")
        guard isISODate(date) else { throw headerError("date", "expected a date as YYYY-MM-DD, found '\(date)'") }
        let participants = try header.int("participants")
        guard (1...50).contains(participants) else { throw headerError("participants", "expected 1 to 50 participants, found \(participants)") }
        let consentValues = try header.strings("consent_quote")
        let consent: QuoteConsent
        switch consentValues.map({ $0.lowercased() }) {
        case ["all"]: consent = .all
        case [], ["none"]: consent = .none
        default:
            for label in consentValues where participantNumber(label) == nil {
                throw headerError("consent_quote", "'\(label)' is not a participant label such as P1")
            }
            consent = .participants(Set(consentValues))
        }
        var turns: [Turn] = []
        for index in (close + 1)..<lines.count {
            let raw = lines[index]
            let lineNumber = index + 1
            let trimmed = raw.trimmingWhitespace()
            if trimmed.isEmpty || (turns.isEmpty && trimmed.hasPrefix("#")) { continue }
            if let (speaker, rest) = speakerTurn(trimmed) {
                if let n = participantNumber(speaker), n > participants {
                    throw SurveyFileError(file: file, line: lineNumber, field: "speaker",
                                          message: "\(speaker) speaks, but the header says there were \(participants) participants")
                }
                turns.append(Turn(speaker: speaker, text: rest, line: lineNumber, number: turns.count + 1))
            } else if !turns.isEmpty {
                turns[turns.count - 1].text += (turns[turns.count - 1].text.isEmpty ? "" : "\n") + trimmed
            } else {
                throw SurveyFileError(file: file, line: lineNumber,
                                      message: "text before the first speaker turn; start turns with 'Facilitator:' or 'P<number>:'")
            }
        }
        guard turns.contains(where: { !$0.isFacilitator }) else {
            throw SurveyFileError(file: file, message: "has no participant turns")
        }
        return Transcript(session: session, date: date, borough: try header.string("borough"),
                          groupType: try header.string("group_type"), participants: participants,
                          consent: consent, turns: turns)
    }

    /// `Facilitator: text` or `P12: text` (also `**P12:**` as Markdown bold) → (speaker, text).
    static func speakerTurn(_ line: String) -> (String, String)? {
        var body = Substring(line)
        let bold = body.hasPrefix("**")
        if bold { body = body.dropFirst(2) }
        guard let colon = body.firstIndex(of: ":") else { return nil }
        let label = String(body[..<colon])
        guard label == "Facilitator" || participantNumber(label) != nil else { return nil }
        var rest = body[body.index(after: colon)...]
        if bold, rest.hasPrefix("**") { rest = rest.dropFirst(2) }
        return (label, rest.trimmingWhitespace())
    }

    static func participantNumber(_ label: String) -> Int? {
        guard label.first == "P", let n = Int(label.dropFirst()), n > 0, label.count <= 4 else { return nil }
        return n
    }

    static func isISODate(_ text: String) -> Bool {
        let parts = text.split(separator: "-")
        guard parts.count == 3, parts[0].count == 4, let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]),
              parts[1].count == 2, parts[2].count == 2
        else { return false }
        return (1900...2100).contains(y) && (1...12).contains(m) && (1...31).contains(d)
    }
}
