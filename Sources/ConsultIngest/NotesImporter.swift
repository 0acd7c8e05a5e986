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
        let context = try importContext(survey: survey, file: paths.first ?? "")
        var prepared: [PreparedNotes] = []
        var sessions: [String: String] = [:]
        for path in try Self.files(in: paths) {
            let item = try prepare(try readBytes(path), name: path, context: context, options: options)
            if let other = sessions[item.session] {
                throw SurveyFileError(file: path, field: "session", message: "session id '\(item.session)' is also used by \(other)")
            }
            sessions[item.session] = path
            prepared.append(item)
        }
        return try prepared.map { try save($0, instrument: context.instrument, options: options) }
    }

    /// Imports one transcript held in memory (a request to `consult serve`) exactly as the same bytes
    /// in a file would be imported; `name` stands for the file in messages and the batch record.
    public func importTranscript(_ bytes: [UInt8], name: String, survey: String, options: ImportOptions) throws -> ImportOutcome {
        let context = try importContext(survey: survey, file: name)
        return try save(try prepare(bytes, name: name, context: context, options: options), instrument: context.instrument, options: options)
    }

    /// One transcript, parsed and checked, ready to store.
    private struct PreparedNotes {
        var path: String
        var session: String
        var source: ImportSource
        var respondents: [PreparedRespondent]
        var turns: Int
    }

    /// - Throws: `ImportError` when `survey` is not a focus-group protocol.
    private func importContext(survey: String, file: String) throws -> (instrument: Instrument, boroughs: [AnswerOption]) {
        let instrument = try store.instrument(survey)
        guard instrument.kind == .focusGroup else {
            throw ImportError(file: file, message: "'\(survey)' is a survey; import its responses with `consult import responses`")
        }
        return (instrument, try store.optionSet("borough") ?? [])
    }

    private func prepare(_ bytes: [UInt8], name path: String, context: (instrument: Instrument, boroughs: [AnswerOption]),
                         options: ImportOptions) throws -> PreparedNotes {
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw SurveyFileError(file: path, message: "is not UTF-8 text; save it as UTF-8 and try again")
        }
        let transcript = try Transcript.parse(text, file: path)
        let (session, respondents) = try participants(of: transcript, file: path, instrument: context.instrument, boroughs: context.boroughs)
        let source = ImportSource(instrument: context.instrument, kind: "notes", sourceName: (path as NSString).lastPathComponent,
                                  sha256: sha256Hex(of: bytes), importedBy: options.importedBy, session: session)
        return PreparedNotes(path: path, session: transcript.session, source: source, respondents: respondents, turns: transcript.participantTurns.count)
    }

    /// Stores one prepared transcript in its own batch (or recognises it as imported before).
    private func save(_ item: PreparedNotes, instrument: Instrument, options: ImportOptions) throws -> ImportOutcome {
        let redactions = item.respondents.reduce(0) { $0 + $1.redactions }
        if options.dryRun {
            return ImportOutcome(file: item.path, result: .checked, rowsRead: item.turns, rejected: [], redactions: redactions)
        }
        if let earlier = try store.batch(instrument: instrument.id, sha256: item.source.sha256) {
            return ImportOutcome(file: item.path, result: .alreadyImported(earlier), rowsRead: earlier.rowsRead, rejected: [], redactions: 0)
        }
        try store.checkKeyFingerprint(pseudonymiser.fingerprint)
        let batch = try store.save(item.source) { emit in
            try item.respondents.forEach(emit)
            return ImportTally(rowsRead: item.turns, rowsRejected: 0)
        }
        return ImportOutcome(file: item.path, result: .imported(batch), rowsRead: item.turns, rejected: [], redactions: redactions)
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
