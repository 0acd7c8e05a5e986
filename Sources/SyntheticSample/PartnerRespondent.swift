/// One synthetic partner-agency respondent: sector, closed answers and the latent traits that
/// shape the free text. Familiarity, briefing and confidence depend on the sector: police staff
/// know the tool and trust it; many other partners were never briefed.
struct PartnerRespondent {
    let online: Bool
    let sector: String
    let familiarity: Int
    let familiarityCell: String
    let briefed: String
    let confidence: Int
    let confidenceCell: String
    let borough: String
    let consent: String
    let verbosity: Int
    let style: WritingStyle

    /// How critical the respondent is: 1 for "not at all confident", near 0 for "very confident".
    var criticism: Double { [1.0, 0.75, 0.45, 0.15, 0.05][confidence - 1] }

    private static let sectorTable = WeightedTable([
        ("police", 15.0), ("local_authority", 20), ("youth_service", 15), ("education", 15), ("housing", 10),
        ("health", 8), ("voluntary", 13), ("other", 4),
    ])
    private static let boroughTable = WeightedTable(
        OptionValues.boroughs.map { ($0.code, OptionValues.boroughWeight[$0.code] ?? 1) }
    )

    private struct SectorProfile {
        let familiarity: [Double]
        let briefedYes: Double
        let confidence: [Double]
    }

    private static let profiles: [String: SectorProfile] = [
        "police": SectorProfile(familiarity: [0, 0.05, 0.2, 0.45, 0.3], briefedYes: 0.85, confidence: [0.02, 0.05, 0.15, 0.45, 0.33]),
        "local_authority": SectorProfile(familiarity: [0.05, 0.2, 0.4, 0.28, 0.07], briefedYes: 0.45, confidence: [0.12, 0.25, 0.35, 0.22, 0.06]),
        "youth_service": SectorProfile(familiarity: [0.1, 0.3, 0.35, 0.2, 0.05], briefedYes: 0.2, confidence: [0.35, 0.35, 0.2, 0.08, 0.02]),
        "education": SectorProfile(familiarity: [0.25, 0.35, 0.28, 0.1, 0.02], briefedYes: 0.18, confidence: [0.2, 0.3, 0.35, 0.12, 0.03]),
        "housing": SectorProfile(familiarity: [0.15, 0.35, 0.3, 0.15, 0.05], briefedYes: 0.25, confidence: [0.15, 0.3, 0.35, 0.15, 0.05]),
        "health": SectorProfile(familiarity: [0.4, 0.35, 0.18, 0.06, 0.01], briefedYes: 0.08, confidence: [0.2, 0.25, 0.45, 0.08, 0.02]),
        "voluntary": SectorProfile(familiarity: [0.1, 0.25, 0.35, 0.22, 0.08], briefedYes: 0.12, confidence: [0.45, 0.32, 0.15, 0.06, 0.02]),
        "other": SectorProfile(familiarity: [0.3, 0.3, 0.25, 0.12, 0.03], briefedYes: 0.15, confidence: [0.2, 0.3, 0.35, 0.12, 0.03]),
    ]

    static func draw(_ rng: inout SeededRandom) -> PartnerRespondent {
        let sector = sectorTable.draw(&rng)
        let profile = profiles[sector] ?? profiles["other"]!
        let familiarity = rng.weightedIndex(profile.familiarity) + 1
        let b = rng.unit()
        let briefed = b < profile.briefedYes ? "yes" : b < profile.briefedYes + (1 - profile.briefedYes) * 0.3 ? "not_sure" : "no"
        let confidence = rng.weightedIndex(profile.confidence) + 1
        let online = !rng.chance(0.05)
        let frontline = sector == "youth_service" || sector == "voluntary"
        let voice: Voice = frontline && rng.chance(0.35) ? .plain : .professional
        let borough = rng.chance(0.02) ? "outside_london" : rng.chance(0.03) ? "prefer_not_to_say" : boroughTable.draw(&rng)
        return PartnerRespondent(
            online: online, sector: rng.chance(0.01) ? "" : sector,
            familiarity: familiarity, familiarityCell: rng.chance(0.02) ? "" : String(familiarity),
            briefed: rng.chance(0.02) ? "" : briefed,
            confidence: confidence, confidenceCell: rng.chance(0.03) ? "" : String(confidence),
            borough: borough, consent: rng.chance(0.02) ? "" : rng.chance(0.58) ? "yes" : "no",
            verbosity: rng.weightedIndex([0.3, 0.45, 0.25]),
            style: WritingStyle.draw(voice: voice, online: online, &rng)
        )
    }
}
