/// The design of the focus-group sessions: where, with whom, when and how many took part.
///
/// The first eight sessions follow a fixed design (each group type twice, in high-use boroughs);
/// further sessions cycle on through other boroughs. Dates (September-October 2018), participant
/// counts (5-9) and who consented to be quoted are seeded.
struct FocusGroupPlan: Sendable {
    let number: Int
    let date: String
    let borough: String
    let groupType: String
    let participants: Int
    /// Participant numbers (1-based) who agreed to be quoted.
    let consenting: [Int]
    /// How each participant talks: voice and gender, by participant number - 1.
    let speakers: [Speaker]

    struct Speaker: Sendable {
        let voice: Voice
        let isWoman: Bool
        /// Relative share of the talking.
        let talkativeness: Double
    }

    var id: String { "fg-" + (number < 10 ? "0" : "") + String(number) }

    static let groupLabels = [
        "young_people": "young people", "parents_carers": "parents and carers",
        "community_faith": "community and faith leaders", "practitioners": "youth and community practitioners",
    ]

    private static let design: [(String, String)] = [
        ("Lambeth", "young_people"), ("Haringey", "parents_carers"), ("Newham", "community_faith"), ("Southwark", "practitioners"),
        ("Croydon", "young_people"), ("Hackney", "parents_carers"), ("Brent", "community_faith"), ("Lewisham", "practitioners"),
        ("Tower Hamlets", "young_people"), ("Waltham Forest", "parents_carers"), ("Enfield", "community_faith"), ("Islington", "practitioners"),
    ]

    /// `count` sessions, numbered from 1 and dated in order.
    static func sessions(count: Int, seed: UInt64) -> [FocusGroupPlan] {
        guard count > 0 else { return [] }
        var rng = SeededRandom(seed: seed, stream: SampleGenerator.focusGroupStream, index: UInt64.max)
        // Days since 3 September 2018 (a Monday), weekday evenings and the odd Saturday, sorted.
        let days = (0..<count).map { _ in rng.int(in: 0...58) }.sorted()
        return days.enumerated().map { i, day in
            let (borough, groupType) = design[i % design.count]
            let participants = rng.int(in: 5...9)
            var consenting = (1...participants).filter { _ in rng.chance(0.72) }
            if rng.chance(0.12) { consenting = Array(1...participants) }
            let speakers = (1...participants).map { _ in
                Speaker(voice: voice(for: groupType, &rng), isWoman: rng.chance(womanShare(groupType)), talkativeness: 0.3 + rng.unit() * 1.7)
            }
            return FocusGroupPlan(number: i + 1, date: date(daysAfterSeptember3: day), borough: borough, groupType: groupType,
                                  participants: participants, consenting: consenting, speakers: speakers)
        }
    }

    private static func voice(for groupType: String, _ rng: inout SeededRandom) -> Voice {
        switch groupType {
        case "young_people": .youth
        case "parents_carers": rng.chance(0.12) ? .esol : .plain
        case "community_faith": rng.chance(0.5) ? .older : .plain
        default: .professional
        }
    }

    private static func womanShare(_ groupType: String) -> Double {
        ["young_people": 0.35, "parents_carers": 0.8, "community_faith": 0.45][groupType] ?? 0.6
    }

    private static func date(daysAfterSeptember3 day: Int) -> String {
        let dayOfYear = day + 3
        return dayOfYear <= 30 ? "2018-09-" + pad(dayOfYear) : "2018-10-" + pad(dayOfYear - 30)
    }

    private static func pad(_ n: Int) -> String { n < 10 ? "0" + String(n) : String(n) }
}
