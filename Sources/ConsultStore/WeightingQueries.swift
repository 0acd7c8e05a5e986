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
    /// Counted in the server, never every answer in this process: the chapter weights a million
    /// respondents from a few hundred rows. Weighting by one breakdown field (the chapter weights by
    /// ethnic group) reads the tallies kept at write time (the cells are that field's `--by` groups);
    /// several fields, or an opinion question, take one pass over the survey's profiles. Kept in the
    /// aggregate cache until the responses change: coding leaves it warm.
    public func weightingCounts(survey: String, fields: [String], questions: [String]) throws -> WeightingCounts {
        _ = try instrument(survey)
        return try cachedAggregate(Self.cacheKey("weighting", survey, fields.joined(separator: ","), questions.joined(separator: ",")),
                                   reading: .responses) {
            try countWeightingCells(survey: survey, fields: fields, questions: questions,
                                    fromTallies: try fields.count == 1 && isBreakdownField(fields[0], survey: survey))
        }
    }

    /// `weightingCounts` uncached, from the tallies (one breakdown field only) or from the profiles.
    func countWeightingCells(survey: String, fields: [String], questions: [String], fromTallies: Bool) throws -> WeightingCounts {
        let rows = fromTallies ? try db.query(Self.weightingCellsFromTallies, fields[0], survey, TextArray(questions)).rows
                               : try db.query(Self.weightingCellsFromProfiles, survey, TextArray(fields), TextArray(questions)).rows
        return try weightingCounts(rows, survey: survey, fields: fields)
    }

    /// Rows of (`cell`: the cell's values as a JSON array, `question_id`, `value`, `n`): a cell's
    /// respondents (question and value NULL), those answering a question (value NULL), those choosing
    /// an option; ordered by cell, question, value, NULLs first. From the profiles of survey `$1`, cells
    /// by fields `$2` (a field with several values takes the first in sort order), for questions `$3`;
    /// respondents with no profile are left out.
    static let weightingCellsFromProfiles = """
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
        """

    /// The same rows from the tallies, cells by the one breakdown field `$1` (single-valued: a
    /// demographic question or a derived attribute) in survey `$2`, for questions `$3`: the field's
    /// groups are the cells, "(no answer)" the cell with no value, which here holds the respondents
    /// with no profile too.
    static let weightingCellsFromTallies = """
        WITH paired AS (
            SELECT t.*, q.type FROM (\(talliedByField(table: everyoneAndPairs, keys: ["instrument_id", "question_id", "kind", "value"],
                                                      measures: ["respondents"], where: "t.question_id = ANY($3::text[])"))) t
            JOIN consult.question q ON q.instrument_id = t.instrument_id AND q.id = t.question_id),
        counted AS (
            SELECT grp, question_id, CASE WHEN kind = 'o' THEN value END AS value, respondents AS n FROM paired
            UNION ALL
            SELECT grp, question_id, NULL, sum(respondents) FROM paired WHERE kind = 'o' AND type <> 'multi' GROUP BY grp, question_id),
        units AS (\(talliedByField(table: "consult.respondent_tally", keys: [], measures: ["respondents"])))
        SELECT CASE WHEN grp = '(no answer)' THEN '[null]' ELSE to_jsonb(ARRAY[grp])::text END AS cell, NULL AS question_id, NULL AS value,
               respondents AS n
        FROM units
        UNION ALL
        SELECT CASE WHEN grp = '(no answer)' THEN '[null]' ELSE to_jsonb(ARRAY[grp])::text END, question_id, value, n FROM counted WHERE n > 0
        ORDER BY 1, 2 NULLS FIRST, 3 NULLS FIRST
        """

    private func weightingCounts(_ rows: [QueryResult.Row], survey: String, fields: [String]) throws -> WeightingCounts {
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
