/// One synthetic community respondent: the closed answers as they appear in the CSV, plus the
/// latent traits (age, stance, voice, verbosity) that make the free text agree with them.
///
/// Distributions are deliberately skewed towards the groups the consultation reached most: young
/// Black Londoners and parents, in the boroughs where the Matrix was used most.
struct CommunityRespondent {
    let online: Bool
    let ageBand: String
    let gender: String
    let ethnicity: String
    let borough: String
    /// Borough name for the text ("London" when outside or not given).
    let boroughName: [UInt8]
    let aware: String
    let understanding: String
    let sources: [String]
    let trustCell: String
    let consent: String
    /// Latent trust 1-5 even when the trust question was skipped.
    let trust: Int
    let isYoung: Bool
    let isOlder: Bool
    let isBlack: Bool
    let isParent: Bool
    /// 0 terse, 1 middling, 2 talkative.
    let verbosity: Int
    /// Skips every open question.
    let skipsText: Bool
    let style: WritingStyle

    /// How critical the writer is, from trust: 1 for "not at all", near 0 for "completely".
    var criticism: Double { [1.0, 0.82, 0.45, 0.15, 0.05][trust - 1] }

    private static let ageTable = WeightedTable([
        ("16-17", 11.0), ("18-24", 27), ("25-34", 17), ("35-44", 16), ("45-54", 12), ("55-64", 7.5), ("65+", 5.5),
    ])
    private static let ethnicityWeights: [Double] = [17, 2, 0.5, 6, 7, 3, 2, 2, 3, 2.5, 3, 1, 2, 17, 17, 5, 1.5, 2, 0]
    private static let youngEthnicity = WeightedTable(Array(zip(OptionValues.ethnicity, ethnicityWeights)))
    private static let olderEthnicity = WeightedTable(Array(zip(OptionValues.ethnicity, ethnicityWeights.enumerated().map { i, w in
        i == 0 ? w * 2.6 : i == 1 ? w * 2 : w
    })))
    private static let boroughTable = WeightedTable(
        OptionValues.boroughs.map { ($0, OptionValues.boroughWeight[$0.code] ?? 1) }
    )
    private static let esolGroups: Set<String> = [
        "black_african", "asian_bangladeshi", "asian_other", "other_arab", "white_other", "other_any", "asian_chinese", "asian_pakistani",
    ]

    static func draw(_ rng: inout SeededRandom) -> CommunityRespondent {
        let age = ageTable.draw(&rng)
        let young = age == "16-17" || age == "18-24"
        let older = age == "55-64" || age == "65+"
        var ethnicity = (older ? olderEthnicity : youngEthnicity).draw(&rng)
        let black = ethnicity.hasPrefix("black") || ethnicity.hasPrefix("mixed_white_black")
        let white = ethnicity.hasPrefix("white")
        let parentChance: Double = (["25-34": 0.45, "35-44": 0.8, "45-54": 0.7, "55-64": 0.3] as [String: Double])[age] ?? 0
        let woman = rng.chance(parentChance > 0.4 ? 0.58 : 0.47)
        let parent = rng.chance(parentChance)
        let online = !rng.chance(age == "65+" ? 0.55 : age == "55-64" ? 0.35 : age == "16-17" ? 0.07 : 0.15)

        var voice: Voice = young ? (rng.chance(0.85) ? .youth : .plain) : older ? (rng.chance(0.65) ? .older : .plain) : .plain
        if age == "25-34" && rng.chance(0.2) { voice = .youth }
        if !young && esolGroups.contains(ethnicity) && rng.chance(0.25) { voice = .esol }

        var awareYes = ["16-17": 0.55, "18-24": 0.6, "25-34": 0.5, "35-44": 0.45, "45-54": 0.4, "55-64": 0.28, "65+": 0.18][age] ?? 0.4
        if black { awareYes += 0.12 }
        if white { awareYes -= 0.12 }
        let awareDraw = rng.unit()
        let aware = awareDraw < awareYes ? "yes" : awareDraw < awareYes + 0.16 ? "not_sure" : "no"

        let trust = drawTrust(young: young || age == "25-34", older: older, black: black, white: white, parent: parent, &rng)
        let sources = drawSources(aware: aware, young: young, older: older, &rng)
        let understanding = drawUnderstanding(aware: aware, &rng)
        let borough = boroughTable.draw(&rng)
        let boroughValue = rng.chance(0.015) ? "outside_london" : rng.chance(0.02) ? "prefer_not_to_say" : rng.chance(0.012) ? "" : borough.code
        if rng.chance(0.035) { ethnicity = "prefer_not_to_say" } else if rng.chance(0.012) { ethnicity = "" }

        let genderValue: String
        let g = rng.unit()
        if g < 0.02 { genderValue = "non_binary" } else if g < 0.027 { genderValue = "self_describe" } else if g < 0.06 {
            genderValue = "prefer_not_to_say"
        } else if g < 0.07 { genderValue = "" } else { genderValue = woman ? "woman" : "man" }
        let ageValue = rng.chance(0.03) ? "prefer_not_to_say" : rng.chance(0.012) ? "" : age

        let verbosity = rng.weightedIndex(online ? [0.38, 0.42, 0.2] : [0.55, 0.35, 0.1])
        return CommunityRespondent(
            online: online, ageBand: ageValue, gender: genderValue, ethnicity: ethnicity, borough: boroughValue,
            boroughName: Array((boroughValue == borough.code ? borough.name : "London").utf8),
            aware: rng.chance(0.01) ? "" : aware, understanding: rng.chance(0.03) ? "" : understanding,
            sources: rng.chance(online ? 0.02 : 0.06) ? [] : sources, trustCell: rng.chance(0.03) ? "" : String(trust),
            consent: rng.chance(0.02) ? "" : rng.chance(0.61) ? "yes" : "no",
            trust: trust, isYoung: young, isOlder: older, isBlack: black, isParent: parent, verbosity: verbosity,
            skipsText: rng.chance(online ? 0.06 : 0.14), style: WritingStyle.draw(voice: voice, online: online, &rng)
        )
    }

    private static func drawTrust(young: Bool, older: Bool, black: Bool, white: Bool, parent: Bool, _ rng: inout SeededRandom) -> Int {
        let weights: [Double]
        if young && black { weights = [0.46, 0.3, 0.15, 0.06, 0.03] } else if young { weights = [0.26, 0.3, 0.25, 0.14, 0.05] } else if black {
            weights = [0.32, 0.3, 0.24, 0.1, 0.04]
        } else if older && white { weights = [0.08, 0.17, 0.3, 0.3, 0.15] } else { weights = [0.17, 0.26, 0.3, 0.19, 0.08] }
        var trust = rng.weightedIndex(weights) + 1
        if parent && trust > 1 && rng.chance(0.15) { trust -= 1 }
        return trust
    }

    private static func drawUnderstanding(aware: String, _ rng: inout SeededRandom) -> String {
        let weights: [Double]
        switch aware {
        case "yes": weights = [0.05, 0.25, 0.35, 0.25, 0.1]
        case "not_sure": weights = [0.3, 0.45, 0.2, 0.05, 0]
        default: weights = [0.8, 0.15, 0.05, 0, 0]
        }
        return String(rng.weightedIndex(weights) + 1)
    }

    private static let youngSources: [Double] = [1.2, 1.5, 3.5, 0.8, 3, 0.6, 1.6, 1.4, 0.3, 0.4]
    private static let adultSources: [Double] = [1.3, 3.5, 2, 1.3, 2.2, 1.5, 0.8, 0.5, 0.8, 0.6]
    private static let olderSources: [Double] = [1.3, 4, 0.5, 0.8, 1.5, 2, 0.2, 0.2, 1.2, 0.4]

    /// Ticked `sources` in the instrument's option order; "none" only on its own.
    private static func drawSources(aware: String, young: Bool, older: Bool, _ rng: inout SeededRandom) -> [String] {
        let weights = young ? youngSources : older ? olderSources : adultSources
        let picks: Int
        switch aware {
        case "yes": picks = rng.weightedIndex([0.45, 0.35, 0.15, 0.05]) + 1
        case "not_sure": picks = rng.chance(0.55) ? 1 : 0
        default: picks = rng.chance(0.1) ? 1 : 0
        }
        guard picks > 0 else { return ["none"] }
        var chosen = Set<Int>()
        while chosen.count < picks { chosen.insert(rng.weightedIndex(weights)) }
        return chosen.sorted().map { OptionValues.sources[$0] }
    }
}
