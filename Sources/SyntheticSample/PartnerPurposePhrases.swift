/// How partner staff describe what the Matrix is for. Police staff describe it accurately and
/// defend it; others range from broadly right to unsure.
enum PartnerPurposePhrases {
    static let policeAccount: [Phrases] = [
        Phrases(["The Matrix is an intelligence tool used to identify and risk-assess gang members across London according to their propensity for violence",
                 "It identifies gang nominals and ranks them red, amber or green by a harm score, so that enforcement and diversion can be prioritised",
                 "A borough-level risk management tool. Each nominal gets a harm score based on offending and intelligence over the last three years",
                 "To identify those at greatest risk of committing or being victims of gang violence, so we can target enforcement and offer exit support",
                 "It's a prioritisation tool - it tells us where to focus finite resources to reduce serious violence",
                 "Identification and management of the most harmful gang members; it is reviewed regularly and people are removed when the risk reduces"]),
    ]
    static let policeDefence: [Phrases] = [
        Phrases(["The criticisms in the Amnesty report do not reflect how it is used day to day in this borough",
                 "Without it we would be working blind",
                 "It is as much about safeguarding as enforcement, which gets lost in the media coverage",
                 "Most of the people on it are also at risk of being victims themselves",
                 "Its use is proportionate and reviewed",
                 "The disproportionality reflects the victim and suspect profile of serious youth violence, not bias in the tool"]),
    ]
    static let accurate: [Phrases] = [
        Phrases(["To identify and manage individuals the police believe are involved in gang violence, ranked by risk",
                 "A police database of suspected gang members, scored by level of harm, used to target enforcement and interventions",
                 "As I understand it, to prioritise the most violent gang nominals for police attention and, in theory, for support",
                 "It is meant to reduce serious youth violence by focusing resources on those assessed as highest risk",
                 "Risk-ranking people linked to gangs so agencies can prioritise them, both for enforcement and for exit programmes"]),
    ]
    static let vague: [Phrases] = [
        Phrases(["I understand it is a police database of gang nominals, but I'm not clear on its exact purpose",
                 "Some kind of risk register held by the Met - beyond that I couldn't say",
                 "I believe it lists young people involved in gangs, but I've never seen it",
                 "To monitor gang members, I think"]),
    ]
    static let critical: [Phrases] = [
        Phrases(["Officially to reduce violence. In practice it operates as an enforcement list that follows young people into every service they touch",
                 "It was sold as a safeguarding tool but the young people we work with experience it purely as surveillance",
                 "A list of young black men, most of whom have never been convicted of a violent offence",
                 "Intelligence-led targeting which, from what we see, is based heavily on association and social media"]),
    ]
    static let misconception: [Phrases] = [
        Phrases(["It's the list of young people subject to gang injunctions", "It records everyone known to the YOS",
                 "I think it is the national database of gang members", "The list of children missing from education who are linked to gangs"]),
    ]
    static let unsure: [Phrases] = [
        Phrases(["Not sure", "I don't know enough to comment", "We've never been told", "Unclear", "Don't know - which is part of the problem",
                 "I honestly could not tell you"]),
    ]
}

/// How information from the Matrix reaches a partner organisation, and how it is used.
enum PartnerSharingPhrases {
    static let police: [Phrases] = [
        Phrases(["We share relevant information with partners through {panel} under {doc}",
                 "Information is shared on a need-to-know basis only; we do not circulate the full Matrix",
                 "Nominals are discussed at {panel} so that partners can put support in place",
                 "The borough gangs unit maintains it and it is reviewed monthly; partners get extracts where there's a lawful basis",
                 "Since the ICO notice sharing has been tightened and goes through {doc}",
                 "Via {team}, by secure email, to named leads only"]),
    ]
    static let localAuthority: [Phrases] = [
        Phrases(["We receive the borough Matrix from {team} via {doc}",
                 "It is tabled at {panel} and used to allocate places on the gangs exit programme",
                 "A copy sits on a restricted drive in the community safety team",
                 "Children's services get names when there is a safeguarding concern, usually verbally",
                 "It comes to {panel} as {doc} and we cross-reference it with our own caseloads",
                 "Honestly it arrives in different ways depending on which officer is in post"]),
    ]
    static let housing: [Phrases] = [
        Phrases(["We have received lists of tenants whose household members are on the Matrix",
                 "It comes up in ASB case reviews and, occasionally, in tenancy enforcement",
                 "We were asked to consider it in allocations and transfers, which made a number of us uneasy",
                 "A letter went to one of our tenants warning of possession proceedings because of her son, and I later learned this was Matrix-driven",
                 "Via {team}, usually by email, with no guidance on what we should do with it",
                 "Housing officers get told informally that a resident is \"on the Matrix\"",
                 "It reaches us as a \"for information\" email with names and no context"]),
    ]
    static let education: [Phrases] = [
        Phrases(["{team} occasionally mentions names to the DSL",
                 "We once received a list of pupils from the police with no explanation of what we were meant to do with it",
                 "It is shared verbally with the safeguarding lead, never in writing",
                 "I wouldn't know if any of our students were on it",
                 "It has been raised in exclusion discussions, which I have concerns about",
                 "Through {panel}, where school staff sometimes attend"]),
    ]
    static let youthService: [Phrases] = [
        Phrases(["We're asked for information about young people but get nothing back",
                 "We're told some of our young people are on it but not which ones",
                 "It doesn't reach us formally. Young people tell us they've been told by officers",
                 "We attend {panel} but the Matrix itself isn't shared with us",
                 "Some of our workers have been asked to share intelligence, which damages trust with the young people",
                 "Through the families, usually when something has already gone wrong"]),
    ]
    static let health: [Phrases] = [
        Phrases(["It doesn't reach us, as far as I know", "Occasionally through the MASH", "We have no formal route for it and I'm not sure we should",
                 "Clinicians are sometimes asked whether a patient is known to gangs; the Matrix is never mentioned by name",
                 "Our data goes to the VRU, nothing comes back about the Matrix"]),
    ]
    static let voluntary: [Phrases] = [
        Phrases(["We find out from families, usually after an eviction letter or a school exclusion",
                 "We only learn when a young person brings in a letter", "It doesn't come to us at all",
                 "We have asked the police whether young people we mentor are on it and been refused",
                 "Informally, through officers we have relationships with"]),
    ]
    static let other: [Phrases] = [
        Phrases(["A list arrived from the police once, with no explanation of what we were supposed to do with it",
                 "In probation we see Matrix status noted on some referrals", "Through the local {panel}", "It doesn't",
                 "A jobcentre colleague was sent names, which I didn't think was appropriate"]),
    ]
    static let none: [Phrases] = [
        Phrases(["It doesn't", "It doesn't reach us", "Never had any", "We have never received anything", "N/A", "No idea",
                 "No formal route - nothing in writing, no briefing"]),
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
        Phrases(["It's mentioned at {panel}, but we never see the list itself",
                 "We get a phone call when someone we work with is 'of interest', nothing in writing",
                 "It used to come as {doc}; since the ICO notice it has gone quiet",
                 "Mostly through individual officers, which means it depends entirely on who you know",
                 "Names are read out at {panel} and we are asked to flag anything we know"]),
        Phrases(["Nobody has explained what we are allowed to do with it",
                 "We are not clear whether we are allowed to keep it",
                 "I have never been told the legal basis for sharing it with us",
                 "It is used to prioritise cases for multi-agency discussion",
                 "In practice it shapes who gets referred for support and who gets enforcement"]),
    ]
}
