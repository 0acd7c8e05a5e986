/// Word lists for cue-driven detection (names, platform handles), all as lower-case keys.
///
/// Why lists: without a trained model, a name is recognised by the cue before it ("my son",
/// "PC", "Thanks,") and by not being one of the capitalised words respondents use about this
/// consultation. Each list says where it applies; extend them when a real answer trips one.
enum PIIWordLists {
    /// Words that are never a name, even capitalised at the start of a clause ("my son They").
    /// Modal or month words that are also first names (Will, May, June, Mark) are left out.
    static let functionWords: Set<String> = [
        "a", "an", "the", "and", "or", "but", "nor", "if", "so", "because", "cos", "as", "at", "by",
        "for", "from", "in", "into", "of", "off", "on", "onto", "out", "over", "to", "up", "down",
        "with", "without", "about", "after", "before", "since", "until", "than", "then", "though",
        "i", "me", "my", "mine", "we", "us", "our", "you", "your", "he", "him", "his", "she",
        "her", "it", "its", "it's", "they", "them", "their", "this", "that", "these", "those",
        "there", "here", "who", "whom", "whose", "what", "when", "where", "why", "how", "which",
        "is", "are", "was", "were", "be", "been", "being", "am", "do", "does", "did", "done",
        "have", "has", "had", "can", "could", "would", "should", "shall", "might", "must", "got",
        "get", "gets", "said", "says", "told", "went", "came", "not", "no", "yes", "never", "always",
        "just", "also", "still", "now", "very", "too", "all", "any", "some", "none", "every",
        "each", "more", "most", "much", "many", "only", "even", "really", "please", "thanks",
        "thank", "hi", "hello", "hey", "ok", "okay", "yeah", "yep", "nope", "maybe", "perhaps",
        "im", "i'm", "i've", "i'd", "i'll", "don't", "didn't", "doesn't", "can't", "won't",
        "isn't", "wasn't", "aren't", "weren't", "haven't", "hasn't", "he's", "she's", "they're",
        "we're", "you're", "there's", "that's", "what's", "let's", "everyone", "everybody",
        "someone", "somebody", "anyone", "anybody", "nobody", "nothing", "something",
        "anything", "everything", "agree", "disagree", "strongly", "neutral", "neither", "unsure",
        "n/a", "na", "etc", "again", "once", "twice", "well", "like", "who's", "ever",
    ]

    /// Capitalised words of this consultation's world that follow cues but are not people:
    /// institutions, operations, platforms, roles, nationalities and faiths, days and months
    /// that are not first names. Never a name after any cue ("DC Police", "- Concerned Parent").
    static let notNames: Set<String> = [
        "matrix", "gangs", "gang", "met", "mets", "metropolitan", "police", "policing", "mopac",
        "iopc", "ipcc", "ico", "amnesty", "liberty", "tfl", "nhs", "cps", "council", "councils",
        "government", "govt", "home", "office", "secretary", "mayor", "court", "courts", "crown",
        "prosecution", "service", "services", "school", "schools", "college", "university", "uni",
        "church", "mosque", "temple", "youth", "club", "centre", "center", "station", "unit",
        "team", "squad", "trident", "operation", "section", "stop", "search", "training", "safety",
        "report", "review", "engagement", "scheme", "programme", "program", "role", "panel",
        "board", "group", "world", "london", "londoner", "londoners", "uk", "britain", "england",
        "english", "british", "scotland", "scottish", "wales", "welsh", "ireland", "irish",
        "facebook", "instagram", "insta", "snapchat", "snap", "twitter", "youtube", "tiktok",
        "whatsapp", "telegram", "google", "drill", "grime", "rap", "music", "covid", "brexit",
        "christmas", "easter", "eid", "ramadan", "diwali", "god", "allah", "anon", "anonymous",
        "parent", "parents", "resident", "residents", "mum", "mom", "mother", "dad", "father",
        "son", "daughter", "brother", "sister", "friend", "cousin", "worker", "workers", "teacher",
        "officer", "officers", "local", "concerned", "worried", "angry", "upset", "scared",
        "citizen", "member", "community", "respondent", "participant", "sir", "madam", "staff",
        "volunteer", "student", "pupil", "mp", "monday", "tuesday", "wednesday", "thursday",
        "friday", "saturday", "sunday", "january", "february", "march", "july", "september",
        "october", "november", "december", "muslim", "christian", "jewish", "sikh", "hindu",
        "bame", "bme", "black", "white", "asian", "mixed", "caribbean", "african", "bro", "bruv",
        "fam", "mate", "mates", "boss", "male", "female", "man", "woman", "men", "women", "boys",
        "girls", "nonbinary", "non-binary", "trans", "other", "often", "sometimes", "rarely",
        "usually", "crimint", "pnc", "pnd", "merlin", "shield", "sceptre", "end", "scrap", "abolish",
        "justice", "free", "ban", "reform", "peace", "respect", "rip",
    ]

    /// Places and groups that may follow a comma or stand as a sign-off ("my cousin, Brixton
    /// police stopped him", "- Hackney") but are also names after a title ("PC Sutton"), so
    /// they only block the weaker cues: comma apposition and signatures.
    static let placesAndGroups: Set<String> = [
        "city", "barking", "dagenham", "barnet", "bexley", "brent", "bromley", "camden", "croydon",
        "ealing", "enfield", "greenwich", "hackney", "hammersmith", "fulham", "haringey", "harrow",
        "havering", "hillingdon", "hounslow", "islington", "kensington", "chelsea", "kingston",
        "thames", "lambeth", "lewisham", "merton", "newham", "redbridge", "richmond", "southwark",
        "sutton", "tower", "hamlets", "waltham", "forest", "wandsworth", "westminster", "brixton",
        "peckham", "tottenham", "stratford", "walthamstow", "woolwich", "deptford", "dalston",
        "harlesden", "stockwell", "clapham", "camberwell", "edmonton", "catford", "streatham",
        "norbury", "mitcham", "plumstead", "poplar", "whitechapel", "shoreditch", "kilburn",
        "willesden", "wembley", "acton", "southall", "ilford", "romford", "leyton", "holloway",
        "east", "west", "north", "south", "central", "estate", "road", "street", "park", "green",
        "somali", "eritrean", "nigerian", "ghanaian", "jamaican", "turkish", "kurdish", "polish",
        "romanian", "bangladeshi", "pakistani", "indian", "chinese", "arab", "gypsy", "traveller",
        "roma", "latino", "european",
    ]

    /// Lower-case words after "my name is" that are not a name ("my name is on the matrix",
    /// "my name is irrelevant"), in addition to `functionWords`.
    static let notLowercaseNames: Set<String> = [
        "will", "may", "irrelevant", "unimportant", "withheld", "private", "confidential",
        "anonymous", "anon", "there", "known", "listed", "mentioned", "included", "added",
        "unknown", "redacted", "none", "nothing",
    ]

    /// Social platforms whose name, followed by ":" or "is", introduces a handle.
    static let platforms: Set<String> = [
        "instagram", "insta", "ig", "snapchat", "snap", "sc", "tiktok", "twitter", "telegram",
        "discord", "youtube", "yt", "facebook", "fb", "twitch", "threads",
    ]
}
