-- consult schema, version 15: closed answers tallied by the respondents' demographics at write time
-- (issue 16), so that `questions --by age_band` and a crosstab by ethnicity group read a few thousand
-- tally rows on their first run after an import instead of unnesting every profile (20 million
-- answers and 23-80 s at 1,000,000 respondents).
--
-- A pair tally row counts the respondents of one survey whose answer to a breakdown field `field` is
-- `grp` (the `--by` group, as in the other tallies: several values joined with ';' in order) and who
-- chose `value` at question `question_id` (kind 'o') or answered that multiple-choice question (kind
-- 'a', value ''). Every other question has one answer per respondent who answered it (the import
-- keeps one value for them), so the number answering it is the sum of its options' counts: not
-- storing it halves the rows a respondent adds. Respondents without an answer to the field are not
-- tallied under it: their number is everyone's (consult.answer_tally) less the answered groups', as
-- the other tallies do it.
--
-- Only the breakdown fields are paired: the fields of a survey that are not among its opinion
-- questions (consult.opinion_question), that is its demographic questions and the attributes derived
-- on import (ethnicity_group). Every pair of answers would be a hundred rows a respondent; these are
-- the fields counts are split by to see who thinks what (and whether an ethnic group is affected
-- differently). A split by an opinion question (`--by aware`) is still counted from the profiles.

-- The closed questions that are not breakdown fields of their survey: the opinion questions.
CREATE VIEW consult.opinion_question AS
    SELECT instrument_id, id AS question_id FROM consult.question WHERE type IN ('single', 'multi', 'likert5');

CREATE TABLE consult.answer_pair_tally (
    instrument_id text   NOT NULL,
    field         text   NOT NULL,
    grp           text   NOT NULL,
    question_id   text   NOT NULL,
    kind          "char" NOT NULL CHECK (kind IN ('o', 'a')),
    value         text   NOT NULL,
    respondents   bigint NOT NULL,
    PRIMARY KEY (field, instrument_id, question_id, kind, value, grp)
);

-- The statement adding (sign 1) or taking away (sign -1) the pair contributions of the profiles in
-- `profiles` (a relation with respondent_profile's columns): every answer, and every multiple-choice
-- question answered, under each breakdown field the respondent answered. A function returning text
-- for the reason consult.profile_insert_statement does: a trigger's transition table is visible to
-- its own statements only. The pairs are made by set-returning functions in the select list, not by
-- lateral joins: a function scan per profile and field made the same rows three times slower (10 s
-- against 3.6 s for 100,000 profiles, five million pairs).
CREATE FUNCTION consult.pair_tally_statement(profiles text) RETURNS text
LANGUAGE sql IMMUTABLE SET search_path = pg_catalog AS $$
    SELECT format($q$
        INSERT INTO consult.answer_pair_tally AS t (instrument_id, field, grp, question_id, kind, value, respondents)
        SELECT instrument_id, field, grp, question_id, kind, value, $1 * count(*) FROM (
            SELECT b.instrument_id, b.field, b.grp, unnest(b.questions) AS question_id, 'o'::"char" AS kind, unnest(b.answer_values) AS value
            FROM (SELECT p.instrument_id, p.questions, p.answer_values, unnest(p.fields) AS field, unnest(p.field_values) AS grp
                  FROM %1$s p) b
            WHERE (b.instrument_id, b.field) NOT IN (SELECT instrument_id, question_id FROM consult.opinion_question)
            UNION ALL
            SELECT b.instrument_id, b.field, b.grp, m.id, 'a'::"char", ''
            FROM (SELECT p.instrument_id, p.fields, unnest(p.fields) AS field, unnest(p.field_values) AS grp FROM %1$s p) b
            JOIN consult.question m ON m.instrument_id = b.instrument_id AND m.type = 'multi' AND m.id = ANY(b.fields)
            WHERE (b.instrument_id, b.field) NOT IN (SELECT instrument_id, question_id FROM consult.opinion_question)) pairs
        GROUP BY 1, 2, 3, 4, 5, 6
        ON CONFLICT (field, instrument_id, question_id, kind, value, grp) DO UPDATE SET respondents = t.respondents + excluded.respondents
        $q$, profiles);
$$;

CREATE FUNCTION consult.profile_keeps_pair_tally() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog AS $$
BEGIN
    PERFORM consult.lock_tallies();
    EXECUTE consult.pair_tally_statement(CASE TG_OP WHEN 'INSERT' THEN 'new_rows' ELSE 'old_rows' END)
    USING CASE TG_OP WHEN 'INSERT' THEN 1 ELSE -1 END;
    RETURN NULL;
END $$;
CREATE TRIGGER profile_insert_keeps_pair_tally AFTER INSERT ON consult.respondent_profile
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION consult.profile_keeps_pair_tally();
CREATE TRIGGER profile_delete_keeps_pair_tally AFTER DELETE ON consult.respondent_profile
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION consult.profile_keeps_pair_tally();

-- Nothing reads the answers by question any more (the fields answered come from the answer tally,
-- each respondent's answer to a field from their profile): the index cost the import about 2.4 s
-- per 100,000 responses (a million index entries).
DROP INDEX consult.answer_question;

-- A database migrated from version 14: its profiles are tallied now.
DO $$
BEGIN
    EXECUTE consult.pair_tally_statement('consult.respondent_profile') USING 1;
END $$;
