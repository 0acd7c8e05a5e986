import ConsultCore
import ConsultStore
import Foundation

/// How an import should treat problems.
public struct ImportOptions: Sendable {
    /// Validate and count, write nothing.
    public var dryRun = false
    /// Store the valid rows and write the rejected ones to `rejectsPath` (default: refuse the whole file).
    public var acceptValid = false
    public var rejectsPath: String?
    /// Who ran the import, for the batch record.
    public var importedBy: String
    public init(dryRun: Bool = false, acceptValid: Bool = false, rejectsPath: String? = nil, importedBy: String) {
        self.dryRun = dryRun
        self.acceptValid = acceptValid
        self.rejectsPath = rejectsPath
        self.importedBy = importedBy
    }
}

/// What an import did.
public struct ImportOutcome: Sendable {
    public enum Result: Sendable {
        /// Stored as this batch.
        case imported(ImportBatch)
        /// The same file (same SHA-256) was imported before, as this batch; nothing was done.
        case alreadyImported(ImportBatch)
        /// `--dry-run`: nothing was written.
        case checked
    }
    public var file: String
    public var result: Result
    public var rowsRead: Int
    public var rejected: [RejectedRow]
    public var redactions: Int
}

/// Imports survey exports: read → validate → redact → pseudonymise → store, all or nothing.
public struct ResponseImporter {
    let store: Store
    let pseudonymiser: Pseudonymiser
    let redactor = Redactor()

    public init(store: Store, pseudonymiser: Pseudonymiser) {
        self.store = store
        self.pseudonymiser = pseudonymiser
    }

    /// Imports one CSV export of survey `survey`.
    ///
    /// - Parameter progress: called every 10,000 rows read with the count so far (for a terminal display).
    /// - Throws: `SurveyFileError` for unreadable or malformed files, `ImportError` when rows fail
    ///   validation (unless `acceptValid`), `StoreError` for an unknown survey id; the database is
    ///   unchanged in every case.
    public func importFile(_ path: String, survey: String, options: ImportOptions,
                           progress: (Int) -> Void = { _ in }) throws -> ImportOutcome {
        let bytes = try readBytes(path)
        let instrument = try store.instrument(survey)
        guard instrument.kind == .survey else {
            throw ImportError(file: path, message: "'\(survey)' is a focus-group protocol; import its notes with `consult import notes`")
        }
        if options.acceptValid && options.rejectsPath == nil {
            throw ImportError(file: path, message: "--accept-valid needs --rejects FILE, so that no row is dropped without a record")
        }
        let sha = sha256Hex(of: bytes)
        if !options.dryRun, let earlier = try store.batch(instrument: instrument.id, sha256: sha) {
            return ImportOutcome(file: path, result: .alreadyImported(earlier), rowsRead: earlier.rowsRead, rejected: [], redactions: 0)
        }
        var reader = CSVReader(bytes: bytes, name: path)
        guard let header = try reader.next() else { throw SurveyFileError(file: path, message: "is empty (no header row)") }
        let preparer = try SurveyRowPreparer(instrument: instrument, header: header, file: path, redactor: redactor, pseudonymiser: pseudonymiser)
        var respondents: [PreparedRespondent] = []
        var rejected: [RejectedRow] = []
        var firstLine: [String: Int] = [:]
        var rowsRead = 0
        while let record = try reader.next() {
            rowsRead += 1
            if rowsRead % 10_000 == 0 { progress(rowsRead) }
            if let id = preparer.sourceID(of: record) {
                if let earlier = firstLine[id] {
                    rejected.append(RejectedRow(line: record.line, field: instrument.idColumn, reason: "repeats the respondent id of line \(earlier)"))
                    continue
                }
                firstLine[id] = record.line
            }
            switch preparer.prepare(record) {
            case .success(let respondent): respondents.append(respondent)
            case .failure(let rejection): rejected.append(rejection)
            }
        }
        guard rowsRead > 0 else { throw SurveyFileError(file: path, line: header.line, message: "has a header but no responses") }
        let redactions = respondents.reduce(0) { $0 + $1.segments.reduce(0) { $0 + $1.redactions } }
        if !rejected.isEmpty && !options.acceptValid && !options.dryRun { throw ImportError.rejected(rejected, file: path) }
        if options.dryRun {
            return ImportOutcome(file: path, result: .checked, rowsRead: rowsRead, rejected: rejected, redactions: redactions)
        }
        if let rejectsPath = options.rejectsPath { try RejectsFile.write(rejected, to: rejectsPath, source: path) }
        try store.checkKeyFingerprint(pseudonymiser.fingerprint)
        let batch = try store.save(ImportContent(
            instrument: instrument, kind: "responses", sourceName: (path as NSString).lastPathComponent, sha256: sha,
            rowsRead: rowsRead, rowsRejected: rejected.count, importedBy: options.importedBy, respondents: respondents))
        return ImportOutcome(file: path, result: .imported(batch), rowsRead: rowsRead, rejected: rejected, redactions: redactions)
    }
}

/// Reads a whole input file, with the error contract of the importers.
func readBytes(_ path: String) throws -> [UInt8] {
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
        throw SurveyFileError(file: path, message: "no such file")
    }
    guard !isDirectory.boolValue else { throw SurveyFileError(file: path, message: "is a directory, not a file") }
    guard let data = FileManager.default.contents(atPath: path) else {
        throw SurveyFileError(file: path, message: "cannot be read (permission?)")
    }
    return [UInt8](data)
}
