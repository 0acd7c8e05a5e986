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
///
/// The file is read twice, both times in 1 MiB chunks: once to hash it (an identical file already
/// imported is recognised before anything else happens), once to stream its rows into the database.
/// Memory stays flat except for the set of respondent ids seen, which finds repeats within the file.
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
        let sha = try fileSHA256(path)
        let instrument = try store.instrument(survey)
        guard instrument.kind == .survey else {
            throw ImportError(file: path, message: "'\(survey)' is a focus-group protocol; import its notes with `consult import notes`")
        }
        if options.acceptValid && options.rejectsPath == nil {
            throw ImportError(file: path, message: "--accept-valid needs --rejects FILE, so that no row is dropped without a record")
        }
        if !options.dryRun, let earlier = try store.batch(instrument: instrument.id, sha256: sha) {
            return ImportOutcome(file: path, result: .alreadyImported(earlier), rowsRead: earlier.rowsRead, rejected: [], redactions: 0)
        }
        var reader = try CSVReader(path: path)
        guard let header = try reader.next() else { throw SurveyFileError(file: path, message: "is empty (no header row)") }
        var rows = RowValidation(preparer: try SurveyRowPreparer(instrument: instrument, header: header, file: path,
                                                                 redactor: redactor, pseudonymiser: pseudonymiser))
        /// Reads every row, handing on the valid ones; refuses the file if rows were rejected and
        /// the options do not accept that.
        func readAll(_ accept: (PreparedRespondent) throws -> Void) throws -> ImportTally {
            while let record = try reader.next() {
                if let respondent = rows.take(record) { try accept(respondent) }
                if rows.read % 10_000 == 0 { progress(rows.read) }
            }
            guard rows.read > 0 else { throw SurveyFileError(file: path, line: header.line, message: "has a header but no responses") }
            if !rows.rejected.isEmpty && !options.acceptValid && !options.dryRun { throw ImportError.rejected(rows.rejected, file: path) }
            return ImportTally(rowsRead: rows.read, rowsRejected: rows.rejected.count)
        }
        if options.dryRun {
            _ = try readAll { _ in }
            return ImportOutcome(file: path, result: .checked, rowsRead: rows.read, rejected: rows.rejected, redactions: rows.redactions)
        }
        try store.checkKeyFingerprint(pseudonymiser.fingerprint)
        let batch = try store.save(ImportSource(instrument: instrument, kind: "responses", sourceName: (path as NSString).lastPathComponent,
                                                sha256: sha, importedBy: options.importedBy), readAll)
        if let rejectsPath = options.rejectsPath { try RejectsFile.write(rows.rejected, to: rejectsPath, source: path) }
        return ImportOutcome(file: path, result: .imported(batch), rowsRead: rows.read, rejected: rows.rejected, redactions: rows.redactions)
    }
}

/// Row-by-row validation state of one file: counts, rejections, and the respondent ids seen so far.
struct RowValidation {
    let preparer: SurveyRowPreparer
    private(set) var read = 0
    private(set) var rejected: [RejectedRow] = []
    private(set) var redactions = 0
    private var firstLine: [String: Int] = [:]

    init(preparer: SurveyRowPreparer) {
        self.preparer = preparer
    }

    /// The prepared respondent of `record`, or nil when the row is rejected (and recorded).
    mutating func take(_ record: CSVRecord) -> PreparedRespondent? {
        read += 1
        if let id = preparer.sourceID(of: record) {
            if let earlier = firstLine[id] {
                rejected.append(RejectedRow(line: record.line, field: preparer.instrument.idColumn, reason: "repeats the respondent id of line \(earlier)"))
                return nil
            }
            firstLine[id] = record.line
        }
        switch preparer.prepare(record) {
        case .success(let respondent):
            redactions += respondent.redactions
            return respondent
        case .failure(let rejection):
            rejected.append(rejection)
            return nil
        }
    }
}
