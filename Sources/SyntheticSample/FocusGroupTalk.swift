/// Short spoken turns and lead-ins that make a transcript sound like people in a room:
/// agreement, disagreement, back-channel noises, interruptions.
enum FocusGroupTalk {
    static let reactions = [
        "Mm.", "Yeah.", "Mm-hm.", "Exactly.", "True.", "[laughter]", "That's it.", "Same.", "100%.", "See, that's the thing.",
        "Can I just come in on that?", "Not always though.", "That's what I was going to say.", "Nah, I don't agree with that.",
        "It's true though.", "Mm, I'm not sure.", "Yeah, yeah.", "Right.", "[inaudible]", "Same thing happened to us.",
    ]
    static let youthReactions = ["Facts.", "Deadass.", "Say that again.", "Allow it, man.", "Real talk.", "Innit.", "Bare true.", "Nah, nah.", "Lol, true."]
    static let faithReactions = ["Amen to that.", "Indeed.", "Quite right.", "I'd echo that."]
    static let practitionerReactions = ["That's our experience too.", "Absolutely.", "Same in our service.", "Yes, we see that a lot."]

    /// Agreement that points back at the previous speaker.
    static func agreeing(withWoman: Bool, _ rng: inout SeededRandom) -> String {
        let they = withWoman ? "she" : "he"
        let them = withWoman ? "her" : "him"
        return rng.pick([
            "Yeah, exactly what \(they) said.", "I agree with \(them).", "What \(they) said.", "Like \(they) said, it's the not knowing.",
            "\(they.prefix(1).uppercased() + they.dropFirst())'s right though.", "I'm with \(them) on that.",
        ])
    }

    static let leadsYouth = Phrases(["Like,", "Nah but", "Bro,", "See,", "Honestly", "To be fair", "I'm not gonna lie,", "Listen,", "The thing is,"])
    static let leadsAdult = Phrases(["I mean,", "You know,", "Well,", "For me,", "The thing is,", "To be honest,", "Honestly,", "Can I say -"])
    static let leadsFaith = Phrases(["If I may,", "I would say", "Speaking for our congregation,", "In my experience,", "With respect,"])
    static let leadsPractitioner = Phrases(["From our side,", "For us,", "I think", "In practice,", "To build on that,", "Honestly,"])

    static func leads(for voice: Voice) -> Phrases {
        switch voice {
        case .youth: leadsYouth
        case .older: leadsFaith
        case .professional: leadsPractitioner
        case .plain, .esol: leadsAdult
        }
    }

    static let trailOffs = ["... I don't know.", "... yeah.", " - anyway.", "... you know what I mean?", ", if that makes sense.", "... so."]
    /// How someone cuts in on the previous speaker.
    static let interjections = ["- ", "Sorry, but ", "Can I just say - ", "No but ", "Sorry to jump in - "]
}
