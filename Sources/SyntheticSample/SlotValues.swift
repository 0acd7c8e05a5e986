/// Values for phrase slots, by voice, pre-encoded as UTF-8 so filling a slot is one append.
///
/// A slot's values are interchangeable in every phrase that uses it (check a new value reads well
/// in all of them): `{kin}` is a person ("my {kin} got stopped"), `{area}` a locative ("round here").
enum SlotValues {
    private typealias Table = [[UInt8]]

    private static func table(_ values: [String]) -> Table { values.map { Array($0.utf8) } }

    private static let kinYouth = table([
        "cousin", "little brother", "older brother", "bro", "mate", "best friend", "boy from my year",
        "bredrin", "friend from college", "cuz", "boy from my ends", "brother's friend", "mate from football",
    ])
    private static let kinAdult = table([
        "son", "eldest", "youngest", "nephew", "cousin's boy", "neighbour's son", "friend's son", "godson",
        "sister's boy", "son's best friend", "brother", "stepson", "youngest boy", "niece's boyfriend",
    ])
    private static let kinOlder = table([
        "grandson", "neighbour's boy", "nephew", "son", "great nephew", "friend's grandson",
        "eldest grandson", "lodger's son",
    ])
    private static let counts = table(["2", "3", "three", "4", "four", "like 5", "about six", "5", "two", "six or seven"])
    private static let periods = table([
        "a month", "one week", "the summer holidays", "the last year", "two weeks", "half term", "a fortnight",
        "the same week", "one month", "a few months", "the Easter holidays", "six weeks", "the space of a month",
    ])
    private static let spots = table([
        "outside the chicken shop", "by the station", "on the way home from school", "at the bus stop",
        "outside Tesco", "in the park", "on the high street", "by the cage", "outside our block",
        "outside the corner shop", "near the leisure centre", "coming out of the barbers", "on the way to college",
        "outside the mosque", "on the bus", "at the train station", "by the chicken shop on the high road", "outside his own house",
    ])
    private static let ages = table(["12", "13", "14", "15", "16", "14", "15"])
    private static let areasYouth = table(["in my ends", "round here", "on the estate", "in my area", "in the endz", "on my road"])
    private static let areasAdult = table(["round here", "on our estate", "in this area", "locally", "in our area", "on our road"])
    private static let policeYouth = table(["feds", "the feds", "police", "the police", "the boydem", "the feds", "5-0", "feds"])
    private static let policeAdult = table(["the police", "the police", "the Met", "officers", "the police", "the Met Police"])
    private static let matrixYouth = table(["the matrix", "the gangs matrix", "that list", "the matrix", "this matrix ting", "the gang list"])
    private static let matrixAdult = table(["the Matrix", "the Gangs Matrix", "this Matrix", "the list", "this database", "the gangs list", "the matrix"])
    private static let matrixProfessional = table(["the Matrix", "the Gangs Matrix", "the Matrix", "the GVM", "the Gangs Violence Matrix"])
    private static let schools = table([
        "my son's school", "the local secondary", "my old school", "my daughter's school", "the academy down the road",
        "the school round the corner", "my nephew's school", "the PRU",
    ])
    private static let schoolsYouth = table(["my school", "my college", "my old school", "my sixth form", "the PRU", "my little brother's school"])
    private static let years = table(["year 9", "year 10", "year 11", "year 8", "year 10", "year 12"])
    private static let papers = table([
        "the Guardian", "the Standard", "the Evening Standard", "the Voice", "the Metro", "BBC London",
        "Channel 4 News", "LBC", "the local paper", "the radio", "Newsnight",
    ])
    private static let socials = table(["twitter", "instagram", "snapchat", "youtube", "facebook", "whatsapp", "insta", "twitter"])
    private static let faiths = table([
        "church", "the mosque", "our church", "the tenants association", "the gurdwara", "the community centre",
        "my church", "the residents meeting",
    ])
    private static let music = table(["drill videos", "a drill video", "music videos", "a grime video", "a video on youtube", "rap videos"])
    private static let percents = table(["78%", "nearly 80%", "almost 80 percent", "like 80%", "about four in five", "78 percent", "over three quarters"])
    private static let teams = table([
        "the Gangs Unit", "the borough gangs unit", "the Safer Schools Officer", "the Community Safety team",
        "our local SNT", "the gangs co-ordinator", "the police liaison officer", "the Integrated Gangs Unit",
    ])
    private static let panels = table([
        "the gangs panel", "the Serious Youth Violence panel", "the monthly partnership meeting", "the Gangs Violence panel",
        "the Community MARAC", "the exploitation panel", "the SYV tasking meeting", "the multi-agency gangs meeting",
    ])
    private static let documents = table([
        "an information sharing agreement", "a data sharing protocol", "the ISA", "a spreadsheet", "an encrypted email",
        "a password-protected spreadsheet", "a secure email", "a briefing note",
    ])

    /// The bytes for `slot`, in `voice`, for a writer living in `borough`.
    static func value(_ slot: Slot, voice: Voice, borough: [UInt8], _ rng: inout SeededRandom) -> [UInt8] {
        let young = voice == .youth
        switch slot {
        case .kin: return rng.pick(young ? kinYouth : voice == .older ? kinOlder : kinAdult)
        case .n: return rng.pick(counts)
        case .period: return rng.pick(periods)
        case .spot: return rng.pick(spots)
        case .age: return rng.pick(ages)
        case .area:
            if rng.chance(0.25) { return Array("in ".utf8) + borough }
            return rng.pick(young ? areasYouth : areasAdult)
        case .borough: return borough
        case .police: return rng.pick(young ? policeYouth : policeAdult)
        case .matrix: return rng.pick(young ? matrixYouth : voice == .professional ? matrixProfessional : matrixAdult)
        case .school: return rng.pick(young ? schoolsYouth : schools)
        case .year: return rng.pick(years)
        case .paper: return rng.pick(papers)
        case .social: return rng.pick(socials)
        case .faith: return rng.pick(faiths)
        case .music: return rng.pick(music)
        case .pct: return rng.pick(percents)
        case .team: return rng.pick(teams)
        case .panel: return rng.pick(panels)
        case .doc: return rng.pick(documents)
        }
    }
}
