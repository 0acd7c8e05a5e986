/// One automatic-coding rule of a theme, as written in the codebook.
///
/// A rule proposes its theme for a segment when one of its `any` patterns matches, or when a
/// pattern of `near.a` and one of `near.b` occur within `near.within` words (see ``Near``).
/// A candidate is then dropped when an `unless` pattern occurs in the same sentence, when the
/// `questions` setting rejects the sentence, or when a negation cue denies it (see ``Negation``).
/// Patterns are kept as written (with `{vocabulary}` references and `~N` gaps) so that exports
/// and reports show what staff wrote; ``AutoCoder`` compiles them.
public struct CodingRule: Sendable, Equatable {
    /// Unique across the codebook; codings cite it as their provenance.
    public var id: String
    /// The theme this rule codes.
    public var themeID: String
    /// Phrase patterns: any one of them matching is a candidate.
    public var any: [String]
    /// Two pattern lists that must occur close together.
    public var near: Near?
    /// Patterns that veto a candidate when they occur in the candidate's sentence.
    public var unless: [String]
    /// How negation cues before (or inside) a candidate affect it.
    public var negation: Negation
    /// Whether candidates in questions count.
    public var questions: Questions
    /// Free-text note for staff: why the rule exists or what it is meant to catch.
    public var note: String?

    /// Creates a rule; see the type's documentation for the meaning of each part.
    public init(
        id: String, themeID: String, any: [String] = [], near: Near? = nil,
        unless: [String] = [], negation: Negation = .veto, questions: Questions = .include,
        note: String? = nil
    ) {
        self.id = id
        self.themeID = themeID
        self.any = any
        self.near = near
        self.unless = unless
        self.negation = negation
        self.questions = questions
        self.note = note
    }
}

extension CodingRule {
    /// A proximity condition: a match of `a` and a match of `b`, in either order, with at most
    /// `within` words between them, in one sentence (or anywhere in the segment, for
    /// ``Scope/segment``). The coded span runs from the first to the last of the two.
    public struct Near: Sendable, Equatable {
        /// First pattern list.
        public var a: [String]
        /// Second pattern list.
        public var b: [String]
        /// Most words allowed between the two matches.
        public var within: Int
        /// Whether the two may stand in different sentences.
        public var scope: Scope

        /// Creates a proximity condition.
        public init(a: [String], b: [String], within: Int, scope: Scope = .sentence) {
            self.a = a
            self.b = b
            self.within = within
            self.scope = scope
        }

        /// How far apart the two halves of a ``CodingRule.Near`` may be.
        public enum Scope: String, Sendable, Equatable, CaseIterable {
            /// In the same sentence (the default).
            case sentence
            /// Anywhere in the segment, still within the word limit: for statements that people split
            /// over short sentences ("He's on it. Nobody told him.").
            case segment
        }
    }

    /// How a rule treats negation cues (`not`, `never`, `n't`, `nobody`, ...), following the codebook
    /// convention "what the text denies or says never happened is not coded".
    public enum Negation: String, Sendable, Equatable, CaseIterable {
        /// The default: a denied candidate is dropped, but a view that something should not happen
        /// ("housing has no business seeing it", "they shouldn't share it") still counts, because the
        /// convention codes such views under their theme.
        case veto
        /// Any negation drops the candidate, including "should not": for themes whose meaning flips
        /// with negation ("we shouldn't trust them" is not `trust.high`).
        case strict
        /// Negation is ignored: the rule's patterns state the negation themselves, as in themes that
        /// are negated statements ("never heard of it", "nobody told us anything").
        case ignore
    }

    /// Whether a rule's candidates count inside questions. "Isn't that the list for people on tags?"
    /// is not a stated belief, so belief themes exclude questions, and a few rules look only there.
    public enum Questions: String, Sendable, Equatable, CaseIterable {
        /// Candidates count whether or not the sentence is a question (the default: rhetorical
        /// questions often carry a view).
        case include
        /// Candidates in a question are dropped.
        case exclude
        /// Only candidates in a question count.
        case only
    }
}
