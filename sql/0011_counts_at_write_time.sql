-- consult schema, version 11: the counts' inputs kept current when the data change (issue 16), so
-- that the first count after a coding run or a human decision reads one narrow table instead of
-- working the final coding out again over millions of codings.
--
-- consult.final_theme holds the final coding itself, one row per segment and theme that counts, with
-- the segment's respondent beside it (a segment never changes respondent), so a theme count is one
-- aggregate over this table and the respondents, without joining codings or segments. The rule is
-- unchanged and stays written once, as the view consult.final_coding_rule (version 9's final_coding):
-- the latest human decision where a human decided; otherwise the rules, and, where the codebook
-- version counts the model, the model's decisions the rules did not already make.
-- consult.final_coding now reads the table, so every reader of the final coding (counts, quotes,
-- queues, estimates, the published views) gets the same rows, faster.
--
-- Kept current by triggers, whatever writes: a human decision (or its removal) refreshes the segment
-- and theme it decided; erasure and retention delete segments, and their rows go by the foreign key;
-- a change to whether the model counts rebuilds that codebook version. A bulk replacement of a coder's
-- codings (`code auto`, model decisions: millions of rows) sets consult.final_theme_deferred for its
-- transaction and rebuilds once at the end (Store.replaceCodings), instead of once per statement.
CREATE TABLE consult.final_theme (
    segment_id       bigint NOT NULL REFERENCES consult.segment (id) ON DELETE CASCADE,
    codebook_version text   NOT NULL,
    theme_id         text   NOT NULL,
    respondent_id    bigint NOT NULL,
    decided_by       text   NOT NULL CHECK (decided_by IN ('human', 'rule', 'model')),
    PRIMARY KEY (segment_id, codebook_version, theme_id),
    FOREIGN KEY (codebook_version, theme_id) REFERENCES consult.theme (codebook_version, id) ON DELETE CASCADE
);
CREATE INDEX final_theme_respondent ON consult.final_theme (respondent_id);

ALTER VIEW consult.final_coding RENAME TO final_coding_rule;

CREATE VIEW consult.final_coding AS
SELECT segment_id, codebook_version, theme_id, decided_by FROM consult.final_theme;

-- Works the final coding out again for the given segment-theme keys (those whose codings changed):
-- each key's row is deleted and, where the rule says the theme counts, written back. Keys of segments
-- that no longer exist write nothing.
CREATE FUNCTION consult.refresh_final_theme(segments bigint[], versions text[], themes text[]) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog AS $$
BEGIN
    DELETE FROM consult.final_theme f
    USING unnest(segments, versions, themes) AS k(segment_id, codebook_version, theme_id)
    WHERE f.segment_id = k.segment_id AND f.codebook_version = k.codebook_version AND f.theme_id = k.theme_id;

    INSERT INTO consult.final_theme (segment_id, codebook_version, theme_id, respondent_id, decided_by)
    SELECT k.segment_id, k.codebook_version, k.theme_id, s.respondent_id, d.decided_by
    FROM (SELECT DISTINCT * FROM unnest(segments, versions, themes) AS k(segment_id, codebook_version, theme_id)) k
    JOIN consult.segment s ON s.id = k.segment_id
    CROSS JOIN LATERAL (
        SELECT CASE
            WHEN human.applied IS NOT NULL THEN CASE WHEN human.applied THEN 'human' END
            WHEN EXISTS (SELECT 1 FROM consult.coding c
                         WHERE c.segment_id = k.segment_id AND c.codebook_version = k.codebook_version AND c.theme_id = k.theme_id
                           AND c.kind = 'rule' AND c.applied) THEN 'rule'
            WHEN EXISTS (SELECT 1 FROM consult.coding c
                         JOIN consult.automatic_coding a ON a.codebook_version = c.codebook_version AND a.with_model
                         WHERE c.segment_id = k.segment_id AND c.codebook_version = k.codebook_version AND c.theme_id = k.theme_id
                           AND c.kind = 'model' AND c.coder = 'model' AND c.applied) THEN 'model'
        END AS decided_by
        FROM (SELECT 1) one
        LEFT JOIN LATERAL (SELECT c.applied FROM consult.coding c
                           WHERE c.segment_id = k.segment_id AND c.codebook_version = k.codebook_version AND c.theme_id = k.theme_id
                             AND c.kind = 'human'
                           ORDER BY c.coded_at DESC, c.coder LIMIT 1) human ON true
    ) d
    WHERE d.decided_by IS NOT NULL;
END $$;

-- Works the whole final coding of one codebook version out again from the rule, and writes only the
-- difference: a rerun of `code auto` that changes no coding writes nothing.
CREATE FUNCTION consult.rebuild_final_theme(version text) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
BEGIN
    -- A coding run has just replaced millions of codings in this transaction: plan on their numbers.
    ANALYZE consult.coding;
    DROP TABLE IF EXISTS pg_temp.final_theme_fresh;
    CREATE TEMP TABLE final_theme_fresh ON COMMIT DROP AS
    SELECT f.segment_id, f.theme_id, s.respondent_id, f.decided_by
    FROM consult.final_coding_rule f JOIN consult.segment s ON s.id = f.segment_id
    WHERE f.codebook_version = version;
    ANALYZE pg_temp.final_theme_fresh;

    DELETE FROM consult.final_theme f
    WHERE f.codebook_version = version
      AND NOT EXISTS (SELECT 1 FROM pg_temp.final_theme_fresh n
                      WHERE n.segment_id = f.segment_id AND n.theme_id = f.theme_id AND n.decided_by = f.decided_by);
    INSERT INTO consult.final_theme (segment_id, codebook_version, theme_id, respondent_id, decided_by)
    SELECT n.segment_id, version, n.theme_id, n.respondent_id, n.decided_by
    FROM pg_temp.final_theme_fresh n
    WHERE NOT EXISTS (SELECT 1 FROM consult.final_theme f
                      WHERE f.segment_id = n.segment_id AND f.codebook_version = version AND f.theme_id = n.theme_id);
    DROP TABLE pg_temp.final_theme_fresh;
    ANALYZE consult.final_theme;
END $$;

-- Statement triggers on consult.coding: the keys a statement touched (generator labels never count,
-- so theirs are skipped). Above 50,000 keys (a retention run over a whole batch) the versions touched
-- are rebuilt instead: one pass with hash joins beats that many index probes.
CREATE FUNCTION consult.keep_final_theme() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog AS $$
DECLARE
    segments bigint[];
    versions text[];
    themes text[];
    version text;
BEGIN
    IF current_setting('consult.final_theme_deferred', true) = 'on' THEN
        RETURN NULL;
    END IF;
    IF TG_OP = 'INSERT' THEN
        SELECT array_agg(segment_id), array_agg(codebook_version), array_agg(theme_id) INTO segments, versions, themes
        FROM new_rows WHERE kind <> 'generator';
    ELSIF TG_OP = 'DELETE' THEN
        SELECT array_agg(segment_id), array_agg(codebook_version), array_agg(theme_id) INTO segments, versions, themes
        FROM old_rows WHERE kind <> 'generator';
    ELSE
        SELECT array_agg(segment_id), array_agg(codebook_version), array_agg(theme_id) INTO segments, versions, themes
        FROM (SELECT segment_id, codebook_version, theme_id FROM new_rows WHERE kind <> 'generator'
              UNION SELECT segment_id, codebook_version, theme_id FROM old_rows WHERE kind <> 'generator') touched;
    END IF;
    IF segments IS NULL THEN
        RETURN NULL;
    END IF;
    IF cardinality(segments) > 50000 THEN
        FOR version IN SELECT DISTINCT v FROM unnest(versions) AS v LOOP
            PERFORM consult.rebuild_final_theme(version);
        END LOOP;
    ELSE
        PERFORM consult.refresh_final_theme(segments, versions, themes);
    END IF;
    RETURN NULL;
END $$;

CREATE TRIGGER coding_insert_keeps_final_theme AFTER INSERT ON consult.coding
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION consult.keep_final_theme();
CREATE TRIGGER coding_update_keeps_final_theme AFTER UPDATE ON consult.coding
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION consult.keep_final_theme();
CREATE TRIGGER coding_delete_keeps_final_theme AFTER DELETE ON consult.coding
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION consult.keep_final_theme();


-- Whether the model counts decides which of its decisions are final: a change rebuilds that version.
CREATE FUNCTION consult.automatic_coding_keeps_final_theme() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog AS $$
BEGIN
    IF current_setting('consult.final_theme_deferred', true) = 'on' THEN
        RETURN NULL;
    END IF;
    IF TG_OP = 'INSERT' AND NEW.with_model
       OR TG_OP = 'DELETE' AND OLD.with_model
       OR TG_OP = 'UPDATE' AND OLD.with_model IS DISTINCT FROM NEW.with_model THEN
        PERFORM consult.rebuild_final_theme(CASE WHEN TG_OP = 'DELETE' THEN OLD.codebook_version ELSE NEW.codebook_version END);
    END IF;
    RETURN NULL;
END $$;
CREATE TRIGGER automatic_coding_keeps_final_theme AFTER INSERT OR UPDATE OR DELETE ON consult.automatic_coding
    FOR EACH ROW EXECUTE FUNCTION consult.automatic_coding_keeps_final_theme();

-- Codings already stored (a database migrated from version 10) get their final coding now.
SELECT consult.rebuild_final_theme(version) FROM consult.codebook;

-- The final coding per respondent and theme: how many of the respondent's segments carry the theme,
-- with the respondent's survey and group beside it (neither ever changes for a respondent). A theme
-- count is then one aggregate over this table (and, for a `--by` field, one join to that field's
-- answers), where the per-segment table would need a second aggregate of millions of groups first.
-- Kept by statement triggers on consult.final_theme, so every path that changes the final coding,
-- including the foreign keys' cascades from erasure and retention, keeps it too.
CREATE TABLE consult.respondent_theme (
    codebook_version text   NOT NULL,
    theme_id         text   NOT NULL,
    respondent_id    bigint NOT NULL REFERENCES consult.respondent (id) ON DELETE CASCADE,
    instrument_id    text   NOT NULL,
    respondent_group text   NOT NULL,
    segments         int    NOT NULL CHECK (segments > 0),
    PRIMARY KEY (codebook_version, theme_id, respondent_id),
    FOREIGN KEY (codebook_version, theme_id) REFERENCES consult.theme (codebook_version, id) ON DELETE CASCADE
);
CREATE INDEX respondent_theme_respondent ON consult.respondent_theme (respondent_id);

-- Recounts the given (codebook version, theme, respondent) pairs from consult.final_theme.
CREATE FUNCTION consult.recount_respondent_theme() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
BEGIN
    DROP TABLE IF EXISTS pg_temp.respondent_theme_touched;
    IF TG_OP = 'INSERT' THEN
        CREATE TEMP TABLE respondent_theme_touched ON COMMIT DROP AS
        SELECT DISTINCT codebook_version, theme_id, respondent_id FROM new_rows;
    ELSE
        CREATE TEMP TABLE respondent_theme_touched ON COMMIT DROP AS
        SELECT DISTINCT codebook_version, theme_id, respondent_id FROM old_rows;
    END IF;
    ANALYZE pg_temp.respondent_theme_touched;
    DELETE FROM consult.respondent_theme rt USING pg_temp.respondent_theme_touched t
    WHERE rt.codebook_version = t.codebook_version AND rt.theme_id = t.theme_id AND rt.respondent_id = t.respondent_id;
    INSERT INTO consult.respondent_theme (codebook_version, theme_id, respondent_id, instrument_id, respondent_group, segments)
    SELECT f.codebook_version, f.theme_id, f.respondent_id, r.instrument_id, r.respondent_group, count(*)
    FROM pg_temp.respondent_theme_touched t
    JOIN consult.final_theme f ON f.codebook_version = t.codebook_version AND f.theme_id = t.theme_id AND f.respondent_id = t.respondent_id
    JOIN consult.respondent r ON r.id = f.respondent_id
    GROUP BY f.codebook_version, f.theme_id, f.respondent_id, r.instrument_id, r.respondent_group;
    DROP TABLE pg_temp.respondent_theme_touched;
    RETURN NULL;
END $$;
CREATE TRIGGER final_theme_insert_recounts AFTER INSERT ON consult.final_theme
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION consult.recount_respondent_theme();
CREATE TRIGGER final_theme_delete_recounts AFTER DELETE ON consult.final_theme
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION consult.recount_respondent_theme();

-- No codings, no final coding (TRUNCATE fires no row or transition-table triggers).
CREATE FUNCTION consult.empty_final_coding() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog AS $$
BEGIN
    TRUNCATE consult.final_theme, consult.respondent_theme;
    RETURN NULL;
END $$;
CREATE TRIGGER coding_truncate_empties_final_coding AFTER TRUNCATE ON consult.coding
    FOR EACH STATEMENT EXECUTE FUNCTION consult.empty_final_coding();

INSERT INTO consult.respondent_theme (codebook_version, theme_id, respondent_id, instrument_id, respondent_group, segments)
SELECT f.codebook_version, f.theme_id, f.respondent_id, r.instrument_id, r.respondent_group, count(*)
FROM consult.final_theme f JOIN consult.respondent r ON r.id = f.respondent_id
GROUP BY 1, 2, 3, 4, 5;

-- Counts of closed answers depend on the responses alone: a coding run or a human decision must not
-- make them cold. consult.data_version gains a second counter, response_version, which the triggers of
-- the tables those counts read bump too (their trigger says 'responses'); the aggregate cache keys
-- those counts to it.
ALTER TABLE consult.data_version ADD COLUMN response_version bigint NOT NULL DEFAULT 1;

CREATE OR REPLACE FUNCTION consult.bump_data_version() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog AS $$
BEGIN
    UPDATE consult.data_version
    SET version = version + 1,
        response_version = response_version + CASE WHEN TG_NARGS > 0 AND TG_ARGV[0] = 'responses' THEN 1 ELSE 0 END;
    RETURN NULL;
END $$;

DO $$
DECLARE t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['segment', 'respondent', 'answer', 'question', 'import_batch', 'instrument', 'consultation',
                             'focus_group_session'] LOOP
        EXECUTE format('DROP TRIGGER %I ON consult.%I', t || '_bumps_version', t);
        EXECUTE format('CREATE TRIGGER %I AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON consult.%I
                        FOR EACH STATEMENT EXECUTE FUNCTION consult.bump_data_version(''responses'')', t || '_bumps_version', t);
    END LOOP;
END $$;
