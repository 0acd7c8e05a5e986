-- consult schema, version 16: each respondent's closed answers stored once, in their profile (issue 16).
--
-- Since version 13 every closed answer was stored twice: a row of consult.answer (ten a respondent:
-- a heap row, two index entries and a foreign-key check each) and an element of the respondent's
-- profile, which triggers rebuilt from those rows. The profile holds every answer row (questions[i],
-- answer_values[i]), so it is the record now: an import writes one profile row per respondent, built
-- from its staged answers, and consult.answer is a view of the profiles' answers, one row per chosen
-- option as before, for whatever reads answers row by row (subject access, erasure counts, the
-- published distribution, the data-protection facts).
--
-- Nothing else changes: the tallies are kept from the profiles as before, a profile still goes before
-- its respondent (see version 13), and a respondent with no closed answer still has no profile.

-- Stop if the profiles do not hold exactly the answers (they are kept so by triggers; this checks it
-- once more before the answers go).
DO $$
BEGIN
    IF EXISTS (SELECT respondent_id, question_id, value FROM consult.answer
               EXCEPT ALL
               SELECT p.respondent_id, a.question_id, a.value
               FROM consult.respondent_profile p CROSS JOIN LATERAL unnest(p.questions, p.answer_values) a(question_id, value))
       OR EXISTS (SELECT p.respondent_id, a.question_id, a.value
                  FROM consult.respondent_profile p CROSS JOIN LATERAL unnest(p.questions, p.answer_values) a(question_id, value)
                  EXCEPT ALL
                  SELECT respondent_id, question_id, value FROM consult.answer) THEN
        RAISE EXCEPTION 'the respondent profiles do not hold exactly the stored answers: not migrated';
    END IF;
END $$;

-- The published distribution read the answers table; grants.sql (run by `consult roles setup`, which
-- is run again after a migration) makes it again, from the answer tally.
DROP VIEW IF EXISTS consult_public.question_distribution;
DROP TABLE consult.answer;
DROP FUNCTION consult.answer_keeps_profiles();
DROP FUNCTION consult.refresh_profiles();

-- The cached counts of closed answers followed the answers table (version 11's trigger, gone with it):
-- they follow the profiles now.
CREATE TRIGGER respondent_profile_bumps_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON consult.respondent_profile
    FOR EACH STATEMENT EXECUTE FUNCTION consult.bump_data_version('responses');

-- A profile's counted columns are never edited in place: its tallies are added when it is inserted
-- and taken away when it is deleted, so an edit would leave them wrong. To change a respondent's
-- answers, delete the profile and insert the new one. (Columns added later, such as the
-- consultation carried by sql/partitioning, may change.)
CREATE FUNCTION consult.profile_is_replaced_not_edited() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog AS $$
BEGIN
    IF (NEW.respondent_id, NEW.instrument_id, NEW.respondent_group, NEW.fields, NEW.field_values, NEW.questions, NEW.answer_values)
       IS DISTINCT FROM (OLD.respondent_id, OLD.instrument_id, OLD.respondent_group, OLD.fields, OLD.field_values, OLD.questions, OLD.answer_values) THEN
        RAISE EXCEPTION 'a respondent profile is replaced (deleted and inserted), not edited: its tallies would be left wrong'
            USING ERRCODE = 'check_violation';
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER profile_is_replaced_not_edited BEFORE UPDATE ON consult.respondent_profile
    FOR EACH ROW EXECUTE FUNCTION consult.profile_is_replaced_not_edited();

-- The answers row by row, as consult.answer was: one row per chosen option (a multi answer has
-- several), derived attributes (ethnicity_group; a focus-group participant's borough and group type)
-- included. Read-only.
CREATE VIEW consult.answer AS
    SELECT p.respondent_id, a.question_id, a.value
    FROM consult.respondent_profile p CROSS JOIN LATERAL unnest(p.questions, p.answer_values) a(question_id, value);
