import ConsultStore
import Digests
import FileReading
import Foundation
import PersonalData
import SurveyExports

/// How an import should treat problems.
public struct ImportOptions: Sendable {
    /// Validate and count, write nothing.
    public var dryRun = false
    /// Store the valid rows and write the rejected ones to `rejectsPath` (default: refuse the whole file).
    public var acceptValid = false
    public var rejectsPath: String?
    /// Who ran the import, for the batch record.
    public var importedBy: String
    /// Convert text that is not UTF-8 (default) or refuse it.
    public var encoding: InputEncoding
    /// Headers the importer cannot match on its own (`--mapping FILE`).
    public var mapping: HeaderMapping
    /// The file's format; nil: implied by its extension.
    public var format: InputFormat?
    /// The field separator of a delimited file; nil: detected (`CSVDialect`).
    public var delimiter: UInt8?
    /// The worksheet of a workbook; nil: the first.
    public var sheet: String?
    /// Also import responses the tool marks unfinished (Qualtrics `Finished` 0, LimeSurvey no `Date submitted`).
    public var includePartial = false
    /// Also tell what became of each response (`ImportOutcome.lines`): for `consult serve`, which
    /// joins submissions that arrive together into one import and answers each from its own lines.
    public var reportsLines = false
    public init(dryRun: Bool = false, acceptValid: Bool = false, rejectsPath: String? = nil, importedBy: String,
                encoding: InputEncoding = .detect, mapping: HeaderMapping = .none, format: InputFormat? = nil) {
        self.dryRun = dryRun
        self.acceptValid = acceptValid
        self.rejectsPath = rejectsPath
        self.importedBy = importedBy
        self.encoding = encoding
        self.mapping = mapping
        self.format = format
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
    /// The file was not UTF-8 and was converted (recorded with the batch, printed with the outcome).
    public var conversion: EncodingConversion? = nil
    /// Lines of responses whose source id was imported before with different content: reported and
    /// left as they were, never merged or duplicated.
    public var changedLines: [Int] = []
    /// How a tabular file was read (tool, dialect, sheet, columns dropped); nil for JSON Lines.
    public var reading: TabularReading? = nil
    /// Rows the tool marks as not real or unfinished, not imported, by reason.
    public var skipped: [String: Int] = [:]
    /// With `ImportOptions.reportsLines`: each stored, duplicate, changed or erased response by its line.
    public var lines: [ImportedLine] = []
}

/// Imports survey exports (CSV or JSON Lines): read → match headers → validate → redact →
/// pseudonymise → store, all or nothing.
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

    /// Imports one export (CSV or JSON Lines) of survey `survey`.
    ///
    /// - Parameter progress: called every 1,000 rows read (for a terminal display).
    /// - Throws: `SurveyFileError` for unreadable or malformed files, `UnmatchedColumns` for headers
    ///   that match nothing, `ImportError` when rows fail validation (unless `acceptValid`),
    ///   `StoreError` for an unknown survey id; the database is unchanged in every case.
    public func importFile(_ path: String, survey: String, options: ImportOptions,
                           progress: (ImportProgress) -> Void = { _ in }) throws -> ImportOutcome {
        try run(file: path, sourceName: (path as NSString).lastPathComponent, sha: try fileSHA256(path), survey: survey, options: options,
                progress: progress) { matcher in
            try responseSource(path, format: options.format ?? InputFormat.implied(by: path), options: options, matcher: matcher)
        }
    }

    /// Imports responses held in memory (a request to `consult serve`) exactly as a file of the same
    /// bytes would be imported: same validation, redaction, pseudonyms, duplicate and change handling,
    /// batch record and audit. `name` stands for the file in messages and in the batch record.
    ///
    /// - Parameter format: how to read `bytes` (JSON Lines for the API; CSV; a workbook is refused).
    public func importBytes(_ bytes: [UInt8], name: String, format: InputFormat, survey: String, options: ImportOptions) throws -> ImportOutcome {
        try run(file: name, sourceName: name, sha: sha256Hex(of: bytes), survey: survey, options: options, progress: { _ in }) { matcher in
            switch format {
            case .jsonl: JSONLResponses(reader: JSONLinesReader(bytes: bytes, name: name, encoding: options.encoding), matcher: matcher)
            case .csv: try CSVResponses(bytes: bytes, name: name, options: options, matcher: matcher)
            case .xlsx: throw ImportError(file: name, message: "a workbook cannot be sent in a request; send CSV or JSON Lines")
            }
        }
    }

    /// The import itself, whatever the responses come from: `open` makes their source once the
    /// instrument's header matcher is known.
    private func run(file path: String, sourceName: String, sha: String, survey: String, options: ImportOptions,
                     progress: (ImportProgress) -> Void, open: (HeaderMatcher) throws -> any ResponseSource) throws -> ImportOutcome {
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
        let matcher = try HeaderMatcher(instrument: instrument, mapping: options.mapping)
        var source = try open(matcher)
        var rows = RowValidation(preparer: try SurveyRowPreparer(instrument: instrument, file: path, redactor: redactor, pseudonymiser: pseudonymiser),
                                 redactor: redactor)
        let started = ContinuousClock.now
        /// Reads every row, handing on the valid ones; refuses the file if rows were rejected and
        /// the options do not accept that.
        func readAll(_ accept: (PreparedRespondent) throws -> Void) throws -> ImportTally {
            while let response = try source.next() {
                if let respondent = rows.take(response) { try accept(respondent) }
                if rows.read % 1_000 == 0 {
                    progress(ImportProgress(rows: rows.read, bytesRead: source.bytesRead, totalBytes: source.totalBytes, elapsed: ContinuousClock.now - started))
                }
            }
            guard rows.read > 0 else { throw SurveyFileError(file: path, message: "has no responses") }
            if !rows.rejected.isEmpty && !options.acceptValid && !options.dryRun { throw ImportError.rejected(rows.rejected, file: path) }
            return ImportTally(rowsRead: rows.read, rowsRejected: rows.rejected.count, convertedFrom: source.conversion?.summary,
                               rejects: rows.rejections.map(\.record))
        }
        if options.dryRun {
            _ = try readAll { _ in }
            return ImportOutcome(file: path, result: .checked, rowsRead: rows.read, rejected: rows.rejected, redactions: rows.redactions,
                                 conversion: source.conversion, reading: source.reading, skipped: source.skipped)
        }
        try store.checkKeyFingerprint(pseudonymiser.fingerprint)
        let importSource = ImportSource(instrument: instrument, kind: "responses", sourceName: sourceName, sha256: sha, importedBy: options.importedBy)
        let (batch, lines) = options.reportsLines ? try store.saveReportingLines(importSource, readAll) : (try store.save(importSource, readAll), [])
        if let rejectsPath = options.rejectsPath { try RejectsFile.write(rows.rejections, to: rejectsPath, source: path) }
        return ImportOutcome(file: path, result: .imported(batch), rowsRead: rows.read, rejected: rows.rejected, redactions: rows.redactions,
                             conversion: source.conversion, changedLines: try store.changedLines(batch: batch.id), reading: source.reading,
                             skipped: source.skipped, lines: lines)
    }
}
