import CodebookFixtures
import ConsultationModel
import Testing

/// The shipped codebook: it parses, carries every core theme fully documented, and its own
/// examples are coded with their theme.
@Suite struct CodebookTests {
    @Test func shippedCodebookParses() throws {
        let codebook = try CodebookFixtures.shipped.get()
        #expect(codebook.version == "2018.3")
        #expect(!codebook.title.isEmpty)
    }

    @Test func everyGroupIsATopLevelTheme() throws {
        let codebook = try CodebookFixtures.shipped.get()
        let groups = ["awareness", "understanding", "information", "fairness", "impact", "data",
                      "effectiveness", "trust", "context", "improvement"]
        #expect(CodebookFixtures.coreGroups == groups)
        for group in groups {
            let theme = try #require(codebook.theme(group))
            #expect(theme.parent == nil)
        }
    }

    /// The review's core ids live in its codebook (`core_themes`), not in consult; they are still the
    /// 32 that DESIGN.md lists, in its order.
    @Test func coreIdsAreTheThirtyTwoOfTheDesign() {
        #expect(CodebookFixtures.coreThemeIDs == [
            "awareness.aware", "awareness.unaware", "awareness.not_told",
            "understanding.purpose", "understanding.misconception", "understanding.criteria_unclear",
            "information.police", "information.media", "information.community", "information.partner", "information.none",
            "fairness.racial", "fairness.age", "fairness.association", "fairness.stigma",
            "impact.enforcement", "impact.services", "impact.support", "impact.victims",
            "data.sharing", "data.rights", "data.challenge",
            "effectiveness.positive", "effectiveness.negative", "trust.low", "trust.high", "context.other_tools",
            "improvement.transparency", "improvement.notification", "improvement.engagement", "improvement.oversight",
            "improvement.abolish",
        ])
    }

    /// Another consultation brings its own themes: without `core_themes` nothing is required, and
    /// themes need no rules (analysts and the models code them).
    @Test func aCodebookWithoutCoreThemesOrRulesLoads() throws {
        let yaml = "version: \"1\"\ntitle: Feedback\nthemes:\n  - id: staff\n    label: Staff\n    description: About staff.\n"
            + "  - id: staff.attitude\n    label: Attitude\n    description: Kind or unkind staff.\n"
        let codebook = try Codebook.parse(yaml: yaml, file: "t.yaml")
        #expect(codebook.coreThemeIDs.isEmpty)
        #expect(codebook.leafThemeIDs == ["staff.attitude"])
        #expect(codebook.rules.isEmpty)
    }

    /// The review's summary groups (`theme_groups`): awareness, understanding and sources of
    /// information, each every leaf of its parent theme, in file order.
    @Test func theReviewsThemeGroupsAreInItsCodebook() throws {
        let codebook = try CodebookFixtures.shipped.get()
        #expect(codebook.themeGroups.map(\.id) == ["awareness", "understanding", "sources"])
        #expect(codebook.themeGroups.map(\.label) == ["Awareness", "Understanding", "Information came from"])
        for (group, parent) in zip(codebook.themeGroups, ["awareness", "understanding", "information"]) {
            #expect(group.themeIDs == codebook.children(of: parent).map(\.id))
        }
        let plain = try Codebook.parse(yaml: "version: \"1\"\ntitle: t\nthemes:\n  - id: care\n    label: Care\n    description: C.\n", file: "t.yaml")
        #expect(plain.themeGroups.isEmpty)
    }

    @Test func parentsComeBeforeTheirChildren() throws {
        let codebook = try CodebookFixtures.shipped.get()
        var seen: Set<String> = []
        for theme in codebook.themes {
            if let parent = theme.parent {
                #expect(seen.contains(parent), "\(theme.id) comes before its parent")
                #expect(theme.id.hasPrefix(parent + "."))
            }
            seen.insert(theme.id)
        }
    }

    @Test(arguments: CodebookFixtures.coreThemeIDs)
    func coreThemeIsFullyDocumented(_ id: String) throws {
        let theme = try #require(try CodebookFixtures.shipped.get().theme(id))
        #expect(!theme.label.isEmpty)
        #expect(!theme.description.isEmpty)
        #expect(theme.include != nil, "\(id) has no inclusion note")
        #expect(theme.exclude != nil, "\(id) has no exclusion note")
        #expect((2...4).contains(theme.examples.count), "\(id) has \(theme.examples.count) examples")
        #expect(!theme.rules.isEmpty)
        #expect(theme.rules.allSatisfy { $0.themeID == id })
    }

    @Test(arguments: CodebookFixtures.coreThemeIDs)
    func examplesAreCodedWithTheirTheme(_ id: String) throws {
        let theme = try #require(try CodebookFixtures.shipped.get().theme(id))
        for example in theme.examples {
            #expect(try CodebookFixtures.themes(example).contains(id), "\(id) misses its example: \(example)")
        }
    }

    @Test func describingOrNamingASourceImpliesAwareness() throws {
        let codebook = try CodebookFixtures.shipped.get()
        let implying = codebook.themes.filter { $0.implies.contains("awareness.aware") }.map(\.id)
        #expect(Set(implying) == ["understanding.purpose", "understanding.misconception", "information.police",
                                  "information.media", "information.community", "information.partner"])
    }

    @Test func ruleIdsAreUniqueAcrossTheFile() throws {
        let rules = try CodebookFixtures.shipped.get().rules
        #expect(Set(rules.map(\.id)).count == rules.count)
    }

    @Test func lookupsFindThemesAndChildren() throws {
        let codebook = try CodebookFixtures.shipped.get()
        #expect(codebook.theme("fairness.racial")?.label.isEmpty == false)
        #expect(codebook.theme("no.such.theme") == nil)
        let fairness = codebook.children(of: "fairness").map(\.id)
        #expect(fairness.starts(with: ["fairness.racial", "fairness.age", "fairness.association", "fairness.stigma"]))
    }

    @Test func parsedRulesKeepWhatWasWritten() throws {
        let yaml = CodebookFixtures.minimalYAML(racialRules: """
                  - id: racial.test
                    any: [racist]
                    near: {a: [black], b: [boys], within: 2}
                    unless: [not about race]
                    negation: strict
                    questions: exclude
                    note: Kept for staff.
            """)
        let codebook = try Codebook.parse(yaml: yaml, file: "t.yaml")
        let rule = try #require(codebook.theme("fairness.racial")?.rules.first)
        #expect(rule == CodingRule(
            id: "racial.test", themeID: "fairness.racial", any: ["racist"],
            near: CodingRule.Near(a: ["black"], b: ["boys"], within: 2), unless: ["not about race"],
            negation: .strict, questions: .exclude, note: "Kept for staff."))
        #expect(codebook.negation == .standard)
    }

    @Test(arguments: [("true", CodingRule.Negation.veto), ("false", .ignore), ("veto", .veto), ("ignore", .ignore), ("strict", .strict)])
    func negationModesAreRead(_ written: String, _ mode: CodingRule.Negation) throws {
        let yaml = CodebookFixtures.minimalYAML(racialRules: """
                  - id: racial.test
                    any: [racist]
                    negation: \(written)
            """)
        let rule = try #require(try Codebook.parse(yaml: yaml, file: "t.yaml").theme("fairness.racial")?.rules.first)
        #expect(rule.negation == mode)
    }
}
