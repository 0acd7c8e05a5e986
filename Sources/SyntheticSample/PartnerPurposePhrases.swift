/// How partner staff describe what the Matrix is for. Police staff describe it accurately and
/// defend it; others range from broadly right to unsure.
enum PartnerPurposePhrases {
    static let policeAccount: [Phrases] = [
        Phrases(themes: [.aware, .purpose], ["The Matrix is an intelligence tool used to identify and risk-assess gang members across London according to their propensity for violence",
                 "It identifies gang nominals and ranks them red, amber or green by a harm score, so that enforcement and diversion can be prioritised",
                 "A borough-level risk management tool. Each nominal gets a harm score based on offending and intelligence over the last three years",
                 .coded("To identify those at greatest risk of committing or being victims of gang violence, so we can target enforcement and offer exit support", .aware, .purpose, .support, .victims),
                 "It's a prioritisation tool - it tells us where to focus finite resources to reduce serious violence",
                 "Identification and management of the most harmful gang members; it is reviewed regularly and people are removed when the risk reduces"]),
    ]
    static let policeDefence: [Phrases] = [
        Phrases([.coded("The criticisms in the Amnesty report do not reflect how it is used day to day in this borough", .highTrust),
                 .coded("Without it we would be working blind", .positive),
                 .coded("It is as much about safeguarding as enforcement, which gets lost in the media coverage", .support),
                 .coded("Most of the people on it are also at risk of being victims themselves", .victims),
                 .coded("Its use is proportionate and reviewed", .highTrust),
                 .coded("The disproportionality reflects the victim and suspect profile of serious youth violence, not bias in the tool", .racial)]),
    ]
    static let accurate: [Phrases] = [
        Phrases(themes: [.aware, .purpose], ["To identify and manage individuals the police believe are involved in gang violence, ranked by risk",
                 "A police database of suspected gang members, scored by level of harm, used to target enforcement and interventions",
                 "As I understand it, to prioritise the most violent gang nominals for police attention and, in theory, for support",
                 "It is meant to reduce serious youth violence by focusing resources on those assessed as highest risk",
                 "Risk-ranking people linked to gangs so agencies can prioritise them, both for enforcement and for exit programmes"]),
    ]
    static let vague: [Phrases] = [
        Phrases(themes: [.aware], ["I understand it is a police database of gang nominals, but I'm not clear on its exact purpose",
                 "Some kind of risk register held by the Met - beyond that I couldn't say",
                 "I believe it lists young people involved in gangs, but I've never seen it",
                 .coded("To monitor gang members, I think", .aware, .purpose)]),
    ]
    static let critical: [Phrases] = [
        Phrases([.coded("Officially to reduce violence. In practice it operates as an enforcement list that follows young people into every service they touch", .aware, .purpose, .enforcement, .services),
                 .coded("It was sold as a safeguarding tool but the young people we work with experience it purely as surveillance", .aware, .enforcement),
                 .coded("A list of young black men, most of whom have never been convicted of a violent offence", .aware, .racial),
                 .coded("Intelligence-led targeting which, from what we see, is based heavily on association and social media", .aware, .association)]),
    ]
    static let misconception: [Phrases] = [
        Phrases(themes: [.aware, .misconception], ["It's the list of young people subject to gang injunctions", "It records everyone known to the YOS",
                 "I think it is the national database of gang members", "The list of children missing from education who are linked to gangs"]),
    ]
    static let unsure: [Phrases] = [
        Phrases(themes: [.unaware], ["Not sure", "I don't know enough to comment", .coded("We've never been told", .infoNone, .unaware), "Unclear", "Don't know - which is part of the problem",
                 "I honestly could not tell you"]),
    ]
}

/// How information from the Matrix reaches a partner organisation, and how it is used.
enum PartnerSharingPhrases {
    static let police: [Phrases] = [
        Phrases(themes: [.sharing], ["We share relevant information with partners through {panel} under {doc}",
                 "Information is shared on a need-to-know basis only; we do not circulate the full Matrix",
                 .coded("Nominals are discussed at {panel} so that partners can put support in place", .sharing, .support),
                 "The borough gangs unit maintains it and it is reviewed monthly; partners get extracts where there's a lawful basis",
                 .coded("Since the ICO notice sharing has been tightened and goes through {doc}", .sharing, .rights),
                 "Via {team}, by secure email, to named leads only"]),
    ]
    static let localAuthority: [Phrases] = [
        Phrases(themes: [.sharing], ["We receive the borough Matrix from {team} via {doc}",
                 .coded("It is tabled at {panel} and used to allocate places on the gangs exit programme", .sharing, .support),
                 "A copy sits on a restricted drive in the community safety team",
                 "Children's services get names when there is a safeguarding concern, usually verbally",
                 "It comes to {panel} as {doc} and we cross-reference it with our own caseloads",
                 "Honestly it arrives in different ways depending on which officer is in post"]),
    ]
    static let housing: [Phrases] = [
        Phrases(themes: [.sharing], ["We have received lists of tenants whose household members are on the Matrix",
                 .coded("It comes up in ASB case reviews and, occasionally, in tenancy enforcement", .sharing, .services),
                 .coded("We were asked to consider it in allocations and transfers, which made a number of us uneasy", .sharing, .services),
                 .coded("A letter went to one of our tenants warning of possession proceedings because of her son, and I later learned this was Matrix-driven", .sharing, .services),
                 "Via {team}, usually by email, with no guidance on what we should do with it",
                 "Housing officers get told informally that a resident is \"on the Matrix\"",
                 "It reaches us as a \"for information\" email with names and no context"]),
    ]
    static let education: [Phrases] = [
        Phrases(themes: [.sharing], ["{team} occasionally mentions names to the DSL",
                 "We once received a list of pupils from the police with no explanation of what we were meant to do with it",
                 "It is shared verbally with the safeguarding lead, never in writing",
                 .coded("I wouldn't know if any of our students were on it"),
                 .coded("It has been raised in exclusion discussions, which I have concerns about", .sharing, .services),
                 "Through {panel}, where school staff sometimes attend"]),
    ]
    static let youthService: [Phrases] = [
        Phrases(themes: [.sharing], ["We're asked for information about young people but get nothing back",
                 "We're told some of our young people are on it but not which ones",
                 .coded("It doesn't reach us formally. Young people tell us they've been told by officers"),
                 .coded("We attend {panel} but the Matrix itself isn't shared with us"),
                 "Some of our workers have been asked to share intelligence, which damages trust with the young people",
                 .coded("Through the families, usually when something has already gone wrong", .infoCommunity)]),
    ]
    static let health: [Phrases] = [
        Phrases(["It doesn't reach us, as far as I know", .coded("Occasionally through the MASH", .sharing), .coded("We have no formal route for it and I'm not sure we should", .sharing),
                 .coded("Clinicians are sometimes asked whether a patient is known to gangs; the Matrix is never mentioned by name", .sharing),
                 "Our data goes to the VRU, nothing comes back about the Matrix"]),
    ]
    static let voluntary: [Phrases] = [
        Phrases([.coded("We find out from families, usually after an eviction letter or a school exclusion", .services),
                 "We only learn when a young person brings in a letter", "It doesn't come to us at all",
                 .coded("We have asked the police whether young people we mentor are on it and been refused", .challenge),
                 .coded("Informally, through officers we have relationships with", .sharing)]),
    ]
    static let other: [Phrases] = [
        Phrases(themes: [.sharing], ["A list arrived from the police once, with no explanation of what we were supposed to do with it",
                 "In probation we see Matrix status noted on some referrals", "Through the local {panel}", .coded("It doesn't"),
                 "A jobcentre colleague was sent names, which I didn't think was appropriate"]),
    ]
    static let none: [Phrases] = [
        Phrases([.coded("It doesn't"), "It doesn't reach us", .coded("Never had any", .infoNone), .coded("We have never received anything", .infoNone), "N/A", "No idea",
                 .coded("No formal route - nothing in writing, no briefing", .infoNone)]),
    ]

    static func pool(for sector: String) -> [Phrases] {
        switch sector {
        case "police": police
        case "local_authority": localAuthority
        case "housing": housing
        case "education": education
        case "youth_service": youthService
        case "health": health
        case "voluntary": voluntary
        default: other
        }
    }
}

extension PartnerSharingPhrases {
    /// Further accounts that any sector gives, mixed into the sector's own.
    static let anySector: [Phrases] = [
        Phrases(themes: [.sharing], ["It's mentioned at {panel}, but we never see the list itself",
                 "We get a phone call when someone we work with is 'of interest', nothing in writing",
                 .coded("It used to come as {doc}; since the ICO notice it has gone quiet", .sharing, .rights),
                 "Mostly through individual officers, which means it depends entirely on who you know",
                 "Names are read out at {panel} and we are asked to flag anything we know"]),
        Phrases([.coded("Nobody has explained what we are allowed to do with it", .infoNone),
                 .coded("We are not clear whether we are allowed to keep it", .rights),
                 .coded("I have never been told the legal basis for sharing it with us", .sharing, .rights),
                 .coded("It is used to prioritise cases for multi-agency discussion", .sharing),
                 .coded("In practice it shapes who gets referred for support and who gets enforcement", .support, .enforcement)]),
    ]
}
