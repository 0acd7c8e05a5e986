extension Codebook {
    /// The words and phrases the automatic coder uses to tell a denial from a statement.
    ///
    /// A candidate is negated when a cue stands at most `window` words before it (or inside it) in the
    /// same clause. Clauses end at punctuation (, ; : brackets quotes, a dash between spaces, sentence
    /// ends, emoji) and at the `clauseBreaks` words, so "it's not fair, they target black boys" and
    /// "I don't like it because it targets black boys" keep their second half. Any word ending in
    /// "n't" is a cue as well as the listed `cues`. Phrases are words separated by single spaces,
    /// lower case, with a straight apostrophe (curly ones in the text are treated as straight).
    public struct NegationSettings: Sendable, Equatable {
        /// Most words between a cue and the candidate it negates.
        public var window: Int
        /// Single words that negate what follows.
        public var cues: [String]
        /// Phrases that state a view ("should not", "no business"), not a denial: they do not negate
        /// under ``CodingRule.Negation/veto``, and do under ``CodingRule.Negation/strict``.
        public var deontic: [String]
        /// Phrases whose cue word does not negate anything ("no wonder", "not only", "not fair").
        public var notNegation: [String]
        /// Words that start a new clause, ending a cue's reach.
        public var clauseBreaks: [String]

        /// Creates settings.
        public init(window: Int, cues: [String], deontic: [String], notNegation: [String], clauseBreaks: [String]) {
            self.window = window
            self.cues = cues
            self.deontic = deontic
            self.notNegation = notNegation
            self.clauseBreaks = clauseBreaks
        }

        /// The settings used when a codebook does not give its own.
        public static let standard = Codebook.NegationSettings(
            window: 3,
            cues: [
                "not", "no", "never", "nothing", "nobody", "noone", "none", "neither", "nor", "without",
                "cannot", "hardly", "barely", "dunno", "doubt", "lack", "lacking", "nowhere",
                "dont", "didnt", "doesnt", "isnt", "arent", "wasnt", "werent", "havent", "hasnt",
                "hadnt", "wont", "wouldnt", "cant", "couldnt", "shouldnt", "aint", "mustnt",
            ],
            deontic: [
                "should not", "shouldn't", "shouldnt", "should never", "should be no", "never should",
                "must not", "mustn't", "mustnt", "must never", "ought not", "oughtn't", "shall not",
                "no business", "no right", "not be allowed", "not allowed",
            ],
            notNegation: [
                "no wonder", "no doubt", "without a doubt", "not only", "not just", "not fair",
                "not right", "not ok", "not okay", "not on", "not acceptable", "not cool",
                "not to mention", "no matter", "never mind", "not surprised", "not surprising",
                "no surprise", "whether or not", "if not", "not least", "nothing but", "no end",
                "can't believe", "cannot believe", "cant believe", "can't help", "don't get me wrong",
                "not being funny", "no offence",
            ],
            clauseBreaks: [
                "but", "because", "cos", "coz", "cuz", "although", "though", "however", "whereas",
                "while", "whilst", "and", "so", "unless", "except", "plus",
            ]
        )
    }
}
