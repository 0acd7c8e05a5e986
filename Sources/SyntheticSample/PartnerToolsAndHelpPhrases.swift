/// How partners place the Matrix among other tools, what worries them, and what would help.
enum PartnerToolsPhrases {
    static let police: [Phrases] = [
        Phrases(themes: [.otherTools], ["It sits alongside Trident, the Violent Crime Taskforce and county lines work. It informs but does not authorise stop and search",
                 "One of several risk tools, alongside MAPPA, IOM and the missing persons risk process",
                 "It is the gang element of the wider knife crime strategy",
                 .coded("It complements stop and search by making it intelligence-led rather than random", .otherTools, .positive),
                 "Matrix nominals are often also flagged in county lines and exploitation work"]),
    ]
    static let overlap: [Phrases] = [
        Phrases(themes: [.otherTools], ["There is a lot of overlap with {panel}, MARAC and the YOS risk assessments",
                 "Too many overlapping lists: the Matrix, county lines, CSE, missing children, each with different thresholds",
                 .coded("It sits awkwardly with contextual safeguarding, which looks at places and peer groups rather than labelling individuals", .otherTools, .stigma),
                 "It pulls against the public health approach the borough has signed up to",
                 .coded("Young people experience it as part of the same thing as stop and search and section 60", .otherTools, .enforcement),
                 .coded("Like Prevent, it is a list young people end up on without knowing, and that shapes how services see them", .otherTools, .notTold, .stigma)]),
    ]
    static let unclear: [Phrases] = [
        Phrases(["Unclear", "I don't know how it fits, which is itself a concern", "No one has explained how it relates to our own processes",
                 "Not sure", "It seems to sit on its own"]),
    ]
    static let concern: [Phrases] = [
        Phrases([.coded("The disproportionality is stark and needs to be explained publicly", .racial, .transparency),
                 .coded("There are children on it, and I am not convinced that is compatible with a safeguarding approach", .age),
                 .coded("Inclusion on the basis of association or music videos is a real concern", .association),
                 .coded("Once a young person is known to be on it, it shapes how every agency treats them", .stigma, .services),
                 .coded("The ICO enforcement notice should have prompted a much wider review", .rights, .oversight),
                 .coded("There is no clear process for challenge or removal", .challenge)]),
    ]
}

/// What partners say would give partners and the public better information.
enum PartnerHelpPhrases {
    static let guidance: [Phrases] = [
        Phrases(themes: [.transparency], ["Clear written guidance for partners on what the Matrix is, what it is not, and what we may lawfully do with it",
                 "A briefing for all partner agencies, not just community safety", .coded("A single borough-wide data sharing agreement", .sharing),
                 .coded("Training for DSLs and housing officers", .engagement), .coded("A named contact in the police for questions", .engagement)]),
    ]
    static let publicInformation: [Phrases] = [
        Phrases(themes: [.transparency], ["A public-facing explanation on the Met website in plain English", "Published data, including breakdowns by age, ethnicity and borough",
                 "Published criteria for inclusion, scoring and removal", "An FAQ that youth workers and teachers can share with families",
                 "Materials in community languages"]),
    ]
    static let rights: [Phrases] = [
        Phrases([.coded("Notification to individuals and families when they are added, with a route to challenge", .notification, .challenge),
                 .coded("A clear process for subject access requests and removal", .challenge, .rights), .coded("Independent oversight and regular audit, for example by MOPAC", .oversight),
                 .coded("An independent review of the whole tool", .oversight)]),
    ]
    static let engagement: [Phrases] = [
        Phrases(themes: [.engagement], ["Community engagement sessions co-run with youth workers", "Involve young people in designing the information",
                 "Use trusted voices, not just officers", "Regular updates at ward panels and safer neighbourhood boards"]),
    ]
    static let defend: [Phrases] = [
        Phrases(themes: [.transparency], [.coded("Better communication of the safeguarding side of the work", .transparency, .support), .coded("Explaining the exit and diversion support attached to it", .transparency, .support),
                 "A clear public statement correcting the misinformation in recent reports"]),
    ]
    static let abolish: [Phrases] = [
        Phrases(themes: [.abolish], ["Scrap it and start again with a safeguarding focus", "Honestly, I think it should be abolished"]),
    ]
    static let unsure: [Phrases] = [Phrases(["Don't know", "Not sure", "N/A"])]
}

/// Extra partner phrasings, by theme, to keep 300 professional answers from converging.
extension PartnerToolsPhrases {
    static let moreOverlap: [Phrases] = [
        Phrases(themes: [.otherTools], ["In practice the Matrix, the county lines list and the exploitation panel discuss the same twenty young people",
                 "Our YOS uses AssetPlus; how that relates to a Matrix score has never been explained",
                 "The knife crime action plan refers to it but does not say how it is used",
                 "It is hard to reconcile with a trauma-informed approach",
                 .coded("It reinforces stop and search rather than offering anything different", .otherTools, .enforcement),
                 "Contextual safeguarding asks us to look at places; the Matrix looks at names"]),
    ]
}

extension PartnerHelpPhrases {
    static let more: [Phrases] = [
        Phrases(themes: [.transparency], ["A short guide that frontline staff can hand to a young person or parent",
                 "Quarterly figures at the community safety partnership, with commentary",
                 .coded("A joint statement from the police and the council on what partners may and may not do with the information", .transparency, .sharing),
                 .coded("Clarity on retention: how long names are kept and what happens when someone is removed", .transparency, .rights),
                 .coded("Regular training refreshed when staff change, not a one-off", .engagement),
                 "Being honest that the tool has problems, and saying what is being done about them"]),
    ]
}
