import Testing
import SyntheticSample

/// Metrics that fail when the text turns template-like or the respondents turn implausible.
/// Measured values are printed so they can be reported.
@Suite struct VarietyTests {
    static func words(_ text: String) -> [Substring] {
        text.split { !$0.isLetter && $0 != "'" }
    }

    static let personalDataMarkers = ["@example.", "07700 900", "07700900", "020 7946 0", "ZZ", "XX", "ZX", "XZ", "@sample", "@fake", "@not_real", "@example_"]
    static let unawareMarkers = ["never", "no idea", "don't know", "dont know", "do not know", "not sure", "?", "idk", "dunno", "no clue",
                                 "not a clue", "not hear", "first i", "unsure", "no", "heard the name", "sorry", "guess"]

    @Test func communityFreeTextVaries() {
        let answers = SampleFixtures.communityAnswers
        let filled = answers.filter { !$0.isEmpty }
        let distinct = Double(Set(filled).count) / Double(filled.count)
        let blank = 1 - Double(filled.count) / Double(answers.count)
        let counts = filled.map { Self.words($0).count }
        let short = counts.filter { $0 < 4 }.count
        let long = counts.filter { $0 > 40 }.count
        let vocabulary = Set(filled.flatMap { Self.words($0.lowercased()) }).count
        print("community: \(filled.count) answers, distinct \(distinct), blank \(blank), <4 words \(short), >40 words \(long), vocabulary \(vocabulary), max words \(counts.max() ?? 0)")
        #expect(distinct >= 0.6)
        #expect(blank >= 0.1 && blank <= 0.6)
        #expect(Double(short) / Double(filled.count) >= 0.08)
        #expect(long >= 15)
        #expect(vocabulary >= 1_400)
    }

    @Test func partnerFreeTextVaries() {
        let filled = SampleFixtures.partnerAnswers.filter { !$0.isEmpty }
        let distinct = Double(Set(filled).count) / Double(filled.count)
        let vocabulary = Set(filled.flatMap { Self.words($0.lowercased()) }).count
        print("partner: \(filled.count) answers, distinct \(distinct), vocabulary \(vocabulary)")
        #expect(distinct >= 0.5)
        #expect(vocabulary >= 600)
    }

    @Test func aboutTwoPercentOfAnswersCarryFictionalPersonalData() {
        let filled = (SampleFixtures.communityAnswers + SampleFixtures.partnerAnswers).filter { !$0.isEmpty }
        let flagged = filled.filter { a in Self.personalDataMarkers.contains { a.contains($0) } || a.contains(" Tyrone") }
        let share = Double(flagged.count) / Double(filled.count)
        print("personal data: \(flagged.count) of \(filled.count) answers (\(share))")
        #expect(share >= 0.01 && share <= 0.04)
        let emails = filled.flatMap { $0.split(separator: " ") }.filter { $0.contains("@") && $0.contains(".") }
        #expect(emails.allSatisfy { $0.contains("@example.com") || $0.contains("@example.org") || $0.hasPrefix("@") }, "\(emails)")
    }

    @Test func unawareRespondentsSaySo() {
        let rows = SampleFixtures.rows(SampleFixtures.community)
        func unawareShare(_ aware: String) -> Double {
            let texts = rows.filter { $0["aware"] == aware }.compactMap { $0["what_is"] }.filter { !$0.isEmpty }.map { $0.lowercased() }
            return Double(texts.filter { t in Self.unawareMarkers.contains { t.contains($0) } }.count) / Double(texts.count)
        }
        print("what_is reads unaware: aware=no \(unawareShare("no")), aware=yes \(unawareShare("yes"))")
        #expect(unawareShare("no") >= 0.9)
        #expect(unawareShare("yes") <= 0.35)
    }

    @Test func respondentsSkewTowardsAffectedGroups() {
        let rows = SampleFixtures.rows(SampleFixtures.community)
        func mean(_ column: String, _ filter: ([String: String]) -> Bool) -> Double {
            let values = rows.filter(filter).compactMap { Double($0[column] ?? "") }
            return values.reduce(0, +) / Double(values.count)
        }
        func share(_ column: String, _ value: String, _ filter: ([String: String]) -> Bool) -> Double {
            let subset = rows.filter(filter)
            return Double(subset.filter { $0[column] == value }.count) / Double(subset.count)
        }
        let youngBlack: ([String: String]) -> Bool = { r in
            ["16-17", "18-24"].contains(r["age_band"] ?? "") && (r["ethnicity"] ?? "").contains("black")
        }
        let olderWhite: ([String: String]) -> Bool = { r in
            ["55-64", "65+"].contains(r["age_band"] ?? "") && (r["ethnicity"] ?? "").hasPrefix("white")
        }
        let black = share("ethnicity", "black_african", { _ in true }) + share("ethnicity", "black_caribbean", { _ in true })
        let boroughs = Set(rows.compactMap { $0["borough"] }.filter { $0.hasPrefix("E09") })
        let consent = share("consent_quote", "yes", { _ in true })
        print("trust young Black \(mean("trust", youngBlack)) vs older white \(mean("trust", olderWhite)); black_african+caribbean \(black); boroughs \(boroughs.count); consent yes \(consent)")
        #expect(mean("trust", youngBlack) + 0.8 < mean("trust", olderWhite))
        #expect(share("aware", "yes", { ["16-17", "18-24"].contains($0["age_band"] ?? "") }) > share("aware", "yes", { $0["age_band"] == "65+" }) + 0.15)
        #expect(black > 0.25)
        #expect(boroughs.count == 33)
        #expect(consent >= 0.55 && consent <= 0.65)
        #expect(share("mode", "paper", { $0["age_band"] == "65+" }) > share("mode", "paper", { $0["age_band"] == "18-24" }))
    }

    @Test func partnersDifferBySector() {
        let rows = SampleFixtures.rows(SampleFixtures.partner)
        func mean(_ column: String, _ sector: String) -> Double {
            let values = rows.filter { $0["sector"] == sector }.compactMap { Double($0[column] ?? "") }
            return values.reduce(0, +) / Double(values.count)
        }
        let others = rows.filter { $0["sector"] != "police" && !($0["briefed"] ?? "").isEmpty }
        let unbriefed = Double(others.filter { $0["briefed"] == "no" }.count) / Double(others.count)
        print("familiarity police \(mean("familiarity", "police")) health \(mean("familiarity", "health")); non-police never briefed \(unbriefed)")
        #expect(Set(rows.compactMap { $0["sector"] }.filter { !$0.isEmpty }).count == 8)
        #expect(mean("familiarity", "police") > mean("familiarity", "health") + 1)
        #expect(mean("confidence", "police") > mean("confidence", "voluntary") + 1)
        #expect(unbriefed >= 0.4)
    }
}
