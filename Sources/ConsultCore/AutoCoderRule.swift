import Foundation

/// A ``CodingRule`` with its patterns compiled, ready to search texts.
///
/// `NSRegularExpression` is immutable after creation, documented as safe to use from several
/// threads at once, and `Sendable` in Foundation, so compiled rules can be shared between tasks.
struct AutoCoderRule: Sendable {
    let ruleID: String
    let themeID: String
    private let any: NSRegularExpression?
    private let nearA: NSRegularExpression?
    private let nearB: NSRegularExpression?
    private let within: Int
    private let nearScope: NearScope
    private let unless: NSRegularExpression?
    private let negation: NegationMode
    private let questions: QuestionMode

    init(_ rule: CodingRule, compiler: RulePatternCompiler) throws(RulePatternProblem) {
        ruleID = rule.id
        themeID = rule.themeID
        any = try compiler.compile(rule.any)
        nearA = try compiler.compile(rule.near?.a ?? [])
        nearB = try compiler.compile(rule.near?.b ?? [])
        within = rule.near?.within ?? 0
        nearScope = rule.near?.scope ?? .sentence
        unless = try compiler.compile(rule.unless)
        negation = rule.negation
        questions = rule.questions
    }

    /// The earliest span of `text` this rule accepts, if any.
    func firstMatch(in text: AutoCoderText, window: Int) -> NSRange? {
        var vetoed: Set<Int>?
        func accepts(_ components: [NSRange]) -> Bool {
            let sentences = Set(components.map { text.sentenceIndex(at: $0.location) })
            let inQuestion = sentences.contains { text.sentences[$0].isQuestion }
            switch questions {
            case .include: break
            case .exclude: if inQuestion { return false }
            case .only: if !inQuestion { return false }
            }
            if components.contains(where: { text.isNegated($0, window: window, mode: negation) }) {
                return false
            }
            if vetoed == nil { vetoed = vetoedSentences(in: text) }
            return vetoed?.isDisjoint(with: sentences) != false
        }
        let phrase = firstPhrase(in: text, accepts: accepts)
        let proximity = firstProximity(in: text, accepts: accepts)
        switch (phrase, proximity) {
        case let (p?, q?): return q.location < p.location ? q : p
        case let (p?, nil): return p
        case let (nil, q?): return q
        case (nil, nil): return nil
        }
    }

    /// The first `any` match that is accepted. After a refusal the search resumes at the end of
    /// the refused match: what stands inside a denied statement is denied too ("I haven't seen
    /// anything about it in the news" must not yield "in the news"), and a sentence refused for
    /// being a question or for an `unless` pattern stays refused.
    private func firstPhrase(in text: AutoCoderText, accepts: ([NSRange]) -> Bool) -> NSRange? {
        guard let any else { return nil }
        var position = 0
        while position < text.length {
            let range = NSRange(location: position, length: text.length - position)
            guard let match = any.firstMatch(in: text.normalized, range: range)?.range else { return nil }
            if accepts([match]) { return match }
            position = max(NSMaxRange(match), match.location + 1)
        }
        return nil
    }

    /// The earliest accepted pair of `near` matches close enough together (in one sentence
    /// unless the scope is the segment).
    private func firstProximity(in text: AutoCoderText, accepts: ([NSRange]) -> Bool) -> NSRange? {
        guard let nearA, let nearB else { return nil }
        let whole = NSRange(location: 0, length: text.length)
        let aMatches = nearA.matches(in: text.normalized, range: whole).map(\.range)
        guard !aMatches.isEmpty else { return nil }
        let bMatches = nearB.matches(in: text.normalized, range: whole).map(\.range)
        var pairs: [(span: NSRange, parts: [NSRange])] = []
        for a in aMatches {
            let sentence = text.sentenceIndex(at: a.location)
            for b in bMatches where a != b
                && (nearScope == .segment || text.sentenceIndex(at: b.location) == sentence)
                && text.wordsBetween(a, b) <= within {
                let start = min(a.location, b.location)
                let end = max(NSMaxRange(a), NSMaxRange(b))
                let ordered = a.location <= b.location ? [a, b] : [b, a]
                pairs.append((NSRange(location: start, length: end - start), ordered))
            }
        }
        pairs.sort { ($0.span.location, $0.span.length) < ($1.span.location, $1.span.length) }
        return pairs.first { accepts($0.parts) }?.span
    }

    /// Sentences in which an `unless` pattern occurs.
    private func vetoedSentences(in text: AutoCoderText) -> Set<Int> {
        guard let unless else { return [] }
        let whole = NSRange(location: 0, length: text.length)
        return Set(unless.matches(in: text.normalized, range: whole).map { text.sentenceIndex(at: $0.range.location) })
    }
}
