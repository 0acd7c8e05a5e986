import CodebookFixtures
@testable import ConsultationModel
import Foundation
@testable import QDAExchange
import Testing

/// `.qdc` export: valid against the REFI-QDA schema, byte-stable, and a faithful round trip
/// of the shipped codebook through import.
@Suite struct QDCExportTests {
    /// A sub-theme with markup characters, quotes, a line break and non-ASCII text everywhere
    /// the export writes text.
    static let awkwardYAML = CodebookFixtures.minimalYAML(extraThemes: """
          - id: fairness.racial.profiling
            parent: fairness.racial
            label: "Profiling <\\"stop & search\\"> 'n' ‘more’"
            description: "Line one & <two>.\\nLine two: été 😀"
            include: "Use when: A > B"
            exclude: "Not \\"this\\" & not </Description>"
            examples:
              - "He said \\"they're <all> on it\\" & left"
              - "]]> and <![CDATA[ are just text"
        """)

    static func awkward() throws -> Codebook {
        try Codebook.parse(yaml: awkwardYAML, file: "awkward.yaml")
    }

    @Test func shippedExportIsValidAgainstTheSchema() throws {
        let xml = try CodebookFixtures.shipped.get().qdcXML()
        guard let result = try XMLLint.validate(xml: xml, schema: try XMLLint.schema("Codebook.xsd")) else { return }
        #expect(result.valid, "\(result.output)")
    }

    @Test func awkwardTextExportIsValidAgainstTheSchema() throws {
        let xml = try Self.awkward().qdcXML()
        guard let result = try XMLLint.validate(xml: xml, schema: try XMLLint.schema("Codebook.xsd")) else { return }
        #expect(result.valid, "\(result.output)")
    }

    @Test func exportIsByteIdenticalEachTime() throws {
        let codebook = try CodebookFixtures.shipped.get()
        #expect(codebook.qdcXML() == codebook.qdcXML())
        let again = try Codebook.parse(yaml: try CodebookFixtures.shippedYAML(), file: "again.yaml")
        #expect(again.qdcXML() == codebook.qdcXML())
    }

    @Test(arguments: ["shipped", "awkward"])
    func exportImportExportIsIdentical(_ which: String) throws {
        let codebook = which == "shipped" ? try CodebookFixtures.shipped.get() : try Self.awkward()
        let xml = codebook.qdcXML()
        let themes = try QDCCodebook.parse(Data(xml.utf8), file: "x.qdc").themes(file: "x.qdc")
        var reimported = codebook
        reimported.themes = themes
        #expect(reimported.qdcXML() == xml)
    }

    /// Import order is tree order (each code's descendants follow it), which is file order
    /// for the shipped codebook but not for one that lists a sub-theme at the end.
    @Test func shippedImportKeepsFileOrder() throws {
        let codebook = try CodebookFixtures.shipped.get()
        let themes = try QDCCodebook.parse(Data(codebook.qdcXML().utf8), file: "x.qdc").themes(file: "x.qdc")
        #expect(themes.map(\.id) == codebook.themes.map(\.id))
    }

    @Test(arguments: ["shipped", "awkward"])
    func importRecoversIdsLabelsHierarchyAndText(_ which: String) throws {
        let codebook = which == "shipped" ? try CodebookFixtures.shipped.get() : try Self.awkward()
        let themes = try QDCCodebook.parse(Data(codebook.qdcXML().utf8), file: "x.qdc").themes(file: "x.qdc")
        #expect(Set(themes.map(\.id)) == Set(codebook.themes.map(\.id)))
        #expect(themes.count == codebook.themes.count)
        for theme in themes {
            let original = try #require(codebook.theme(theme.id))
            #expect(theme.parent == original.parent, "parent of \(theme.id)")
            #expect(theme.label == original.label, "label of \(theme.id)")
            #expect(theme.description == original.description, "description of \(theme.id)")
            #expect(theme.include == original.include, "include of \(theme.id)")
            #expect(theme.exclude == original.exclude, "exclude of \(theme.id)")
            #expect(theme.examples == original.examples, "examples of \(theme.id)")
            #expect(theme.rules.isEmpty)
        }
    }

    @Test func codesAreNestedUnderTheirParentsWithGUIDsFromIds() throws {
        let codebook = try CodebookFixtures.shipped.get()
        let qdc = try QDCCodebook.parse(Data(codebook.qdcXML().utf8), file: "x.qdc")
        #expect(qdc.codes.count == codebook.themes.filter { $0.parent == nil }.count)
        let fairness = try #require(qdc.codes.first { $0.guid == NameBasedUUID.theme("fairness") })
        #expect(fairness.isCodable == false)
        #expect(fairness.children.contains { $0.guid == NameBasedUUID.theme("fairness.racial") && $0.isCodable })
        #expect(qdc.allCodes.map(\.guid) == codebook.themes.map { NameBasedUUID.theme($0.id) })
        #expect(Set(fairness.children.map(\.color)) == [fairness.color])
    }

    @Test func theIdIsTheDescriptionsFirstLine() throws {
        let xml = try CodebookFixtures.shipped.get().qdcXML()
        #expect(xml.contains("<Description>consult-id: fairness.racial\n"))
        #expect(xml.hasPrefix("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<CodeBook xmlns=\"urn:QDA-XML:codebook:1.0\" origin=\"consult codebook 2018.3: "))
    }

    @Test func markupInTextIsEscaped() throws {
        let xml = try Self.awkward().qdcXML()
        #expect(xml.contains("name=\"Profiling &lt;&quot;stop &amp; search&quot;&gt; 'n' ‘more’\""))
        #expect(xml.contains("Not \"this\" &amp; not &lt;/Description&gt;"))
        #expect(xml.contains("]]&gt; and &lt;![CDATA[ are just text"))
    }
}
