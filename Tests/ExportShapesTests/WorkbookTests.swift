import Foundation
import Testing
import TestSupport
@testable import Workbooks

/// Reading .xlsx sheets: shared and inline strings, numbers, booleans, date serials by number format,
/// absent cells; and one-line errors naming file, sheet, row and column for damaged input.
@Suite struct WorkbookTests {
    static func fixture(_ name: String) -> String { ProjectRoot.path("Tests/Fixtures/shapes/\(name)") }

    func allRows(_ reader: SheetReader) throws -> [SheetRow] {
        var rows: [SheetRow] = []
        while let row = try reader.next() { rows.append(row) }
        return rows
    }

    @Test func inlineStringsNumbersAndDatesAreRead() throws {
        let workbook = try Workbook(path: Self.fixture("msforms.xlsx"))
        #expect(workbook.sheetNames == ["Sheet1"])
        let rows = try allRows(try workbook.rows())
        #expect(rows.count == 41)
        #expect(rows[0].number == 1 && Array(rows[0].cells.prefix(3)) == ["ID", "Start time", "Completion time"])
        #expect(rows[1].cells[0] == "1")
        #expect(rows[1].cells[2] == "2018-08-12T22:47:23")
        #expect(rows[1].cells[5] == "", "an absent cell is blank")
        #expect(rows.allSatisfy { $0.cells.count == rows[0].cells.count })
    }

    @Test func sharedStringsAndNamedSheetsAreRead() throws {
        let workbook = try Workbook(path: Self.fixture("googleforms.xlsx"))
        let rows = try allRows(try workbook.rows(sheet: "Form Responses 1"))
        #expect(rows[0].cells[0] == "Timestamp" && rows[0].cells[1] == "Email Address")
        #expect(rows[1].cells[1] == "planted.person0@example.org")
    }

    @Test func damagedInputIsOneLineNamingWhatIsWrong() throws {
        #expect { try Workbook(path: Self.fixture("truncated.xlsx")) } throws: { error in
            "\(error)".hasPrefix(Self.fixture("truncated.xlsx") + ": is not a readable .xlsx workbook") && !"\(error)".contains("\n")
        }
        #expect { try Workbook(path: Self.fixture("not-a-workbook.zip")) } throws: { error in
            "\(error)" == Self.fixture("not-a-workbook.zip") + ": is a zip archive but not an Excel workbook (it has no xl/workbook.xml)"
        }
        #expect { try Workbook(path: Self.fixture("msforms.xlsx")).rows(sheet: "Responses") } throws: { error in
            "\(error)" == Self.fixture("msforms.xlsx") + ": sheet 'Responses': no such sheet; the workbook has 'Sheet1'"
        }
        #expect { try Workbook(path: "/nonexistent/x.xlsx") } throws: { error in "\(error)" == "/nonexistent/x.xlsx: no such file" }
    }

    @Test func malformedSheetXMLNamesRowAndColumn() throws {
        var scanner = XMLPullScanner(nextChunk: { nil })
        #expect(try scanner.next() == nil)
        let chunks = [Array("<row r=\"7\"><c r=\"C7\" t=\"inlineStr\"><is><t>a &amp; b &#x2713; &lt;".utf8), Array("x&gt;</t></is></c></row>".utf8)]
        var index = 0
        var split = XMLPullScanner(nextChunk: {
            defer { index += 1 }
            return index < chunks.count ? chunks[index] : nil
        })
        var texts: [String] = []
        while let token = try split.next() { if case .text(let text) = token { texts.append(text) } }
        #expect(texts == ["a & b ✓ <x>"])
        var bad = XMLPullScanner(nextChunk: { [Array("<c r=\"B2\"><v>1 &bogus; 2</v></c>".utf8)].first })
        #expect(throws: XMLPullScanner.Malformed.self) { while try bad.next() != nil {} }
    }

    @Test(arguments: [
        (45672.9118609838, false, false, "2025-01-15T21:53:05"),
        (43326.0, false, false, "2018-08-14"),
        (25569.5, false, false, "1970-01-01T12:00:00"),
        (0.25, false, true, "06:00:00"),
        (0.0, true, false, "1904-01-01"),
        (61.0, false, false, "1900-03-01"),
    ])
    func excelDateSerialsBecomeISO(_ serial: Double, _ date1904: Bool, _ timeOnly: Bool, _ expected: String) {
        #expect(ExcelDate.iso(serial: serial, date1904: date1904, timeOnly: timeOnly) == expected)
    }

    @Test(arguments: [
        (0, nil as String?, Workbook.NumberKind.number), (14, nil, .date), (22, nil, .date), (20, nil, .time), (164, "m/d/yyyy h:mm:ss", .date),
        (165, "0.00", .number), (166, "[h]:mm:ss", .time), (167, "\"Day\" 0", .number), (168, "General", .number), (169, "dd/mm/yyyy", .date),
    ])
    func numberFormatsSayWhichCellsAreDates(_ id: Int, _ code: String?, _ kind: Workbook.NumberKind) {
        #expect(StylesPart.kind(id: id, code: code) == kind)
    }
}
