/// Concerns community respondents raise, one pool per kind of concern. Anecdotes use slots
/// ({kin}, {spot}, {n}) so that the same story is told about different people in different places.
enum CommunityConcernPhrases {
    static let racial: [Phrases] = [
        Phrases(themes: [.racial], youth: ["its racist simple as", "its only black boys on it", "{pct} of ppl on it are black, tell me thats not racist",
                        "they only ever look at black youts", .coded("if ur black n from the ends ur already a suspect", .racial, .association)],
                ["It's racist", "It targets black boys", "{pct} of the people on it are black. That tells you everything",
                 "Racial profiling, plain and simple", "Black kids are treated as gang members by default",
                 "The numbers speak for themselves, it's overwhelmingly young black men"],
                older: ["I am concerned that it appears to be applied overwhelmingly to young black men",
                        "The proportion of black people on it is shocking and needs explaining"],
                esol: ["Only black boys on this list, this is not fair", "Why always black children?"]),
        Phrases(themes: [.racial], youth: ["white kids do the same stuff n they dont end up on lists", "they see a group of black boys n think gang"],
                ["White kids in gangs don't seem to end up on it", "If a group of black teenagers stand together they're a gang, if white kids do it they're just kids",
                 "My {kin} is black and gets treated like a criminal for it"],
                older: [.coded("It seems to me a continuation of the old sus laws", .racial, .otherTools)]),
    ]
    static let age: [Phrases] = [
        Phrases(themes: [.age], youth: ["there's kids on it like 12 13 years old", "they put children on it thats mad", "my {kin} was {age} when they put him on it"],
                ["There are children on it as young as 12", "They're putting children on it. Children!", "My {kin} was only {age}",
                 .coded("These are kids, they should be safeguarded not put on a list", .age, .support)],
                older: ["I am appalled that children are included on it", "Children should not be treated as criminals"],
                esol: ["They put small children on this", "My son was {age}, only a child"]),
    ]
    static let association: [Phrases] = [
        Phrases(themes: [.association], youth: ["u can get put on it just for who ur friends with", "they put u on for being in {music}", "liking a post can get u on it apparently",
                        "they lumped my {kin} in with the lads from his estate", "just cos ur from a certain postcode", "being seen {spot} with the wrong ppl"],
                ["You can end up on it just for who your friends are", "They lumped my {kin} in with the lads from his estate",
                 "Being in {music} shouldn't make you a gang member", "Where you live shouldn't decide whether you're on a list",
                 "My {kin} grew up with those boys, of course he knows them, he went to school with them",
                 "Half the people on it are there because of who they're related to", .coded("Being a victim of a stabbing got my {kin} put on it", .victims)],
                older: ["Young people are being tarred with the same brush as the people they grew up with",
                        "It seems one can be listed for merely appearing in a music video"],
                esol: ["Because his friend is in trouble they put him also", "They look at the area, not the person"]),
    ]
    static let stigma: [Phrases] = [
        Phrases(themes: [.stigma], youth: ["once ur labelled thats it", "they brand u a gang member n u cant shake it", "it follows u everywhere"],
                ["Once you're labelled a gang member it sticks", "It brands kids for life", .coded("It becomes a self-fulfilling prophecy", .stigma, .negative),
                 .coded("Treat someone like a gangster long enough and that's what they'll become", .stigma, .negative), .coded("The label follows them to school, to work, everywhere", .stigma, .services),
                 "Once a boy is a \"gang nominal\" nobody sees anything else"],
                older: ["Labelling a youngster in this way can blight his whole life"],
                esol: ["After this label nobody give them chance"]),
    ]
    static let enforcement: [Phrases] = [
        Phrases(themes: [.enforcement], youth: ["my {kin} got stopped {n} times in {period}", "feds stop me {spot} every week", "they raided my mums house at 6am for nothing",
                        "they just follow u about", "constantly getting pulled for nothing", "its just an excuse to harass us"],
                ["My {kin} got stopped {n} times in {period}", "It's an excuse to stop and search the same boys over and over",
                 "The police raided a neighbour's flat at 6am and found nothing", "Young people are being harassed",
                 "They call it \"safeguarding\" but it's just more stops",
                 "My {kin} gets pulled {spot} all the time and now I know why", "They get followed and watched constantly"],
                older: ["I have watched the same young men being searched repeatedly outside my window"],
                esol: ["Police stop my son {n} times, every time nothing", "They come to the house early morning, the children are scared"]),
    ]
    static let services: [Phrases] = [
        Phrases(themes: [.services], youth: ["it messes up ur chances of getting a job", "my {kin} got kicked out of college over it", "my mate's fam got an eviction letter cos of him"],
                ["Families are getting eviction letters because their son is on it", "It can affect jobs, housing, even college places",
                 "My {kin} was excluded from school and I'm sure this was part of it", "What about people's immigration status?",
                 "A friend's whole family was threatened with losing their council flat"],
                older: ["I understand families have been threatened with eviction, which punishes everyone in the household"],
                esol: ["They can take the house from the family", "It is problem for visa and for job"]),
    ]
    static let sharing: [Phrases] = [
        Phrases(themes: [.sharing], youth: ["why does the job centre need to know", "they share it wiv schools n housing, thats long"],
                ["They share it with housing, schools and the job centre", .coded("The ICO found they'd been sharing it with all sorts of organisations", .sharing, .rights),
                 "Why does the council or the jobcentre need to see it?", "The school has no business knowing",
                 "Who else gets to see this list? Employers?", .coded("One council even lost a spreadsheet of names", .sharing, .rights)],
                older: ["I am worried about how widely the information is shared with other bodies such as housing associations"],
                esol: ["Why the school and the housing know this?"]),
    ]
    static let rights: [Phrases] = [
        Phrases(themes: [.rights], youth: ["its literally illegal, the ICO said so", "thats a breach of privacy"],
                ["It breaches people's privacy", "The ICO said it broke data protection law", "It's a human rights issue",
                 "How long do they keep the data?", .coded("It can't be legal to hold that on children", .rights, .age), "It's a breach of data protection"],
                older: ["There are serious questions about data protection and the right to privacy", "I question the legality of it"],
                esol: [.coded("It is not legal to keep children's names like this", .rights, .age)]),
    ]
    static let challenge: [Phrases] = [
        Phrases(themes: [.challenge], youth: ["u cant even find out if ur on it", .coded("how do u get off it tho", .criteriaUnclear), "no way to appeal"],
                ["There's no way to appeal", "You can't even find out if you're on it", .coded("How do you get off it?", .criteriaUnclear),
                 "There's no way to challenge it if they've got it wrong", "Nobody can check what they've written about them"],
                older: ["There appears to be no means of redress for those wrongly included"],
                esol: ["How we can say it is wrong? Nobody listen"]),
    ]
    static let notTold: [Phrases] = [
        Phrases(themes: [.notTold], youth: ["they dont even tell u ur on it", .coded("my {kin} only found out when the council sent a letter", .notTold, .sharing)],
                ["They don't tell you you're on it", "Parents aren't told", .coded("My {kin} only found out when housing wrote to his mum", .notTold, .sharing),
                 "People find out by accident, usually when something goes wrong"],
                older: ["Families are not informed, which I find extraordinary"],
                esol: ["Parents are not told, I find out from other people"]),
    ]
    static let criteria: [Phrases] = [
        Phrases(themes: [.criteriaUnclear], youth: ["no one knows how u get on it", "whats the criteria even"],
                ["Nobody knows how you get put on it", "What are the criteria?", "How do they decide the scores?",
                 "Who decides who goes on it and who comes off?", "It's a secret list with secret rules"],
                older: ["The criteria for inclusion are entirely opaque"],
                esol: ["I don't understand how they choose"]),
    ]
    static let ineffective: [Phrases] = [
        Phrases(themes: [.negative], youth: ["its not stopping nobody getting stabbed", "oh yeah its working great, look at the news", "makes it worse if anything"],
                ["It doesn't work. Look at the knife crime figures", .coded("It makes things worse, young people trust the police even less", .negative, .lowTrust),
                 "Oh yes it's made the estate so much safer, you can tell", "If it worked we wouldn't have had all these stabbings this year"],
                older: ["I see no evidence that it has reduced violence"],
                esol: ["Still many stabbings, so it is not working"]),
    ]
    static let victims: [Phrases] = [
        Phrases(themes: [.victims], youth: ["my {kin} got stabbed n then they put HIM on it"],
                ["Victims of stabbings end up on it", "My {kin} was the one who got attacked and he ended up on it",
                 "They treat victims as suspects"],
                older: ["I read that some people on it are victims rather than perpetrators"]),
    ]
    static let lowTrust: [Phrases] = [
        Phrases(themes: [.lowTrust], youth: ["i dont trust {police} full stop", "{police} lie", "nobody trusts them round here", "they dont care about us"],
                ["I don't trust the police to use it fairly", "The Met have lost the trust of this community", "Why would we trust them after everything?",
                 "The police are not honest about what they do"],
                older: ["My confidence in the Metropolitan Police has been badly shaken"],
                esol: ["I am afraid of the police"]),
    ]
    static let fear: [Phrases] = [
        Phrases(youth: ["scared my little brother will end up on it"],
                ["I'm scared for my boys", "As a mother it terrifies me", "I worry every time my son goes out",
                 .coded("I worry my son could be on it and I'd never know", .notTold)],
                older: ["I fear for my grandsons"], esol: ["I am worry for my children"]),
    ]
    static let none: [Phrases] = [
        Phrases(youth: ["none", "none tbh", "nah", "not really"],
                ["None", "None really", "No concerns", "Nothing", "Not really", "None at all"],
                older: ["None whatsoever", "I have no concerns"], esol: ["No concern"]),
    ]
    static let supportive: [Phrases] = [
        Phrases(themes: [.positive], youth: ["if it stops ppl getting stabbed then fair enough"],
                ["If it keeps people safe I'm all for it", .coded("I'm more worried about knife crime than a list"),
                 .coded("The police need all the tools they can get", .positive), .coded("If you're not in a gang you've nothing to worry about", .highTrust),
                 .coded("As long as it's used properly I don't have a problem with it"), "Only that it should be used more"],
                older: [.coded("The police must be allowed to do their job", .highTrust), "Something has to be done about the stabbings and I support it",
                        "If it gets knives off the streets then I am in favour"],
                esol: ["If it stop the knife crime it is good"]),
    ]
    static let conditional: [Phrases] = [
        Phrases(youth: ["depends how its used"],
                ["Depends how it's used", "As long as it's accurate and kept up to date", .coded("My concern is people staying on it after they've turned their life around", .challenge),
                 "I can see why they need it but it has to be fair", "Fine in principle but the details worry me"],
                older: [.coded("I can see the need but it must be properly supervised", .oversight)]),
    ]
    static let offTopic: [Phrases] = [
        Phrases(youth: ["bring back the youth clubs", "theres nothing for young ppl to do round here", "sort the buses out"],
                ["Sort the buses out", "There's nothing for kids to do since they shut the youth club", "We need more bobbies on the beat",
                 "The council should fix the lighting on the estate", "Fix the potholes"],
                older: ["The real problem is that there are no police on the streets any more"]),
    ]
}

extension CommunityConcernPhrases {
    /// What people write about concerns when they had not heard of the Matrix before the survey.
    static let unaware: [Phrases] = [
        Phrases(themes: [.unaware], youth: ["dunno enough about it", .coded("if its what it sounds like then yeah thats bad"), .coded("sounds dodgy")],
                ["Don't know enough about it to say", .coded("If it's what it sounds like, I'd be worried"), "Hard to say when I'd never heard of it",
                 .coded("That it exists and nobody has heard of it", .infoNone), .coded("Sounds like something that could be misused")],
                older: ["I cannot comment on something I know nothing about"],
                esol: ["I don't know about it so I cannot say"]),
    ]
}

/// Personal stories and extra angles that widen the concern pools beyond one line per idea.
extension CommunityConcernPhrases {
    static let stories: [Phrases] = [
        Phrases(themes: [.enforcement], youth: ["my {kin} got pulled {spot} n they had his name before he even said it", "they searched me n my {kin} in front of everyone, proper embarrassing",
                        "feds took my phone for 3 weeks n gave it back like nothing happened", "me n my {kin} cant even walk to the shop together without getting stopped",
                        .coded("my {kin} got a letter saying hes 'gang associated' and hes never been arrested in his life", .stigma)],
                [.coded("A boy from {school} was told he was on it after he was in {music} with his cousins", .association),
                 "My {kin} was searched {n} times in {period}, never arrested, never charged",
                 .coded("Officers turned up at my sister's door asking about her son's friends. He's {age}", .enforcement, .association, .age),
                 .coded("My {kin} was pulled out of an exam because the police wanted to speak to him", .enforcement, .services),
                 "They took my {kin}'s phone and kept it for weeks, then gave it back with no explanation",
                 .coded("The school excluded a boy in {year} after the police came in, his mum never found out why", .services, .sharing)],
                older: ["A young man on my landing, polite as you like, has been stopped more times than I can count",
                        "I watched officers search three boys outside the library in the pouring rain. They were laughing by the end, the boys were not"],
                esol: ["My son is {age}, he go to school, he come home, still police stop him", "They take my son's phone and don't give back for long time"]),
        Phrases(themes: [.lowTrust, .negative], youth: ["whats the point of reporting anything to them after this", "nobody's gonna go to the feds as a witness now",
                        "its making ppl more scared of the police than the gangs"],
                ["Nobody will come forward as a witness if they think they'll end up on a list",
                 "It stops young people reporting crime when they're the victims",
                 "It creates a them-and-us feeling on the estate",
                 "My son won't call the police even when he's in danger, because of things like this"],
                older: ["People round here will not speak to the police now, and that helps nobody"],
                esol: ["Now people don't call police when they need help"]),
        Phrases(youth: [.coded("who checks the feds tho", .oversight), .coded("they make it up as they go along", .lowTrust)],
                [.coded("Who is checking that it's accurate?", .oversight), .coded("Mistakes on it could ruin someone's life and nobody would know", .challenge),
                 "It's only as good as the intelligence, and a lot of that is gossip", .coded("Officers can put anyone on based on a hunch", .lowTrust)],
                older: [.coded("I would want to know who audits it and how often", .oversight), "Intelligence is not evidence, and the two seem to be confused here"]),
    ]
}
