-- consult schema, version 8: a cache of aggregate query results, so that a theme or question table
-- asked for again (by an analyst, the summary, the chapter) is read back instead of recounted over
-- millions of codings. It holds counts only, never row-level data.
--
-- Validity: consult.data_version is bumped by a statement-level trigger on every change to the tables
-- the aggregates read (imports, codings, erasure, retention, a new codebook); a cached result is used
-- only when it was computed at the current version. The trigger function runs as its owner, so roles
-- that may change those tables need no right on data_version itself.
CREATE TABLE consult.data_version (
    only_row boolean PRIMARY KEY DEFAULT true CHECK (only_row),
    version  bigint NOT NULL
);
INSERT INTO consult.data_version VALUES (true, 1);

CREATE FUNCTION consult.bump_data_version() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog AS $$
BEGIN
    UPDATE consult.data_version SET version = version + 1;
    RETURN NULL;
END $$;

DO $$
DECLARE t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['coding', 'segment', 'respondent', 'answer', 'codebook', 'theme', 'question', 'import_batch',
                             'instrument', 'consultation', 'focus_group_session'] LOOP
        EXECUTE format('CREATE TRIGGER %I AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON consult.%I
                        FOR EACH STATEMENT EXECUTE FUNCTION consult.bump_data_version()', t || '_bumps_version', t);
    END LOOP;
END $$;

CREATE TABLE consult.aggregate_cache (
    query    text PRIMARY KEY,          -- the query kind and its parameters, e.g. themes|group|-|-
    version  bigint NOT NULL,           -- data_version when computed
    result   jsonb NOT NULL             -- unsuppressed counts; suppression is applied on the way out
);
