import ConsultStore
import ConsultationModel
import Digests
import FileReading
import Foundation
import PersonalData
import SurveyExports

/// Imports focus-group transcripts (Markdown, see `Transcript`): each participant of a session becomes a
/// pseudonymised respondent, each participant turn a redacted segment whose `question` is the session id.
public struct NotesImporter {
    let store: Store
    let pseudonymiser: Pseudonymiser
    let redactor = Redactor()

    public init(store: Store, pseudonymiser: Pseudonymiser) {
        self.store = store
        self.pseudonymiser = pseudonymiser
    }

    /// The transcript files named by `paths`: files as given, directories expanded to their `*.md` files
    /// (sorted, not recursive).
    public static func files(in paths: [String]) throws -> [String] {
        var files: [String] = []
        for path in paths {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                throw SurveyFileError(file: path, message: "no such file or directory")
            }
            if isDirectory.boolValue {
                let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
                let found = names.filter { $0.hasSuffix(".md") && $0.lowercased() != "readme.md" }.sorted()
                guard !found.isEmpty else { throw SurveyFileError(file: path, message: "holds no .md transcripts") }
                files += found.map { (path as NSString).appendingPathComponent($0) }
            } else {
                files.append(path)
            }
        }
        return files
    }

    /// Imports every transcript under `paths` for focus-group protocol `survey`.
    ///
    /// All files are parsed and checked before anything is stored, so one bad transcript stops the
    /// whole import with its file and line; each file is then stored in its own batch.
    public func importNotes(_ paths: [String], survey: String, options: ImportOptions) throws -> [ImportOutcome] {
        let instrument = try store.instrument(survey)
        guard instrument.kind == .focusGroup else {
            throw ImportError(file: paths.first ?? "", message: "'\(survey)' is a survey; import its responses with `consult import responses`")
        }
        let boroughs = try store.optionSet("borough") ?? []
        var prepared: [(path: String, source: ImportSource, respondents: [PreparedRespondent], turns: Int)] = []
        var sessions: [String: String] = [:]
        for path in try Self.files(in: paths) {
            let bytes = try readBytes(path)
            guard let text = String(validating: bytes, as: UTF8.self) else {
                throw SurveyFileError(file: path, message: "is not UTF-8 text; save it as UTF-8 and try again")
            }
            let transcript = try Transcript.parse(text, file: path)
            if let other = sessions[transcript.session] {
                throw SurveyFileError(file: path, field: "session", message: "session id '\(transcript.session)' is also used by \(other)")
            }
            sessions[transcript.session] = path
            let (session, respondents) = try participants(of: transcript, file: path, instrument: instrument, boroughs: boroughs)
            let source = ImportSource(instrument: instrument, kind: "notes", sourceName: (path as NSString).lastPathComponent,
                                      sha256: sha256Hex(of: bytes), importedBy: options.importedBy, session: session)
            prepared.append((path, source, respondents, transcript.participantTurns.count))
        }
        var outcomes: [ImportOutcome] = []
        for item in prepared {
            let redactions = item.respondents.reduce(0) { $0 + $1.redactions }
            if options.dryRun {
                outcomes.append(ImportOutcome(file: item.path, result: .checked, rowsRead: item.turns, rejected: [], redactions: redactions))
            } else if let earlier = try store.batch(instrument: instrument.id, sha256: item.source.sha256) {
                outcomes.append(ImportOutcome(file: item.path, result: .alreadyImported(earlier), rowsRead: earlier.rowsRead, rejected: [], redactions: 0))
            } else {
                try store.checkKeyFingerprint(pseudonymiser.fingerprint)
                let batch = try store.save(item.source) { emit in
                    try item.respondents.forEach(emit)
                    return ImportTally(rowsRead: item.turns, rowsRejected: 0)
                }
                outcomes.append(ImportOutcome(file: item.path, result: .imported(batch), rowsRead: item.turns, rejected: [], redactions: redactions))
            }
        }
        return outcomes
    }

    /// The session (borough and group type normalised to option values) and one respondent per
    /// participant who spoke, with their turns as redacted segments.
    private func participants(of transcript: Transcript, file: String, instrument: Instrument,
                              boroughs: [AnswerOption]) throws -> (Transcript, [PreparedRespondent]) {
        let boroughQuestion = Question(id: "borough", type: .single, wording: "", options: boroughs)
        guard let borough = boroughQuestion.option(matching: transcript.borough) else {
            throw SurveyFileError(file: file, field: "borough", message: "'\(transcript.borough)' is not a London borough (name or ONS code)")
        }
        let groupQuestion = Question(id: "group_type", type: .single, wording: "", options: instrument.groupTypes)
        guard let groupType = groupQuestion.option(matching: transcript.groupType) else {
            throw SurveyFileError(file: file, field: "group_type",
                                  message: "'\(transcript.groupType)' is not a group type of '\(instrument.id)' (\(instrument.groupTypes.map(\.value).joined(separator: ", ")))")
        }
        var normalised = transcript
        normalised.borough = borough.value
        normalised.groupType = groupType.value
        var bySpeaker: [String: PreparedRespondent] = [:]
        var order: [String] = []
        for turn in transcript.participantTurns {
            if bySpeaker[turn.speaker] == nil {
                order.append(turn.speaker)
                bySpeaker[turn.speaker] = PreparedRespondent(
                    pseudonym: pseudonymiser.pseudonym(scope: instrument.id, sourceID: "\(transcript.session)/\(turn.speaker)"),
                    quoteConsent: transcript.consent.allows(turn.speaker), submittedAt: transcript.date, mode: "focus_group",
                    answers: [.init(question: "borough", value: borough.value), .init(question: "group_type", value: groupType.value)])
            }
            let redacted = redactor.redact(turn.text)
            bySpeaker[turn.speaker]?.segments.append(.init(question: transcript.session, position: turn.number,
                                                           text: redacted.text, redactions: redacted.total))
        }
        return (normalised, order.compactMap { bySpeaker[$0] })
    }
}
