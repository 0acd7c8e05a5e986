-- consult schema, version 14: the respondent profiles (version 13) built with one sort, and an import's
-- profiles built from its own answers (issue 16: the import had slowed by about 48%, the budget is 10%).
--
-- Version 13 built each profile with ordered aggregates (string_agg/array_agg ... ORDER BY), which
-- PostgreSQL 15 sorts group by group: a million small sorts for an import of 100,000 responses. Window
-- functions over the same ORDER BY sort the touched answers once and aggregate each partition in that
-- order, which PostgreSQL guarantees (aggregating from a sorted subquery would only usually work). The
-- profiles are the same rows, value for value (TallyCheck in FinalThemeTests compares every count).
--
-- An insert of answers for respondents who had none (every import) builds their profiles from the
-- statement's own rows: a respondent has a profile exactly when it has an answer (the triggers keep
-- that after every statement), so when no touched respondent has a profile the new rows are all their
-- answers. That spares the join over the whole answers table and analysing it inside the import.

-- The statement that builds the profiles of the respondents in pg_temp.profile_touched (id,
-- instrument_id, respondent_group) from `answers` (a relation with respondent_id, question_id, value
-- holding every answer of those respondents): the fields answered with the group under each (sorted by
-- field), and every answer (sorted by question, then value). A function returning text, because the
-- caller must EXECUTE it itself: a trigger's transition table is visible to its own statements only.
CREATE FUNCTION consult.profile_insert_statement(answers text) RETURNS text
LANGUAGE sql IMMUTABLE SET search_path = pg_catalog AS $$
    SELECT format($q$
        INSERT INTO consult.respondent_profile (respondent_id, instrument_id, respondent_group, fields, field_values, questions, answer_values)
        SELECT DISTINCT ON (pq.respondent_id) pq.respondent_id, k.instrument_id, k.respondent_group,
               array_agg(pq.question_id) OVER per_respondent, array_agg(pq.grp) OVER per_respondent,
               consult.concatenated(array_fill(pq.question_id, ARRAY[cardinality(pq.answer_values)])) OVER per_respondent,
               consult.concatenated(pq.answer_values) OVER per_respondent
        FROM (SELECT DISTINCT ON (a.respondent_id, a.question_id) a.respondent_id, a.question_id,
                     string_agg(a.value, ';') OVER per_question AS grp, array_agg(a.value) OVER per_question AS answer_values
              FROM %s a JOIN pg_temp.profile_touched t ON t.id = a.respondent_id
              WINDOW per_question AS (PARTITION BY a.respondent_id, a.question_id ORDER BY a.value
                                      ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING)
              ORDER BY a.respondent_id, a.question_id) pq
        JOIN pg_temp.profile_touched k ON k.id = pq.respondent_id
        WINDOW per_respondent AS (PARTITION BY pq.respondent_id ORDER BY pq.question_id
                                  ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING)
        ORDER BY pq.respondent_id
        $q$, answers);
$$;

CREATE OR REPLACE FUNCTION consult.refresh_profiles() RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    touched bigint;
BEGIN
    ANALYZE pg_temp.profile_touched;
    SELECT count(*) INTO touched FROM pg_temp.profile_touched;
    -- Answers added in this transaction have no statistics yet: without them the planner took the
    -- answers table for empty and rescanned it per respondent.
    IF touched > 10000 THEN
        ANALYZE consult.answer;
    END IF;
    DELETE FROM consult.respondent_profile p USING pg_temp.profile_touched k WHERE p.respondent_id = k.id;
    EXECUTE consult.profile_insert_statement('consult.answer');
    DROP TABLE pg_temp.profile_touched;
END $$;

CREATE OR REPLACE FUNCTION consult.answer_keeps_profiles() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
BEGIN
    PERFORM consult.lock_tallies();
    DROP TABLE IF EXISTS pg_temp.profile_touched;
    EXECUTE format($q$
        CREATE TEMP TABLE profile_touched ON COMMIT DROP AS
        SELECT r.id, r.instrument_id, r.respondent_group
        FROM (%s) k JOIN consult.respondent r ON r.id = k.respondent_id
        $q$, CASE TG_OP WHEN 'INSERT' THEN 'SELECT DISTINCT respondent_id FROM new_rows'
                        WHEN 'DELETE' THEN 'SELECT DISTINCT respondent_id FROM old_rows'
                        ELSE 'SELECT respondent_id FROM new_rows UNION SELECT respondent_id FROM old_rows' END);
    IF TG_OP = 'INSERT' AND NOT EXISTS (SELECT 1 FROM consult.respondent_profile p JOIN pg_temp.profile_touched k ON k.id = p.respondent_id) THEN
        ANALYZE pg_temp.profile_touched;
        EXECUTE consult.profile_insert_statement('new_rows');
        DROP TABLE pg_temp.profile_touched;
    ELSE
        PERFORM consult.refresh_profiles();
    END IF;
    RETURN NULL;
END $$;
