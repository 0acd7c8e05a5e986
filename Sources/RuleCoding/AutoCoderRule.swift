import ConsultationModel
import Foundation
import RulePatterns

/// A ``CodingRule`` with its patterns compiled, ready to search texts.
///
/// Each pattern is compiled on its own with the literals every match of it contains (see
/// ``RuleLiterals``); a pattern whose literals are absent from a segment is not run, which is
/// what keeps a few hundred rules fast. `NSRegularExpression` is immutable after creation,
/// documented as safe to use from several threads at once, and `Sendable` in Foundation, so
/// compiled rules can be shared between tasks. A class, so that trying a rule on a segment
/// (and the checks that capture it) never copies its stored arrays.
final class AutoCoderRule: Sendable {
    /// A compiled pattern and its literal gate; a class, so the coder's loops do not copy it.
    final class Pattern: Sendable {
        let expression: RuleExpression
        /// Literal groups every match meets.
        let literals: [Set<String>]
        /// Strings every match starts with, and ends with, if known.
        let leading: Set<String>?
        let trailing: Set<String>?
        /// The groups as keyword ids; each must have a keyword present.
        let gate: [[Int]]
        /// The leading strings as keyword ids; one must stand at a word start.
        let leadingGate: [Int]?
        /// The trailing strings as keyword ids; one must stand at a word end.
        let trailingGate: [Int]?
        /// All three as numbered groups (see ``AutoCoderGates``); each must be met.
        let groups: [Int32]

        /// A pattern, always open.
        init(expression: RuleExpression, literals: [Set<String>], leading: Set<String>?, trailing: Set<String>?) {
            self.expression = expression
            self.literals = literals
            self.leading = leading
            self.trailing = trailing
            gate = []
            leadingGate = nil
            trailingGate = nil
            groups = []
        }

        /// `pattern` gated by the keyword ids of `ids`, its groups numbered in `gates`.
        init(_ pattern: Pattern, keywordIDs ids: [String: Int], gates: inout AutoCoderGates) {
            expression = pattern.expression
            literals = pattern.literals
            leading = pattern.leading
            trailing = pattern.trailing
            gate = literals.map { $0.compactMap { ids[$0] } }
            leadingGate = leading.map { $0.compactMap { ids[$0] } }
            trailingGate = trailing.map { $0.compactMap { ids[$0] } }
            groups = gate.map { gates.number($0, at: .anywhere) }
                + (leadingGate.map { [gates.number($0, at: .wordStart)] } ?? [])
                + (trailingGate.map { [gates.number($0, at: .wordEnd)] } ?? [])
        }

        /// Whether every group is met (`met` from ``AutoCoderGates/met(by:)``; nil: unknown, open).
        func isOpen(_ met: [Bool]?) -> Bool {
            guard let met else { return true }
            return groups.allSatisfy { met[Int($0)] }
        }
    }

    let ruleID: String
    let themeID: String
    let phrases: [Pattern]
    let nearA: [Pattern]
    let nearB: [Pattern]
    private let within: Int
    private let nearScope: CodingRule.Near.Scope
    private let unless: RuleExpression?
    private let negation: CodingRule.Negation
    private let questions: CodingRule.Questions

    init(_ rule: CodingRule, compiler: RulePatternCompiler) throws(RulePatternProblem) {
        func patterns(_ list: [String]) throws(RulePatternProblem) -> [Pattern] {
            try compiler.compileEach(list).map { Pattern(expression: $0.expression, literals: $0.literals, leading: $0.leading, trailing: $0.trailing) }
        }
        ruleID = rule.id
        themeID = rule.themeID
        phrases = try patterns(rule.any)
        nearA = try patterns(rule.near?.a ?? [])
        nearB = try patterns(rule.near?.b ?? [])
        within = rule.near?.within ?? 0
        nearScope = rule.near?.scope ?? .sentence
        unless = try compiler.compile(rule.unless)
        negation = rule.negation
        questions = rule.questions
    }

    /// Every literal, leading and trailing string of every pattern.
    var literals: Set<String> {
        Set((phrases + nearA + nearB).flatMap { $0.literals.flatMap { $0 } + ($0.leading ?? []) + ($0.trailing ?? []) })
    }

    /// This rule with its literal groups turned into keyword ids from `ids`, numbered in `gates`.
    func gated(by ids: [String: Int], gates: inout AutoCoderGates) -> AutoCoderRule {
        func gate(_ patterns: [Pattern]) -> [Pattern] {
            patterns.map { Pattern($0, keywordIDs: ids, gates: &gates) }
        }
        return AutoCoderRule(copying: self, phrases: gate(phrases), nearA: gate(nearA), nearB: gate(nearB))
    }

    private init(copying rule: AutoCoderRule, phrases: [Pattern], nearA: [Pattern], nearB: [Pattern]) {
        ruleID = rule.ruleID
        themeID = rule.themeID
        self.phrases = phrases
        self.nearA = nearA
        self.nearB = nearB
        within = rule.within
        nearScope = rule.nearScope
        unless = rule.unless
        negation = rule.negation
        questions = rule.questions
    }

    /// Keyword ids one of which occurs in every text this rule can match (each open pattern needs
    /// a keyword of its smallest literal group); nil when some pattern has no literal gate, so the
    /// rule must be tried on every text.
    var triggers: [Int]? {
        func trigger(_ pattern: Pattern) -> [Int]? {
            (pattern.gate + [pattern.leadingGate, pattern.trailingGate].compactMap { $0 }).min { $0.count < $1.count }
        }
        var ids: [Int] = []
        for pattern in phrases + (nearB.isEmpty ? [] : nearA) {
            guard let keywords = trigger(pattern) else { return nil }
            ids += keywords
        }
        return ids
    }

    /// Why a candidate was or was not taken.
    private enum Verdict {
        case accepted
        /// A negation cue denies it: whatever lies inside it is denied too.
        case denied
        /// Its sentence is refused (question setting or an `unless` pattern).
        case refused
    }

    /// The earliest span of `text` this rule accepts, if any. `present` says which keyword groups
    /// the text's keywords meet (see ``AutoCoderGates``; nil: unknown, run everything).
    ///
    /// A candidate inside a span that a negation cue denies is refused, whichever pattern
    /// found either: "I haven't seen anything about it in the news" must not yield "in the news"
    /// from a shorter pattern.
    func firstMatch(in text: AutoCoderText, window: Int, present: [Bool]?) -> NSRange? {
        // Most rules have no pattern whose literals are present: nothing to run.
        guard phrases.contains(where: { $0.isOpen(present) })
            || (nearA.contains { $0.isOpen(present) } && nearB.contains { $0.isOpen(present) }) else { return nil }
        var vetoed: Set<Int>?
        func verdict(_ components: [NSRange]) -> Verdict {
            let sentences = Set(components.map { text.sentenceIndex(at: $0.location) })
            let inQuestion = sentences.contains { text.sentences[$0].isQuestion }
            switch questions {
            case .include: break
            case .exclude: if inQuestion { return .refused }
            case .only: if !inQuestion { return .refused }
            }
            if components.contains(where: { text.isNegated($0, window: window, mode: negation) }) {
                return .denied
            }
            if vetoed == nil { vetoed = vetoedSentences(in: text) }
            return vetoed?.isDisjoint(with: sentences) != false ? .accepted : .refused
        }
        var accepted: [NSRange] = []
        var denied: [NSRange] = []
        for pattern in phrases where pattern.isOpen(present) {
            for match in pattern.expression.matches(in: text.subject) {
                switch verdict([match]) {
                case .accepted: accepted.append(match)
                case .denied: denied.append(match)
                case .refused: break
                }
            }
        }
        accepted += proximities(in: text, present: present) { verdict($0) == .accepted }
        return accepted
            .filter { candidate in !denied.contains { NSLocationInRange(candidate.location, $0) && NSMaxRange(candidate) <= NSMaxRange($0) } }
            .min { ($0.location, $0.length) < ($1.location, $1.length) }
    }

    /// The accepted pairs of `near` matches close enough together (in one sentence unless the
    /// scope is the segment), as spans from the first to the last of the two.
    private func proximities(in text: AutoCoderText, present: [Bool]?, accepts: ([NSRange]) -> Bool) -> [NSRange] {
        let aMatches = matches(of: nearA, in: text, present: present)
        guard !aMatches.isEmpty else { return [] }
        let bMatches = matches(of: nearB, in: text, present: present)
        var spans: [NSRange] = []
        for a in aMatches {
            let sentence = text.sentenceIndex(at: a.location)
            for b in bMatches where a != b
                && (nearScope == .segment || text.sentenceIndex(at: b.location) == sentence)
                && text.wordsBetween(a, b) <= within {
                let ordered = a.location <= b.location ? [a, b] : [b, a]
                guard accepts(ordered) else { continue }
                let start = min(a.location, b.location)
                spans.append(NSRange(location: start, length: max(NSMaxRange(a), NSMaxRange(b)) - start))
            }
        }
        return spans
    }

    /// All matches of the open patterns of a list.
    private func matches(of patterns: [Pattern], in text: AutoCoderText, present: [Bool]?) -> [NSRange] {
        patterns.filter { $0.isOpen(present) }.flatMap { $0.expression.matches(in: text.subject) }
    }

    /// Sentences in which an `unless` pattern occurs.
    private func vetoedSentences(in text: AutoCoderText) -> Set<Int> {
        guard let unless else { return [] }
        return Set(unless.matches(in: text.subject).map { text.sentenceIndex(at: $0.location) })
    }
}
