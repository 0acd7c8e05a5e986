import Testing

/// Fairness, impact, data, effectiveness, trust, context and improvement themes on the shipped
/// codebook, with negation, questions and sarcasm among the negatives.
@Suite struct AutoCoderViewsTests {
    static let fairnessAndImpactCases: [AutoCoderThemeCase] =
        codedAs("fairness.racial",
              "It's racist.",
              "its rascist tbh",
              "Nearly everyone on it is black.",
              "Young black men are targeted.",
              "It's racial profiling.",
              "78% of the people on it are black.",
              "White kids doing the same never get put on it.",
              "They only go after BAME kids.")
        + notCodedAs("fairness.racial",
                   "It's got nothing to do with race.",
                   "It's not racist, it's about violence.",
                   "I don't think race comes into it.",
                   "The black market for drugs is the real issue.")
        + codedAs("fairness.age",
                "Some of them are as young as 12.",
                "They're just kids.",
                "Putting 14 year olds on a police list is wrong.",
                "It criminalises children.",
                "Children as young as thirteen on it is shocking.",
                "It targets young people.")
        + notCodedAs("fairness.age",
                   "Listen to young people.",
                   "No children are on it.",
                   "My son is 20.",
                   "Young people should be involved in deciding.")
        + codedAs("fairness.association",
                "He got put on it cos of who his friends are.",
                "Guilt by association.",
                "Just for being in a drill video.",
                "They lumped him in with the lads from his estate.",
                "He was added because of his postcode.",
                "Being friends with someone on it is enough.",
                "They put kids on it for what they post on social media.")
        + notCodedAs("fairness.association",
                   "I heard about it on social media.",
                   "I've heard it mentioned on drill tracks lol",
                   "My friends don't know about it.",
                   "He lives in Hackney.")
        + codedAs("fairness.stigma",
                "Once you're labelled a gang member it sticks.",
                "It stigmatises whole families.",
                "They treat him like a criminal.",
                "He's branded for life.",
                "He's not even in a gang.",
                "It ruins their reputation.",
                "Most of the people on it have never committed a violent offence.")
        + notCodedAs("fairness.stigma",
                   "The brand new youth centre is great.",
                   "It's not about labelling people, it's about safety.",
                   "Police should be more transparent.")
        + codedAs("impact.enforcement",
                "He gets stopped and searched every week.",
                "they stop n search us bare times",
                "The police raided my house.",
                "My son was arrested twice last month.",
                "Feds are always following him.",
                "He's constantly harassed by officers.",
                "We get targeted because he's on it.")
        + notCodedAs("impact.enforcement",
                   "I've never been stopped.",
                   "He has never been arrested.",
                   "Watched a documentary about it.",
                   "I searched it online.")
        + codedAs("impact.services",
                "His family were threatened with eviction.",
                "He got excluded from school because of it.",
                "He lost his job when they found out.",
                "Housing refused our transfer.",
                "He can't get a job now.",
                "It affected his immigration status.")
        + notCodedAs("impact.services",
                   "They share it with housing.",
                   "He goes to school in Lambeth.",
                   "It hasn't affected his job.")
        + codedAs("impact.support",
                "He got a mentor through it.",
                "It should lead to support, not punishment.",
                "The exit programme helped him get out.",
                "More youth workers and youth clubs, not more policing.",
                "She was referred to early help.",
                "They offered him a place on a diversion scheme.")
        + notCodedAs("impact.support",
                   "They never offered any support.",
                   "There's no support for these kids.",
                   "The youth club closed down.",
                   "Our youth worker explained it to us.")
        + codedAs("impact.victims",
                "A lot of the boys on it are victims themselves.",
                "He was put on it after he got stabbed.",
                "It should protect vulnerable young people.",
                "Kids who are being groomed end up on it.",
                "Victims of knife crime get treated as suspects.",
                "Half of them are on it because they were stabbed, not because they stabbed anyone.")
        + notCodedAs("impact.victims",
                   "He's never been a victim of anything.",
                   "He was stopped last week.",
                   "It's racist.")

    static let dataAndEffectCases: [AutoCoderThemeCase] =
        codedAs("data.sharing",
              "They pass the names to housing.",
              "The matrix is shared with schools and the job centre.",
              "Information sharing between police and the council needs to stop.",
              "We receive the matrix list every month.",
              "Employers can find out if you're on it.",
              "I'm worried schools are being told which kids are on it.",
              "The DWP and housing all get a copy apparently.")
        + notCodedAs("data.sharing",
                   "I heard about it from the council.",
                   "Housing refused his transfer.",
                   "The police should share more about how it works.",
                   "Nobody has shared any information with us.")
        + codedAs("data.rights",
                "Surely this breaches GDPR?",
                "It's a breach of their human rights.",
                "How long is the data kept for?",
                "Is it even legal?",
                "People's privacy is being ignored.",
                "They keep you on it without a conviction.")
        + notCodedAs("data.rights",
                   "I heard about it from a friend.",
                   "They should scrap it.",
                   "It's not illegal, it's just unfair.")
        + codedAs("data.challenge",
                "There's no way to appeal.",
                "You can't challenge it.",
                "You should be able to challenge your score.",
                "There's no way of knowing if you're on it.",
                "We tried to get his name taken off but got nowhere.",
                "There should be an appeals process.")
        + notCodedAs("data.challenge",
                   "I don't know what the criteria are.",
                   "He was taken off last year.",
                   "It's a challenge for youth workers.")
        + codedAs("effectiveness.positive",
                "It works.",
                "Honestly it's made the area safer.",
                "It has reduced gang violence.",
                "It's a necessary tool.",
                "It saves lives.",
                "Fewer stabbings since they brought it in.")
        + notCodedAs("effectiveness.positive",
                   "It doesn't work.",
                   "I don't think it works.",
                   "Oh yeah it works brilliantly 🙄",
                   "I don't know how it works.",
                   "It's meant to reduce violence.",
                   "Does it even work?",
                   "I feel like the matrix has made young people less likely to report crimes.")
        + codedAs("effectiveness.negative",
                "It doesn't work.",
                "It hasn't stopped a single stabbing.",
                "Waste of money.",
                "It's counterproductive, pushes kids into gangs.",
                "Oh yeah, it's made everything so much better lol",
                "No evidence it works.",
                "Violence has gone up anyway.")
        + notCodedAs("effectiveness.negative",
                   "It works.",
                   "I don't know if it works.",
                   "It's meant to reduce violence.",
                   "It does help.")

    static let trustContextImprovementCases: [AutoCoderThemeCase] =
        codedAs("trust.low",
              "I don't trust the police.",
              "Can't trust the feds.",
              "Nobody round here will talk to the police now.",
              "People are scared of the police.",
              "It destroys trust in the police.",
              "The police are corrupt.",
              "It's made young people less likely to report crimes.")
        + notCodedAs("trust.low",
                   "I trust the police.",
                   "I'm not scared of the police.",
                   "The police explained it well.")
        + codedAs("trust.high",
                "I trust the police to use it properly.",
                "The police do a good job.",
                "If you've done nothing wrong you have nothing to fear.",
                "I have confidence in the Met.",
                "I support the police.",
                "The police were brilliant with us.")
        + notCodedAs("trust.high",
                   "I don't trust the police.",
                   "We shouldn't trust them.",
                   "Oh yeah the police are doing a great job 🙄",
                   "Do you trust the police?")
        + codedAs("context.other_tools",
                "It's just like stop and search.",
                "Same as Prevent, profiling kids.",
                "Operation Trident did the same thing.",
                "It's like joint enterprise all over again.",
                "They use it alongside gang injunctions.",
                "Section 60s and the matrix go hand in hand.")
        + notCodedAs("context.other_tools",
                   "He got stopped and searched.",
                   "It's meant to prevent violence.",
                   "It's a database.")
        + codedAs("improvement.transparency",
                "Publish the criteria.",
                "They should be more open about how it works.",
                "Make the data public.",
                "There's a total lack of transparency.",
                "A leaflet explaining what it is.",
                "Explain how people get added.")
        + notCodedAs("improvement.transparency",
                   "They don't publish anything.",
                   "Nobody told us anything.",
                   "It's public, anyone can see it.")
        + codedAs("improvement.notification",
                "You should be told if you're on it.",
                "People have a right to know if they've been added.",
                "Send a letter when someone is put on it.",
                "Tell people when they've been removed.",
                "Parents should be informed if their child is on the matrix.")
        + notCodedAs("improvement.notification",
                   "Nobody told him he was on it.",
                   "They told him he was on it.",
                   "We should be told more about the matrix.")
        + codedAs("improvement.engagement",
                "Listen to young people.",
                "Work with youth workers and parents.",
                "Do talks in schools.",
                "They should involve the community.",
                "Set up a youth panel to advise on it.",
                "Young people should be consulted.",
                "They never consulted us.",
                "Involve them more in training.")
        + notCodedAs("improvement.engagement",
                   "Young people involved in gangs are on it.",
                   "I heard about it at a community meeting.",
                   "He was never involved in anything.")
        + codedAs("improvement.oversight",
                "There needs to be independent oversight.",
                "It should be reviewed regularly by someone outside the police.",
                "No accountability whatsoever.",
                "MOPAC should audit it.",
                "Hold them to account.")
        + notCodedAs("improvement.oversight",
                   "They reviewed his case and took him off.",
                   "The criteria are unclear.")
        + codedAs("improvement.abolish",
                "Scrap it.",
                "Abolish the gangs matrix.",
                "It should be scrapped.",
                "Get rid of it completely.",
                "It shouldn't exist.",
                "Bin the whole thing.")
        + notCodedAs("improvement.abolish",
                   "I don't think it should be scrapped.",
                   "Get rid of gangs, not the matrix.",
                   "He gets stopped all the time.",
                   "At the end of it all, it's about safety.")

    @Test(arguments: fairnessAndImpactCases)
    func fairnessAndImpact(_ testCase: AutoCoderThemeCase) throws {
        try testCase.check()
    }

    @Test(arguments: dataAndEffectCases)
    func dataAndEffectiveness(_ testCase: AutoCoderThemeCase) throws {
        try testCase.check()
    }

    @Test(arguments: trustContextImprovementCases)
    func trustContextAndImprovement(_ testCase: AutoCoderThemeCase) throws {
        try testCase.check()
    }
}
