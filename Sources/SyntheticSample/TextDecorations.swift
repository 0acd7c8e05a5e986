/// Last touches on a finished answer: the things an importer has to cope with.
///
/// About 2% of non-empty answers get a piece of fictional personal data (see `PersonalData`);
/// some online answers end with an emoji; a few carry stray leading or trailing spaces; typed-in
/// paper forms sometimes mark a word as "[illegible]". Only the personal-data sentence can add a
/// theme (a son "stopped more times than I can count" is `impact.enforcement`); the rest is noise.
enum TextDecorations {
    /// Share of non-empty answers that carry fictional personal data.
    static let personalDataRate = 0.02

    private static let emoji = ["😡", "🙄", "💯", "🤷🏾‍♂️", "😂", "🤦🏿‍♀️", "😤", "🙏🏾", "👀", "😔", "🤬", "😭"]

    static func apply(_ coded: CodedText, style: WritingStyle, online: Bool, _ rng: inout SeededRandom) -> CodedText {
        guard !coded.text.isEmpty else { return coded }
        var result = coded.text
        var themes = coded.themes
        if rng.chance(personalDataRate) {
            let (sentence, added) = PersonalData.sentence(style.voice, &rng)
            themes.formUnion(added)
            let ended = result.last == "." || result.last == "!" || result.last == "?"
            let youth = style.voice == .youth
            result = rng.chance(0.7) ? result + (ended || youth ? " " : ". ") + sentence : sentence + (youth ? " " : ". ") + result
        }
        if !online && rng.chance(0.03) {
            result = markIllegible(result, &rng)
        }
        if rng.chance(style.emojiRate) {
            let e = rng.pick(emoji)
            result += rng.chance(0.6) ? " " + e : e + (rng.chance(0.3) ? e : "")
        }
        let u = rng.unit()
        if u < 0.012 { result += " " } else if u < 0.018 { result += "  " } else if u < 0.022 { result = " " + result }
        return CodedText(text: result, themes: themes)
    }

    private static func markIllegible(_ text: String, _ rng: inout SeededRandom) -> String {
        var words = text.split(separator: " ", omittingEmptySubsequences: false)
        guard words.count > 3 else { return text + " [illegible]" }
        let index = rng.int(in: 1...(words.count - 2))
        let punctuation = words[index].reversed().prefix { ".,!?".contains($0) }
        words[index] = "[illegible]" + String(punctuation.reversed())
        return words.joined(separator: " ")
    }
}

/// Fictional personal data for the importer's redaction to find. Every value is obviously made
/// up: e-mail domains are example.com / example.org (RFC 2606), phone numbers come from Ofcom's
/// ranges reserved for drama (07700 900000-900999, 020 7946 0000-0999), postcodes use a "ZZ"
/// or "XX" unit that no real London address has, and handles contain "example" or "fake".
enum PersonalData {
    private static let firstNames = [
        "Tyrone", "Jermaine", "Kwame", "Tunde", "Marcus", "Dwayne", "Kyle", "Mohammed", "Ayo", "Jayden", "Reuben",
        "Kofi", "Leon", "Malik", "Tariq", "Femi", "Kareem", "Andre", "Chidi", "Liam", "Connor", "Aaliyah", "Shanice", "Deborah",
    ]
    private static let lastNames = ["smith", "okafor", "campbell", "ahmed", "williams", "mensah", "brown", "clarke", "patel", "johnson", "adeyemi"]
    private static let districts = ["SW9", "SE15", "N17", "E8", "E15", "CR0", "NW10", "SE13", "SW2", "N15", "E5", "SE5", "E17", "SE28", "N9", "W10"]

    static func email(_ rng: inout SeededRandom) -> String {
        let first = rng.pick(firstNames).lowercased()
        let last = rng.pick(lastNames)
        let user = rng.chance(0.5) ? first + "." + last : first + last + String(rng.int(in: 1...99))
        return user + "@" + (rng.chance(0.6) ? "example.com" : "example.org")
    }

    static func phone(_ rng: inout SeededRandom) -> String {
        let tail = String(rng.int(in: 100...999))
        switch rng.below(3) {
        case 0: return "07700 900" + tail
        case 1: return "020 7946 0" + tail
        default: return "077009" + "00" + tail
        }
    }

    static func postcode(_ rng: inout SeededRandom) -> String {
        rng.pick(districts) + " " + String(rng.below(10)) + rng.pick(["ZZ", "XX", "ZX", "XZ"])
    }

    static func handle(_ rng: inout SeededRandom) -> String {
        "@" + rng.pick(["example_", "fake", "not_real_", "sample"]) + rng.pick(["youthvoice", "ldn", "mandem", "southside", "tottenham", "peckham", "campaign"])
            + (rng.chance(0.5) ? String(rng.int(in: 1...99)) : "")
    }

    static func name(_ rng: inout SeededRandom) -> String { rng.pick(firstNames) }

    /// A sentence in `voice` containing one piece of fictional personal data, with its themes: a
    /// stopped son is `impact.enforcement`; an account that explains the Matrix is a social-media
    /// source (`information.media`).
    static func sentence(_ voice: Voice, _ rng: inout SeededRandom) -> (String, ThemeSet) {
        let youth = voice == .youth
        switch rng.below(5) {
        case 0:
            return ((youth ? rng.pick(["hmu ", "email me ", "dm or email "]) : rng.pick(["Happy to talk more, email me at ", "You can contact me on ", "My email is "])) + email(&rng), [])
        case 1:
            return (youth ? "my number is " + phone(&rng) : rng.pick(["Please call me on ", "Ring me on ", "My number: "]) + phone(&rng), [])
        case 2:
            return (youth ? "im in " + postcode(&rng) + " if u wanna know" : rng.pick(["I live at ", "Our postcode is ", "We are in "]) + postcode(&rng), [])
        case 3:
            let name = name(&rng)
            let stopped: ThemeSet = [.enforcement]
            let options: [(String, ThemeSet)]
            if youth {
                options = [("my cousin \(name) got put on it", []), ("ask \(name) at the youth club he knows", [])]
            } else {
                options = [("My son \(name) has been stopped more times than I can count", stopped), ("Ask for \(name) at the youth club, he knows", []),
                           ("My nephew \(name) was told he was on it", []), ("My daughter's boyfriend \(name) got a letter", [])]
            }
            return rng.pick(options)
        default:
            return ((youth ? "follow " : "See ") + handle(&rng) + (youth ? " they explain it" : " on twitter, they explain it well"), [.infoMedia, .aware])
        }
    }
}
