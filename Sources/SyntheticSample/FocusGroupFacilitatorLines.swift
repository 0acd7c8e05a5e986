/// What the facilitator says: opening, the protocol's six prompts (paraphrased, several ways),
/// follow-up probes and the close. Prompt ids match `focus-group-protocol.yaml`.
enum FocusGroupFacilitatorLines {
    static let prompts = ["awareness", "sources", "understanding", "fairness", "other_tools", "better_information"]

    static let opening = [
        "Thanks everyone for coming. As you know this is part of the review of the Gangs Matrix. I'm recording so I can write up notes, but nobody's name goes in the notes. There are no right or wrong answers, we just want to hear what you think.",
        "Right, shall we make a start? Thank you for giving up your evening. This session is for the review of the Met's Gangs Matrix. What you say is anonymous - you'll just be P1, P2 and so on in the notes. Please don't use anyone's real name if you're telling a story about someone.",
        "Welcome, and thank you for coming. We're talking today about the Gangs Matrix and how information about it has reached people. It's recorded for the notes only. If you want to stop at any point, that's fine.",
    ]
    static let intro = [
        "Can we go round and say a little bit about yourselves? Nothing identifying.",
        "Let's just go round quickly - who you are, in a sentence.",
        "First, a quick round of introductions, just a line each.",
    ]
    static let asks: [String: [String]] = [
        "awareness": [
            "So, to start: what, if anything, have you heard about the Gangs Matrix?",
            "Let's start with the Matrix itself. Had any of you heard of it before today?",
            "First question. When I say \"the Gangs Matrix\", what comes to mind?",
        ],
        "sources": [
            "Where did that come from? Who told you, or where did you see it?",
            "How did you first hear about it - news, friends, the police, somewhere else?",
            "And where does that information come from, would you say?",
        ],
        "understanding": [
            "What do you think it's actually for? How do people end up on it, and how do they come off it?",
            "What's your understanding of how someone gets put on it? And taken off?",
            "If you had to explain what it's for to someone who'd never heard of it, what would you say?",
        ],
        "fairness": [
            "Who do you think is on it? And is that fair?",
            "Let's talk about who ends up on it. Does it seem fair to you?",
            "Who's on the Matrix, from what you've seen? Is that right?",
        ],
        "other_tools": [
            "How does it fit with other things the police do round here, like stop and search?",
            "Does it connect in your mind with other things - stop and search, Trident, knife crime operations, county lines?",
            "How do you see it alongside the other things the police do in this area?",
        ],
        "better_information": [
            "Last main question: what would help people here understand it better? What should the police be telling people?",
            "If you could tell the Met one thing about how they explain the Matrix, what would it be?",
            "What would give people round here better information about it?",
        ],
    ]
    static let probes = [
        "Can you say a bit more about that?", "What do others think?", "Has anyone had a different experience?",
        "When you say \"they\", who do you mean?", "How did that make you feel?", "Does everyone agree with that?",
        "Let's hear from someone who hasn't spoken yet.", "Sorry - one at a time so I can get it down.", "Why do you think that is?",
        "And did anyone explain it to you at the time?", "Mm. Anyone else?", "Go on.", "Is that something you've seen yourself, or heard about?",
    ]
    static let nodding = ["you were nodding - anything to add?", "what do you think?", "you've been quiet - any thoughts?"]
    static let closing = [
        "We're nearly out of time. Is there anything we haven't covered that you want to say?",
        "Before we finish - anything anyone wants to add?",
        "Last chance - anything you wish I'd asked?",
    ]
    static let thanks = [
        "Thank you all, that's been really helpful. The notes will go into the review without names.",
        "Brilliant, thank you. That's us. There are leaflets on the table with where to get support if any of this has raised anything.",
        "Thanks so much everyone. I'll stop the recording there.",
    ]
}
