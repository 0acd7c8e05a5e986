/// What community respondents write when asked what the Matrix is and what it is for.
///
/// Pools follow what the writer knows: nothing, a guess, a broadly right account, a mistaken one,
/// or a view of what it is "really" for. Phrasings are ours; none is copied from real answers.
enum CommunityWhatIsPhrases {
    /// Has not heard of it.
    static let unaware: [Phrases] = [
        Phrases(themes: [.unaware], youth: ["never heard of it", "no idea", "idk", "dunno", "no clue", "never heard of it b4 this", "nah never heard of it"],
                ["Never heard of it", "No idea", "I don't know", "Don't know", "Not a clue", "No idea, sorry"],
                older: ["I have never heard of it", "I'm afraid I don't know", "I do not know what this is"],
                esol: ["I don't know this", "I not hear about this before", "Sorry I don't know"]),
        Phrases(themes: [.unaware], youth: ["no idea what that is tbh", "never heard of it until this survey", "genuinely dont know"],
                ["I have no idea, this is the first I've heard of it", "Never heard of it before today",
                 .coded("I honestly don't know. Nobody has ever mentioned it to me", .unaware, .infoNone), "Not heard of it. Should I have?",
                 .coded("Don't know - nobody has ever told us about it", .unaware, .infoNone)],
                older: ["This is the first I have heard of it and I have lived in {borough} all my life",
                        "I have no idea. I read the paper every day and don't recall it"],
                esol: ["Before this form I never hear this name", .coded("Nobody tell us about this thing", .unaware, .infoNone)]),
        Phrases(themes: [.unaware], youth: ["dont know", .coded("?"), "no", "idk sorry", "not sure"], ["Don't know", .coded("?"), "No", "Unsure", "Not sure", "Dont know"]),
    ]

    /// Has not heard of it but guesses, often as a question (a question is not a stated belief).
    static let guess: [Phrases] = [
        Phrases(themes: [.unaware], youth: ["is it the list for people on tags?", "sounds like a film lol", "something to do with gangs obviously? lol",
                        "is it like a gang database or smth", "no idea, is it the thing from the news with the drill videos?"],
                ["Isn't that the list for people on tags?", "No idea. Is it something to do with gangs?",
                 "Don't know. Guessing from the name it's a list of gang members?", "Is it like a criminal record?",
                 "Something the council does?", "Is it the thing that was on the news about the Met keeping lists?"],
                older: ["I assume it is some sort of police record of gangs, but I am only guessing",
                        "Is it to do with the young people and knives? I really don't know"],
                esol: ["Is it list of bad boys?", "Maybe it is about the gangs? I am not sure"]),
    ]

    /// Has a vague idea.
    static let vague: [Phrases] = [
        Phrases(themes: [.aware], youth: [.coded("a list the feds keep? not really sure", .unaware), "i think its a list of ppl they think are in gangs but dunno how it works",
                        .coded("heard the name but couldnt tell u what it is", .aware, .unaware), "smth to do with gangs and the police innit"],
                ["Something about gangs I think", .coded("A list the police keep? Not really sure", .unaware),
                 .coded("Heard the name on the radio but couldn't tell you what it is", .aware, .unaware, .infoMedia), "Some kind of police database, I think",
                 "I think it's where the police put the names of people they think are in gangs, but I'm not sure how it works"],
                older: ["I believe it is a police list of some kind, but I could not tell you more than that"],
                esol: ["I think police have list for gangs but I don't know more"]),
    ]

    /// Broadly accurate accounts of its purpose.
    static let accurate: [Phrases] = [
        Phrases(themes: [.aware, .purpose], youth: ["its a list {police} keep of ppl they reckon are in gangs, everyone gets a score red amber green",
                        "a database of suspected gang members, they rank u by how violent they think u are",
                        "list of ppl the met think are in gangs, supposed to be for stopping the violence"],
                ["A database the Met keeps of people they think are in gangs. Everyone on it gets a score for how violent they are (red, amber, green)",
                 "It's a list the police use to rank people by how likely they are to be involved in violence",
                 "A tool to identify and risk-rank people involved in gang violence, supposedly to reduce violence",
                 "The Met's list of suspected gang members, scored for harm, so they can decide who to focus on"],
                older: ["As I understand it, it is a database of suspected gang members which the police use to decide who poses the greatest risk of violence"]),
        Phrases(themes: [.aware, .purpose], youth: ["its meant to be for stopping stabbings n shootings by watching the ones most likely to do it",
                        "supposed to help {police} focus on the ppl causing the violence and get them help to get out, thats the theory anyway"],
                ["It's the Met's list of suspected gang members. It's meant to target the most violent so they can prioritise them and offer help to get out, that's the theory anyway",
                 "Supposed to be about stopping stabbings and shootings by keeping an eye on the people most likely to be involved",
                 "The police risk-assess young people they believe are linked to gangs and put them on a list with a harm score",
                 "From what I've read it started after the 2011 riots to keep track of gang members across London"],
                older: ["A register kept by the Metropolitan Police of individuals they believe to be involved in gang violence, so they can be monitored"],
                esol: ["Police keep names of people in gangs and give them a score for danger"]),
        Phrases(themes: [.aware, .purpose], youth: [.coded("the met's gang database. u get points for stuff like carrying, being stabbed, who ur with, then a colour", .aware, .purpose, .association, .victims),
                        "its a ranking, the higher ur score the more they're on u"],
                ["A borough-by-borough list of so-called gang nominals with a harm score worked out from offences and police intelligence",
                 "A ranking system. The higher your score, the more attention you get from the police, and in theory from services",
                 "It's supposed to pick out the small number of people doing most of the violence so the police can concentrate on them",
                 .coded("The police's way of deciding which young people are the biggest risk, both as attackers and as victims", .aware, .purpose, .victims)],
                older: ["I understand it to be an attempt to identify the relatively few individuals responsible for most serious violence"]),
    ]

    /// States something mistaken about it.
    static let misconception: [Phrases] = [
        Phrases(themes: [.aware, .misconception], youth: ["its like a criminal record for gang ppl", "once ur on it ur on it for life", .coded("its for drugs, county lines n that", .aware, .misconception, .otherTools),
                        .coded("a list of every young black boy in the area basically", .aware, .misconception, .racial)],
                ["It's a criminal record for gang members", "It's a list of everyone in the area who's been arrested",
                 "It's the \"most wanted\" list for gangs",
                 .coded("Something to do with drugs and county lines", .aware, .misconception, .otherTools), "It's the council's list of troubled families",
                 "A register like the sex offenders one, anyone can look you up on it", "Once you're on it you're on it for life",
                 .coded("A list of every young black man in the area", .aware, .misconception, .racial)],
                older: ["I believe it is a public register of gang members, similar to the sex offenders register",
                        "It is the list the council and police share of problem families on the estates"],
                esol: ["It is the record for people who go to prison", "It is for the drugs I think, the police check it"]),
    ]

    /// A view of what it is "really" for.
    static let critical: [Phrases] = [
        Phrases(youth: [.coded("a list of young black boys {police} have decided are gang members", .aware, .racial), .coded("an excuse to harass young ppl", .enforcement),
                        .coded("basically a list so {police} can keep stopping the same ppl", .aware, .enforcement), .coded("racial profiling wiv a spreadsheet", .racial),
                        .coded("its how they keep tabs on the mandem", .enforcement), .coded("a way to label kids from the estates as gangsters", .stigma, .association)],
                [.coded("A list of young black men the police have decided are gang members", .aware, .racial), .coded("An excuse to harass young people", .enforcement),
                 .coded("A database that labels kids as gangsters because of who they're friends with and what music they listen to", .aware, .stigma, .association),
                 .coded("It's racial profiling with a spreadsheet", .racial), .coded("It's what they use to justify stopping the same boys over and over", .enforcement)],
                older: [.coded("Officially it is about gang violence. In practice it seems to be a way of keeping tabs on young black men", .aware, .purpose, .racial, .enforcement)],
                esol: [.coded("It is for police to stop black boys more", .racial, .enforcement)]),
        Phrases(youth: [.coded("a hit list for the feds basically", .enforcement), .coded("its just surveillance, they watch ur socials n everything", .enforcement)],
                [.coded("A surveillance list dressed up as safeguarding", .enforcement), .coded("Intelligence gathering on children, basically", .age, .enforcement),
                 .coded("It's a way of criminalising whole friendship groups", .association), .coded("Another way to keep an eye on the estates", .enforcement)],
                older: [.coded("An instrument of surveillance over a particular section of the community", .enforcement)]),
    ]

    /// Thinks it is a good thing.
    static let supportive: [Phrases] = [
        Phrases(themes: [.aware, .purpose, .positive], youth: ["its for keeping track of the ppl doing the stabbings, makes sense tbh"],
                ["A sensible tool to keep track of the dangerous ones", "It helps the police know who is causing the violence so they can focus on them. Good idea",
                 "A way for the police to stay on top of gang crime, which we need"],
                older: ["A necessary record so the police know who the troublemakers are", "It allows the police to keep an eye on known gang members, which is only right"]),
    ]

    /// Words people put before an account ("From what I've read,").
    static let hedges = Phrases(youth: ["from what ive heard", "basically", "tbh", "apparently", "as far as i know"],
                                ["From what I've read,", "As far as I know,", "Basically", "Officially,", "Apparently", "In a nutshell,"],
                                older: ["As I understand it,", "So far as I am aware,"],
                                esol: ["For me,"])
}
