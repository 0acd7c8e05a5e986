import CodebookFixtures
@testable import ConsultationModel
import Foundation
@testable import QDAExchange
import Testing

/// Bringing a code tree edited in a QDA tool back into the codebook file: kept themes keep
/// their rules, new themes have none, removed themes are gone, and the file outside the theme
/// list stays as written.
@Suite struct CodebookMergeTests {
    static func imported(_ codebook: Codebook) throws -> [Theme] {
        try QDCCodebook.parse(Data(codebook.qdcXML().utf8), file: "x.qdc").themes(file: "x.qdc")
    }

    static func merge(_ themes: [Theme], into yaml: String) throws -> CodebookMerge {
        try CodebookMerge(imported: themes, currentYAML: yaml, file: "codebook.yaml", output: "merged.yaml")
    }

    @Test func shippedCodebookRoundTripsThroughQDCUnchanged() throws {
        let yaml = try CodebookFixtures.shippedYAML()
        let original = try CodebookFixtures.shipped.get()
        let merged = try Self.merge(try Self.imported(original), into: yaml)
        #expect(merged.codebook == original)
        #expect(merged.kept == original.themes.map(\.id))
        #expect(merged.added.isEmpty && merged.removed.isEmpty)
        #expect(!merged.changed)
        #expect(merged.codebook.qdcXML() == original.qdcXML())
    }

    @Test func textOutsideTheThemeListIsKeptAsWritten() throws {
        let yaml = try CodebookFixtures.shippedYAML()
        let merged = try Self.merge(try Self.imported(try CodebookFixtures.shipped.get()), into: yaml)
        let header = try #require(yaml.range(of: "\nthemes:\n")).lowerBound
        #expect(merged.yaml.hasPrefix(String(yaml[..<header])))
        #expect(merged.yaml.contains("# PATTERNS"))
    }

    @Test func mergingTwiceGivesTheSameText() throws {
        let yaml = try CodebookFixtures.shippedYAML()
        let once = try Self.merge(try Self.imported(try CodebookFixtures.shipped.get()), into: yaml)
        let twice = try Self.merge(try Self.imported(once.codebook), into: once.yaml)
        #expect(twice.yaml == once.yaml)
    }

    @Test func editedLabelsAndNotesAreTakenAndRulesKept() throws {
        let original = try CodebookFixtures.shipped.get()
        var themes = try Self.imported(original)
        let index = try #require(themes.firstIndex { $0.id == "fairness.racial" })
        themes[index].label = "Race: \"profiling\" & bias"
        themes[index].description = "Edited in NVivo.\nSecond line."
        themes[index].examples = ["null", "~", "- a dash", "key: value", "'quoted'"]
        themes[index].include = nil
        let merged = try Self.merge(themes, into: try CodebookFixtures.shippedYAML())
        let theme = try #require(merged.codebook.theme("fairness.racial"))
        #expect(theme.label == "Race: \"profiling\" & bias")
        #expect(theme.description == "Edited in NVivo.\nSecond line.")
        #expect(theme.examples == ["null", "~", "- a dash", "key: value", "'quoted'"])
        #expect(theme.include == nil)
        #expect(theme.rules == original.theme("fairness.racial")?.rules)
        #expect(merged.kept.contains("fairness.racial"))
        #expect(merged.changed)
    }

    @Test func newThemesHaveNoRulesAndRemovedThemesAreGone() throws {
        let yaml = CodebookFixtures.minimalYAML(extraThemes: """
              - id: trust.low.fear
                parent: trust.low
                label: Fear
                description: Fear of the police.
                rules:
                  - id: fear.words
                    any: [scared]
              - id: trust.high.faith
                parent: trust.high
                label: Faith
                description: Faith in the police.
                implies: [trust.low.fear]
            """)
        let current = try Codebook.parse(yaml: yaml, file: "codebook.yaml")
        var themes = try Self.imported(current).filter { $0.id != "trust.low.fear" }
        let parentIndex = try #require(themes.firstIndex { $0.id == "trust.high" })
        themes.insert(Theme(id: "trust.high.respect", parent: "trust.high", label: "Respect", description: "New in QualCoder."), at: parentIndex + 1)
        let merged = try Self.merge(themes, into: yaml)
        #expect(merged.added == ["trust.high.respect"])
        #expect(merged.removed == ["trust.low.fear"])
        #expect(merged.codebook.theme("trust.low.fear") == nil)
        #expect(merged.codebook.theme("trust.high.respect")?.rules == [])
        #expect(merged.codebook.theme("trust.high.faith")?.implies == [])
        #expect(!merged.yaml.contains("fear.words"))
    }

    @Test func removingACoreThemeIsRefusedWithTheReason() throws {
        let original = try CodebookFixtures.shipped.get()
        let themes = try Self.imported(original).filter { $0.id != "trust.low" }
        #expect {
            _ = try Self.merge(themes, into: try CodebookFixtures.shippedYAML())
        } throws: { error in
            "\(error)".hasPrefix("merged.yaml:") && "\(error)".contains(": missing core theme(s): trust.low")
        }
    }

    @Test func anInvalidCurrentCodebookIsReportedAgainstItsFile() throws {
        #expect {
            _ = try Self.merge([], into: "version: 1\ntitle: x\ncore_themes: [a.b]\nthemes: []\n")
        } throws: { error in
            "\(error)".hasPrefix("codebook.yaml:3: missing core theme(s): a.b")
        }
    }

    @Test func keysAfterTheThemeListAreKept() throws {
        let base = CodebookFixtures.minimalYAML()
        let yaml = base + "# trailing vocabulary\nvocabulary:\n  police: [police, cops]\n"
        let current = try Codebook.parse(yaml: yaml, file: "codebook.yaml")
        let merged = try Self.merge(try Self.imported(current), into: yaml)
        #expect(merged.codebook.vocabulary == ["police": ["police", "cops"]])
        #expect(merged.yaml.hasSuffix("vocabulary:\n  police: [police, cops]\n"))
    }
}

/// `CodebookMerge.importing`: a `.qdc` straight into the codebook, recognising consult's own
/// codes by GUID when their id line was deleted in the other tool.
@Suite struct CodebookMergeImportingTests {
    @Test func aCodeWithoutItsIdLineKeepsItsRulesThroughItsGUID() throws {
        let yaml = try CodebookFixtures.shippedYAML()
        let original = try CodebookFixtures.shipped.get()
        let xml = original.qdcXML().replacingOccurrences(of: "<Description>consult-id: trust.low\n", with: "<Description>")
        let qdc = try QDCCodebook.parse(Data(xml.utf8), file: "x.qdc")
        let merged = try CodebookMerge.importing(qdc, qdcFile: "x.qdc", currentYAML: yaml, file: "codebook.yaml", output: "merged.yaml")
        #expect(merged.codebook.theme("trust.low")?.rules == original.theme("trust.low")?.rules)
        #expect(!merged.changed)
    }

    @Test func aTreeThatDoesNotFitIsAQDCErrorNamingTheCode() throws {
        let original = try CodebookFixtures.shipped.get()
        var moved = original
        let index = try #require(moved.themes.firstIndex { $0.id == "trust.low" })
        moved.themes[index].parent = "fairness"
        let qdc = try QDCCodebook.parse(Data(moved.qdcXML().utf8), file: "x.qdc")
        #expect(throws: QDCError.self) {
            try CodebookMerge.importing(qdc, qdcFile: "x.qdc", currentYAML: try CodebookFixtures.shippedYAML(), file: "codebook.yaml", output: "merged.yaml")
        }
    }
}
