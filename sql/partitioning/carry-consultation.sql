-- Opt-in, not a migration (docs/consultations-at-scale.md): each large row table carries the
-- consultation its row belongs to, checked by a foreign key, as the first step towards partitioning
-- them by consultation. Declarative LIST partitioning needs the key on the rows themselves and in
-- every primary and unique key; today a respondent reaches its consultation only through its
-- instrument, and a profile (the closed answers), segment or coding only through its respondent or segment.
--
-- After this script:
-- - consult.respondent, consult.respondent_profile, consult.segment and consult.coding have consultation_id,
--   NOT NULL, filled for every stored row;
-- - a foreign key on (parent id, consultation_id) ties each row to its parent's consultation, so a
--   row can never claim another consultation than its instrument's (respondent), respondent's
--   (profile, segment) or segment's (coding);
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

-- Fills consultation_id from the row's parent when the writer leaves it out; a writer that names it
-- is checked by the foreign keys below instead. Each branch names only its own table's columns
-- (PL/pgSQL prepares a statement when it first runs it, so the other branches never see this row).
CREATE FUNCTION consult.carry_consultation() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog AS $$
BEGIN
    IF NEW.consultation_id IS NOT NULL THEN
        RETURN NEW;
    END IF;
    IF TG_TABLE_NAME = 'respondent' THEN
        SELECT i.consultation_id INTO NEW.consultation_id FROM consult.instrument i WHERE i.id = NEW.instrument_id;
    ELSIF TG_TABLE_NAME IN ('respondent_profile', 'segment') THEN
        SELECT r.consultation_id INTO NEW.consultation_id FROM consult.respondent r WHERE r.id = NEW.respondent_id;
    ELSE
        SELECT s.consultation_id INTO NEW.consultation_id FROM consult.segment s WHERE s.id = NEW.segment_id;
    END IF;
    RETURN NEW;
END $$;

ALTER TABLE consult.instrument ADD CONSTRAINT instrument_id_consultation_key UNIQUE (id, consultation_id);

-- Parents before children: each table's column is filled from its parent's, and a child's foreign
-- key needs the parent's (id, consultation_id) unique key. The identifiers are this file's own.
DO $$
DECLARE
    t record;
BEGIN
    FOR t IN SELECT * FROM (VALUES ('respondent', 'instrument_id', 'instrument', 'NO ACTION'),
                                   ('respondent_profile', 'respondent_id', 'respondent', 'NO ACTION'),
                                   ('segment', 'respondent_id', 'respondent', 'CASCADE'),
                                   ('coding', 'segment_id', 'segment', 'CASCADE')) AS v(child, parent_key, parent, on_delete) LOOP
        EXECUTE format('ALTER TABLE consult.%I ADD COLUMN consultation_id text', t.child);
        EXECUTE format('UPDATE consult.%1$I c SET consultation_id = p.consultation_id FROM consult.%2$I p WHERE p.id = c.%3$I',
                       t.child, t.parent, t.parent_key);
        EXECUTE format('ALTER TABLE consult.%1$I ALTER COLUMN consultation_id SET NOT NULL,
                            ADD CONSTRAINT %2$I FOREIGN KEY (%3$I, consultation_id)
                                REFERENCES consult.%4$I (id, consultation_id) ON DELETE %5$s',
                       t.child, t.child || '_consultation_fkey', t.parent_key, t.parent, t.on_delete);
        IF t.child IN ('respondent', 'segment') THEN
            EXECUTE format('ALTER TABLE consult.%1$I ADD CONSTRAINT %2$I UNIQUE (id, consultation_id)',
                           t.child, t.child || '_id_consultation_key');
        END IF;
        EXECUTE format('CREATE TRIGGER %I BEFORE INSERT ON consult.%I FOR EACH ROW EXECUTE FUNCTION consult.carry_consultation()',
                       t.child || '_carries_consultation', t.child);
    END LOOP;
END $$;

COMMIT;
