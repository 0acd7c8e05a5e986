import Postgres

/// A quotable segment: its respondent consented, and it carries the theme.
public struct Quote: Sendable, Equatable, Codable {
    public var segment: Int
    public var theme: String
    public var survey: String
    public var group: String
    public var question: String
    public var text: String
}

/// How many respondents chose one option of a closed question, within one group of `--by`.
public struct OptionCount: Sendable, Equatable, Codable {
    public var survey: String
    public var question: String
    /// The question's type (`single`, `multi`, `likert5`, `demographic`): a `multi` question's
    /// counts do not add up to the number answering.
    public var questionType: String
    public var option: String
    /// The `--by` value of the group; nil without `--by`.
    public var group: String?
    public var count: Int
    /// Respondents of the group who answered the question: the percentage base.
    public var answered: Int

    public init(survey: String, question: String, questionType: String, option: String, group: String?, count: Int, answered: Int) {
        self.survey = survey
        self.question = question
        self.questionType = questionType
        self.option = option
        self.group = group
        self.count = count
        self.answered = answered
    }
}

/// The numbers a methods section reports.
public struct SampleDescription: Sendable, Equatable, Codable {
    public struct Group: Sendable, Equatable, Codable {
        public var group: String
        public var respondents: Int
        public var withText: Int
        public var segments: Int
        public var consenting: Int
    }
    public var groups: [Group]
    public var focusGroupSessions: Int
    public var batches: Int
    public var redactions: Int
    public var codings: Int
    public var codebookVersion: String
    public var codebookSHA256: String
}

extension Store {
    /// Up to `limit` quotes for a theme, only from respondents who consented to be quoted.
    ///
    /// The choice is deterministic (readable length first, then a hash of the text), so a chapter
    /// rebuilt from the same data quotes the same people; at most one quote per respondent.
    public func quotes(theme: String, limit: Int, coder: String? = nil, group: String? = nil) throws -> [Quote] {
        try quotes(themes: [theme], limit: limit, coder: coder, group: group, perGroup: false)
    }

    /// Up to `limit` quotes for each of `themes` (for each respondent group too when `perGroup`), by the
    /// same rules as `quotes(theme:...)`: the chapter asks for a dozen themes in three groups.
    /// Ordered by theme, then group, then the deterministic choice order.
    ///
    /// Chosen first among the readable texts whose hash begins with 0, a sixteenth of them, indexed
    /// (sql/0017; at a million respondents, ranking every consenting respondent's best text for a dozen
    /// themes took 10-16 s). Those texts come before all others in the choice order, so a respondent's best text
    /// is among them exactly when their best overall is, and a theme (and group) finding `limit`
    /// quotes there has found its first `limit` overall. A theme and group finding fewer is chosen
    /// again among all its candidates.
    public func quotes(themes: [String], limit: Int, coder: String? = nil, group: String? = nil, perGroup: Bool) throws -> [Quote] {
        let first = try rankedQuotes(themes: themes, limit: limit, coder: coder, group: group, perGroup: perGroup, earliestOnly: true)
        let groups: [String?] = perGroup ? try db.query("""
            SELECT DISTINCT grp FROM consult.respondent_tally WHERE field = 'group' AND respondents > 0 AND ($1::text IS NULL OR grp = $1)
            """, group).rows.map { try $0.string("grp") } : [group]
        var found: [QuotePartition: Int] = [:]
        for quote in first { found[QuotePartition(theme: quote.theme, group: perGroup ? quote.group : group), default: 0] += 1 }
        var short: [String?: [String]] = [:]
        for theme in themes {
            for candidateGroup in groups where found[QuotePartition(theme: theme, group: candidateGroup), default: 0] < limit {
                short[candidateGroup, default: []].append(theme)
            }
        }
        var chosen = first.filter { quote in !(short[perGroup ? quote.group : group]?.contains(quote.theme) ?? false) }
        for (shortGroup, shortThemes) in short {
            chosen += try rankedQuotes(themes: shortThemes, limit: limit, coder: coder, group: shortGroup, perGroup: false, earliestOnly: false)
        }
        // Each query's rows are in choice order within a theme and group; the sort keeps that order.
        return chosen.enumerated().sorted { a, b in
            (a.element.theme, perGroup ? a.element.group : "", a.offset) < (b.element.theme, perGroup ? b.element.group : "", b.offset)
        }.map(\.element)
    }

    private struct QuotePartition: Hashable {
        var theme: String
        var group: String?
    }

    /// The quotes of `quotes(themes:...)` in one pass over the codings, among the readable texts whose
    /// hash begins with 0 only when `earliestOnly`: at most one per respondent (their first text in the
    /// choice order: readable length first, then the hash of the text, then the segment id), then the
    /// first `limit` of those per theme (and group).
    func rankedQuotes(themes: [String], limit: Int, coder: String?, group: String?, perGroup: Bool, earliestOnly: Bool) throws -> [Quote] {
        try db.query("""
            WITH candidates AS (
                SELECT DISTINCT ON (c.theme_id, r.id) s.id, c.theme_id, r.instrument_id, r.respondent_group, s.question_id, s.text,
                       (length(s.text) BETWEEN 60 AND 360) AS readable, md5(s.text) AS h
                FROM (\(Self.countedCodings(coder: "$2"))) c
                JOIN consult.segment s ON s.id = c.segment_id JOIN consult.respondent r ON r.id = s.respondent_id
                WHERE c.theme_id = ANY($1::text[]) AND r.quote_consent AND ($4::text IS NULL OR r.respondent_group = $4)
                  AND (NOT $6::boolean OR (length(s.text) BETWEEN 60 AND 360 AND left(md5(s.text), 1) = '0'))
                ORDER BY c.theme_id, r.id, readable DESC, h, s.id),
            ranked AS (
                SELECT candidates.*, row_number() OVER (
                    PARTITION BY theme_id, CASE WHEN $5::boolean THEN respondent_group END ORDER BY readable DESC, h, id) AS k
                FROM candidates)
            SELECT * FROM ranked WHERE k <= $3::int ORDER BY theme_id, CASE WHEN $5::boolean THEN respondent_group END, k
            """, TextArray(themes), coder, limit, group, perGroup, earliestOnly).rows.map { row in
            Quote(segment: try row.int("id"), theme: try row.string("theme_id"), survey: try row.string("instrument_id"),
                  group: try row.string("respondent_group"), question: try row.string("question_id"), text: try row.string("text"))
        }
    }

    /// Counts for every option of the closed questions of `survey` (all surveys when nil), or of one
    /// `question`, split by `field` (see `themeCounts`); options nobody chose are listed with 0.
    /// Ordered by survey, question order, group, option order.
    public func optionCounts(survey: String?, question: String?, by field: String?) throws -> [OptionCount] {
        try checkGroupingField(field)
        if let survey { _ = try instrument(survey) }
        if let question {
            let known = try db.query("""
                SELECT DISTINCT id FROM consult.question
                WHERE type IN ('single', 'multi', 'likert5', 'demographic') AND ($1::text IS NULL OR instrument_id = $1) ORDER BY id
                """, survey).rows.map { try $0.string("id") }
            guard known.contains(question) else {
                throw StoreError("unknown closed question '\(question)' (available: \(known.joined(separator: ", ")))")
            }
        }
        // Split by nothing, respondent group or survey: the answer tally kept at write time. Split by a
        // breakdown field (a demographic question or a derived attribute, see sql/0015): the pair tally,
        // also kept at write time, with "(no answer)" worked out as everyone's less the answered groups'.
        // Split by an opinion question: counted from the compact profiles (one row per respondent), which
        // hold every answer and the respondent's group under each field. Counted before the join with the
        // closed questions: joined first, the planner expected a few hundred rows where there are two
        // million, and sorted them all (5 of 8.5 s at 100,000 respondents). One question's counts (a
        // crosstab) read only the respondents who answered it, and only its values from each profile.
        // (Reading the profiles once through one lateral of four filtered branches avoided a temporary
        // file but was 15% slower at 1,000,000 respondents: 23 s against 20 s.)
        let tallied = field == nil || field == "group" || field == "survey"
        // Every answer from each profile, or one question's values only (fixed SQL either way).
        let answers = question == nil ? "unnest(p.questions, p.answer_values) a(question_id, value)"
            : "(SELECT $3::text, p.answer_values[i] FROM unnest(array_positions(p.questions, $3::text)) i) a(question_id, value)"
        let answered = question == nil ? "unnest(p.fields) f(question_id)" : "(SELECT $3::text) f(question_id)"
        let fromAnswerTally = """
            SELECT t.instrument_id, t.question_id, t.kind, t.value,
                   CASE WHEN $1::text IS NULL THEN NULL WHEN $1 = 'group' THEN t.respondent_group ELSE t.instrument_id END AS grp,
                   sum(t.respondents) AS n
            FROM consult.answer_tally t JOIN closed q ON q.instrument_id = t.instrument_id AND q.id = t.question_id
            WHERE $2::text IS NULL OR t.instrument_id = $2
            GROUP BY 1, 2, 3, 4, 5 HAVING sum(t.respondents) > 0
            """
        let fromPairTally = """
            WITH paired AS (
                SELECT t.instrument_id, t.question_id, q.type, t.kind, t.value, t.grp, t.respondents AS n
                FROM (\(Self.talliedByField(table: Self.everyoneAndPairs, keys: ["instrument_id", "question_id", "kind", "value"], measures: ["respondents"],
                                            where: "($3::text IS NULL OR t.question_id = $3)"))) t
                JOIN closed q ON q.instrument_id = t.instrument_id AND q.id = t.question_id)
            SELECT instrument_id, question_id, kind, value, grp, n FROM paired
            UNION ALL
            SELECT instrument_id, question_id, 'a', '', grp, sum(n) FROM paired WHERE kind = 'o' AND type <> 'multi' GROUP BY 1, 2, 5
            """
        let fromProfiles = """
            SELECT x.* FROM (
                SELECT instrument_id, question_id, kind, value, grp, count(*) AS n
                FROM (SELECT p.instrument_id, a.question_id, 'o'::"char" AS kind, a.value, p.grp
                      FROM grouped p CROSS JOIN LATERAL \(answers)
                      UNION ALL
                      SELECT p.instrument_id, f.question_id, 'a'::"char", '', p.grp
                      FROM grouped p CROSS JOIN LATERAL \(answered)) answers
                GROUP BY 1, 2, 3, 4, 5) x
            JOIN closed q ON q.instrument_id = x.instrument_id AND q.id = x.question_id
            """
        return try cachedAggregate(Self.cacheKey("options", field, survey, question), reading: .responses) {
            let counted = tallied ? fromAnswerTally : try isBreakdownField(field, survey: survey) ? fromPairTally : fromProfiles
            return try db.query("""
                WITH closed AS (
                    SELECT instrument_id, id, position, type, options FROM consult.question
                    WHERE type IN ('single', 'multi', 'likert5', 'demographic') AND ($3::text IS NULL OR id = $3)),
                grouped AS (
                    SELECT p.instrument_id, p.fields, p.questions, p.answer_values,
                           coalesce(p.field_values[array_position(p.fields, $1::text)], '(no answer)') AS grp
                    FROM consult.respondent_profile p
                    WHERE ($2::text IS NULL OR p.instrument_id = $2) AND ($3::text IS NULL OR $3 = ANY(p.fields))),
                counted AS (\(counted)),
                base AS (SELECT instrument_id, question_id, grp, n FROM counted WHERE kind = 'a'),
                cells AS (SELECT instrument_id, question_id, value, grp, n FROM counted WHERE kind = 'o'),
                options AS (
                    SELECT q.instrument_id, q.id AS question_id, q.position, q.type, o.option ->> 'value' AS value, o.ordinality
                    FROM closed q, jsonb_array_elements(q.options) WITH ORDINALITY o(option, ordinality))
                SELECT o.instrument_id, o.question_id, o.type, o.value, b.grp, b.n AS answered, coalesce(c.n, 0) AS n
                FROM options o
                JOIN base b ON b.instrument_id = o.instrument_id AND b.question_id = o.question_id
                LEFT JOIN cells c ON c.instrument_id = o.instrument_id AND c.question_id = o.question_id
                    AND c.value = o.value AND c.grp IS NOT DISTINCT FROM b.grp
                ORDER BY o.instrument_id, o.position, b.grp, o.ordinality
                """, field, survey, question).rows.map { row in
                OptionCount(survey: try row.string("instrument_id"), question: try row.string("question_id"),
                            questionType: try row.string("type"), option: try row.string("value"), group: row["grp"],
                            count: try row.int("n"), answered: try row.int("answered"))
            }
        }
    }

    /// Everyone's closed-answer counts (field '', from consult.answer_tally) beside the pair tally, as
    /// one relation for `talliedByField`, which works out "(no answer)" from the two. The pairs hold the
    /// number answering a multiple-choice question only; every other question's is the sum of its
    /// options' counts, in every group "(no answer)" included, so everyone's is left out for those too.
    static let everyoneAndPairs = """
        (SELECT instrument_id, '' AS field, '' AS grp, question_id, kind, value, respondents FROM consult.answer_tally
         WHERE kind = 'o' OR (instrument_id, question_id) IN (SELECT instrument_id, id FROM consult.question WHERE type = 'multi')
         UNION ALL
         SELECT instrument_id, field, grp, question_id, kind, value, respondents FROM consult.answer_pair_tally)
        """

    /// Whether every answer's pairs with `field` are tallied at write time (consult.answer_pair_tally):
    /// the field is a breakdown field (a demographic question or a derived attribute, not an opinion
    /// question) of every survey in scope. `group` and `survey` are not answers (the answer tally
    /// splits by them).
    func isBreakdownField(_ field: String?, survey: String?) throws -> Bool {
        guard let field, field != "group", field != "survey" else { return false }
        return try db.query("""
            SELECT NOT EXISTS (SELECT 1 FROM consult.opinion_question WHERE question_id = $1 AND ($2::text IS NULL OR instrument_id = $2)) AS paired
            """, field, survey).rows[0]["paired"] == "t"
    }

    /// Sample sizes and provenance for the methods section.
    /// `codings` counts the codings that count (see `countedCodings`): the final coding by default.
    /// The responses' part is cached apart from the codings', so a coding run or a human decision
    /// recounts only the codings.
    public func sampleDescription(coder: String? = nil) throws -> SampleDescription {
        try cachedAggregate(Self.cacheKey("sample", coder)) {
            let responses = try sampleResponses()
            let totals = try db.query("""
                SELECT (SELECT count(*) FROM (\(Self.countedCodings(coder: "$1"))) counted) AS codings, cb.version, cb.source_sha256
                FROM consult.codebook cb WHERE cb.is_current
                """, coder).rows
            guard let row = totals.first else { throw StoreError("no codebook is loaded yet (run `consult survey load`)") }
            return SampleDescription(groups: responses.groups, focusGroupSessions: responses.sessions, batches: responses.batches,
                                     redactions: responses.redactions, codings: try row.int("codings"),
                                     codebookVersion: try row.string("version"), codebookSHA256: try row.string("source_sha256"))
        }
    }

    /// The part of `SampleDescription` that depends on the responses alone.
    private struct SampleResponses: Codable {
        var groups: [SampleDescription.Group]
        var sessions: Int
        var batches: Int
        var redactions: Int
    }

    private func sampleResponses() throws -> SampleResponses {
        try cachedAggregate(Self.cacheKey("sample-responses"), reading: .responses) {
            // Segments counted per respondent once, in one pass, then per group.
            let groups = try db.query("""
                WITH written AS (SELECT respondent_id, count(*) AS n FROM consult.segment GROUP BY respondent_id)
                SELECT r.respondent_group AS grp, count(*) AS respondents, count(w.respondent_id) AS with_text,
                       coalesce(sum(w.n), 0) AS segments, count(*) FILTER (WHERE r.quote_consent) AS consenting
                FROM consult.respondent r LEFT JOIN written w ON w.respondent_id = r.id
                GROUP BY r.respondent_group ORDER BY r.respondent_group
                """).rows.map { row in
                SampleDescription.Group(group: try row.string("grp"), respondents: try row.int("respondents"), withText: try row.int("with_text"),
                                        segments: try row.int("segments"), consenting: try row.int("consenting"))
            }
            let row = try db.query("""
                SELECT (SELECT count(*) FROM consult.import_batch) AS batches,
                       (SELECT coalesce(sum(redactions), 0) FROM consult.segment) AS redactions
                """).rows[0]
            return SampleResponses(groups: groups, sessions: try focusGroupSessionCount(), batches: try row.int("batches"),
                                   redactions: try row.int("redactions"))
        }
    }

    /// The focus-group sessions held (the whole that `themeSessionCounts` are out of): a small table read
    /// directly, so that `themes --by group` and the summary do not wait for the sample description, which
    /// counts every segment (9 s at 1,000,000 responses right after an import).
    public func focusGroupSessionCount() throws -> Int {
        try db.query("SELECT count(*) AS n FROM consult.focus_group_session").rows[0].int("n")
    }
}
