import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Collects the start tags of a small XML part with Foundation's `XMLParser` (namespace prefixes
/// dropped), for the workbook's small parts: workbook, relationships and styles.
final class StartTags: NSObject, XMLParserDelegate {
    private(set) var tags: [(name: String, attributes: [String: String])] = []

    static func read(_ data: Data, part: String, file: String) throws -> [(name: String, attributes: [String: String])] {
        let collector = StartTags()
        let parser = XMLParser(data: data)
        parser.delegate = collector
        guard parser.parse() else {
            throw WorkbookError(file: file, message: "part \(part) is not well-formed XML (line \(parser.lineNumber): \(parser.parserError.map { "\($0)" } ?? "parse error"))")
        }
        return collector.tags
    }

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
        var local: [String: String] = [:]
        for (key, value) in attributes { local[key.split(separator: ":").last.map(String.init) ?? key] = value }
        tags.append((String(elementName.split(separator: ":").last ?? Substring(elementName)), local))
    }
}

/// `xl/workbook.xml`: the sheets (name and relationship id) in order, and the date epoch.
struct WorkbookPart {
    struct Sheet { var name: String; var relation: String }
    var sheets: [Sheet]
    var date1904: Bool

    static func parse(_ data: Data, file: String) throws -> WorkbookPart {
        let tags = try StartTags.read(data, part: "xl/workbook.xml", file: file)
        let sheets = tags.filter { $0.name == "sheet" }.compactMap { tag -> Sheet? in
            guard let name = tag.attributes["name"], let id = tag.attributes["id"] else { return nil }
            return Sheet(name: name, relation: id)
        }
        let date1904 = tags.first { $0.name == "workbookPr" }.map { ["1", "true"].contains($0.attributes["date1904"]?.lowercased() ?? "") } ?? false
        return WorkbookPart(sheets: sheets, date1904: date1904)
    }
}

/// `xl/_rels/workbook.xml.rels`: relationship id → part path (relative to `xl/`, or absolute).
enum RelationshipsPart {
    static func parse(_ data: Data, file: String) throws -> [String: String] {
        var out: [String: String] = [:]
        for tag in try StartTags.read(data, part: "xl/_rels/workbook.xml.rels", file: file) where tag.name == "Relationship" {
            if let id = tag.attributes["Id"], let target = tag.attributes["Target"] { out[id] = target }
        }
        return out
    }
}

/// `xl/styles.xml`: for each cell style (`cellXfs`), whether its number format shows a date, a
/// time of day, or a number. Built-in formats 14-22 and 45-47 are dates or times; a custom format
/// is a date when its code (without quoted text and `[...]` sections) has y, m, d, h or s in it.
enum StylesPart {
    static func parse(_ data: Data, file: String) throws -> [Workbook.NumberKind] {
        let tags = try StartTags.read(data, part: "xl/styles.xml", file: file)
        var custom: [Int: String] = [:]
        for tag in tags where tag.name == "numFmt" {
            if let id = tag.attributes["numFmtId"].flatMap(Int.init), let code = tag.attributes["formatCode"] { custom[id] = code }
        }
        var kinds: [Workbook.NumberKind] = []
        var inCellXfs = false
        for tag in tags {
            if tag.name == "cellXfs" { inCellXfs = true; continue }
            if tag.name == "cellStyleXfs" || tag.name == "cellStyles" || tag.name == "dxfs" { inCellXfs = false; continue }
            guard inCellXfs, tag.name == "xf" else { continue }
            let id = tag.attributes["numFmtId"].flatMap(Int.init) ?? 0
            kinds.append(kind(id: id, code: custom[id]))
        }
        return kinds
    }

    static func kind(id: Int, code: String?) -> Workbook.NumberKind {
        if let code {
            var plain = ""
            var skipping: Character?
            for ch in code.lowercased() {
                if let end = skipping { if ch == end { skipping = nil }; continue }
                if ch == "\"" { skipping = "\""; continue }
                if ch == "[" { skipping = "]"; continue }
                plain.append(ch)
            }
            if plain == "general" { return .number }
            let hasDate = plain.contains("y") || plain.contains("d") || (plain.contains("m") && !plain.contains("h") && !plain.contains("s"))
            let hasTime = plain.contains("h") || plain.contains("s")
            return hasDate ? .date : (hasTime ? .time : .number)
        }
        switch id {
        case 14...17, 22: return .date
        case 18...21, 45...47: return .time
        default: return .number
        }
    }
}
