-- consult schema, version 13: the counts themselves kept at write time (issue 16), so that the first
-- count after an import, a coding run or one human decision reads a few hundred tally rows instead of
-- aggregating millions of respondents, answers or respondent-theme rows.
--
-- Three tallies, each a sum of signed contributions written by statement triggers from the rows a
-- statement changed (never recounted from scratch):
--   consult.respondent_tally  respondents per survey and `--by` group (the percentage bases);
--   consult.theme_tally       respondents and segments per theme of the final coding, survey and group;
--   consult.answer_tally      closed answers per survey, respondent group, question and option, and
--                             respondents answering each question (kind 'o' and 'a').
-- A `--by` key is (field, grp): ('', '') for everyone; ('group', respondent group); ('survey', survey id);
-- (question or attribute id, the respondent's answer(s) to it joined with ';' in order), as
-- Store.respondentsByField defines it. Respondents without an answer to a field are not tallied under
-- it: their number is everyone's less the answered groups', which the queries work out ("(no answer)").
--
-- The tallies of closed answers by another field (`questions --by age_band`) would need every pair of a
-- respondent's answers, a hundred rows a respondent; those are counted at query time from
-- consult.respondent_profile instead: one narrow row per respondent, not a join over the answers.
--
-- Zero rows stay (a group whose last respondent was erased): every reader keeps rows above zero.

-- The compact record of one respondent's closed answers: the answered fields with the respondent's group
-- under each (sorted by field), and every answer row (sorted by question, then value). Kept from
-- consult.answer by triggers. A respondent with no closed answer has none. The foreign key has no
-- cascade on purpose: a profile must be deleted before its respondent (RespondentRights.erase and
-- Store.applyRetention do), because the tallies it feeds are subtracted while the respondent's final
-- coding is still there to pair with; a bare DELETE of a respondent with a profile is refused rather
-- than leaving the tallies wrong.
CREATE TABLE consult.respondent_profile (
    respondent_id    bigint PRIMARY KEY REFERENCES consult.respondent (id),
    instrument_id    text   NOT NULL,
    respondent_group text   NOT NULL,
    fields           text[] NOT NULL,
    field_values     text[] NOT NULL,
    questions        text[] NOT NULL,
    answer_values    text[] NOT NULL,
    CHECK (cardinality(fields) = cardinality(field_values) AND cardinality(questions) = cardinality(answer_values))
);

CREATE TABLE consult.respondent_tally (
    instrument_id text   NOT NULL,
    field         text   NOT NULL,
    grp           text   NOT NULL,
    respondents   bigint NOT NULL,
    PRIMARY KEY (field, instrument_id, grp)
);

CREATE TABLE consult.theme_tally (
    codebook_version text   NOT NULL,
    theme_id         text   NOT NULL,
    instrument_id    text   NOT NULL,
    field            text   NOT NULL,
    grp              text   NOT NULL,
    respondents      bigint NOT NULL,
    segments         bigint NOT NULL,
    PRIMARY KEY (codebook_version, field, theme_id, instrument_id, grp),
    FOREIGN KEY (codebook_version, theme_id) REFERENCES consult.theme (codebook_version, id) ON DELETE CASCADE
);

CREATE TABLE consult.answer_tally (
    instrument_id    text   NOT NULL,
    respondent_group text   NOT NULL,
    question_id      text   NOT NULL,
    kind             "char" NOT NULL CHECK (kind IN ('o', 'a')),   -- 'o': chose `value`; 'a': answered (value '')
    value            text   NOT NULL,
    respondents      bigint NOT NULL,
    PRIMARY KEY (instrument_id, question_id, kind, value, respondent_group)
);

-- Every tally writer takes the data-version row first, as every import and coding statement does at its
-- end anyway: writers then queue in one order and never deadlock on tally rows.
CREATE FUNCTION consult.lock_tallies() RETURNS void
LANGUAGE sql SECURITY DEFINER SET search_path = pg_catalog AS $$
    SELECT 1 FROM consult.data_version FOR UPDATE;
$$;

-- Respondents: everyone's, by group and by survey (the rest of the bases come from the profiles).
CREATE FUNCTION consult.respondent_keeps_tally() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog AS $$
BEGIN
    PERFORM consult.lock_tallies();
    EXECUTE format($q$
        INSERT INTO consult.respondent_tally AS t (instrument_id, field, grp, respondents)
        SELECT r.instrument_id, k.field, k.grp, $1 * count(*)
        FROM %I r CROSS JOIN LATERAL (VALUES ('', ''), ('group', r.respondent_group), ('survey', r.instrument_id)) k(field, grp)
        GROUP BY 1, 2, 3
        ON CONFLICT (field, instrument_id, grp) DO UPDATE SET respondents = t.respondents + excluded.respondents
        $q$, CASE TG_OP WHEN 'INSERT' THEN 'new_rows' ELSE 'old_rows' END)
    USING CASE TG_OP WHEN 'INSERT' THEN 1 ELSE -1 END;
    RETURN NULL;
END $$;
CREATE TRIGGER respondent_insert_keeps_tally AFTER INSERT ON consult.respondent
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION consult.respondent_keeps_tally();
CREATE TRIGGER respondent_delete_keeps_tally AFTER DELETE ON consult.respondent
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION consult.respondent_keeps_tally();

-- Works the profiles out again from their answers for the respondents in pg_temp.profile_touched
-- (id, instrument_id, respondent_group), which the caller fills and this drops: a temporary table,
-- not an array parameter, because the planner cannot see how many ids an array holds and chose a
-- nested loop over 100,000 of them. Respondents that no longer exist are not in it: their profile
-- must go before them (see consult.respondent_profile).
CREATE AGGREGATE consult.concatenated(anycompatiblearray) (SFUNC = array_cat, STYPE = anycompatiblearray, INITCOND = '{}');

CREATE FUNCTION consult.refresh_profiles() RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    touched bigint;
BEGIN
    ANALYZE pg_temp.profile_touched;
    SELECT count(*) INTO touched FROM pg_temp.profile_touched;
    -- An import has just added its answers in this transaction, where autovacuum cannot count them:
    -- without statistics the planner took the answers table for empty and rescanned it per respondent.
    IF touched > 10000 THEN
        ANALYZE consult.answer;
    END IF;
    DELETE FROM consult.respondent_profile p USING pg_temp.profile_touched k WHERE p.respondent_id = k.id;
    -- One pass: answers grouped per respondent and question (the group under that field, the values),
    -- then per respondent.
    INSERT INTO consult.respondent_profile (respondent_id, instrument_id, respondent_group, fields, field_values, questions, answer_values)
    SELECT k.id, k.instrument_id, k.respondent_group,
           array_agg(pq.question_id ORDER BY pq.question_id), array_agg(pq.grp ORDER BY pq.question_id),
           consult.concatenated(array_fill(pq.question_id, ARRAY[cardinality(pq.answer_values)]) ORDER BY pq.question_id),
           consult.concatenated(pq.answer_values ORDER BY pq.question_id)
    FROM pg_temp.profile_touched k
    JOIN (SELECT a.respondent_id, a.question_id, string_agg(a.value, ';' ORDER BY a.value) AS grp, array_agg(a.value ORDER BY a.value) AS answer_values
          FROM consult.answer a JOIN pg_temp.profile_touched k ON k.id = a.respondent_id
          GROUP BY a.respondent_id, a.question_id) pq ON pq.respondent_id = k.id
    GROUP BY k.id, k.instrument_id, k.respondent_group;
    DROP TABLE pg_temp.profile_touched;
END $$;

-- Answers change only on import (and go with their respondent), but whatever writes them keeps the
-- profiles: the respondents a statement touched are worked out again.
CREATE FUNCTION consult.answer_keeps_profiles() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
BEGIN
    PERFORM consult.lock_tallies();
    DROP TABLE IF EXISTS pg_temp.profile_touched;
    EXECUTE format($q$
        CREATE TEMP TABLE profile_touched ON COMMIT DROP AS
        SELECT r.id, r.instrument_id, r.respondent_group
        FROM (SELECT respondent_id FROM %I UNION SELECT respondent_id FROM %I) k JOIN consult.respondent r ON r.id = k.respondent_id
        $q$, CASE TG_OP WHEN 'DELETE' THEN 'old_rows' ELSE 'new_rows' END, CASE TG_OP WHEN 'INSERT' THEN 'new_rows' ELSE 'old_rows' END);
    PERFORM consult.refresh_profiles();
    RETURN NULL;
END $$;
CREATE TRIGGER answer_insert_keeps_profiles AFTER INSERT ON consult.answer
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION consult.answer_keeps_profiles();
CREATE TRIGGER answer_update_keeps_profiles AFTER UPDATE ON consult.answer
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION consult.answer_keeps_profiles();
CREATE TRIGGER answer_delete_keeps_profiles AFTER DELETE ON consult.answer
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION consult.answer_keeps_profiles();

-- A profile's contributions: the bases under each answered field, the closed answers (by survey and
-- respondent group), and the theme counts under each answered field for the respondent's final coding
-- as it stands (the final coding's own trigger pairs it with the profile when the coding changes).
CREATE FUNCTION consult.profile_keeps_tallies() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog AS $$
DECLARE
    changed text := CASE TG_OP WHEN 'INSERT' THEN 'new_rows' ELSE 'old_rows' END;
    sign int := CASE TG_OP WHEN 'INSERT' THEN 1 ELSE -1 END;
BEGIN
    PERFORM consult.lock_tallies();
    EXECUTE format($q$
        INSERT INTO consult.respondent_tally AS t (instrument_id, field, grp, respondents)
        SELECT p.instrument_id, f.field, f.grp, $1 * count(*)
        FROM %I p CROSS JOIN LATERAL unnest(p.fields, p.field_values) f(field, grp)
        GROUP BY 1, 2, 3
        ON CONFLICT (field, instrument_id, grp) DO UPDATE SET respondents = t.respondents + excluded.respondents
        $q$, changed) USING sign;
    EXECUTE format($q$
        INSERT INTO consult.answer_tally AS t (instrument_id, respondent_group, question_id, kind, value, respondents)
        SELECT instrument_id, respondent_group, question_id, kind, value, $1 * count(*)
        FROM (SELECT p.instrument_id, p.respondent_group, a.question_id, 'o'::"char" AS kind, a.value
              FROM %1$I p CROSS JOIN LATERAL unnest(p.questions, p.answer_values) a(question_id, value)
              UNION ALL
              SELECT p.instrument_id, p.respondent_group, f.question_id, 'a'::"char", ''
              FROM %1$I p CROSS JOIN LATERAL unnest(p.fields) f(question_id)) answers
        GROUP BY 1, 2, 3, 4, 5
        ON CONFLICT (instrument_id, question_id, kind, value, respondent_group) DO UPDATE SET respondents = t.respondents + excluded.respondents
        $q$, changed) USING sign;
    EXECUTE format($q$
        INSERT INTO consult.theme_tally AS t (codebook_version, theme_id, instrument_id, field, grp, respondents, segments)
        SELECT rt.codebook_version, rt.theme_id, rt.instrument_id, f.field, f.grp, $1 * count(*), $1 * sum(rt.segments)
        FROM %I p JOIN consult.respondent_theme rt ON rt.respondent_id = p.respondent_id
        CROSS JOIN LATERAL unnest(p.fields, p.field_values) f(field, grp)
        GROUP BY 1, 2, 3, 4, 5
        ON CONFLICT (codebook_version, field, theme_id, instrument_id, grp)
        DO UPDATE SET respondents = t.respondents + excluded.respondents, segments = t.segments + excluded.segments
        $q$, changed) USING sign;
    RETURN NULL;
END $$;
CREATE TRIGGER profile_insert_keeps_tallies AFTER INSERT ON consult.respondent_profile
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION consult.profile_keeps_tallies();
CREATE TRIGGER profile_delete_keeps_tallies AFTER DELETE ON consult.respondent_profile
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION consult.profile_keeps_tallies();

-- The final coding per respondent (consult.respondent_theme, version 11) changes by delete and insert:
-- its rows carry their survey and group, and the profile, still there whenever they change, gives
-- the answered fields.
CREATE FUNCTION consult.respondent_theme_keeps_tally() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog AS $$
BEGIN
    PERFORM consult.lock_tallies();
    EXECUTE format($q$
        INSERT INTO consult.theme_tally AS t (codebook_version, theme_id, instrument_id, field, grp, respondents, segments)
        SELECT codebook_version, theme_id, instrument_id, field, grp, $1 * count(*), $1 * sum(segments)
        FROM (SELECT rt.codebook_version, rt.theme_id, rt.instrument_id, k.field, k.grp, rt.segments
              FROM %1$I rt CROSS JOIN LATERAL (VALUES ('', ''), ('group', rt.respondent_group), ('survey', rt.instrument_id)) k(field, grp)
              UNION ALL
              SELECT rt.codebook_version, rt.theme_id, rt.instrument_id, f.field, f.grp, rt.segments
              FROM %1$I rt JOIN consult.respondent_profile p ON p.respondent_id = rt.respondent_id
              CROSS JOIN LATERAL unnest(p.fields, p.field_values) f(field, grp)) contributions
        GROUP BY 1, 2, 3, 4, 5
        ON CONFLICT (codebook_version, field, theme_id, instrument_id, grp)
        DO UPDATE SET respondents = t.respondents + excluded.respondents, segments = t.segments + excluded.segments
        $q$, CASE TG_OP WHEN 'INSERT' THEN 'new_rows' ELSE 'old_rows' END)
    USING CASE TG_OP WHEN 'INSERT' THEN 1 ELSE -1 END;
    RETURN NULL;
END $$;
CREATE TRIGGER respondent_theme_insert_keeps_tally AFTER INSERT ON consult.respondent_theme
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION consult.respondent_theme_keeps_tally();
CREATE TRIGGER respondent_theme_delete_keeps_tally AFTER DELETE ON consult.respondent_theme
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION consult.respondent_theme_keeps_tally();

-- No codings, no final coding (version 11's TRUNCATE), so no theme tally either.
CREATE OR REPLACE FUNCTION consult.empty_final_coding() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog AS $$
BEGIN
    TRUNCATE consult.final_theme, consult.respondent_theme, consult.theme_tally;
    RETURN NULL;
END $$;

-- A database migrated from version 12: its respondents, profiles and final coding are tallied now.
INSERT INTO consult.respondent_tally (instrument_id, field, grp, respondents)
SELECT r.instrument_id, k.field, k.grp, count(*)
FROM consult.respondent r CROSS JOIN LATERAL (VALUES ('', ''), ('group', r.respondent_group), ('survey', r.instrument_id)) k(field, grp)
GROUP BY 1, 2, 3;
INSERT INTO consult.theme_tally (codebook_version, theme_id, instrument_id, field, grp, respondents, segments)
SELECT rt.codebook_version, rt.theme_id, rt.instrument_id, k.field, k.grp, count(*), sum(rt.segments)
FROM consult.respondent_theme rt CROSS JOIN LATERAL (VALUES ('', ''), ('group', rt.respondent_group), ('survey', rt.instrument_id)) k(field, grp)
GROUP BY 1, 2, 3, 4, 5;
CREATE TEMP TABLE profile_touched ON COMMIT DROP AS
SELECT r.id, r.instrument_id, r.respondent_group FROM consult.respondent r WHERE EXISTS (SELECT 1 FROM consult.answer a WHERE a.respondent_id = r.id);
SELECT consult.refresh_profiles();
