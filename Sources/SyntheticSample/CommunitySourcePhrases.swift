/// How community respondents describe where they heard about the Matrix, one pool per `sources`
/// option, so the free text agrees with the boxes the respondent ticked.
enum CommunitySourcePhrases {
    static func phrases(for source: String) -> [Phrases] {
        switch source {
        case "police": police
        case "news": news
        case "social_media": social
        case "campaign_report": report
        case "friends_family": family
        case "community_group": community
        case "school_college": school
        case "youth_service": youthService
        case "council": council
        case "other": other
        default: none
        }
    }

    static let police: [Phrases] = [
        Phrases(themes: [.infoPolice, .aware], youth: [.coded("feds told my {kin} he was on it when they stopped him", .infoPolice, .aware, .enforcement), .coded("a fed literally said it to my face when they searched me {spot}", .infoPolice, .aware, .enforcement),
                        "police came in to school n talked about gangs, mentioned it"],
                ["A police officer mentioned it at a residents' meeting", "The police brought it up at a ward panel meeting",
                 .coded("An officer told my {kin} he was on it when they stopped him {spot}", .infoPolice, .aware, .enforcement), "The Safer Neighbourhoods team talked about it at a community meeting",
                 "Police came to {school} to talk about gangs and it came up"],
                older: ["It was mentioned by an officer at our Safer Neighbourhood panel", "A sergeant spoke about it at the residents association"],
                esol: [.coded("Police officer say this to my son when they stop him", .infoPolice, .aware, .enforcement)]),
    ]
    static let news: [Phrases] = [
        Phrases(themes: [.infoMedia, .aware], youth: ["saw it on the news", "it was on the news innit", "seen it on {paper}"],
                ["Saw it on the news", "Read about it in {paper}", "BBC London did a piece on it", "It was on {paper} I think",
                 "I heard a discussion about it on the radio", "There was a documentary about gangs that mentioned it"],
                older: ["I read an article in {paper}", "It was on the television news, some time in the spring"],
                esol: ["I see on TV news"]),
        Phrases(themes: [.infoMedia, .aware], youth: ["there was a bbc three thing about it", "some documentary"],
                ["A programme about drill music mentioned it", "An article after all the stabbings in the spring",
                 .coded("There was a piece in {paper} about a boy who didn't know he was on it", .infoMedia, .aware, .notTold), "A phone-in on the radio"],
                older: ["A feature in {paper} which I cut out and kept"]),
    ]
    static let social: [Phrases] = [
        Phrases(themes: [.infoMedia, .aware], youth: ["{social}", "someone posted abt it on {social}", "saw a thread on twitter", "its all over {social}",
                        "a youtube vid explaining it", "my mate shared smth on {social} about it", "snapchat story"],
                ["Someone shared a post about it on {social}", "Saw a thread about it on twitter", "A facebook group for the area",
                 "A video on youtube", "People were talking about it on {social}"],
                esol: ["Facebook, my friend share it"]),
    ]
    static let report: [Phrases] = [
        Phrases(themes: [.infoMedia, .aware], youth: ["the amnesty report", "amnesty did a report on it"],
                ["The Amnesty report", "Amnesty's report, Trapped in the Matrix", "A report by Amnesty International",
                 "StopWatch have written about it", "A report by a university researcher", "I read the Amnesty report in the summer"],
                older: ["I read the Amnesty International report on it"]),
    ]
    static let family: [Phrases] = [
        Phrases(themes: [.infoCommunity, .aware], youth: ["my {kin} told me", "the mandem were chatting about it", "my mum told me about it lol", "my {kin} said hes on it"],
                ["My {kin} told me about it", "My mum told me", "My {kin} said he'd been told he's on it", "Friends were talking about it",
                 .coded("My sister told me after her son was stopped", .infoCommunity, .aware, .enforcement)],
                older: ["My daughter told me about it", "A neighbour whose grandson is affected"],
                esol: ["My friend tell me", "My son tell me about it"]),
    ]
    static let community: [Phrases] = [
        Phrases(themes: [.infoCommunity, .aware], ["At {faith}", "{faith} had a talk about it", "A community meeting at the library", "Someone from a local campaign group spoke at {faith}",
                 "There was a meeting at {faith} after the stabbing"],
                older: ["Our pastor raised it after a service", "It was discussed at the residents association"],
                esol: ["In the mosque they talk about it", "At the church meeting"]),
    ]
    static let school: [Phrases] = [
        Phrases(themes: [.infoPartner, .aware], youth: ["teacher mentioned it in PSHE", "an assembly at {school}", "my teacher told us bout it", "college"],
                ["A teacher mentioned it", "{school} sent a letter home about gangs", .coded("The school police officer", .infoPolice, .aware), "An assembly at my son's school"],
                esol: ["The school send letter about gangs"]),
    ]
    static let youthService: [Phrases] = [
        Phrases(themes: [.infoPartner, .aware], youth: ["youth worker at the club explained it", "my youth worker", "the youth club", "a youth worker told us"],
                ["A youth worker explained it to my son", "The youth club ran a session on it", "Through a youth project my son goes to"]),
    ]
    static let council: [Phrases] = [
        Phrases(themes: [.infoPartner, .aware], ["The council newsletter", "A councillor at a surgery", "A council meeting", "A letter from the council about gangs",
                 "Housing officer mentioned it"],
                older: ["It was mentioned at a council scrutiny meeting I attended"]),
    ]
    static let other: [Phrases] = [
        Phrases(themes: [.aware], youth: ["at uni", "in a lecture", .coded("the barbers lol", .infoCommunity, .aware), "at work", "court"],
                ["Through my job", "At work", "In a lecture at university", .coded("The barber shop, people talk", .infoCommunity, .aware), "A solicitor mentioned it",
                 .coded("From a podcast", .infoMedia, .aware)]),
    ]
    static let none: [Phrases] = [
        Phrases(themes: [.infoNone], youth: ["nowhere", .coded("havent", .infoNone, .unaware), .coded("n/a"), .coded("this survey lol", .infoNone, .unaware), "nowhere tbh"],
                ["Nowhere", .coded("I haven't", .infoNone, .unaware), .coded("N/A"), .coded("This survey is the first time", .infoNone, .unaware), .coded("Haven't heard about it", .infoNone, .unaware), .coded("Only from this form", .infoNone, .unaware)],
                older: [.coded("Until this questionnaire I had not heard of it", .infoNone, .unaware)], esol: ["Nowhere", .coded("Only this paper", .infoNone, .unaware)]),
    ]

    /// Comments that follow a source ("nobody official has ever explained it").
    static let afterthoughts: [Phrases] = [
        Phrases(themes: [.infoNone], youth: ["nobody official ever explained it", "the police never told us nothing", "nobody tells u anything"],
                ["Nobody official has ever explained it to us", "The police have never said a word about it round here",
                 "Never from anyone official", .coded("It was only in passing"), .coded("Not from the police, that's for sure")],
                older: ["I have never had any information from the police themselves"],
                esol: ["Nobody explain us"]),
        Phrases(themes: [.aware], youth: ["thats the only reason i know", "then i looked it up"], ["That's the only reason I know about it", .coded("After that I looked it up online", .aware, .infoMedia),
                 .coded("I didn't really take it in at the time")]),
    ]
}
