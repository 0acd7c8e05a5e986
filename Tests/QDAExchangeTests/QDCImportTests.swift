import Foundation
@testable import QDAExchange
import TestSupport
import Testing

/// `.qdc` import: the shared REFI-QDA validation cases, malformed input with clear one-line
/// errors, and the ids given to codes made in other tools.
@Suite struct QDCImportTests {
    static let casesDirectory = ProjectRoot.shared("interop/refi-qda/validation-cases")

    /// `expected_results.txt`: file name and VALID or INVALID.
    static func expectedVerdicts() throws -> [(file: String, valid: Bool)] {
        let directory = try #require(casesDirectory, "validation cases not found")
        let text = try String(contentsOf: directory.appendingPathComponent("expected_results.txt"), encoding: .utf8)
        return text.split(separator: "\n").compactMap { line in
            let parts = line.split(separator: " ", omittingEmptySubsequences: true)
            guard parts.count == 2 else { return nil }
            return (String(parts[0]), parts[1] == "VALID")
        }
    }

    static func read(_ xml: String) throws(QDCError) -> QDCCodebook {
        try QDCCodebook.parse(Data(xml.utf8), file: "in.qdc")
    }

    static func wrap(_ codes: String, sets: String = "") -> String {
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<CodeBook xmlns=\"urn:QDA-XML:codebook:1.0\">\n<Codes>\n\(codes)\n</Codes>\(sets)\n</CodeBook>\n"
    }

    static let guidA = "0D62985D-B147-5D01-A9B5-CAE5DCD98342"
    static let guidB = "DFE5C38E-9449-5959-A1F7-E3D895CFA87F"

    @Test func xmllintGivesEveryCaseItsExpectedVerdict() throws {
        let directory = try #require(Self.casesDirectory)
        let verdicts = try Self.expectedVerdicts()
        #expect(verdicts.count == 16)
        for (file, valid) in verdicts {
            let schema = try XMLLint.schema(file.hasSuffix(".qdc") ? "Codebook.xsd" : "Project.xsd")
            guard let result = try XMLLint.validate(directory.appendingPathComponent(file), schema: schema) else { return }
            #expect(result.valid == valid, "\(file): \(result.output)")
        }
    }

    /// The importer accepts every valid case and refuses every invalid one, except the
    /// misspelt namespace that real tools write, which it reads leniently (README).
    @Test func importerGivesEveryCodebookCaseItsVerdict() throws {
        let directory = try #require(Self.casesDirectory)
        let lenient: Set<String> = ["invalid_namespace_colon.qdc"]
        for (file, valid) in try Self.expectedVerdicts() where file.hasSuffix(".qdc") {
            let data = try Data(contentsOf: directory.appendingPathComponent(file))
            let result = Result { () throws(QDCError) in try QDCCodebook.parse(data, file: file) }
            switch result {
            case .success(let codebook):
                #expect(valid || lenient.contains(file), "accepted \(file)")
                #expect(!codebook.codes.isEmpty)
            case .failure(let error):
                #expect(!valid && !lenient.contains(file), "refused \(file): \(error)")
                #expect(error.description.hasPrefix("\(file):2: <"), "\(error)")
            }
        }
    }

    @Test func readsTheNestedValidCase() throws {
        let directory = try #require(Self.casesDirectory)
        let file = "valid_lowercase_guid_braces_shortcolor_nested.qdc"
        let codebook = try QDCCodebook.parse(try Data(contentsOf: directory.appendingPathComponent(file)), file: file)
        let parent = try #require(codebook.codes.first)
        #expect(parent.name == "parent" && !parent.isCodable && parent.color == "#F0A" && parent.description == "d")
        #expect(parent.guid == NameBasedUUID(Self.guidA))
        #expect(parent.children.map(\.name) == ["child"])
        let themes = try codebook.themes(file: file)
        #expect(themes.map(\.id) == ["parent", "parent.child"])
        #expect(themes.map(\.parent) == [nil, "parent"])
        #expect(themes.map(\.description) == ["d", "child"])
    }

    struct Malformed: Sendable, CustomTestStringConvertible {
        var name: String
        var xml: String
        /// The whole one-line error.
        var error: String
        var testDescription: String { name }
    }

    static let malformed: [Malformed] = [
        Malformed(name: "unclosed element",
                  xml: wrap("<Code guid=\"\(guidA)\" name=\"a\" isCodable=\"true\">"),
                  error: "in.qdc:5: <Code>: malformed XML: an end tag that does not match the open element (an element left unclosed?)"),
        Malformed(name: "not XML at all", xml: "theme,label\n", error: "in.qdc:1: malformed XML: no XML element found (is this an XML file?)"),
        Malformed(name: "bare ampersand",
                  xml: wrap("<Code guid=\"\(guidA)\" name=\"a & b\" isCodable=\"true\"/>"),
                  error: "in.qdc:4: <Codes>: malformed XML: a bare '&' (write & as &amp;)"),
        Malformed(name: "attribute twice",
                  xml: wrap("<Code guid=\"\(guidA)\" name=\"a\" name=\"b\" isCodable=\"true\"/>"),
                  error: "in.qdc:4: <Codes>: malformed XML: the same attribute twice on one element"),
        Malformed(name: "missing name",
                  xml: wrap("<Code guid=\"\(guidA)\" isCodable=\"true\"/>"),
                  error: "in.qdc:4: <Code>: missing required attribute 'name'"),
        Malformed(name: "missing guid",
                  xml: wrap("<Code name=\"a\" isCodable=\"true\"/>"),
                  error: "in.qdc:4: <Code>: missing required attribute 'guid'"),
        Malformed(name: "bad isCodable",
                  xml: wrap("<Code guid=\"\(guidA)\" name=\"a\" isCodable=\"yes\"/>"),
                  error: "in.qdc:4: <Code>: attribute 'isCodable' must be true, false, 1 or 0, not 'yes'"),
        Malformed(name: "empty name",
                  xml: wrap("<Code guid=\"\(guidA)\" name=\" \" isCodable=\"true\"/>"),
                  error: "in.qdc:4: <Code>: attribute 'name' is empty"),
        Malformed(name: "duplicate GUID, differently written",
                  xml: wrap("<Code guid=\"\(guidA)\" name=\"a\" isCodable=\"true\"/>\n<Code guid=\"{\(guidA.lowercased())}\" name=\"b\" isCodable=\"true\"/>"),
                  error: "in.qdc:5: <Code>: duplicate guid '{\(guidA.lowercased())}' (first used at line 4)"),
        Malformed(name: "set member naming no code",
                  xml: wrap("<Code guid=\"\(guidA)\" name=\"a\" isCodable=\"true\"/>",
                            sets: "<Sets><Set guid=\"\(guidB)\" name=\"s\">\n<MemberCode guid=\"\(guidB)\"/></Set></Sets>"),
                  error: "in.qdc:6: <MemberCode>: guid '\(guidB)' names no code"),
        Malformed(name: "unknown element",
                  xml: wrap("<Code guid=\"\(guidA)\" name=\"a\" isCodable=\"true\"><Note>x</Note></Code>"),
                  error: "in.qdc:4: <Note>: unexpected <Note> inside <Code>"),
        Malformed(name: "wrong root",
                  xml: "<?xml version=\"1.0\"?>\n<Project xmlns=\"urn:QDA-XML:codebook:1.0\"/>",
                  error: "in.qdc:2: <Project>: unexpected <Project> as the root (expected <CodeBook>)"),
        Malformed(name: "project namespace",
                  xml: "<?xml version=\"1.0\"?>\n<CodeBook xmlns=\"urn:QDA-XML:project:1.0\"/>",
                  error: "in.qdc:2: <CodeBook>: <CodeBook> is not in the REFI-QDA codebook namespace 'urn:QDA-XML:codebook:1.0' (found 'urn:QDA-XML:project:1.0')"),
        Malformed(name: "no Codes",
                  xml: "<?xml version=\"1.0\"?>\n<CodeBook xmlns=\"urn:QDA-XML:codebook:1.0\">\n</CodeBook>",
                  error: "in.qdc:3: <CodeBook>: <CodeBook> has no <Codes>"),
        Malformed(name: "stray text",
                  xml: wrap("<Code guid=\"\(guidA)\" name=\"a\" isCodable=\"true\">oops</Code>"),
                  error: "in.qdc:4: <Code>: unexpected text 'oops'"),
        Malformed(name: "two descriptions",
                  xml: wrap("<Code guid=\"\(guidA)\" name=\"a\" isCodable=\"true\"><Description>x</Description>\n<Description>y</Description></Code>"),
                  error: "in.qdc:5: <Description>: <Description> must come first in a <Code>, and only once"),
    ]

    @Test(arguments: malformed)
    func malformedInputGivesOneClearLine(_ test: Malformed) {
        #expect {
            _ = try Self.read(test.xml)
        } throws: { error in
            let text = "\(error)"
            let matches = text.hasPrefix(test.error) && !text.contains("\n")
            if !matches { Issue.record("got: \(text)") }
            return matches
        }
    }

    @Test func descriptionTextAndCDATAAreRead() throws {
        let codebook = try Self.read(Self.wrap(
            "<Code guid=\"\(Self.guidA)\" name=\"a &amp; b\" isCodable=\"1\"><Description>x &lt; y<![CDATA[ & <z>]]></Description></Code>"))
        #expect(codebook.codes.first?.name == "a & b")
        #expect(codebook.codes.first?.description == "x < y & <z>")
    }

    @Test(arguments: [
        ("Fear of reprisals!", "trust.fear_of_reprisals"),
        ("  Église & État ", "trust.eglise_etat"),
        ("???", "trust.code"),
        ("Stop/Search 2019", "trust.stop_search_2019"),
    ])
    func codesFromOtherToolsGetIdsFromTheirNamePath(_ name: String, _ id: String) throws {
        let xml = Self.wrap("<Code guid=\"\(Self.guidA)\" name=\"Trust\" isCodable=\"false\"><Code guid=\"\(Self.guidB)\" name=\"\(XMLText.attribute(name))\" isCodable=\"true\"/></Code>")
        let themes = try Self.read(xml).themes(file: "in.qdc")
        #expect(themes.map(\.id) == ["trust", id])
    }

    @Test func derivedIdsNeverCollide() throws {
        let guids = (0..<4).map { NameBasedUUID.theme("x\($0)").description }
        let xml = Self.wrap("""
            <Code guid="\(guids[0])" name="Trust" isCodable="false">
            <Code guid="\(guids[1])" name="Low" isCodable="true"/>
            <Code guid="\(guids[2])" name="low!" isCodable="true"/>
            <Code guid="\(guids[3])" name="Other" isCodable="true"><Description>consult-id: trust.low</Description></Code>
            </Code>
            """)
        let themes = try Self.read(xml).themes(file: "in.qdc")
        #expect(themes.map(\.id) == ["trust", "trust.low_2", "trust.low_3", "trust.low"])
    }

    @Test func aKnownGUIDRecoversTheIdWhenTheIdLineIsGone() throws {
        let xml = Self.wrap("<Code guid=\"\(NameBasedUUID.theme("trust"))\" name=\"Police trust\" isCodable=\"false\"><Code guid=\"\(NameBasedUUID.theme("trust.low"))\" name=\"Distrust\" isCodable=\"true\"/></Code>")
        let codebook = try Self.read(xml)
        #expect(try codebook.themes(knownIDs: ["trust", "trust.low"], file: "in.qdc").map(\.id) == ["trust", "trust.low"])
        #expect(try codebook.themes(file: "in.qdc").map(\.id) == ["police_trust", "police_trust.distrust"])
    }

    @Test(arguments: [
        ("<Code guid=\"\(guidA)\" name=\"T\" isCodable=\"true\"><Description>consult-id: trust.low</Description></Code>",
         "in.qdc:4: <Code>: code 'T' (theme 'trust.low') sits at the top level, but a theme's id names its parent"),
        ("<Code guid=\"\(guidA)\" name=\"F\" isCodable=\"false\"><Description>consult-id: fairness</Description><Code guid=\"\(guidB)\" name=\"T\" isCodable=\"true\"><Description>consult-id: trust.low</Description></Code></Code>",
         "in.qdc:4: <Code>: code 'T' (theme 'trust.low') sits under 'fairness', but a theme's id names its parent"),
        ("<Code guid=\"\(guidA)\" name=\"T\" isCodable=\"true\"><Description>consult-id: Trust Low</Description></Code>",
         "in.qdc:4: <Code>: code 'T': theme id 'Trust Low' is not lower-case words"),
        ("<Code guid=\"\(guidA)\" name=\"A\" isCodable=\"true\"><Description>consult-id: trust</Description></Code>\n<Code guid=\"\(guidB)\" name=\"B\" isCodable=\"true\"><Description>consult-id: trust</Description></Code>",
         "in.qdc:5: <Code>: code 'B': theme id 'trust' is also on the code at line 4"),
    ])
    func recoveredIdsMustFitTheTree(_ codes: String, _ expected: String) throws {
        let codebook = try Self.read(Self.wrap(codes))
        #expect {
            _ = try codebook.themes(file: "in.qdc")
        } throws: { error in
            let matches = "\(error)".hasPrefix(expected)
            if !matches { Issue.record("got: \(error)") }
            return matches
        }
    }
}
