/// One row of a worksheet: its row number (as Excel numbers it) and its cells as text, blank where
/// a cell is absent, at least as wide as the sheet's first row.
public struct SheetRow: Sendable, Equatable {
    public var number: Int
    public var cells: [String]
    public init(number: Int, cells: [String]) {
        self.number = number
        self.cells = cells
    }
}

/// The rows of one worksheet, streamed from the archive: shared strings, inline strings, numbers
/// (whole numbers without a decimal point), booleans (`TRUE`/`FALSE`), errors as written, formulas'
/// cached values, and numbers styled as dates as ISO 8601 (`2025-01-15T21:53:05`). Rows with no
/// cells are skipped, like blank lines in a CSV file. Trailing blank cells past the first row's
/// width are dropped (styles often reach further than the data).
public final class SheetReader {
    public let sheet: String
    private let workbook: Workbook
    private let chunks: EntryChunks
    private var scanner: XMLPullScanner
    private var width = 0
    private var lastRow = 0

    init(workbook: Workbook, sheet: String, chunks: EntryChunks) {
        self.workbook = workbook
        self.sheet = sheet
        self.chunks = chunks
        self.scanner = XMLPullScanner(nextChunk: chunks.next)
    }

    deinit { chunks.cancel() }

    /// The next row with at least one cell, or nil at the end of the sheet.
    ///
    /// - Throws: `WorkbookError` naming the file, sheet, row and column of a malformed or damaged cell.
    public func next() throws -> SheetRow? {
        var cells: [String] = []
        var rowNumber: Int?
        var cell: (column: Int, type: String, style: Int, reference: String)?
        var value: String?
        var inValue = false
        var inlineText: String?
        var inInlineT = false
        do {
            while let token = try scanner.next() {
                switch token {
                case .start("row", let attributes, let selfClosing):
                    rowNumber = attributes["r"].flatMap(Int.init) ?? lastRow + 1
                    cells = []
                    if selfClosing { lastRow = rowNumber!; rowNumber = nil }
                case .end("row"):
                    guard let number = rowNumber else { continue }
                    lastRow = number
                    rowNumber = nil
                    while cells.count > width && cells.last == "" { cells.removeLast() }
                    if cells.allSatisfy(\.isEmpty) && !cells.isEmpty && width > 0 { continue }
                    if cells.isEmpty { continue }
                    if width == 0 { width = cells.count }
                    if cells.count < width { cells += Array(repeating: "", count: width - cells.count) }
                    return SheetRow(number: number, cells: cells)
                case .start("c", let attributes, let selfClosing):
                    let reference = attributes["r"] ?? ""
                    let column = Self.columnIndex(reference) ?? cells.count
                    cell = (column, attributes["t"] ?? "n", attributes["s"].flatMap(Int.init) ?? 0, reference)
                    value = nil
                    inlineText = nil
                    if selfClosing { cell = nil }
                case .end("c"):
                    guard let current = cell else { continue }
                    let text = try render(value: value, inline: inlineText, type: current.type, style: current.style,
                                          row: rowNumber ?? lastRow + 1, reference: current.reference)
                    if current.column >= cells.count { cells += Array(repeating: "", count: current.column - cells.count + 1) }
                    cells[current.column] = text
                    cell = nil
                case .start("v", _, let selfClosing): inValue = !selfClosing; if cell != nil && value == nil { value = "" }
                case .end("v"): inValue = false
                case .start("is", _, _): inlineText = ""
                case .start("t", _, let selfClosing) where inlineText != nil: inInlineT = !selfClosing
                case .end("t"): inInlineT = false
                case .text(let text):
                    if inValue { value? += text } else if inInlineT { inlineText? += text }
                default: break
                }
            }
        } catch let error as XMLPullScanner.Malformed {
            throw WorkbookError(file: workbook.path, sheet: sheet, row: rowNumber ?? lastRow + 1, column: cell.map { Self.letters($0.reference) },
                                message: "is malformed XML: \(error.message)")
        } catch let error as WorkbookError {
            throw error
        } catch {
            throw WorkbookError(file: workbook.path, sheet: sheet, row: rowNumber ?? lastRow + 1,
                                message: "cannot be read (truncated or damaged file: \(error))")
        }
        if rowNumber != nil { throw WorkbookError(file: workbook.path, sheet: sheet, row: rowNumber, message: "ends inside a row (truncated sheet)") }
        return nil
    }

    private func render(value: String?, inline: String?, type: String, style: Int, row: Int, reference: String) throws -> String {
        func bad(_ message: String) -> WorkbookError {
            WorkbookError(file: workbook.path, sheet: sheet, row: row, column: Self.letters(reference), message: message)
        }
        switch type {
        case "s":
            guard let raw = value?.trimmingCharacters(), let index = Int(raw) else { return "" }
            guard workbook.sharedStrings.indices.contains(index) else { throw bad("refers to shared string \(index), but the workbook has \(workbook.sharedStrings.count)") }
            return workbook.sharedStrings[index]
        case "inlineStr": return inline ?? value ?? ""
        case "str", "e", "d": return value ?? ""
        case "b": return value.map { $0.trimmingCharacters() == "1" ? "TRUE" : "FALSE" } ?? ""
        default:
            guard let raw = value?.trimmingCharacters(), !raw.isEmpty else { return "" }
            guard let number = Double(raw) else { throw bad("holds '\(raw)', which is not a number") }
            let kind = workbook.styleKinds.indices.contains(style) ? workbook.styleKinds[style] : .number
            switch kind {
            case .date: return ExcelDate.iso(serial: number, date1904: workbook.date1904, timeOnly: false)
            case .time: return ExcelDate.iso(serial: number, date1904: workbook.date1904, timeOnly: number < 1)
            case .number:
                if number == number.rounded(), abs(number) < 1e15 { return String(Int64(number)) }
                return raw
            }
        }
    }

    /// `AB12` → 27 (0-based column), nil for a reference without letters.
    static func columnIndex(_ reference: String) -> Int? {
        var index = 0
        var any = false
        for ch in reference.utf8 {
            guard ch >= 0x41 && ch <= 0x5A else { break }
            index = index * 26 + Int(ch - 0x40)
            any = true
        }
        return any ? index - 1 : nil
    }

    static func letters(_ reference: String) -> String { String(reference.prefix { $0.isLetter }) }
}

/// Excel date serials: days since 1899-12-30 (or 1904-01-01), the fraction the time of day.
enum ExcelDate {
    static func iso(serial: Double, date1904: Bool, timeOnly: Bool) -> String {
        let seconds = Int64((serial * 86_400).rounded())
        let days = Int(seconds.quotientAndRemainder(dividingBy: 86_400).quotient) - (seconds < 0 && seconds % 86_400 != 0 ? 1 : 0)
        let secondOfDay = Int(seconds - Int64(days) * 86_400)
        let clock = "\(pad(secondOfDay / 3600)):\(pad(secondOfDay / 60 % 60)):\(pad(secondOfDay % 60))"
        if timeOnly { return clock }
        let (y, m, d) = civil(fromDays: days - (date1904 ? 24_107 : 25_569))
        let date = "\(y)-\(pad(m))-\(pad(d))"
        return secondOfDay == 0 ? date : "\(date)T\(clock)"
    }

    /// Days since 1970-01-01 → (year, month, day), proleptic Gregorian (Howard Hinnant's algorithm).
    static func civil(fromDays z0: Int) -> (Int, Int, Int) {
        let z = z0 + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }

    private static func pad(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
}
