import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// The XMLParser delegate behind ``QDCCodebook/parse(_:file:)``: a stack of open elements,
/// each checked against what the schema lets it contain, and the first problem kept with the
/// line it was found on.
final class QDCReader: NSObject, XMLParserDelegate {
    private enum Frame {
        case codeBook(sawCodes: Bool, sawSets: Bool)
        case codes(count: Int)
        case code(QDCCode, sawChild: Bool)
        case description(String)
        case sets(count: Int)
        case set(sawMember: Bool)
        case memberCode
    }

    private let file: String
    private var stack: [(name: String, frame: Frame)] = []
    private var origin: String?
    private var codes: [QDCCode] = []
    private var guidLines: [NameBasedUUID: Int] = [:]
    private var codeGUIDs: Set<NameBasedUUID> = []
    private var members: [(guid: NameBasedUUID, line: Int)] = []
    private var problem: QDCError?
    private weak var parser: XMLParser?

    init(file: String) {
        self.file = file
    }

    func read(_ data: Data) throws(QDCError) -> QDCCodebook {
        let parser = XMLParser(data: data)
        parser.shouldProcessNamespaces = true
        parser.shouldResolveExternalEntities = false
        parser.delegate = self
        self.parser = parser
        // On Linux parse() can return true after reporting an error, so success is "no problem".
        _ = parser.parse()
        if let problem { throw problem }
        guard !codes.isEmpty else { throw fail("no <CodeBook> with codes found") }
        for member in members where !codeGUIDs.contains(member.guid) {
            throw QDCError(file: file, line: member.line, element: "MemberCode", message: "guid '\(member.guid)' names no code")
        }
        return QDCCodebook(origin: origin, codes: codes)
    }

    // MARK: XMLParserDelegate

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?,
                qualifiedName: String?, attributes: [String: String] = [:]) {
        guard problem == nil else { return }
        do throws(QDCError) {
            guard QDCNamespace.isCodebook(namespaceURI) else {
                throw fail("<\(name)> is not in the REFI-QDA codebook namespace '\(QDCNamespace.codebook)' (found \(namespaceURI.map { "'\($0)'" } ?? "none"))", element: name)
            }
            try open(name, attributes: attributes)
        } catch {
            stop(error)
        }
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        guard problem == nil, let top = stack.popLast() else { return }
        do throws(QDCError) {
            try close(top.frame, name: top.name)
        } catch {
            stop(error)
        }
    }

    func parser(_ parser: XMLParser, parseErrorOccurred error: any Error) {
        guard problem == nil else { return }
        stop(fail("malformed XML: \(XMLSyntaxProblem.describe(code: (error as NSError).code))"))
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        text(string)
    }

    func parser(_ parser: XMLParser, foundCDATA CDATABlock: Data) {
        text(String(decoding: CDATABlock, as: UTF8.self))
    }

    // MARK: Structure

    private func open(_ name: String, attributes: [String: String]) throws(QDCError) {
        let parent = stack.last
        switch (parent?.frame, name) {
        case (nil, "CodeBook"):
            origin = attributes["origin"]
            stack.append((name, .codeBook(sawCodes: false, sawSets: false)))
        case (.codeBook(let sawCodes, let sawSets)?, "Codes") where !sawCodes && !sawSets:
            replaceTop(.codeBook(sawCodes: true, sawSets: false))
            stack.append((name, .codes(count: 0)))
        case (.codeBook(true, false)?, "Sets"):
            replaceTop(.codeBook(sawCodes: true, sawSets: true))
            stack.append((name, .sets(count: 0)))
        case (.codes(let count)?, "Code"):
            replaceTop(.codes(count: count + 1))
            stack.append((name, .code(try code(attributes), sawChild: false)))
        case (.code(let code, _)?, "Code"):
            replaceTop(.code(code, sawChild: true))
            stack.append((name, .code(try self.code(attributes), sawChild: false)))
        case (.code(let code, let sawChild)?, "Description") where !sawChild && code.description == nil:
            stack.append((name, .description("")))
        case (.code?, "Description"):
            throw fail("<Description> must come first in a <Code>, and only once", element: name)
        case (.sets(let count)?, "Set"):
            replaceTop(.sets(count: count + 1))
            _ = try guid(attributes, element: name)
            _ = try required("name", attributes, element: name)
            stack.append((name, .set(sawMember: false)))
        case (.set(let sawMember)?, "Description") where !sawMember:
            stack.append((name, .description("")))
        case (.set?, "MemberCode"):
            replaceTop(.set(sawMember: true))
            members.append((try guid(attributes, element: name, registering: false), line))
            stack.append((name, .memberCode))
        default:
            let place = parent.map { "inside <\($0.name)>" } ?? "as the root (expected <CodeBook>)"
            throw fail("unexpected <\(name)> \(place)", element: name)
        }
    }

    private func close(_ frame: Frame, name: String) throws(QDCError) {
        switch frame {
        case .codeBook(let sawCodes, _) where !sawCodes:
            throw fail("<CodeBook> has no <Codes>", element: name)
        case .codes(0):
            throw fail("<Codes> must contain at least one <Code>", element: name)
        case .sets(0):
            throw fail("<Sets> must contain at least one <Set> (leave it out instead)", element: name)
        case .description(let text):
            guard case .code(var code, let sawChild)? = stack.last?.frame else { return }
            code.description = text
            replaceTop(.code(code, sawChild: sawChild))
        case .code(let code, _):
            switch stack.last?.frame {
            case .code(var parent, let sawChild)?:
                parent.children.append(code)
                replaceTop(.code(parent, sawChild: sawChild))
            default:
                codes.append(code)
            }
        default:
            break
        }
    }

    private func text(_ string: String) {
        guard problem == nil, let top = stack.last else { return }
        if case .description(let text) = top.frame {
            replaceTop(.description(text + string))
        } else if !string.allSatisfy(\.isWhitespace) {
            stop(fail("unexpected text '\(string.prefix(40))'", element: top.name))
        }
    }

    // MARK: Attributes

    private func code(_ attributes: [String: String]) throws(QDCError) -> QDCCode {
        let guid = try guid(attributes, element: "Code")
        let name = try required("name", attributes, element: "Code")
        guard !name.allSatisfy(\.isWhitespace) else { throw fail("attribute 'name' is empty", element: "Code") }
        let codable = try required("isCodable", attributes, element: "Code").trimmingCharacters(in: .whitespaces)
        guard let isCodable = ["true": true, "1": true, "false": false, "0": false][codable] else {
            throw fail("attribute 'isCodable' must be true, false, 1 or 0, not '\(codable)'", element: "Code")
        }
        let color = attributes["color"]?.trimmingCharacters(in: .whitespaces)
        if let color, !Self.isColor(color) {
            throw fail("attribute 'color' must be #RGB or #RRGGBB in hex, not '\(color)'", element: "Code")
        }
        codeGUIDs.insert(guid)
        return QDCCode(guid: guid, name: name, isCodable: isCodable, color: color, line: line)
    }

    /// The element's `guid`, registered as taken unless it is a reference.
    private func guid(_ attributes: [String: String], element: String, registering: Bool = true) throws(QDCError) -> NameBasedUUID {
        let text = try required("guid", attributes, element: element)
        guard let guid = NameBasedUUID(text.trimmingCharacters(in: .whitespaces)) else {
            throw fail("attribute 'guid' is not a GUID (8-4-4-4-12 hex digits): '\(text)'", element: element)
        }
        guard registering else { return guid }
        if let first = guidLines[guid] {
            throw fail("duplicate guid '\(text)' (first used at line \(first))", element: element)
        }
        guidLines[guid] = line
        return guid
    }

    private func required(_ key: String, _ attributes: [String: String], element: String) throws(QDCError) -> String {
        guard let value = attributes[key] else { throw fail("missing required attribute '\(key)'", element: element) }
        return value
    }

    private static func isColor(_ text: String) -> Bool {
        let digits = text.dropFirst()
        return text.first == "#" && [3, 6].contains(digits.count) && digits.allSatisfy { $0.isASCII && $0.isHexDigit }
    }

    // MARK: Errors

    private var line: Int { parser?.lineNumber ?? 0 }

    private func replaceTop(_ frame: Frame) {
        stack[stack.count - 1].frame = frame
    }

    private func fail(_ message: String, element: String? = nil) -> QDCError {
        QDCError(file: file, line: line, element: element ?? stack.last?.name, message: message)
    }

    private func stop(_ error: QDCError) {
        problem = error
        parser?.abortParsing()
    }
}
