import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import ZIPFoundation

/// An .xlsx workbook (Office Open XML spreadsheet) opened for reading its sheets row by row.
///
/// What is read when it is opened: the sheet names and where their parts are, the date epoch,
/// which cell styles are dates (from their number formats), and the shared strings (cells refer to
/// them by index, so they must be at hand; they are streamed in, not parsed as one document).
/// Sheets themselves are streamed by `SheetReader`. Formulas give their cached values.
public final class Workbook {
    public let path: String
    /// The sheet names in workbook order.
    public let sheetNames: [String]
    let archive: Archive
    let sheetParts: [String: String]
    let sharedStrings: [String]
    /// Per cell style index: the number format's kind.
    let styleKinds: [NumberKind]
    let date1904: Bool

    /// How a numeric cell is shown, decided by its style's number format.
    enum NumberKind: Sendable, Equatable {
        case number
        /// Date and time of day: `yyyy-mm-ddThh:mm:ss` (a whole day: `yyyy-mm-dd`).
        case date
        /// Time of day only: `hh:mm:ss`.
        case time
    }

    /// Opens `path`.
    ///
    /// - Throws: `WorkbookError` when the file is missing, is not a zip archive (or is truncated),
    ///   is a zip archive but not a workbook, or has a malformed part.
    public init(path: String) throws {
        self.path = path
        guard FileManager.default.fileExists(atPath: path) else { throw WorkbookError(file: path, message: "no such file") }
        let archive: Archive
        do {
            archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .read)
        } catch {
            throw WorkbookError(file: path, message: "is not a readable .xlsx workbook (not a zip archive, or truncated: \(error)); re-save it from the survey tool or Excel")
        }
        self.archive = archive
        guard let workbookXML = try Self.part(archive, "xl/workbook.xml", file: path) else {
            throw WorkbookError(file: path, message: "is a zip archive but not an Excel workbook (it has no xl/workbook.xml)")
        }
        let workbook = try WorkbookPart.parse(workbookXML, file: path)
        let relations = try Self.part(archive, "xl/_rels/workbook.xml.rels", file: path).map { try RelationshipsPart.parse($0, file: path) } ?? [:]
        var parts: [String: String] = [:]
        for sheet in workbook.sheets {
            guard let target = relations[sheet.relation] else {
                throw WorkbookError(file: path, sheet: sheet.name, message: "is listed in the workbook but its part is missing (relationship \(sheet.relation))")
            }
            parts[sheet.name] = target.hasPrefix("/") ? String(target.dropFirst()) : "xl/" + target
        }
        sheetNames = workbook.sheets.map(\.name)
        sheetParts = parts
        date1904 = workbook.date1904
        styleKinds = try Self.part(archive, "xl/styles.xml", file: path).map { try StylesPart.parse($0, file: path) } ?? []
        sharedStrings = try Self.sharedStrings(archive, file: path)
    }

    /// The rows of sheet `name`, or of the first sheet when `name` is nil.
    ///
    /// - Throws: `WorkbookError` naming the sheets there are, when there is no such sheet.
    public func rows(sheet name: String? = nil) throws -> SheetReader {
        guard let sheet = name ?? sheetNames.first else { throw WorkbookError(file: path, message: "has no sheets") }
        guard let part = sheetParts[sheet], let entry = archive[part] else {
            if sheetParts[sheet] != nil { throw WorkbookError(file: path, sheet: sheet, message: "is listed in the workbook but its part is missing") }
            throw WorkbookError(file: path, sheet: sheet, message: "no such sheet; the workbook has \(sheetNames.map { "'\($0)'" }.joined(separator: ", "))")
        }
        return SheetReader(workbook: self, sheet: sheet, chunks: EntryChunks(archive: archive, entry: entry))
    }

    /// A small part's bytes, or nil if the archive has no such part.
    static func part(_ archive: Archive, _ path: String, file: String) throws -> Data? {
        guard let entry = archive[path] else { return nil }
        var data = Data()
        do {
            _ = try archive.extract(entry, skipCRC32: false) { data.append($0) }
        } catch {
            throw WorkbookError(file: file, message: "part \(path) cannot be read (truncated or damaged file: \(error))")
        }
        return data
    }

    /// The shared-string table, streamed: each `<si>` is one string, the text of all its `<t>` runs.
    static func sharedStrings(_ archive: Archive, file: String) throws -> [String] {
        guard let entry = archive["xl/sharedStrings.xml"] else { return [] }
        let chunks = EntryChunks(archive: archive, entry: entry)
        var scanner = XMLPullScanner(nextChunk: chunks.next)
        var strings: [String] = []
        var current: String?
        var inText = false
        var inPhonetic = false
        do {
            while let token = try scanner.next() {
                switch token {
                case .start("si", _, let selfClosing):
                    if selfClosing { strings.append("") } else { current = "" }
                case .end("si"):
                    strings.append(current ?? "")
                    current = nil
                case .start("rPh", _, let selfClosing): inPhonetic = !selfClosing
                case .end("rPh"): inPhonetic = false
                case .start("t", _, let selfClosing): inText = !selfClosing
                case .end("t"): inText = false
                case .text(let text) where inText && !inPhonetic: current? += text
                default: break
                }
            }
        } catch let error as XMLPullScanner.Malformed {
            throw WorkbookError(file: file, message: "shared strings are malformed: \(error.message)")
        } catch {
            throw WorkbookError(file: file, message: "shared strings cannot be read (truncated or damaged file: \(error))")
        }
        return strings
    }
}

/// The bytes of one zip entry, decompressed on a second thread and handed over in chunks through a
/// small bounded queue (ZIPFoundation pushes chunks to a closure; the readers here pull), so a
/// sheet of any size is never held whole. Stopping early (`cancel`, or the reader going away) ends
/// the decompression.
final class EntryChunks: @unchecked Sendable {
    private let condition = NSCondition()
    private var queue: [[UInt8]] = []
    private var finished = false
    private var failure: (any Error)?
    private var cancelled = false
    private static let depth = 4

    private struct Cancelled: Error {}
    private struct ArchiveBox: @unchecked Sendable {
        let archive: Archive
        let entry: Entry
    }

    init(archive: Archive, entry: Entry) {
        let box = ArchiveBox(archive: archive, entry: entry)
        let thread = Thread { [self] in
            do {
                _ = try box.archive.extract(box.entry, bufferSize: 1 << 16, skipCRC32: false) { data in try self.put([UInt8](data)) }
                finish(nil)
            } catch {
                finish(error)
            }
        }
        thread.start()
    }

    deinit { cancel() }

    /// The next chunk, nil at the end; rethrows what stopped the decompression.
    func next() throws -> [UInt8]? {
        condition.lock()
        defer { condition.unlock() }
        while queue.isEmpty && !finished { condition.wait() }
        if !queue.isEmpty {
            let chunk = queue.removeFirst()
            condition.broadcast()
            return chunk
        }
        if let failure { throw failure }
        return nil
    }

    /// Stops the decompression thread at its next chunk.
    func cancel() {
        condition.lock()
        cancelled = true
        condition.broadcast()
        condition.unlock()
    }

    private func put(_ chunk: [UInt8]) throws {
        condition.lock()
        defer { condition.unlock() }
        while queue.count >= Self.depth && !cancelled { condition.wait() }
        if cancelled { throw Cancelled() }
        queue.append(chunk)
        condition.broadcast()
    }

    private func finish(_ error: (any Error)?) {
        condition.lock()
        finished = true
        failure = error is Cancelled ? nil : error
        condition.broadcast()
        condition.unlock()
    }
}
