/// How community respondents place the Matrix among other police work, and what they say would
/// give them better information.
enum CommunityToolsPhrases {
    static let sameAsStopSearch: [Phrases] = [
        Phrases(themes: [.otherTools, .enforcement], youth: ["its stop n search all over again", .coded("same thing different name", .otherTools), "the matrix just tells {police} who to stop",
                        "they use it to decide who to search innit", "its all connected, matrix, stop n search, section 60, all of it"],
                ["It's stop and search all over again", .coded("Same thing, different name", .otherTools), "It's just the list they use to decide who to stop and search",
                 "It feeds stop and search, you get stopped because you're on it and you stay on it because you get stopped",
                 "Section 60s, stop and search, the Matrix, it's all the same approach"],
                older: ["It seems to me part and parcel of stop and search", .coded("It is the modern version of the sus laws", .otherTools, .racial)],
                esol: ["It is same like stop and search"]),
    ]
    static let otherLists: [Phrases] = [
        Phrases(themes: [.otherTools], youth: ["trident, county lines, the matrix, theres so many lists", .coded("its like prevent but for black kids", .otherTools, .racial)],
                [.coded("It's like Prevent but for black kids instead of Muslims", .otherTools, .racial), "Trident, county lines, knife crime teams, the Matrix - there's so many initiatives nobody knows what's what",
                 "The police have so many lists and databases, this is just another one", "It's probably linked to the county lines work",
                 .coded("It reminds me of Prevent, a list you end up on without knowing", .otherTools, .notTold)],
                older: ["I assume it sits with Operation Trident, though nobody has explained how"],
                esol: ["Like Prevent for the Muslim children, same idea"]),
        Phrases(themes: [.otherTools], youth: [.coded("county lines is a real thing tho, they should go after the olders not the yutes", .otherTools, .age), "knife crime team, gangs unit, its all the same feds"],
                [.coded("The county lines stuff is real, kids are being exploited, but the Matrix treats them as the criminals", .otherTools, .age),
                 .coded("Knife crime is the excuse for all of it, the Matrix, the searches, the dogs at the station", .otherTools, .enforcement),
                 .coded("Operation Trident used to be about guns, now it seems to be about anyone young and black", .otherTools, .racial, .age),
                 "It's one of a dozen databases, and probably the people on one are on all of them",
                 .coded("It's like the risk registers social services keep, except nobody's told", .otherTools, .notTold)],
                older: ["It appears to be one more instrument in a long line, from the sus laws to section 60",
                        "I would like to understand how it relates to the work on knife crime, because the two are presented separately"]),
    ]
    static let supportsTools: [Phrases] = [
        Phrases(themes: [.otherTools, .positive], youth: [.coded("stop n search is needed tbh, too many ppl carrying", .otherTools)],
                [.coded("Stop and search is necessary with the knife crime we've got", .otherTools), "They need both, you can't tackle knife crime without intelligence",
                 "It makes sense to target stop and search at the people most likely to carry", "I'd rather they used intelligence than stopped everyone"],
                older: ["Stop and search saves lives and the Matrix helps target it", "It is a sensible part of tackling knife crime"]),
        Phrases(themes: [.otherTools, .positive], youth: ["if it means they stop the right ppl instead of everyone then ok"],
                ["Better targeted stop and search is better than random stop and search", .coded("Every tool helps if it gets knives off the street", .positive),
                 "I'd rather they had a list than stopped every kid in a hoodie"],
                older: [.coded("The police need intelligence to direct their efforts, and this is part of that", .positive)]),
    ]
    static let unsure: [Phrases] = [
        Phrases(youth: ["dunno", "no idea", "not sure", "idk what trident is"],
                ["Don't know", "Not sure", "I don't know enough to say", "No idea how they fit together", "Don't know what Trident is to be honest"],
                older: ["I am not in a position to say"], esol: ["I don't know"]),
    ]
    static let separate: [Phrases] = [
        Phrases(youth: ["i didnt even know they were linked"],
                ["I don't see the connection", "I didn't know they were linked", "I thought they were separate things",
                 "I don't think most people would connect the two"]),
    ]
    static let experience: [Phrases] = [
        Phrases(themes: [.enforcement], youth: ["every time they search me they already know my name, now i know why", "my {kin} got searched {spot} n the fed said he was known to them"],
                ["Every time they stop my {kin} they already know his name", "When they searched my {kin} {spot} the officer said he was 'known to police'",
                 .coded("They knife-arch the station and then stop the same faces anyway", .enforcement, .otherTools)],
                esol: ["They stop my son and they know his name already"]),
    ]
}

/// What community respondents say would give them better information.
enum CommunityHelpPhrases {
    static let transparency: [Phrases] = [
        Phrases(themes: [.transparency], youth: ["tell us how it actually works", "publish the numbers", "be honest about it", "put it on the website in normal words"],
                ["Publish how it works", "Publish the figures by age and race every year", "Tell us the criteria", "A proper explanation on the Met website",
                 "Be honest about who is on it and why", "Clear information in plain English"],
                older: ["A clear public statement of what it is, how it works and who is on it", "Regular published statistics"],
                esol: ["Explain in simple words", "Information in other languages, not only English"]),
        Phrases(themes: [.transparency], youth: ["just be straight with ppl", "explain the scores n how u get off it", "stop hiding it"],
                ["Explain how the scoring works and what gets you off it", "An annual report on it, like they do for stop and search",
                 "Honesty about the numbers, including how many are black and how many are children",
                 "Tell us what happens to the information and who it goes to", "A simple factsheet: what it is, who's on it, how to challenge it"],
                older: ["An honest account of its purpose and its results, published every year"]),
    ]
    static let notification: [Phrases] = [
        Phrases(themes: [.notification], youth: ["tell ppl when they're on it", "send a letter if ur on it"],
                ["Tell people when they're put on it", "A letter when you're added and when you're taken off", "Parents should be told if their child is on it",
                 .coded("Let people check if they're on it", .challenge)],
                older: ["Families should be informed in writing"], esol: ["Tell the parents please"]),
    ]
    static let engagement: [Phrases] = [
        Phrases(themes: [.engagement], youth: ["come n talk to young ppl not at us", "go into schools n youth clubs", "use ppl we actually trust like youth workers",
                        .coded("do it on insta, nobody reads leaflets", .transparency), "come to the ends n talk to the mandem"],
                ["Come to community meetings and actually listen", "Talk to young people, not at them", "Go into schools and youth clubs",
                 "Work with churches and mosques", "Use people we trust, youth workers, not officers", .coded("Leaflets through the door", .transparency),
                 .coded("Posters in the library and GP surgeries", .transparency), .coded("Social media, that's where young people are", .transparency), .coded("Something on the radio", .transparency)],
                older: ["Meetings at the community centre with time for questions", .coded("A leaflet through every door", .transparency)],
                esol: ["Meeting in the community centre with translator", .coded("Leaflet in my language", .transparency)]),
        Phrases(themes: [.engagement], youth: ["get ppl who've been on it to explain it", "youtube vid from someone real not a fed in uniform", "tell us at school in year 9 not after ur already on it"],
                ["Ask young people who've been on it to help write the information", "A short video, made with young people, not a police press release",
                 "Drop-in sessions at the library on a Saturday", .coded("Put something in the school newsletter so parents know it exists", .transparency),
                 "Train youth workers and teachers so they can answer questions", "Talk to the barbershops and the chicken shops, that's where people are",
                 .coded("Put it in the local paper in plain words", .transparency)],
                older: [.coded("Write to every household in the borough", .transparency), .coded("An article in the council magazine, and a telephone number for questions", .transparency)],
                esol: ["Explain at the school for parents, with interpreter"]),
    ]
    static let oversight: [Phrases] = [
        Phrases(themes: [.oversight], youth: ["someone who isnt the feds checking it"],
                ["Independent oversight", "Someone outside the police should check it", "Regular independent audits",
                 "An independent review panel with community members on it", "MOPAC should scrutinise it properly"],
                older: ["It should be subject to independent scrutiny and regular review"]),
        Phrases(themes: [.challenge], youth: ["let ppl see whats written about them"],
                ["A way to see what they hold on you and get it corrected", "An appeal process that actually works",
                 .coded("Publish how many people were taken off each year", .transparency), "A named person you can contact to ask if you're on it"],
                older: ["A clear route for families to raise concerns and receive an answer in writing"]),
    ]
    static let abolish: [Phrases] = [
        Phrases(themes: [.abolish], youth: ["scrap it", "just get rid of it", "delete it lol", "bin it"],
                ["Scrap it", "Abolish it", "Get rid of it altogether", "No information would fix it, just end it"],
                older: ["It should be abolished"], esol: ["Stop this list"]),
    ]
    static let pessimistic: [Phrases] = [
        Phrases(themes: [.lowTrust], youth: ["nothing, they wont listen anyway", "they dont want us to know"],
                ["Nothing, they won't listen anyway", "They don't want us to know, that's the point", "Honest answers, which we won't get"],
                older: [.coded("I doubt anything will change")]),
    ]
    static let unsure: [Phrases] = [
        Phrases(youth: ["dunno", "idk", "not sure"], ["Don't know", "Not sure", "No idea", "N/A"], older: ["I could not say"], esol: ["I don't know"]),
    ]
    static let offTopic: [Phrases] = [
        Phrases(youth: ["more stuff for young ppl to do"], ["Sort the buses out", "More police on the beat", "Bring back the youth clubs", "Cut the council tax"],
                older: ["Bring back the local police station"]),
    ]
}

/// Lead-ins and sign-offs that wrap community answers.
enum CommunityFramingPhrases {
    static let leads = Phrases(youth: ["honestly", "tbh", "like", "bruh", "nah", "see", "lowkey"],
                               ["Honestly,", "To be honest", "Look,", "Well,", "Basically", "Where do I start.", "Simple.", "Personally"],
                               older: ["Frankly,", "In my view", "I must say", "Speaking as a pensioner,"],
                               esol: ["For me", "I think"])
    static let intros = Phrases(youth: ["im {age} n", "as a young black man", "grew up in {borough} so i know"],
                                ["As a parent this worries me.", "I'm a mum of two boys in {borough}.", "Speaking as someone who grew up in {borough}.",
                                 "As a black mother", "As a dad,"],
                                older: ["I have lived in {borough} for over forty years.", "I am a retired teacher."],
                                esol: ["I am a mother of three children."])
    static let closers = Phrases(youth: ["simple as", "end of", "its a joke", "smh", "lol", "fr", "mad ting", "allow it man", "disgusting"],
                                 ["Simple as that.", "End of.", "It's a joke.", "Shameful.", "Sort it out.", "Disgraceful.", "That's all I'll say.",
                                  "Thanks.", "Just my opinion."],
                                 older: ["Thank you.", "Thank you for asking.", "Yours sincerely."],
                                 esol: ["Thank you", "Thanks"])
}
