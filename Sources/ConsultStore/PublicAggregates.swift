import Postgres

/// The published, already-suppressed aggregates in schema `consult_public`: all that the
/// `consult_reader` role may read (see `sql/roles/grants.sql`). Counts under the database's minimum
/// cell size are nil and marked suppressed, by the views themselves.
public struct PublicThemeCount: Sendable, Equatable {
    public var group: String
    public var theme: String
    public var label: String
    public var respondents: Int?
    public var suppressed: Bool
}

public struct PublicOptionCount: Sendable, Equatable {
    public var survey: String
    public var question: String
    public var option: String
    public var respondents: Int?
    public var suppressed: Bool
}

extension Store {
    /// `consult_public.theme_prevalence`, by respondent group and theme.
    public func publicThemeCounts() throws -> [PublicThemeCount] {
        try db.query("""
            SELECT respondent_group, theme, label, respondents, suppressed FROM consult_public.theme_prevalence
            ORDER BY respondent_group, respondents DESC NULLS LAST, theme
            """).rows.map { row in
            PublicThemeCount(group: try row.string("respondent_group"), theme: try row.string("theme"), label: try row.string("label"),
                             respondents: row["respondents"].flatMap { Int($0) }, suppressed: try row.bool("suppressed"))
        }
    }

    /// `consult_public.question_distribution`, optionally for one survey and question.
    public func publicOptionCounts(survey: String?, question: String?) throws -> [PublicOptionCount] {
        try db.query("""
            SELECT survey, question, option, respondents, suppressed FROM consult_public.question_distribution
            WHERE ($1::text IS NULL OR survey = $1) AND ($2::text IS NULL OR question = $2)
            ORDER BY survey, question, option
            """, survey, question).rows.map { row in
            PublicOptionCount(survey: try row.string("survey"), question: try row.string("question"), option: try row.string("option"),
                              respondents: row["respondents"].flatMap { Int($0) }, suppressed: try row.bool("suppressed"))
        }
    }
}
