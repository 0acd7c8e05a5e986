/// Spoken lines for focus-group participants, by prompt and group type. They are mixed with the
/// survey phrase banks (which carry the same views in written form) so a session sounds like talk.
/// Each line states its own themes (`PhraseLine.coded`); a plain literal expresses none.
struct GroupLines: Sendable {
    let young: Phrases
    let parents: Phrases
    let faith: Phrases
    let practitioners: Phrases

    init(young: [PhraseLine], parents: [PhraseLine], faith: [PhraseLine], practitioners: [PhraseLine]) {
        self.young = Phrases(young)
        self.parents = Phrases(parents)
        self.faith = Phrases(faith)
        self.practitioners = Phrases(practitioners)
    }

    func phrases(for groupType: String) -> Phrases {
        switch groupType {
        case "young_people": young
        case "parents_carers": parents
        case "community_faith": faith
        default: practitioners
        }
    }
}

enum FocusGroupParticipantLines {
    static let intros = GroupLines(
        young: ["I'm {age}, from round here, I go to college", "19, I work in retail", "I'm at uni, second year", "Still at school, year 12",
                "I do a bit of music, I'm 20", "I'm 18, looking for work at the moment", "I'm 17. I live on the estate", "22, I'm an apprentice electrician",
                "I just came cos my youth worker said there's food, to be honest", "I'm 16"],
        parents: ["I've got two boys, 14 and 17", "Mum of three, lived on the estate twenty years", "I'm a foster carer", "Grandmother, I look after my grandson",
                  "Dad of one, he's 15", "I've got a daughter and a son, both teenagers", "Single mum, my eldest is 19 now", "I'm an aunt, my nephew lives with me",
                  "I've lived here since the eighties, three kids, all grown up but one", "Step-dad, two teenagers in the house", "I'm a childminder and a mum"],
        faith: ["I'm a pastor at a church on the high street", "I volunteer at the mosque, mostly with the youth", "Chair of the tenants and residents association",
                "I run a supplementary school on Saturdays", "I'm a deacon, I've been in the borough thirty years", "I run a boxing club",
                "I help out at the food bank and the church youth group", "Imam, and a governor at a local primary",
                "I chair the safer neighbourhood panel for my ward", "I'm a mentor through my church, mostly boys aged 13 to 18"],
        practitioners: ["Detached youth worker, eight years", "I manage a mentoring project", "I work in the youth offending service",
                        "Family support worker with the council", "I coordinate a girls' group", "Teacher, I'm the pastoral lead",
                        "I run an exit programme for young people involved in gangs", "Social worker, adolescent team", "I work at a pupil referral unit"])

    static let awareness = GroupLines(
        young: [.coded("Yeah everyone knows about it, it's the feds' list", .aware),
                .coded("I only heard about it this year, to be honest", .aware),
                .coded("Never heard of it till my youth worker mentioned it", .aware, .infoPartner),
                .coded("My cousin's on it. Well, he thinks he is", .aware),
                .coded("I heard of it but I didn't know it had a name", .aware),
                .coded("It's a list innit. If you're on it, you're on it", .aware),
                .coded("Man talk about it like it's a badge, 'I'm on the matrix'", .aware),
                .coded("Nah, I never heard of it. First time today", .unaware)],
        parents: [.coded("I'd never heard of it until my son's friend got a letter", .aware),
                  .coded("I knew about it from the news, the Amnesty thing", .aware, .infoMedia),
                  .coded("I heard the name but honestly I thought it was something from a film", .aware, .unaware),
                  .coded("I only found out when housing wrote to us", .aware, .infoPartner),
                  .coded("My son talks about it. I didn't take it seriously at first", .aware, .infoCommunity),
                  .coded("Not a thing. Nobody's ever mentioned it to me", .unaware, .infoNone)],
        faith: [.coded("It came up in our congregation after a young man was stabbed", .aware, .infoCommunity),
                .coded("I know of it through my work with the youth", .aware),
                .coded("We've been asking questions about it for years and getting nowhere", .aware, .infoNone),
                .coded("I'd heard of it, but I couldn't have told you what it was", .aware, .unaware),
                .coded("Only from the papers, I'm afraid", .aware, .infoMedia)],
        practitioners: [.coded("We all know of it, but very few of us have ever seen it", .aware),
                        .coded("Young people talk about it all the time, some of them like it's a badge", .aware),
                        .coded("I knew about it before the Amnesty report, but the report was the first time I saw any numbers", .aware, .infoMedia),
                        .coded("It's one of those things everyone refers to and nobody can define", .aware),
                        .coded("I sit on the panel, so I see the names", .aware, .sharing)])

    static let sources = GroupLines(
        young: [.coded("Feds told me, when they stopped me", .aware, .infoPolice, .enforcement),
                .coded("Twitter, there was a thread", .aware, .infoMedia),
                .coded("My older brother", .aware, .infoCommunity),
                .coded("People just talk, innit", .aware, .infoCommunity),
                .coded("Youth club, they did a session", .aware, .infoPartner),
                .coded("Saw it on the news, then everyone was talking about it on snap", .aware, .infoMedia)],
        parents: [.coded("From other mums at the school gate", .aware, .infoCommunity),
                  .coded("The news, and then I googled it", .aware, .infoMedia),
                  .coded("A letter from the council, believe it or not", .aware, .infoPartner),
                  .coded("My son told me, and he heard it from an officer", .aware, .infoCommunity, .infoPolice),
                  .coded("Church, after the stabbing", .aware, .infoCommunity),
                  .coded("Nobody official, put it that way", .infoNone)],
        faith: [.coded("From the young people themselves, mostly", .aware, .infoCommunity),
                .coded("An officer mentioned it at the ward panel, in passing", .aware, .infoPolice),
                .coded("The Amnesty report", .aware, .infoMedia),
                .coded("A councillor, at a surgery", .aware, .infoPartner),
                .coded("From families who come to us for help with housing", .aware, .infoCommunity)],
        practitioners: [.coded("From the young people, before anyone official", .aware, .infoCommunity),
                        .coded("The panel papers", .aware, .infoPartner),
                        .coded("Word of mouth between colleagues", .aware, .infoPartner),
                        .coded("Our manager forwarded the Amnesty report", .aware, .infoMedia),
                        .coded("Never through a briefing. Not once", .infoNone)])

    static let understanding = GroupLines(
        young: [.coded("It's for them to know who to stop", .aware, .enforcement),
                .coded("You get on it for being in a video, or who you chill with", .aware, .association),
                .coded("How do you get off it? No one knows", .criteriaUnclear),
                .coded("I think once you're on it you're on it for life", .aware, .misconception),
                .coded("They give you a colour, red amber green, apparently", .aware, .purpose),
                .coded("Supposed to be for stopping stabbings, innit, but yeah", .aware, .purpose)],
        parents: [.coded("I think it's to keep track of the ones they think are dangerous", .aware, .purpose),
                  .coded("Nobody's ever explained how you come off it", .criteriaUnclear),
                  .coded("I assumed it was like a criminal record", .aware, .misconception),
                  .coded("If it's about keeping kids safe, why aren't the parents told?", .notTold),
                  .coded("I don't understand the scoring at all", .criteriaUnclear)],
        faith: [.coded("In principle, to target the most violent - that is what we were told", .aware, .purpose),
                .coded("The criteria have never been shared with us", .criteriaUnclear),
                .coded("I was told there is a review every month, but I've never met anyone who came off it", .challenge),
                .coded("It seems to be a register of suspicion rather than of offences", .aware)],
        practitioners: [.coded("It's meant to prioritise the highest-harm individuals for enforcement and support", .aware, .purpose),
                        .coded("Removal is the big black box", .criteriaUnclear),
                        .coded("Scoring is based on offences and intelligence, but what counts as intelligence is the question", .aware, .purpose, .criteriaUnclear),
                        "Half our young people think it's a criminal record, and I can't blame them"])

    static let fairness = GroupLines(
        young: [.coded("It's only black boys, let's be real", .racial),
                .coded("My mate got put on for a music video, that's it", .association), "Nah that's not fair, man",
                "Some people on it are proper dangerous though, to be fair", .coded("They put you on when you're the one that got stabbed, that's madness", .victims),
                .coded("If you're from certain estates you're on it, simple", .association)],
        parents: [.coded("It's our boys. Black boys. That's who", .racial),
                  .coded("Children, some of them. Twelve years old", .age), "My son's never been arrested and he's on it",
                  .coded("I understand they need to do something, but it can't be by postcode", .association),
                  .coded("It follows them - school, housing, jobs", .stigma, .services)],
        faith: [.coded("The numbers speak for themselves, nearly eighty percent black", .racial),
                .coded("It criminalises association, and in a small community everyone knows everyone", .association),
                .coded("Some of the names on it are victims, and that troubles me deeply", .victims), "I have some sympathy with the police, the violence is real, but this isn't the way"],
        practitioners: [.coded("The disproportionality is stark", .racial),
                        .coded("We have young people on it whose only link is a sibling", .association),
                        .coded("It labels kids, and then services treat them through that label", .stigma, .services),
                        .coded("There are young people on it who genuinely need intervention, I won't pretend otherwise", .support)])

    static let otherTools = GroupLines(
        young: [.coded("It's the same as stop and search, innit, just on paper", .otherTools, .enforcement),
                .coded("Section 60, matrix, all of it, same thing", .otherTools),
                .coded("Every time they stop me they already know my name", .enforcement), "Trident? Nah, don't know what that is"],
        parents: [.coded("It's what decides who gets stopped, isn't it", .otherTools, .enforcement),
                  .coded("It's like Prevent, but for our boys", .otherTools),
                  .coded("I don't know how it links to the knife crime stuff, nobody's said", .otherTools),
                  .coded("Knife arches at the station, stop and search, the Matrix - it all feels like it's aimed at the same kids", .otherTools, .enforcement)],
        faith: [.coded("It's part of a long history, from the sus laws onwards", .otherTools, .racial),
                .coded("I'd like to know how it relates to Trident, because nobody has said", .otherTools),
                .coded("We were told it sits alongside the county lines work", .otherTools)],
        practitioners: [.coded("It overlaps with county lines, CSE and missing panels, and nobody joins them up", .otherTools),
                        .coded("It pulls against contextual safeguarding", .otherTools),
                        .coded("It feeds stop and search, young people are clear about that", .otherTools, .enforcement),
                        .coded("There's a risk register for everything now", .otherTools)])

    static let betterInformation = GroupLines(
        young: [.coded("Tell us if we're on it, simple", .notification),
                .coded("Come to the youth club and actually explain it", .engagement),
                .coded("Put it on insta, nobody reads leaflets", .transparency),
                .coded("Don't send feds to explain it, send someone we trust", .engagement, .lowTrust),
                .coded("Scrap it, then there's nothing to explain", .abolish)],
        parents: [.coded("A letter to the parents", .notification),
                  .coded("Come to the school and talk to us", .engagement),
                  .coded("Publish who's on it, by area, by age", .transparency),
                  .coded("Something in plain English, not police jargon", .transparency),
                  .coded("Meetings where we can ask questions and get real answers", .engagement)],
        faith: [.coded("Work through the churches and mosques, people trust us", .engagement),
                .coded("An independent body to look at it, with community members", .oversight, .engagement),
                .coded("Regular public meetings, and publish the figures", .engagement, .transparency),
                .coded("Information in other languages", .transparency)],
        practitioners: [.coded("Proper guidance for professionals, so we can answer young people's questions", .transparency),
                        .coded("Notification, and a route to challenge", .notification, .challenge),
                        .coded("Published data, with independent scrutiny", .transparency, .oversight),
                        .coded("Co-produce the information with young people", .engagement)])

    static func lines(for prompt: String) -> GroupLines {
        switch prompt {
        case "awareness": awareness
        case "sources": sources
        case "understanding": understanding
        case "fairness": fairness
        case "other_tools": otherTools
        default: betterInformation
        }
    }
}
