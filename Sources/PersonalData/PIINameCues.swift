/// The cue phrases after which a capitalised word is taken to be a person's name.
///
/// Why cues: without a trained model, a name can only be told from "Matrix" or "Worried" by its
/// context. Each list below is one kind of context; matching is on lower-case word keys.
enum PIINameCues {
    /// "my name is Jo", "my name's jo": may be followed by a lower-case name.
    static let selfStatements: [[String]] = [["my", "name", "is"], ["my", "name's"], ["my", "names"]]

    /// "his name is Tyrone", "a lad called Jay", "they call me Jo": a capitalised name follows.
    static let labels: [[String]] = [
        ["name", "is"], ["name's"], ["name", "was"], ["called"], ["named"], ["call", "me"],
        ["known", "as"], ["aka"],
    ]

    /// Greetings that, followed by "I'm" or "this is", introduce the writer: "Hi, I'm Sarah".
    static let greetings: Set<String> = ["hi", "hello", "hey", "hiya"]
    static let greetingFillers: Set<String> = ["there", "all", "everyone", "guys"]
    static let introductions: [[String]] = [["i'm"], ["im"], ["i", "am"], ["this", "is"], ["it's"], ["its"]]

    /// "my son Jayden", "her older brother Marcus": a possessive within four words before.
    static let possessives: Set<String> = ["my", "our", "his", "her", "their", "your"]
    static let relations: Set<String> = [
        "son", "daughter", "brother", "sister", "cousin", "friend", "mate", "nephew", "niece",
        "grandson", "granddaughter", "stepson", "stepdaughter", "boy", "girl", "kid", "child",
        "partner", "boyfriend", "girlfriend", "husband", "wife", "mum", "mother", "dad", "father",
        "uncle", "aunt", "auntie", "neighbour", "neighbor", "bro", "bredren", "classmate",
    ]
    /// Plural relations may name two people: "my sons Jo and Kai".
    static let pluralRelations: Set<String> = [
        "sons", "daughters", "brothers", "sisters", "cousins", "friends", "mates", "nephews",
        "nieces", "boys", "girls", "kids", "children", "grandsons", "granddaughters",
    ]

    /// Titles and ranks as they are written: "Mr Smith", "PC Jones", "Det Sgt Khan", "MR SMITH".
    /// Case matters: "pc" and "ms" are not titles, and neither is "MS" ("MS Word", "MS Teams").
    static let titles: Set<String> = {
        let spellings = [
            "Mr", "Mrs", "Ms", "Miss", "Mx", "Dr", "Prof", "Professor", "PC", "PCSO", "DC", "DS", "DI",
            "DCI", "DSI", "Sgt", "Sergeant", "Insp", "Inspector", "Det", "Detective", "Officer",
            "Constable", "Supt", "Superintendent", "Cllr", "Councillor", "Commander", "Commissioner",
            "Rev", "Reverend", "Sir", "Dame", "Lord", "Lady", "Judge",
        ]
        return Set(spellings + spellings.filter { $0 != "Ms" }.map { $0.uppercased() })
    }()
    /// Long-form titles that cue a name even in lower case: "the officer Smith".
    static let lowercaseTitles: Set<String> = [
        "officer", "sergeant", "detective", "inspector", "constable", "councillor",
        "superintendent", "commander", "commissioner",
    ]

    /// Closing words before a sign-off name at the very end: "Thanks, Jo", "Kind regards\nJo".
    static let signOffs: [[String]] = [
        ["thank", "you"], ["thanks", "again"], ["many", "thanks"], ["kind", "regards"],
        ["best", "regards"], ["warm", "regards"], ["best", "wishes"], ["yours", "sincerely"],
        ["yours", "faithfully"], ["yours", "truly"], ["thanks"], ["thankyou"], ["cheers"],
        ["regards"], ["best"], ["sincerely"], ["love"], ["from"], ["signed"], ["ta"],
    ]
}
