import ConsultStore
import ConsultationModel
import Statistics

/// The perception strand at a glance, per respondent group: the codebook's theme groups (this review's:
/// how many heard of the Matrix, how many understand its purpose, where their information came from),
/// the leading themes, and the differences between the community and partner surveys that pass a
/// test. `consult summary` prints it; the numbers are the same counts the theme and question tables
/// publish, with the same suppression.
public struct PerceptionSummary: Sendable, Equatable, Encodable {
    /// A theme's prevalence in one group: a share of respondents with its Wilson interval, or, for
    /// focus groups, the number of sessions that raised it.
    public struct ThemeFigure: Sendable, Equatable, Encodable {
        public var theme: String
        public var label: String
        public var respondents: Int?
        public var percent: Double?
        public var ciLow: Double?
        public var ciHigh: Double?
        public var sessions: Int?
        public var suppressed: Bool

        enum CodingKeys: String, CodingKey {
            case theme, label, respondents, percent, sessions, suppressed
            case ciLow = "ci_low", ciHigh = "ci_high"
        }
    }
    /// One closed answer's share (e.g. "heard of the Matrix: yes").
    public struct AnswerFigure: Sendable, Equatable, Encodable {
        public var question: String
        public var option: String
        public var percent: Double?
        public var ciLow: Double?
        public var ciHigh: Double?
        public var base: Int

        enum CodingKeys: String, CodingKey {
            case question, option, percent, base
            case ciLow = "ci_low", ciHigh = "ci_high"
        }
    }
    /// One of the codebook's theme groups (``Codebook/ThemeGroup``) in one respondent group: its
    /// themes' figures, most raised first.
    public struct ThemeGroupFigures: Sendable, Equatable {
        public var id: String
        public var label: String
        public var figures: [ThemeFigure]
    }
    public struct Group: Sendable, Equatable, Encodable {
        public var group: String
        public var respondents: Int
        /// Focus groups: sessions held (themes then count sessions, not people).
        public var sessions: Int?
        /// The codebook's theme groups, in its order (none when it defines none).
        public var themeGroups: [ThemeGroupFigures]
        public var leading: [ThemeFigure]
        public var answers: [AnswerFigure]

        /// The fixed fields, then each theme group's figures under its id (`"awareness":[...]`): a
        /// group's id can be none of the fixed keys (the codebook validator refuses them).
        public func encode(to encoder: any Encoder) throws {
            var fixed = encoder.container(keyedBy: Key.self)
            try fixed.encode(group, forKey: Key("group"))
            try fixed.encode(respondents, forKey: Key("respondents"))
            try fixed.encodeIfPresent(sessions, forKey: Key("sessions"))
            try fixed.encode(leading, forKey: Key("leading"))
            try fixed.encode(answers, forKey: Key("answers"))
            for themeGroup in themeGroups {
                try fixed.encode(themeGroup.figures, forKey: Key(themeGroup.id))
            }
        }

        struct Key: CodingKey {
            var stringValue: String
            var intValue: Int? { nil }
            init(_ name: String) { stringValue = name }
            init?(stringValue: String) { self.stringValue = stringValue }
            init?(intValue: Int) { nil }
        }
    }
    /// A community-vs-partner difference in a theme's share whose 95% interval excludes 0.
    public struct Difference: Sendable, Equatable {
        public var theme: String
        public var label: String
        public var result: GroupDifference
    }

    public var groups: [Group]
    public var differences: [Difference]
    public var minimumCell: Int

    enum CodingKeys: String, CodingKey {
        case groups, differences
        case minimumCell = "min_cell"
    }

    /// Builds the summary from published counts.
    ///
    /// - Parameters:
    ///   - themes: theme counts by `group` (as `themeCounts(by: "group")` gives them, already suppressed).
    ///   - raw: the same counts without suppression (`minimumCell` 1), used only to test differences
    ///     between publishable cells.
    ///   - sessions: focus-group sessions held; `raising`: sessions raising each theme.
    ///   - answers: closed-question shares to show per group's survey (already suppressed).
    ///   - surveyOfGroup: respondent group → its survey id (community → community...).
    ///   - themeGroups: the codebook's theme groups (``Codebook/themeGroups``), shown in this order.
    public static func make(themes: [ThemeCount], raw: [ThemeCount], sessions: Int, raising: [String: Int], answers: [OptionShare],
                            surveyOfGroup: [String: String], themeGroups: [Codebook.ThemeGroup], minimumCell: Int,
                            leadingCount: Int = 5) -> PerceptionSummary {
        let groupNames = themes.compactMap(\.group).distinctInOrder()
        let groups = groupNames.map { name -> Group in
            let rows = themes.filter { $0.group == name }
            let focus = name == "focus_group"
            let figures = rows.map { row -> ThemeFigure in
                let share = row.respondents.map { Proportion(successes: $0, total: row.base) }
                return ThemeFigure(theme: row.theme, label: row.label, respondents: row.respondents, percent: row.percent,
                                   ciLow: share.map { $0.lower * 100 }, ciHigh: share.map { $0.upper * 100 },
                                   sessions: focus ? raising[row.theme, default: 0] : nil, suppressed: row.suppressed)
            }
            let grouped = themeGroups.map { themeGroup in
                let members = Set(themeGroup.themeIDs)
                return ThemeGroupFigures(id: themeGroup.id, label: themeGroup.label,
                                         figures: figures.filter { members.contains($0.theme) }.sorted { rank($0, focus) > rank($1, focus) })
            }
            let leading = Array(figures.filter { !$0.suppressed }.sorted { rank($0, focus) > rank($1, focus) }.prefix(leadingCount))
            let survey = surveyOfGroup[name]
            let answerFigures = answers.filter { $0.count.survey == survey && !$0.suppressed }.map {
                AnswerFigure(question: "\($0.count.survey).\($0.count.question)", option: $0.count.option, percent: $0.percent,
                             ciLow: $0.ciLow, ciHigh: $0.ciHigh, base: $0.count.answered)
            }
            return Group(group: name, respondents: rows.first?.base ?? 0, sessions: focus ? sessions : nil,
                         themeGroups: grouped, leading: leading, answers: answerFigures)
        }
        var differences: [Difference] = []
        for theme in raw.map(\.theme).distinctInOrder() {
            // Only publishable cells are compared: a difference must not give away a withheld count.
            guard let a = raw.first(where: { $0.theme == theme && $0.group == "community" }),
                  let b = raw.first(where: { $0.theme == theme && $0.group == "partner" }),
                  let ca = a.respondents, let cb = b.respondents,
                  [ca, cb].allSatisfy({ $0 == 0 || $0 >= minimumCell }), a.base >= minimumCell, b.base >= minimumCell,
                  let result = try? GroupDifference(raised1: ca, base1: a.base, raised2: cb, base2: b.base), result.isReportable
            else { continue }
            differences.append(Difference(theme: theme, label: a.label, result: result))
        }
        differences.sort {
            let (x, y) = (abs($0.result.interval.estimate), abs($1.result.interval.estimate))
            return x > y || (x == y && $0.theme < $1.theme)
        }
        return PerceptionSummary(groups: groups, differences: differences, minimumCell: minimumCell)
    }

    /// Ordering weight: sessions for focus groups, respondents otherwise; suppressed cells last.
    private static func rank(_ figure: ThemeFigure, _ focus: Bool) -> Int {
        focus ? (figure.sessions ?? 0) : (figure.respondents ?? -1)
    }
}

extension PerceptionSummary {
    /// Queries the store for everything the summary needs (the first strand question's closed
    /// questions give the per-group answers: heard of the Matrix, understanding, sources).
    public static func gather(from store: Store, minimumCell: Int, coder: String? = nil) throws -> PerceptionSummary {
        let filter = SegmentFilter(coder: coder)
        let overview = try store.consultationOverview()
        let closed = overview.questions.first?.closed ?? []
        var answers: [OptionShare] = []
        for reference in closed {
            let parts = reference.split(separator: ".").map(String.init)
            guard parts.count == 2 else { continue }
            answers += OptionShare.compute(try store.optionCounts(survey: parts[0], question: parts[1], by: nil), minimumCell: minimumCell)
        }
        var surveyOfGroup: [String: String] = [:]
        for id in try store.instrumentIDs() { surveyOfGroup[try store.instrument(id).respondentGroup] = id }
        return make(themes: try store.themeCounts(by: "group", filter: filter, minimumCell: minimumCell),
                    raw: try store.themeCounts(by: "group", filter: filter, minimumCell: 1),
                    sessions: try store.focusGroupSessionCount(), raising: try store.themeSessionCounts(coder: coder),
                    answers: answers,
                    surveyOfGroup: surveyOfGroup, themeGroups: try store.currentThemeGroups(), minimumCell: minimumCell)
    }
}
