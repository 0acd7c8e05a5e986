import Foundation

extension AutoCoderRule {
    /// A compiled pattern with its literal gate, and the search that uses what the keyword scan
    /// found to run the expression as little as possible.
    struct Pattern: Sendable {
        let regex: NSRegularExpression
        /// Literal groups every match meets.
        let literals: [Set<String>]
        /// Strings every match starts with, and ends with, if known.
        let leading: Set<String>?
        let trailing: Set<String>?
        /// The groups as keyword ids; each must have a keyword present.
        private var gate: [[Int]] = []
        /// The leading strings as keyword ids; one must stand at a word start.
        private var leadingGate: Set<Int>?
        /// The trailing strings as keyword ids; one must stand at a word end.
        private var trailingGate: [Int]?

        /// Most anchored attempts worth making instead of one scan of the whole text (a scan tries
        /// every position whose character could begin a match, each attempt costing about what an
        /// anchored one does, plus a fixed cost per call).
        private static let maxAnchoredAttempts = 6

        init(regex: NSRegularExpression, literals: [Set<String>], leading: Set<String>?, trailing: Set<String>?) {
            self.regex = regex
            self.literals = literals
            self.leading = leading
            self.trailing = trailing
        }

        /// This pattern with its strings turned into keyword ids from `ids`.
        func gated(by ids: [String: Int]) -> Pattern {
            var gated = self
            gated.gate = literals.map { $0.compactMap { ids[$0] } }
            gated.leadingGate = leading.map { Set($0.compactMap { ids[$0] }) }
            gated.trailingGate = trailing.map { $0.compactMap { ids[$0] } }
            return gated
        }

        /// Whether the pattern can match a text in which the scan `found` these keywords (nil:
        /// unknown, so it can).
        func isOpen(_ found: AutoCoderKeywords.Found?) -> Bool {
            guard let found else { return true }
            return gate.allSatisfy { group in group.contains { found.anywhere[$0] } }
                && leadingGate.map { $0.contains { found.atWordStart[$0] } } != false
                && trailingGate.map { $0.contains { found.atWordEnd[$0] } } != false
        }

        /// Every match in `text`, exactly as `NSRegularExpression.matches` over the whole text
        /// reports them: leftmost first, each search resuming where the last match ended.
        ///
        /// When every match starts with a leading string and the scan saw few places where one
        /// stands at a word start, the expression is tried only there, anchored, with the rest of
        /// the text visible to its lookarounds and its `^`/`$` bound to the text's own ends. No
        /// match can start anywhere else, so trying those places in order, skipping any inside
        /// the previous match, finds what the full scan finds, for a fraction of the work.
        func matches(in text: AutoCoderText, found: AutoCoderKeywords.Found?) -> [NSRange] {
            guard let starts = candidateStarts(found), starts.count <= Self.maxAnchoredAttempts else {
                return regex.matches(in: text.normalized, range: NSRange(location: 0, length: text.length)).map(\.range)
            }
            var ranges: [NSRange] = []
            var resume = 0
            for start in starts where start >= resume {
                let rest = NSRange(location: start, length: text.length - start)
                guard let match = regex.firstMatch(
                    in: text.normalized, options: [.anchored, .withTransparentBounds, .withoutAnchoringBounds], range: rest)
                else { continue }
                ranges.append(match.range)
                resume = NSMaxRange(match.range)
            }
            return ranges
        }

        /// Ascending UTF-16 offsets where a leading string stands at a word start, or nil when
        /// the pattern has no leading strings or the scan could not give offsets.
        private func candidateStarts(_ found: AutoCoderKeywords.Found?) -> [Int]? {
            guard let leadingGate, let occurrences = found?.wordStarts else { return nil }
            return Set(occurrences.lazy.filter { leadingGate.contains($0.keyword) }.map(\.offset)).sorted()
        }
    }
}
