import Postgres

/// One cell of a theme table: how many respondents (and segments) in a group were coded with a theme.
public struct ThemeCount: Sendable, Equatable {
    public var theme: String
    public var label: String
    public var parent: String?
    /// The value of the `--by` field for this row's group; nil for the whole sample.
    public var group: String?
    /// Respondents in the group (the percentage base).
    public var base: Int
    /// Nil when suppressed.
    public var respondents: Int?
    public var segments: Int?
    /// 0-100 of `base`; nil when suppressed or the base is 0.
    public var percent: Double?
    public var suppressed: Bool

    public init(theme: String, label: String, parent: String?, group: String?, base: Int, respondents: Int?, segments: Int?,
                percent: Double?, suppressed: Bool) {
        self.theme = theme
        self.label = label
        self.parent = parent
        self.group = group
        self.base = base
        self.respondents = respondents
        self.segments = segments
        self.percent = percent
        self.suppressed = suppressed
    }
}

/// Theme counts before disclosure control: what the aggregate cache keeps.
struct RawThemeCount: Codable, Equatable {
    var theme: String
    var label: String
    var parent: String?
    var group: String?
    var base: Int
    var respondents: Int
    var segments: Int
}

extension Store {
    /// Respondents (`id`, `instrument_id`) of survey `$2` (all when NULL) with their group `grp` under
    /// field `$1`: NULL when `$1` is NULL; the respondent group for `group`; the survey for `survey`;
    /// otherwise the respondent's answer(s) to that question or attribute (joined with `;`), or
    /// "(no answer)". Shared by every query that splits by `--by`, so all split the same way.
    static let respondentsByField = """
        SELECT r.id, r.instrument_id, \(groupOf(group: "r.respondent_group", survey: "r.instrument_id", answer: "field.value")) AS grp
        FROM consult.respondent r
        LEFT JOIN (\(fieldAnswers)) field ON field.respondent_id = r.id
        WHERE ($2::text IS NULL OR r.instrument_id = $2)
        """

    /// Each respondent's answer(s) to the question or attribute `$1`, as `(respondent_id, value)`, the
    /// values of a multi answer joined with `;` in order: the group the respondent's profile keeps
    /// under that field.
    static let fieldAnswers = """
        SELECT respondent_id, field_values[array_position(fields, $1::text)] AS value FROM consult.respondent_profile
        WHERE $1::text = ANY(fields)
        """

    /// The `--by` group of a respondent under field `$1` (see `respondentsByField`), from SQL
    /// expressions for their respondent group, survey and answer(s) to the field.
    static func groupOf(group: String, survey: String, answer: String) -> String {
        """
        CASE WHEN $1::text IS NULL THEN NULL WHEN $1 = 'group' THEN \(group) WHEN $1 = 'survey' THEN \(survey)
             ELSE coalesce(\(answer), '(no answer)') END
        """
    }

    /// Checks a `--by` field, naming the available ones when it is unknown.
    public func checkGroupingField(_ field: String?) throws {
        guard let field else { return }
        let fields = try groupingFields()
        guard fields.contains(field) else {
            throw StoreError("unknown --by field '\(field)' (available: \(fields.joined(separator: ", ")))")
        }
    }

    /// Fields `--by` accepts: `group` (community / partner / focus_group), `survey`, and every closed
    /// question or derived attribute that has answers (`ethnicity_group`, `borough`, `sector`...).
    public func groupingFields() throws -> [String] {
        let answered = try cachedAggregate(Self.cacheKey("fields"), reading: .responses) {
            // The fields somebody answered, from the answer tally (a few hundred rows), where DISTINCT
            // over the answers read millions at national scale.
            try db.query("""
                SELECT DISTINCT question_id FROM consult.answer_tally WHERE kind = 'a' AND respondents > 0 ORDER BY question_id
                """).rows.map { try $0.string("question_id") }
        }
        return ["group", "survey"] + answered
    }

    /// Theme counts for every leaf theme of the current codebook, overall or per value of `field`.
    ///
    /// The base of a percentage is every respondent in the group (of the selected survey), whether or not
    /// they wrote free text. A respondent counts once per theme however many of their segments carry it.
    /// Disclosure control: a cell with 1 to `minimumCell - 1` respondents, and every cell of a group
    /// smaller than `minimumCell`, is suppressed (`respondents`, `segments` and `percent` nil). Theme
    /// rows do not add up to a total (a respondent can have many themes), so no secondary suppression
    /// is needed here.
    public func themeCounts(by field: String?, filter: SegmentFilter, minimumCell: Int) throws -> [ThemeCount] {
        try checkGroupingField(field)
        if let survey = filter.survey { _ = try instrument(survey) }
        let raw = try filter.coder.map { coder in
            try cachedAggregate(Self.cacheKey("themes", field, filter.survey, coder)) { try countedThemeCounts(by: field, survey: filter.survey, coder: coder) }
        } ?? talliedThemeCounts(by: field, survey: filter.survey)
        return raw.map { row in
            let suppressed = row.base < minimumCell || (row.respondents > 0 && row.respondents < minimumCell)
            return ThemeCount(
                theme: row.theme, label: row.label, parent: row.parent, group: row.group,
                base: row.base, respondents: suppressed ? nil : row.respondents, segments: suppressed ? nil : row.segments,
                percent: suppressed || row.base == 0 ? nil : Double(row.respondents) * 100 / Double(row.base), suppressed: suppressed)
        }
    }
}

extension Store {
    /// A `--by` tally read for field `$1` (nil: everyone) and survey `$2` (nil: all), as the SQL of a
    /// relation with the group `grp` and the `measures` summed: the tally's rows under the field, and
    /// under "(no answer)" everyone's less the answered groups' (see sql/0013). Groups whose sum is 0
    /// (everyone in them erased) are left out, as a count over the respondents would leave them.
    static func talliedByField(table: String, keys: [String], measures: [String], where condition: String = "true") -> String {
        let keyList = keys.map { "\($0), " }.joined()
        let sums = measures.map { "sum(\($0)) AS \($0)" }.joined(separator: ", ")
        let answered = measures.map { "t.\($0)" }.joined(separator: ", ")
        let unanswered = measures.map { "CASE WHEN t.field = '' THEN t.\($0) ELSE -t.\($0) END" }.joined(separator: ", ")
        let tallyKeys = keys.map { "t.\($0), " }.joined()
        return """
            SELECT \(keyList)grp, \(sums) FROM (
                SELECT \(tallyKeys)t.grp, \(answered) FROM \(table) t
                WHERE t.field = coalesce($1::text, '') AND ($2::text IS NULL OR t.instrument_id = $2) AND \(condition)
                UNION ALL
                SELECT \(tallyKeys)'(no answer)', \(unanswered) FROM \(table) t
                WHERE $1::text IS NOT NULL AND t.field IN ('', $1) AND ($2::text IS NULL OR t.instrument_id = $2) AND \(condition)
            ) tallied GROUP BY \(keyList)grp HAVING sum(\(measures[0])) > 0
            """
    }

    /// Theme counts of the final coding from the tallies kept at write time: a few hundred rows read
    /// whatever the number of respondents, and never stale (the tallies change in the statement that
    /// changes what they count).
    func talliedThemeCounts(by field: String?, survey: String?) throws -> [RawThemeCount] {
        try db.query("""
            WITH cb AS (SELECT version FROM consult.codebook WHERE is_current),
            base AS (\(Self.talliedByField(table: "consult.respondent_tally", keys: [], measures: ["respondents"]))),
            coded AS (\(Self.talliedByField(table: "consult.theme_tally", keys: ["theme_id"], measures: ["respondents", "segments"],
                                             where: "t.codebook_version = (SELECT version FROM cb)")))
            SELECT t.id, t.label, t.parent_id, CASE WHEN $1::text IS NOT NULL THEN b.grp END AS grp, b.respondents AS base,
                   coalesce(coded.respondents, 0) AS respondents, coalesce(coded.segments, 0) AS segments
            FROM consult.theme t JOIN cb ON cb.version = t.codebook_version
            CROSS JOIN base b
            LEFT JOIN coded ON coded.theme_id = t.id AND coded.grp = b.grp
            WHERE NOT EXISTS (SELECT 1 FROM consult.theme ch WHERE ch.codebook_version = t.codebook_version AND ch.parent_id = t.id)
            ORDER BY t.position, b.grp
            """, field, survey).rows.map(Self.rawThemeCount)
    }

    /// Theme counts worked out from the codings that count (`countedCodings`: one coder's, or the final
    /// coding when `coder` is nil; unique per segment and theme, so a plain count): how a coder's own
    /// coding, which is not tallied, is counted, and what the tallies must always equal.
    func countedThemeCounts(by field: String?, survey: String?, coder: String?) throws -> [RawThemeCount] {
        try db.query("""
            WITH cb AS (SELECT version FROM consult.codebook WHERE is_current),
            field AS MATERIALIZED (\(Self.fieldAnswers)),
            base AS (
                SELECT \(Self.groupOf(group: "r.respondent_group", survey: "r.instrument_id", answer: "field.value")) AS grp, count(*) AS n
                FROM consult.respondent r LEFT JOIN field ON field.respondent_id = r.id
                WHERE $2::text IS NULL OR r.instrument_id = $2 GROUP BY 1),
            per_respondent AS (
                SELECT c.theme_id, c.respondent_id, r.instrument_id, r.respondent_group, count(*) AS segments
                FROM (\(Self.countedCodings(coder: "$3"))) c JOIN consult.respondent r ON r.id = c.respondent_id
                GROUP BY c.theme_id, c.respondent_id, r.instrument_id, r.respondent_group),
            coded AS (
                SELECT p.theme_id, \(Self.groupOf(group: "p.respondent_group", survey: "p.instrument_id", answer: "field.value")) AS grp,
                       count(*) AS respondents, sum(p.segments) AS segments
                FROM per_respondent p LEFT JOIN field ON field.respondent_id = p.respondent_id
                WHERE $2::text IS NULL OR p.instrument_id = $2
                GROUP BY 1, 2)
            SELECT t.id, t.label, t.parent_id, b.grp, b.n AS base,
                   coalesce(coded.respondents, 0) AS respondents, coalesce(coded.segments, 0) AS segments
            FROM consult.theme t JOIN cb ON cb.version = t.codebook_version
            CROSS JOIN base b
            LEFT JOIN coded ON coded.theme_id = t.id AND coded.grp IS NOT DISTINCT FROM b.grp
            WHERE NOT EXISTS (SELECT 1 FROM consult.theme ch WHERE ch.codebook_version = t.codebook_version AND ch.parent_id = t.id)
            ORDER BY t.position, b.grp
            """, field, survey, coder).rows.map(Self.rawThemeCount)
    }

    static func rawThemeCount(_ row: QueryResult.Row) throws -> RawThemeCount {
        RawThemeCount(theme: try row.string("id"), label: try row.string("label"), parent: row["parent_id"], group: row["grp"],
                      base: try row.int("base"), respondents: try row.int("respondents"), segments: try row.int("segments"))
    }
}

extension Store {
    /// How many respondents (of `survey`, or all) give each value of a closed question or attribute;
    /// respondents without an answer are counted under "(no answer)".
    public func respondentCounts(by field: String, survey: String?) throws -> [(value: String, respondents: Int)] {
        try db.query("\(Self.talliedByField(table: "consult.respondent_tally", keys: [], measures: ["respondents"])) ORDER BY grp", field, survey)
            .rows.map { (value: try $0.string("grp"), respondents: try $0.int("respondents")) }
    }
}
