/// Word-level rewrites applied to phrases once, when the phrase banks are built.
///
/// `misspell` swaps in spellings that real consultation answers are full of ("rascist",
/// "definately", "goverment", "alot"); `textspeak` applies the abbreviations young people type.
/// Both match whole words only, so "you" never turns "youth" into "uth".
enum Orthography {
    static let misspellings: [(String, String)] = [
        ("racist", "rascist"), ("racism", "rasicm"), ("definitely", "definately"), ("government", "goverment"),
        ("a lot", "alot"), ("because", "becuase"), ("separate", "seperate"), ("believe", "beleive"),
        ("harassment", "harrassment"), ("harassed", "harrased"), ("necessary", "neccessary"),
        ("information", "infomation"), ("surveillance", "surveilance"), ("community", "comunity"),
        ("accommodation", "accomodation"), ("discrimination", "descrimination"), ("embarrassing", "embarassing"),
        ("should have", "should of"), ("could have", "could of"), ("would have", "would of"),
        ("they're", "their"), ("it's", "its"), ("you're", "your"), ("whether", "wether"),
        ("until", "untill"), ("basically", "basicly"), ("probably", "probly"), ("completely", "completly"),
        ("environment", "enviroment"), ("disproportionate", "disproportionite"), ("criteria", "criterias"),
        ("receive", "recieve"), ("received", "recieved"), ("explain", "explane"),
        ("really", "realy"), ("totally", "totaly"), ("sincerely", "sincerly"), ("transparent", "transparant"),
        ("independent", "independant"), ("knowledge", "knowlege"), ("appalling", "appaling"),
        ("innocent", "inocent"), ("targeted", "targetted"), ("stereotype", "steriotype"),
    ]

    static let textspeakWords: [(String, String)] = [
        ("I don't know", "idk"), ("don't know", "dunno"), ("to be honest", "tbh"), ("you", "u"),
        ("your", "ur"), ("you're", "ur"), ("people", "ppl"), ("because", "cos"), ("though", "tho"),
        ("probably", "prob"), ("about", "abt"), ("going to", "gonna"), ("want to", "wanna"),
        ("something", "smth"), ("really", "rly"), ("please", "pls"), ("with", "wiv"), ("before", "b4"),
        ("thanks", "thx"), ("at the moment", "atm"), ("oh my god", "omg"), ("nothing", "nuttin"),
        ("for real", "fr"), ("I'm", "im"),
    ]

    /// `text` with every common misspelling applied (a writer who misspells does so consistently).
    static func misspell(_ text: String) -> String {
        replacingWords(misspellings, in: text)
    }

    /// `text` with text-speak abbreviations applied.
    static func textspeak(_ text: String) -> String {
        replacingWords(textspeakWords, in: text)
    }

    /// Replaces whole-word, case-preserving occurrences (lower case and Capitalised forms).
    static func replacingWords(_ pairs: [(String, String)], in text: String) -> String {
        var result = text
        for (from, to) in pairs {
            result = replacingWord(from, with: to, in: result)
            result = replacingWord(capitalised(from), with: capitalised(to), in: result)
        }
        return result
    }

    private static func capitalised(_ word: String) -> String {
        word.prefix(1).uppercased() + word.dropFirst()
    }

    private static func replacingWord(_ word: String, with replacement: String, in text: String) -> String {
        guard word != replacement, text.contains(word) else { return text }
        var result = ""
        var rest = text[...]
        while let range = rest.range(of: word) {
            let before = range.lowerBound == rest.startIndex
                ? result.last : rest[rest.index(before: range.lowerBound)]
            let after = range.upperBound == rest.endIndex ? nil : rest[range.upperBound]
            result += rest[..<range.lowerBound]
            result += isWordCharacter(before) || isWordCharacter(after) ? word : replacement
            rest = rest[range.upperBound...]
        }
        return result + rest
    }

    private static func isWordCharacter(_ c: Character?) -> Bool {
        guard let c else { return false }
        return c.isLetter || c.isNumber || c == "'" || c == "{" || c == "}" || c == "_"
    }
}
