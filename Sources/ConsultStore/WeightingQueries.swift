import Foundation
import PopulationWeighting
import Postgres

/// A survey's respondents grouped into weighting cells, with what each cell answered: all that
/// weighting to population margins needs (`SurveyWeights.rake(cells:)`, `WeightedOptionShare.compute`),
/// counted in the server from the respondent profiles.
public struct WeightingCounts: Sendable, Equatable, Codable {
    /// Every respondent of the survey is in exactly one cell; respondents with no closed answer at all
    /// are in the cell with no values.
    public var cells: [SurveyWeights.Cell]
    /// Respondents of a cell choosing each option (a multi answer counts under each option chosen) and
    /// answering each question (`option` nil).
    public var counts: [WeightedOptionShare.CellCount]
}

extension Store {
    /// `survey`'s respondents by their value of each field in `fields` (answer fields such as
    /// `ethnicity_group`; a field with several values takes the first in sort order), with each cell's
    /// respondents choosing each option of `questions` and answering each.
    ///
    /// One pass over the survey's profiles (one row per respondent) in the server, not every answer
    /// into this process: the chapter weights a million respondents from a few hundred rows. Kept in
    /// the aggregate cache until the responses change: coding leaves it warm.
    public func weightingCounts(survey: String, fields: [String], questions: [String]) throws -> WeightingCounts {
        _ = try instrument(survey)
        return try cachedAggregate(Self.cacheKey("weighting", survey, fields.joined(separator: ","), questions.joined(separator: ",")),
                                   reading: .responses) {
            try countWeightingCells(survey: survey, fields: fields, questions: questions)
        }
    }

    private func countWeightingCells(survey: String, fields: [String], questions: [String]) throws -> WeightingCounts {
        let rows = try db.query("""
            WITH profiled AS (
                SELECT p.questions, p.answer_values, p.fields,
                       ARRAY(SELECT p.answer_values[array_position(p.questions, f.field)]
                             FROM unnest($2::text[]) WITH ORDINALITY f(field, n) ORDER BY f.n) AS cell
                FROM consult.respondent_profile p WHERE p.instrument_id = $1)
            SELECT to_jsonb(cell)::text AS cell, NULL AS question_id, NULL AS value, count(*) AS n FROM profiled GROUP BY cell
            UNION ALL
            SELECT to_jsonb(cell)::text, a.question_id, a.value, count(*)
            FROM profiled, unnest(questions, answer_values) a(question_id, value) WHERE a.question_id = ANY($3::text[])
            GROUP BY cell, a.question_id, a.value
            UNION ALL
            SELECT to_jsonb(cell)::text, f.question_id, NULL, count(*)
            FROM profiled, unnest(fields) f(question_id) WHERE f.question_id = ANY($3::text[])
            GROUP BY cell, f.question_id
            ORDER BY 1, 2 NULLS FIRST, 3 NULLS FIRST
            """, survey, TextArray(fields), TextArray(questions)).rows
        var cells: [SurveyWeights.Cell] = [], index: [String: Int] = [:], counts: [WeightedOptionShare.CellCount] = []
        func cell(_ key: String) throws -> Int {
            if let known = index[key] { return known }
            let values = try JSONDecoder().decode([String?].self, from: Data(key.utf8))
            guard values.count == fields.count else { throw StoreError("weighting cell \(key) does not match the fields \(fields)") }
            index[key] = cells.count
            cells.append(SurveyWeights.Cell(
                values: Dictionary(uniqueKeysWithValues: zip(fields, values).compactMap { field, value in value.map { (field, $0) } }), units: 0))
            return cells.count - 1
        }
        var profiled = 0
        for row in rows {
            let at = try cell(try row.string("cell")), n = try row.int("n")
            if let question: String = row["question_id"] {
                counts.append(WeightedOptionShare.CellCount(cell: at, question: question, option: row["value"], respondents: n))
            } else {
                cells[at].units = n
                profiled += n
            }
        }
        // Respondents with no closed answer have no profile: they are the survey's respondents less the
        // profiled, in the cell with no values.
        let everyone = try db.query("""
            SELECT coalesce(sum(respondents), 0) AS n FROM consult.respondent_tally WHERE field = '' AND instrument_id = $1
            """, survey).rows[0].int("n")
        if everyone > profiled {
            if let none = cells.firstIndex(where: { $0.values.isEmpty }) {
                cells[none].units += everyone - profiled
            } else {
                cells.append(SurveyWeights.Cell(values: [:], units: everyone - profiled))
            }
        }
        return WeightingCounts(cells: cells, counts: counts)
    }
}
