@testable import ConsultStore
import Testing

/// The tallies kept at write time (sql/0013) against the same counts worked out from the data as the
/// queries did before them: theme counts from the final coding, closed-answer counts and bases from
/// the answers, for every `--by` field (none, group, survey, every question and attribute) and every
/// survey filter. `FinalThemeTests` runs it after every kind of change.
enum TallyCheck {
    /// Counts of every option of the closed questions, by field `$1` and survey `$2`, from the answers:
    /// the query `optionCounts` ran before the tallies, kept as the reference.
    static let optionsFromAnswers = """
        WITH resp AS (\(Store.respondentsByField)),
        closed AS (SELECT instrument_id, id, position, type, options FROM consult.question
                   WHERE type IN ('single', 'multi', 'likert5', 'demographic')),
        answered AS (SELECT resp.instrument_id, a.question_id, a.value, resp.grp, a.respondent_id
                     FROM consult.answer a JOIN resp ON resp.id = a.respondent_id
                     JOIN closed q ON q.instrument_id = resp.instrument_id AND q.id = a.question_id),
        base AS (SELECT instrument_id, question_id, grp, count(*) AS n
                 FROM (SELECT DISTINCT instrument_id, question_id, grp, respondent_id FROM answered) answering GROUP BY 1, 2, 3),
        options AS (SELECT q.instrument_id, q.id AS question_id, q.position, q.type, o.option ->> 'value' AS value, o.ordinality
                    FROM closed q, jsonb_array_elements(q.options) WITH ORDINALITY o(option, ordinality)),
        cells AS (SELECT instrument_id, question_id, value, grp, count(*) AS n FROM answered GROUP BY 1, 2, 3, 4)
        SELECT o.instrument_id, o.question_id, o.type, o.value, b.grp, b.n AS answered, coalesce(c.n, 0) AS n
        FROM options o JOIN base b ON b.instrument_id = o.instrument_id AND b.question_id = o.question_id
        LEFT JOIN cells c ON c.instrument_id = o.instrument_id AND c.question_id = o.question_id
            AND c.value = o.value AND c.grp IS NOT DISTINCT FROM b.grp
        ORDER BY o.instrument_id, o.position, b.grp, o.ordinality
        """

    static func expectTalliesMatchCounts(_ store: Store, _ step: String) throws {
        let fields: [String?] = [nil] + (try store.groupingFields())
        let surveys: [String?] = [nil] + (try store.db.query("SELECT id FROM consult.instrument ORDER BY id").rows.map { try $0.string("id") })
        for field in fields {
            for survey in surveys {
                let tallied = try store.talliedThemeCounts(by: field, survey: survey)
                let counted = try store.countedThemeCounts(by: field, survey: survey, coder: nil)
                #expect(tallied == counted, "\(step): themes by \(field ?? "-") in \(survey ?? "all surveys")")
                let options = try store.optionCounts(survey: survey, question: nil, by: field)
                let reference = try store.db.query(optionsFromAnswers, field, survey).rows.map { row in
                    OptionCount(survey: try row.string("instrument_id"), question: try row.string("question_id"),
                                questionType: try row.string("type"), option: try row.string("value"), group: row["grp"],
                                count: try row.int("n"), answered: try row.int("answered"))
                }
                #expect(options == reference, "\(step): options by \(field ?? "-") in \(survey ?? "all surveys")")
                // One question's counts (a crosstab) are the same rows as in all questions' counts.
                for question in Set(reference.map(\.question)).sorted().prefix(3) {
                    #expect(try store.optionCounts(survey: survey, question: question, by: field) == reference.filter { $0.question == question },
                            "\(step): options of \(question) by \(field ?? "-") in \(survey ?? "all surveys")")
                }
                // Weighting by one breakdown field reads the tallies: the same cells and counts as the profiles give.
                if let field, let survey, try store.isBreakdownField(field, survey: survey) {
                    let questions = try store.db.query("SELECT id FROM consult.question WHERE instrument_id = $1 AND type IN ('single', 'multi', 'likert5') ORDER BY position",
                                                       survey).rows.map { try $0.string("id") }
                    let tallied = try store.countWeightingCells(survey: survey, fields: [field], questions: questions, fromTallies: true)
                    let profiled = try store.countWeightingCells(survey: survey, fields: [field], questions: questions, fromTallies: false)
                    #expect(tallied == profiled, "\(step): weighting cells by \(field) in \(survey)")
                }
                if let field {
                    let bases = try store.respondentCounts(by: field, survey: survey)
                    let referenceBases = try store.db.query("WITH resp AS (\(Store.respondentsByField)) SELECT grp, count(*) AS n FROM resp GROUP BY 1 ORDER BY 1",
                                                            field, survey).rows.map { (try $0.string("grp"), try $0.int("n")) }
                    #expect(bases.map(\.value) == referenceBases.map(\.0) && bases.map(\.respondents) == referenceBases.map(\.1),
                            "\(step): respondents by \(field) in \(survey ?? "all surveys")")
                }
            }
        }
    }
}

@Suite struct TallyTests {
    /// The tallies subtract a respondent's profile while their final coding is there to pair with, so a
    /// respondent deleted without their profile going first (a bare DELETE, not `erase` or retention) is
    /// refused and changes nothing, rather than leaving the theme tallies counting them.
    @Test func aRespondentDeletedBehindTheProfilesBackIsRefused() throws {
        let small = try SmallConsultation()
        let store = small.store
        let before = try store.themeCounts(by: "age_band", filter: SegmentFilter(), minimumCell: 1)
        let id = try store.db.query("SELECT respondent_id FROM consult.respondent_profile ORDER BY respondent_id LIMIT 1").rows[0].int("respondent_id")
        #expect(throws: (any Error).self) { try store.db.query("DELETE FROM consult.respondent WHERE id = $1::bigint", id) }
        #expect(try store.themeCounts(by: "age_band", filter: SegmentFilter(), minimumCell: 1) == before)
        try TallyCheck.expectTalliesMatchCounts(store, "after the refused delete")
    }

    /// A split by a demographic question or a derived attribute reads the pair tally kept at write time
    /// (sql/0015); a split by an opinion question is counted from the profiles. TallyCheck compares both
    /// with the answers; this pins which is which, and that the pairs are there to be read.
    @Test func demographicSplitsAreTalliedInPairsAndOpinionSplitsAreNot() throws {
        let small = try SmallConsultation()
        let store = small.store
        #expect(try store.isBreakdownField("age_band", survey: nil))
        #expect(try store.isBreakdownField("ethnicity_group", survey: "community"))
        #expect(try !store.isBreakdownField("aware", survey: nil))
        #expect(try !store.isBreakdownField("sector", survey: nil))
        #expect(try !store.isBreakdownField("group", survey: nil))
        let paired = try small.count("""
            SELECT coalesce(sum(respondents), 0) AS n FROM consult.answer_pair_tally WHERE field = 'age_band' AND question_id = 'aware' AND kind = 'o'
            """)
        let answeringBoth = try small.count("""
            SELECT count(*) AS n FROM consult.respondent_profile WHERE 'age_band' = ANY(fields) AND 'aware' = ANY(fields)
            """)
        #expect(paired == answeringBoth && paired > 0)
        // Single-choice questions keep no "answered" pairs: their base is the sum of their options.
        #expect(try small.count("SELECT count(*) AS n FROM consult.answer_pair_tally WHERE kind = 'a' AND question_id <> 'sources'") == 0)
    }

    /// A profile's tallies are added when it is inserted and taken away when it is deleted, so editing
    /// its answers in place is refused (sql/0016) and changes nothing; replacing it keeps the tallies right.
    @Test func aProfileIsReplacedNotEdited() throws {
        let small = try SmallConsultation()
        let store = small.store
        let before = try store.optionCounts(survey: "community", question: "aware", by: "age_band")
        #expect(throws: (any Error).self) {
            try store.db.query("UPDATE consult.respondent_profile SET answer_values = array_replace(answer_values, 'yes', 'no')")
        }
        #expect(try store.optionCounts(survey: "community", question: "aware", by: "age_band") == before)
        try store.db.executeScript("""
            CREATE TEMP TABLE replaced AS SELECT * FROM consult.respondent_profile WHERE 'yes' = ANY(answer_values);
            DELETE FROM consult.respondent_profile p USING replaced r WHERE p.respondent_id = r.respondent_id;
            INSERT INTO consult.respondent_profile (respondent_id, instrument_id, respondent_group, fields, field_values, questions, answer_values)
            SELECT respondent_id, instrument_id, respondent_group, fields, array_replace(field_values, 'yes', 'no'), questions,
                   array_replace(answer_values, 'yes', 'no') FROM replaced;
            """)
        #expect(try store.optionCounts(survey: "community", question: "aware", by: "age_band") != before)
        try TallyCheck.expectTalliesMatchCounts(store, "after profiles were replaced")
    }
}
