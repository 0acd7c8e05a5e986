import Testing

/// Awareness, understanding and information themes on the shipped codebook: sentences written
/// the way respondents write (text-speak, UK slang, misspellings), with negatives that share
/// the words but not the meaning.
@Suite struct AutoCoderKnowledgeTests {
    static let cases: [AutoCoderThemeCase] =
        codedAs("awareness.aware",
              "Yeah I've heard of it, the Met's list of young people they think are in gangs.",
              "I know about the gangs matrix from work.",
              "Yes I'm aware of it.",
              "My son has been on the matrix since he was 16.",
              "It's a police database of people they reckon are gang members.",
              "We discuss matrix nominals at the monthly panel.",
              "I didn't know about the matrix until a solicitor mentioned it.")
        + notCodedAs("awareness.aware",
                   "Never heard of it.",
                   "I'd like to know more about it.",
                   "Is it a list of gang members?",
                   "It's racist.")
        + codedAs("awareness.unaware",
                "Never heard of it",
                "nah not heard of it",
                "First time I've heard about it tbh",
                "I wasn't aware of it until this survey",
                "No idea what that is",
                "What's the gangs matrix?",
                "what is it?",
                "Dunno what the matrix is",
                "Is it something to do with the film?")
        + notCodedAs("awareness.unaware",
                   "Yes I've heard of it through work.",
                   "People don't know they're on it.",
                   "I don't know what would help.",
                   "I don't know if it works.")
        + codedAs("awareness.not_told",
                "He was on it for two years and nobody told him.",
                "Most kids on it don't even know they're on it.",
                "We only found out she was on the list when the council mentioned it.",
                "They put you on it without telling you.",
                "Found out by accident from a letter meant for someone else.",
                "You never get told that you've been added.")
        + notCodedAs("awareness.not_told",
                   "Nobody has ever told us anything about the matrix.",
                   "I don't know what it is.",
                   "You should be told if you're on it.",
                   "They told him he was on it when he turned 18.")
        + codedAs("understanding.purpose",
                "It's supposed to reduce gang violence by focusing on the most violent people.",
                "The idea is to identify people involved in gangs and prioritise them.",
                "Everyone on it gets a risk score, red amber or green.",
                "The police use it to keep track of young people linked to gang violence.",
                "It's meant to stop knife crime.",
                "A list of suspected gang members the police keep.")
        + notCodedAs("understanding.purpose",
                   "Is it meant to stop knife crime?",
                   "It targets black boys.",
                   "I've never heard of it.",
                   "The youth club closed last year.")
        + codedAs("understanding.misconception",
                "It goes on your criminal record.",
                "It's basically for drug dealers.",
                "Every young black man in the area is on it.",
                "It's run by the council.",
                "Once you're on it you're on it for life.",
                "You can never come off it.",
                "It's public, anyone can look you up.",
                "The council decides who goes on it I think.")
        + notCodedAs("understanding.misconception",
                   "It's not a criminal record, it's intelligence.",
                   "Isn't it run by the council?",
                   "You don't need a criminal record to be put on it.",
                   "The criteria should be public.")
        + codedAs("understanding.criteria_unclear",
                "Nobody knows how you get on it or off it.",
                "How do they decide who goes on it?",
                "The criteria are completely unclear.",
                "I still don't understand why my son was put on it.",
                "What are the criteria?",
                "It's not clear how people are scored.")
        + notCodedAs("understanding.criteria_unclear",
                   "I don't know what the matrix is.",
                   "The criteria should be published.",
                   "People should be told when they're added.",
                   "He was removed last year.")
        + codedAs("information.police",
                "I heard about it from a police officer at a community meeting.",
                "The police came into our school and talked about it.",
                "Found out through the feds.",
                "It was explained at a ward panel meeting.",
                "I was briefed by the Met.",
                "An officer told me about the matrix.")
        + notCodedAs("information.police",
                   "The police never told us about it.",
                   "I haven't heard anything about it from the police.",
                   "The police stopped him again.",
                   "I heard about it on the news.",
                   "I heard about it through my probation officer.")
        + codedAs("information.media",
                "Read about it in the Guardian.",
                "Saw it on the news.",
                "I learned about it from the Amnesty report.",
                "There was a BBC documentary about it.",
                "Heard about it on Twitter.",
                "saw a video about it on youtube",
                "I've heard it mentioned on drill tracks lol")
        + notCodedAs("information.media",
                   "I haven't seen anything about it in the news.",
                   "They use people's social media posts to put them on it.",
                   "Heard about it from my mate.",
                   "The media portray young black men as criminals.")
        + codedAs("information.community",
                "My cousin told me about it.",
                "Heard about it from friends.",
                "Everyone on my estate knows about it.",
                "Word of mouth mostly.",
                "My mum told me about the matrix.",
                "I found out through people in my area.")
        + notCodedAs("information.community",
                   "Heard about it from a youth worker.",
                   "My friend was put on it.",
                   "I don't know anyone on it.",
                   "Nobody in my family has heard of it.")
        + codedAs("information.partner",
                "Our youth worker explained it to us.",
                "I know about it through my job at the council.",
                "It came up in safeguarding training.",
                "I heard about it from my son's school.",
                "Found out about it through probation.",
                "We were told about the matrix at a multi-agency meeting.",
                "I heard about it through my probation officer.")
        + notCodedAs("information.partner",
                   "The police told us at the panel that our student is on it.",
                   "The council should explain it to residents.",
                   "Schools shouldn't see it.",
                   "I heard about it from my cousin.")
        + codedAs("information.none",
                "Nobody has ever told us anything about it.",
                "There is no information about it anywhere.",
                "We've never been given any information.",
                "It's kept hush hush.",
                "The police have never explained it to the community.",
                "Not enough info out there")
        + notCodedAs("information.none",
                   "I got loads of information from the youth service.",
                   "Information sharing with housing worries me.",
                   "Nobody told him he was on it.",
                   "There's lots of information online.")

    @Test(arguments: cases)
    func theme(_ testCase: AutoCoderThemeCase) throws {
        try testCase.check()
    }
}
