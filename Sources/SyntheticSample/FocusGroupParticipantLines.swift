/// Spoken lines for focus-group participants, by prompt and group type. They are mixed with the
/// survey phrase banks (which carry the same views in written form) so a session sounds like talk.
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
        young: ["Yeah everyone knows about it, it's the feds' list", "I only heard about it this year, to be honest", "Never heard of it till my youth worker mentioned it",
                "My cousin's on it. Well, he thinks he is", "I heard of it but I didn't know it had a name", "It's a list innit. If you're on it, you're on it",
                "Man talk about it like it's a badge, 'I'm on the matrix'", "Nah, I never heard of it. First time today"],
        parents: ["I'd never heard of it until my son's friend got a letter", "I knew about it from the news, the Amnesty thing",
                  "I heard the name but honestly I thought it was something from a film", "I only found out when housing wrote to us",
                  "My son talks about it. I didn't take it seriously at first", "Not a thing. Nobody's ever mentioned it to me"],
        faith: ["It came up in our congregation after a young man was stabbed", "I know of it through my work with the youth",
                "We've been asking questions about it for years and getting nowhere", "I'd heard of it, but I couldn't have told you what it was",
                "Only from the papers, I'm afraid"],
        practitioners: ["We all know of it, but very few of us have ever seen it", "Young people talk about it all the time, some of them like it's a badge",
                        "I knew about it before the Amnesty report, but the report was the first time I saw any numbers",
                        "It's one of those things everyone refers to and nobody can define", "I sit on the panel, so I see the names"])

    static let sources = GroupLines(
        young: ["Feds told me, when they stopped me", "Twitter, there was a thread", "My older brother", "People just talk, innit",
                "Youth club, they did a session", "Saw it on the news, then everyone was talking about it on snap"],
        parents: ["From other mums at the school gate", "The news, and then I googled it", "A letter from the council, believe it or not",
                  "My son told me, and he heard it from an officer", "Church, after the stabbing", "Nobody official, put it that way"],
        faith: ["From the young people themselves, mostly", "An officer mentioned it at the ward panel, in passing", "The Amnesty report",
                "A councillor, at a surgery", "From families who come to us for help with housing"],
        practitioners: ["From the young people, before anyone official", "The panel papers", "Word of mouth between colleagues",
                        "Our manager forwarded the Amnesty report", "Never through a briefing. Not once"])

    static let understanding = GroupLines(
        young: ["It's for them to know who to stop", "You get on it for being in a video, or who you chill with", "How do you get off it? No one knows",
                "I think once you're on it you're on it for life", "They give you a colour, red amber green, apparently",
                "Supposed to be for stopping stabbings, innit, but yeah"],
        parents: ["I think it's to keep track of the ones they think are dangerous", "Nobody's ever explained how you come off it",
                  "I assumed it was like a criminal record", "If it's about keeping kids safe, why aren't the parents told?",
                  "I don't understand the scoring at all"],
        faith: ["In principle, to target the most violent - that is what we were told", "The criteria have never been shared with us",
                "I was told there is a review every month, but I've never met anyone who came off it",
                "It seems to be a register of suspicion rather than of offences"],
        practitioners: ["It's meant to prioritise the highest-harm individuals for enforcement and support", "Removal is the big black box",
                        "Scoring is based on offences and intelligence, but what counts as intelligence is the question",
                        "Half our young people think it's a criminal record, and I can't blame them"])

    static let fairness = GroupLines(
        young: ["It's only black boys, let's be real", "My mate got put on for a music video, that's it", "Nah that's not fair, man",
                "Some people on it are proper dangerous though, to be fair", "They put you on when you're the one that got stabbed, that's madness",
                "If you're from certain estates you're on it, simple"],
        parents: ["It's our boys. Black boys. That's who", "Children, some of them. Twelve years old", "My son's never been arrested and he's on it",
                  "I understand they need to do something, but it can't be by postcode", "It follows them - school, housing, jobs"],
        faith: ["The numbers speak for themselves, nearly eighty percent black", "It criminalises association, and in a small community everyone knows everyone",
                "Some of the names on it are victims, and that troubles me deeply", "I have some sympathy with the police, the violence is real, but this isn't the way"],
        practitioners: ["The disproportionality is stark", "We have young people on it whose only link is a sibling",
                        "It labels kids, and then services treat them through that label", "There are young people on it who genuinely need intervention, I won't pretend otherwise"])

    static let otherTools = GroupLines(
        young: ["It's the same as stop and search, innit, just on paper", "Section 60, matrix, all of it, same thing",
                "Every time they stop me they already know my name", "Trident? Nah, don't know what that is"],
        parents: ["It's what decides who gets stopped, isn't it", "It's like Prevent, but for our boys", "I don't know how it links to the knife crime stuff, nobody's said",
                  "Knife arches at the station, stop and search, the Matrix - it all feels like it's aimed at the same kids"],
        faith: ["It's part of a long history, from the sus laws onwards", "I'd like to know how it relates to Trident, because nobody has said",
                "We were told it sits alongside the county lines work"],
        practitioners: ["It overlaps with county lines, CSE and missing panels, and nobody joins them up", "It pulls against contextual safeguarding",
                        "It feeds stop and search, young people are clear about that", "There's a risk register for everything now"])

    static let betterInformation = GroupLines(
        young: ["Tell us if we're on it, simple", "Come to the youth club and actually explain it", "Put it on insta, nobody reads leaflets",
                "Don't send feds to explain it, send someone we trust", "Scrap it, then there's nothing to explain"],
        parents: ["A letter to the parents", "Come to the school and talk to us", "Publish who's on it, by area, by age", "Something in plain English, not police jargon",
                  "Meetings where we can ask questions and get real answers"],
        faith: ["Work through the churches and mosques, people trust us", "An independent body to look at it, with community members",
                "Regular public meetings, and publish the figures", "Information in other languages"],
        practitioners: ["Proper guidance for professionals, so we can answer young people's questions", "Notification, and a route to challenge",
                        "Published data, with independent scrutiny", "Co-produce the information with young people"])

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
