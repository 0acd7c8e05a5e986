/// Inter-coder agreement on theme coding, per theme and pooled, from two coders' theme sets.
///
/// Input is the segments both coders coded, each with the set of theme ids each coder applied. For
/// each theme every segment is a present/absent unit (`BinaryAgreement`). The pooled figure sums those
/// 2x2 tables over themes, so its units are segment-theme pairs (segments × themes); because most
/// themes are absent from most segments, pooled agreement is high and pooled kappa is the more
/// telling number.
public struct ThemeAgreement<Theme: Hashable & Comparable & Sendable>: Sendable {
    /// One theme's agreement.
    public struct Row: Sendable {
        public let theme: Theme
        public let agreement: BinaryAgreement
    }

    /// One row per theme, in theme order: every theme either coder applied, plus any in `themes`.
    public let themes: [Row]
    /// All themes' tables summed.
    public let pooled: BinaryAgreement

    /// - Parameters:
    ///   - segments: per segment coded by both coders, the first and the second coder's theme sets.
    ///   - themes: themes to report even if neither coder applied them in these segments (they show
    ///     agreement 1 and nil kappa and alpha, and add "absent/absent" units to the pooled table).
    /// - Throws: `.empty` when there are no segments, or no themes at all.
    public init(segments: [(first: Set<Theme>, second: Set<Theme>)], themes: Set<Theme> = []) throws(StatisticsError) {
        guard !segments.isEmpty else { throw .empty(what: "segments coded by both coders") }
        let all = segments.reduce(themes) { $0.union($1.first).union($1.second) }.sorted()
        guard !all.isEmpty else { throw .empty(what: "themes") }
        var rows: [Row] = []
        var sums = (both: 0, firstOnly: 0, secondOnly: 0, neither: 0)
        for theme in all {
            var counts = (both: 0, firstOnly: 0, secondOnly: 0, neither: 0)
            for segment in segments {
                switch (segment.first.contains(theme), segment.second.contains(theme)) {
                case (true, true): counts.both += 1
                case (true, false): counts.firstOnly += 1
                case (false, true): counts.secondOnly += 1
                case (false, false): counts.neither += 1
                }
            }
            rows.append(Row(theme: theme, agreement: try BinaryAgreement(
                both: counts.both, firstOnly: counts.firstOnly, secondOnly: counts.secondOnly, neither: counts.neither)))
            sums = (sums.both + counts.both, sums.firstOnly + counts.firstOnly,
                    sums.secondOnly + counts.secondOnly, sums.neither + counts.neither)
        }
        self.themes = rows
        pooled = try BinaryAgreement(both: sums.both, firstOnly: sums.firstOnly, secondOnly: sums.secondOnly, neither: sums.neither)
    }
}
