import Postgres

/// One closed answer of one respondent (a multi answer gives several).
public struct ClosedAnswer: Sendable, Equatable {
    public var respondent: Int
    public var question: String
    public var value: String
}

extension Store {
    /// The respondents of `survey` with their value of each field in `fields` (answer fields such as
    /// `ethnicity_group`; a field with several values takes the first in sort order), in id order.
    public func respondentFields(survey: String, fields: [String]) throws -> [(id: Int, values: [String: String])] {
        _ = try instrument(survey)
        var values: [Int: [String: String]] = [:]
        let ids = try db.query("SELECT id FROM consult.respondent WHERE instrument_id = $1 ORDER BY id", survey).rows.map { try $0.int("id") }
        for row in try db.query("""
            SELECT a.respondent_id, a.question_id, min(a.value) AS value
            FROM consult.answer a JOIN consult.respondent r ON r.id = a.respondent_id
            WHERE r.instrument_id = $1 AND a.question_id = ANY($2::text[])
            GROUP BY a.respondent_id, a.question_id
            """, survey, TextArray(fields)).rows {
            values[try row.int("respondent_id"), default: [:]][try row.string("question_id")] = try row.string("value")
        }
        return ids.map { (id: $0, values: values[$0] ?? [:]) }
    }

    /// Every closed answer (single, multi, likert) of `survey`, or of one `question`, by respondent.
    public func closedAnswers(survey: String, question: String?) throws -> [ClosedAnswer] {
        try db.query("""
            SELECT a.respondent_id, a.question_id, a.value
            FROM consult.answer a JOIN consult.respondent r ON r.id = a.respondent_id
            JOIN consult.question q ON q.instrument_id = r.instrument_id AND q.id = a.question_id
            WHERE r.instrument_id = $1 AND q.type IN ('single', 'multi', 'likert5') AND ($2::text IS NULL OR a.question_id = $2)
            ORDER BY a.respondent_id, a.question_id, a.value
            """, survey, question).rows.map {
            ClosedAnswer(respondent: try $0.int("respondent_id"), question: try $0.string("question_id"), value: try $0.string("value"))
        }
    }
}
