import ConsultCore
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

/// How many respondents chose each option of a closed question, per respondent group.
public struct OptionCount: Sendable, Equatable {
    public var question: String
    public var option: String
    public var group: String
    public var count: Int
    /// Respondents of the group who answered the question.
    public var answered: Int
}

/// The numbers a methods section reports.
public struct SampleDescription: Sendable, Equatable {
    public struct Group: Sendable, Equatable {
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
    public func quotes(theme: String, limit: Int, coder: String = Store.ruleCoder, group: String? = nil) throws -> [Quote] {
        try db.query("""
            SELECT * FROM (
                SELECT DISTINCT ON (r.id) s.id, c.theme_id, r.instrument_id, r.respondent_group, s.question_id, s.text,
                       (length(s.text) BETWEEN 60 AND 360) AS readable, md5(s.text) AS h
                FROM consult.coding c JOIN consult.codebook cb ON cb.version = c.codebook_version AND cb.is_current
                JOIN consult.segment s ON s.id = c.segment_id JOIN consult.respondent r ON r.id = s.respondent_id
                WHERE c.theme_id = $1 AND c.coder = $2 AND r.quote_consent AND ($4::text IS NULL OR r.respondent_group = $4)
                ORDER BY r.id, readable DESC, h) q
            ORDER BY readable DESC, h LIMIT $3::int
            """, theme, coder, limit, group).rows.map { row in
            Quote(segment: try row.int("id"), theme: try row.string("theme_id"), survey: try row.string("instrument_id"),
                  group: try row.string("respondent_group"), question: try row.string("question_id"), text: try row.string("text"))
            }
    }

    /// Option counts of one closed question, per respondent group, in option order of the instrument.
    public func optionCounts(question: String, survey: String) throws -> [OptionCount] {
        try db.query("""
            WITH answered AS (
                SELECT r.respondent_group AS grp, count(DISTINCT r.id) AS n
                FROM consult.respondent r JOIN consult.answer a ON a.respondent_id = r.id
                WHERE r.instrument_id = $2 AND a.question_id = $1 GROUP BY 1)
            SELECT a.value, r.respondent_group AS grp, count(*) AS n, answered.n AS answered,
                   coalesce((SELECT o.ordinality FROM consult.question q,
                             jsonb_array_elements(q.options) WITH ORDINALITY o(option, ordinality)
                             WHERE q.instrument_id = $2 AND q.id = $1 AND o.option->>'value' = a.value), 999) AS position
            FROM consult.answer a JOIN consult.respondent r ON r.id = a.respondent_id
            JOIN answered ON answered.grp = r.respondent_group
            WHERE r.instrument_id = $2 AND a.question_id = $1
            GROUP BY a.value, r.respondent_group, answered.n ORDER BY position, a.value
            """, question, survey).rows.map { row in
            OptionCount(question: question, option: try row.string("value"), group: try row.string("grp"),
                        count: try row.int("n"), answered: try row.int("answered"))
        }
    }

    /// Sample sizes and provenance for the methods section.
    public func sampleDescription(coder: String = Store.ruleCoder) throws -> SampleDescription {
        let groups = try db.query("""
            SELECT r.respondent_group AS grp, count(*) AS respondents,
                   count(*) FILTER (WHERE EXISTS (SELECT 1 FROM consult.segment s WHERE s.respondent_id = r.id)) AS with_text,
                   (SELECT count(*) FROM consult.segment s JOIN consult.respondent r2 ON r2.id = s.respondent_id
                    WHERE r2.respondent_group = r.respondent_group) AS segments,
                   count(*) FILTER (WHERE r.quote_consent) AS consenting
            FROM consult.respondent r GROUP BY r.respondent_group ORDER BY r.respondent_group
            """).rows.map { row in
            SampleDescription.Group(group: try row.string("grp"), respondents: try row.int("respondents"), withText: try row.int("with_text"),
                                    segments: try row.int("segments"), consenting: try row.int("consenting"))
        }
        let totals = try db.query("""
            SELECT (SELECT count(*) FROM consult.focus_group_session) AS sessions,
                   (SELECT count(*) FROM consult.import_batch) AS batches,
                   (SELECT coalesce(sum(redactions), 0) FROM consult.segment) AS redactions,
                   (SELECT count(*) FROM consult.coding c JOIN consult.codebook cb ON cb.version = c.codebook_version AND cb.is_current
                    WHERE c.coder = $1) AS codings,
                   cb.version, cb.source_sha256
            FROM consult.codebook cb WHERE cb.is_current
            """, coder).rows
        guard let row = totals.first else { throw StoreError("no codebook is loaded yet (run `consult survey load`)") }
        return SampleDescription(groups: groups, focusGroupSessions: try row.int("sessions"), batches: try row.int("batches"),
                                 redactions: try row.int("redactions"), codings: try row.int("codings"),
                                 codebookVersion: try row.string("version"), codebookSHA256: try row.string("source_sha256"))
    }
}
