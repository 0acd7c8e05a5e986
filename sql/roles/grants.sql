-- Access control for consult, applied by `consult roles setup` (idempotent: run it again after a
-- migration adds tables). Role names are fixed here; nothing in this file comes from user input.
--
--   consult_staff    imports, erasure, subject access, retention, loading the consultation.
--   consult_analyst  redacted segments, answers and codings; writes codings and memos. Cannot read
--                    the erasure register, the audit log or anything staff-only. No table holds a
--                    source identifier or contact detail: respondents are known by a keyed pseudonym
--                    whose key lives outside the database, so the link back exists only for someone
--                    holding both the key and the source file (staff).
--   consult_reader   the published, already-suppressed aggregates in schema consult_public only.
--
-- The owner (whoever ran the migrations) keeps every right; the audit log is append-only to all
-- three roles, and its row-level policy stops anyone writing an entry in another role's name.

DO $$
DECLARE r text;
BEGIN
    FOREACH r IN ARRAY ARRAY['consult_staff', 'consult_analyst', 'consult_reader'] LOOP
        IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = r) THEN
            BEGIN
                EXECUTE format('CREATE ROLE %I LOGIN', r);
            EXCEPTION WHEN duplicate_object OR unique_violation THEN
                NULL;  -- created meanwhile by a setup in another database of the same cluster
            END;
        END IF;
    END LOOP;
    EXECUTE format('GRANT CONNECT ON DATABASE %I TO consult_staff, consult_analyst, consult_reader', current_database());
END $$;

-- Start from nothing so that a re-run also takes away what an earlier version granted.
REVOKE ALL ON ALL TABLES IN SCHEMA consult FROM consult_staff, consult_analyst, consult_reader;
REVOKE ALL ON ALL SEQUENCES IN SCHEMA consult FROM consult_staff, consult_analyst, consult_reader;
REVOKE ALL ON SCHEMA consult FROM consult_staff, consult_analyst, consult_reader, PUBLIC;
REVOKE ALL ON public.consult_schema_migrations FROM consult_staff, consult_analyst, consult_reader;

-- Published aggregates: views owned by the owner, so they read the base tables with the owner's
-- rights while a reader has rights on the views alone. Counts below the minimum cell size
-- (consult.setting 'min_cell_size', default 10) are NULL with suppressed = true; where a question's
-- options add up to a published total and exactly one cell was hidden, the next smallest is hidden
-- too so the first cannot be recovered by subtraction.
CREATE SCHEMA IF NOT EXISTS consult_public;
REVOKE ALL ON SCHEMA consult_public FROM PUBLIC;

CREATE OR REPLACE VIEW consult_public.theme_prevalence AS
WITH minimum AS (
    SELECT COALESCE((SELECT value::int FROM consult.setting WHERE key = 'min_cell_size'), 10) AS n
), counts AS (
    SELECT r.respondent_group, f.theme_id, t.label, count(DISTINCT s.respondent_id) AS respondents
    FROM consult.final_coding f
    JOIN consult.codebook cb ON cb.version = f.codebook_version AND cb.is_current
    JOIN consult.theme t ON t.codebook_version = f.codebook_version AND t.id = f.theme_id
    JOIN consult.segment s ON s.id = f.segment_id
    JOIN consult.respondent r ON r.id = s.respondent_id
    GROUP BY r.respondent_group, f.theme_id, t.label
)
SELECT c.respondent_group, c.theme_id AS theme, c.label,
       CASE WHEN c.respondents >= m.n THEN c.respondents END AS respondents,
       c.respondents < m.n AS suppressed
FROM counts c CROSS JOIN minimum m;

CREATE OR REPLACE VIEW consult_public.question_distribution AS
WITH minimum AS (
    SELECT COALESCE((SELECT value::int FROM consult.setting WHERE key = 'min_cell_size'), 10) AS n
), counts AS (
    SELECT t.instrument_id AS survey, t.question_id AS question, t.value AS option, sum(t.respondents)::bigint AS respondents
    FROM consult.answer_tally t
    JOIN consult.question q ON q.instrument_id = t.instrument_id AND q.id = t.question_id
    WHERE q.type IN ('single', 'multi', 'likert5') AND t.kind = 'o'
    GROUP BY t.instrument_id, t.question_id, t.value HAVING sum(t.respondents) > 0
), primary_hidden AS (
    SELECT c.*, c.respondents < m.n AS hidden,
           count(*) FILTER (WHERE c.respondents < m.n) OVER (PARTITION BY survey, question) AS hidden_in_question
    FROM counts c CROSS JOIN minimum m
), ranked AS (
    SELECT p.*, row_number() OVER (PARTITION BY survey, question, hidden ORDER BY respondents, option) AS rank_among_shown
    FROM primary_hidden p
)
SELECT survey, question, option,
       CASE WHEN hidden OR (hidden_in_question = 1 AND rank_among_shown = 1) THEN NULL ELSE respondents END AS respondents,
       hidden OR (hidden_in_question = 1 AND rank_among_shown = 1) AS suppressed
FROM ranked;

GRANT USAGE ON SCHEMA consult_public TO consult_reader, consult_analyst, consult_staff;
GRANT SELECT ON ALL TABLES IN SCHEMA consult_public TO consult_reader, consult_analyst, consult_staff;

-- Everyone who uses the CLI must see which migrations are applied (it refuses to run on an
-- out-of-date schema rather than migrate as a non-owner).
GRANT SELECT ON public.consult_schema_migrations TO consult_staff, consult_analyst, consult_reader;

GRANT USAGE ON SCHEMA consult TO consult_staff, consult_analyst;
GRANT USAGE ON ALL SEQUENCES IN SCHEMA consult TO consult_staff, consult_analyst;

-- Staff: everything except rewriting history.
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA consult TO consult_staff;
REVOKE UPDATE, DELETE ON consult.audit_log FROM consult_staff;
GRANT TRUNCATE ON consult.coding TO consult_staff;

-- The rejects record (consult.import_reject) stays staff-only: it is not analysis data, and it
-- names source lines and pseudonyms of people whose rows were refused. Analysts get no grant on it.

-- Analysts: the redacted analysis tables.
GRANT SELECT ON consult.setting, consult.consultation, consult.instrument, consult.question,
                consult.codebook, consult.theme, consult.import_batch, consult.respondent, consult.answer,
                consult.focus_group_session, consult.segment, consult.coding, consult.final_coding,
                consult.final_theme, consult.respondent_theme, consult.memo TO consult_analyst;
-- The tallies kept at write time and the compact per-respondent profile they are kept from (migrations 0013, 0015):
-- analysts count from them, and their own human decisions maintain them through the triggers.
GRANT SELECT ON consult.respondent_profile, consult.respondent_tally, consult.theme_tally, consult.answer_tally, consult.answer_pair_tally,
                consult.opinion_question TO consult_analyst;
GRANT INSERT, UPDATE, DELETE ON consult.coding, consult.memo TO consult_analyst;
-- Analysts train the suggestion model (`code suggest`); its versions are kept for provenance.
GRANT SELECT, INSERT ON consult.suggestion_model TO consult_analyst;
-- Analysts draw validation samples, code them, and decide whether the model counts (`code auto --with-model`).
GRANT SELECT, INSERT, DELETE ON consult.validation_sample, consult.validation_sample_member TO consult_analyst;
GRANT SELECT, INSERT, UPDATE, DELETE ON consult.automatic_coding, consult.model_score TO consult_analyst;
-- Aggregate results (counts only) computed by an analyst's query are cached for the next one.
GRANT SELECT ON consult.data_version TO consult_analyst;
GRANT SELECT, INSERT, UPDATE, DELETE ON consult.aggregate_cache TO consult_analyst;
GRANT INSERT ON consult.audit_log TO consult_analyst;

-- The audit log: entries are written in one's own name; staff may read it, analysts may not.
DROP POLICY IF EXISTS audit_read ON consult.audit_log;
DROP POLICY IF EXISTS audit_write ON consult.audit_log;
CREATE POLICY audit_read ON consult.audit_log FOR SELECT TO consult_staff USING (true);
CREATE POLICY audit_write ON consult.audit_log FOR INSERT TO consult_staff, consult_analyst
    WITH CHECK (actor = current_user);
