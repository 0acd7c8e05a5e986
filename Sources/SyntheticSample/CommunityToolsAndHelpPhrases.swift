/// How community respondents place the Matrix among other police work, and what they say would
/// give them better information.
enum CommunityToolsPhrases {
    static let sameAsStopSearch: [Phrases] = [
        Phrases(youth: ["its stop n search all over again", "same thing different name", "the matrix just tells {police} who to stop",
                        "they use it to decide who to search innit", "its all connected, matrix, stop n search, section 60, all of it"],
                ["It's stop and search all over again", "Same thing, different name", "It's just the list they use to decide who to stop and search",
                 "It feeds stop and search, you get stopped because you're on it and you stay on it because you get stopped",
                 "Section 60s, stop and search, the Matrix, it's all the same approach"],
                older: ["It seems to me part and parcel of stop and search", "It is the modern version of the sus laws"],
                esol: ["It is same like stop and search"]),
    ]
    static let otherLists: [Phrases] = [
        Phrases(youth: ["trident, county lines, the matrix, theres so many lists", "its like prevent but for black kids"],
                ["It's like Prevent but for black kids instead of Muslims", "Trident, county lines, knife crime teams, the Matrix - there's so many initiatives nobody knows what's what",
                 "The police have so many lists and databases, this is just another one", "It's probably linked to the county lines work",
                 "It reminds me of Prevent, a list you end up on without knowing"],
                older: ["I assume it sits with Operation Trident, though nobody has explained how"],
                esol: ["Like Prevent for the Muslim children, same idea"]),
        Phrases(youth: ["county lines is a real thing tho, they should go after the olders not the yutes", "knife crime team, gangs unit, its all the same feds"],
                ["The county lines stuff is real, kids are being exploited, but the Matrix treats them as the criminals",
                 "Knife crime is the excuse for all of it, the Matrix, the searches, the dogs at the station",
                 "Operation Trident used to be about guns, now it seems to be about anyone young and black",
                 "It's one of a dozen databases, and probably the people on one are on all of them",
                 "It's like the risk registers social services keep, except nobody's told"],
                older: ["It appears to be one more instrument in a long line, from the sus laws to section 60",
                        "I would like to understand how it relates to the work on knife crime, because the two are presented separately"]),
    ]
    static let supportsTools: [Phrases] = [
        Phrases(youth: ["stop n search is needed tbh, too many ppl carrying"],
                ["Stop and search is necessary with the knife crime we've got", "They need both, you can't tackle knife crime without intelligence",
                 "It makes sense to target stop and search at the people most likely to carry", "I'd rather they used intelligence than stopped everyone"],
                older: ["Stop and search saves lives and the Matrix helps target it", "It is a sensible part of tackling knife crime"]),
        Phrases(youth: ["if it means they stop the right ppl instead of everyone then ok"],
                ["Better targeted stop and search is better than random stop and search", "Every tool helps if it gets knives off the street",
                 "I'd rather they had a list than stopped every kid in a hoodie"],
                older: ["The police need intelligence to direct their efforts, and this is part of that"]),
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
        Phrases(youth: ["every time they search me they already know my name, now i know why", "my {kin} got searched {spot} n the fed said he was known to them"],
                ["Every time they stop my {kin} they already know his name", "When they searched my {kin} {spot} the officer said he was 'known to police'",
                 "They knife-arch the station and then stop the same faces anyway"],
                esol: ["They stop my son and they know his name already"]),
    ]
}

/// What community respondents say would give them better information.
enum CommunityHelpPhrases {
    static let transparency: [Phrases] = [
        Phrases(youth: ["tell us how it actually works", "publish the numbers", "be honest about it", "put it on the website in normal words"],
                ["Publish how it works", "Publish the figures by age and race every year", "Tell us the criteria", "A proper explanation on the Met website",
                 "Be honest about who is on it and why", "Clear information in plain English"],
                older: ["A clear public statement of what it is, how it works and who is on it", "Regular published statistics"],
                esol: ["Explain in simple words", "Information in other languages, not only English"]),
        Phrases(youth: ["just be straight with ppl", "explain the scores n how u get off it", "stop hiding it"],
                ["Explain how the scoring works and what gets you off it", "An annual report on it, like they do for stop and search",
                 "Honesty about the numbers, including how many are black and how many are children",
                 "Tell us what happens to the information and who it goes to", "A simple factsheet: what it is, who's on it, how to challenge it"],
                older: ["An honest account of its purpose and its results, published every year"]),
    ]
    static let notification: [Phrases] = [
        Phrases(youth: ["tell ppl when they're on it", "send a letter if ur on it"],
                ["Tell people when they're put on it", "A letter when you're added and when you're taken off", "Parents should be told if their child is on it",
                 "Let people check if they're on it"],
                older: ["Families should be informed in writing"], esol: ["Tell the parents please"]),
    ]
    static let engagement: [Phrases] = [
        Phrases(youth: ["come n talk to young ppl not at us", "go into schools n youth clubs", "use ppl we actually trust like youth workers",
                        "do it on insta, nobody reads leaflets", "come to the ends n talk to the mandem"],
                ["Come to community meetings and actually listen", "Talk to young people, not at them", "Go into schools and youth clubs",
                 "Work with churches and mosques", "Use people we trust, youth workers, not officers", "Leaflets through the door",
                 "Posters in the library and GP surgeries", "Social media, that's where young people are", "Something on the radio"],
                older: ["Meetings at the community centre with time for questions", "A leaflet through every door"],
                esol: ["Meeting in the community centre with translator", "Leaflet in my language"]),
        Phrases(youth: ["get ppl who've been on it to explain it", "youtube vid from someone real not a fed in uniform", "tell us at school in year 9 not after ur already on it"],
                ["Ask young people who've been on it to help write the information", "A short video, made with young people, not a police press release",
                 "Drop-in sessions at the library on a Saturday", "Put something in the school newsletter so parents know it exists",
                 "Train youth workers and teachers so they can answer questions", "Talk to the barbershops and the chicken shops, that's where people are",
                 "Put it in the local paper in plain words"],
                older: ["Write to every household in the borough", "An article in the council magazine, and a telephone number for questions"],
                esol: ["Explain at the school for parents, with interpreter"]),
    ]
    static let oversight: [Phrases] = [
        Phrases(youth: ["someone who isnt the feds checking it"],
                ["Independent oversight", "Someone outside the police should check it", "Regular independent audits",
                 "An independent review panel with community members on it", "MOPAC should scrutinise it properly"],
                older: ["It should be subject to independent scrutiny and regular review"]),
        Phrases(youth: ["let ppl see whats written about them"],
                ["A way to see what they hold on you and get it corrected", "An appeal process that actually works",
                 "Publish how many people were taken off each year", "A named person you can contact to ask if you're on it"],
                older: ["A clear route for families to raise concerns and receive an answer in writing"]),
    ]
    static let abolish: [Phrases] = [
        Phrases(youth: ["scrap it", "just get rid of it", "delete it lol", "bin it"],
                ["Scrap it", "Abolish it", "Get rid of it altogether", "No information would fix it, just end it"],
                older: ["It should be abolished"], esol: ["Stop this list"]),
    ]
    static let pessimistic: [Phrases] = [
        Phrases(youth: ["nothing, they wont listen anyway", "they dont want us to know"],
                ["Nothing, they won't listen anyway", "They don't want us to know, that's the point", "Honest answers, which we won't get"],
                older: ["I doubt anything will change"]),
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
