-- Opt-in, not a migration (docs/consultations-at-scale.md): each large row table carries the
-- consultation its row belongs to, checked by a foreign key, as the first step towards partitioning
-- them by consultation. Declarative LIST partitioning needs the key on the rows themselves and in
-- every primary and unique key; today a respondent reaches its consultation only through its
-- instrument, and an answer, segment or coding only through its respondent or segment.
--
-- After this script:
-- - consult.respondent, consult.answer, consult.segment and consult.coding have consultation_id,
--   NOT NULL, filled for every stored row;
-- - a foreign key on (parent id, consultation_id) ties each row to its parent's consultation, so a
--   row can never claim another consultation than its instrument's (respondent), respondent's
--   (answer, segment) or segment's (coding);
-- - a BEFORE INSERT trigger fills the column when the writer leaves it out, so consult as it is
--   (which does not name the column) keeps importing, coding and erasing unchanged.
--
-- Run it once, as the schema's owner, with no consult process writing:
--     psql "$DATABASE_URL" -v ON_ERROR_STOP=1 -f sql/partitioning/carry-consultation.sql
-- It is one transaction: on any error the database is left as it was. It rewrites every row of the
-- four tables (a full-table UPDATE each) and adds two unique indexes, so on a large database it needs
-- the disk for a second copy of those tables and takes minutes, not seconds (not measured yet).
BEGIN;

-- Adding a column changes no coding: the final coding's triggers need not work it out again for
-- the UPDATE of every coding below (Store.replaceCodings uses the same setting for its bulk writes).
SET LOCAL consult.final_theme_deferred = 'on';

ALTER TABLE consult.instrument ADD CONSTRAINT instrument_id_consultation_key UNIQUE (id, consultation_id);

ALTER TABLE consult.respondent ADD COLUMN consultation_id text;
UPDATE consult.respondent r SET consultation_id = i.consultation_id FROM consult.instrument i WHERE i.id = r.instrument_id;
ALTER TABLE consult.respondent
    ALTER COLUMN consultation_id SET NOT NULL,
    ADD CONSTRAINT respondent_id_consultation_key UNIQUE (id, consultation_id),
    ADD CONSTRAINT respondent_consultation_fkey FOREIGN KEY (instrument_id, consultation_id)
        REFERENCES consult.instrument (id, consultation_id);

ALTER TABLE consult.answer ADD COLUMN consultation_id text;
UPDATE consult.answer a SET consultation_id = r.consultation_id FROM consult.respondent r WHERE r.id = a.respondent_id;
ALTER TABLE consult.answer
    ALTER COLUMN consultation_id SET NOT NULL,
    ADD CONSTRAINT answer_consultation_fkey FOREIGN KEY (respondent_id, consultation_id)
        REFERENCES consult.respondent (id, consultation_id) ON DELETE CASCADE;

ALTER TABLE consult.segment ADD COLUMN consultation_id text;
UPDATE consult.segment s SET consultation_id = r.consultation_id FROM consult.respondent r WHERE r.id = s.respondent_id;
ALTER TABLE consult.segment
    ALTER COLUMN consultation_id SET NOT NULL,
    ADD CONSTRAINT segment_id_consultation_key UNIQUE (id, consultation_id),
    ADD CONSTRAINT segment_consultation_fkey FOREIGN KEY (respondent_id, consultation_id)
        REFERENCES consult.respondent (id, consultation_id) ON DELETE CASCADE;

ALTER TABLE consult.coding ADD COLUMN consultation_id text;
UPDATE consult.coding c SET consultation_id = s.consultation_id FROM consult.segment s WHERE s.id = c.segment_id;
ALTER TABLE consult.coding
    ALTER COLUMN consultation_id SET NOT NULL,
    ADD CONSTRAINT coding_consultation_fkey FOREIGN KEY (segment_id, consultation_id)
        REFERENCES consult.segment (id, consultation_id) ON DELETE CASCADE;

-- Fills consultation_id from the row's parent when the writer leaves it out; a writer that names it
-- is checked by the foreign keys above instead. Each branch names only its own table's columns
-- (PL/pgSQL prepares a statement when it first runs it, so the other branches never see this row).
CREATE FUNCTION consult.carry_consultation() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog AS $$
BEGIN
    IF NEW.consultation_id IS NOT NULL THEN
        RETURN NEW;
    END IF;
    IF TG_TABLE_NAME = 'respondent' THEN
        SELECT i.consultation_id INTO NEW.consultation_id FROM consult.instrument i WHERE i.id = NEW.instrument_id;
    ELSIF TG_TABLE_NAME IN ('answer', 'segment') THEN
        SELECT r.consultation_id INTO NEW.consultation_id FROM consult.respondent r WHERE r.id = NEW.respondent_id;
    ELSE
        SELECT s.consultation_id INTO NEW.consultation_id FROM consult.segment s WHERE s.id = NEW.segment_id;
    END IF;
    RETURN NEW;
END $$;

CREATE TRIGGER respondent_carries_consultation BEFORE INSERT ON consult.respondent
    FOR EACH ROW EXECUTE FUNCTION consult.carry_consultation();
CREATE TRIGGER answer_carries_consultation BEFORE INSERT ON consult.answer
    FOR EACH ROW EXECUTE FUNCTION consult.carry_consultation();
CREATE TRIGGER segment_carries_consultation BEFORE INSERT ON consult.segment
    FOR EACH ROW EXECUTE FUNCTION consult.carry_consultation();
CREATE TRIGGER coding_carries_consultation BEFORE INSERT ON consult.coding
    FOR EACH ROW EXECUTE FUNCTION consult.carry_consultation();

COMMIT;
