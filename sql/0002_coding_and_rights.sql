-- consult schema, version 2: human coding on top of automatic coding, memos, the audit log,
-- retention and the erasure register.
--
-- Access for the three roles (consult_staff, consult_analyst, consult_reader) is granted by
-- sql/roles/grants.sql, which `consult roles setup` applies: roles are cluster-wide objects, so
-- creating them is an explicit act of an administrator, not a side effect of migrating.

-- What kind of coder made a coding. `human` decisions override automatic ones in final_coding;
-- `model` suggestions and `generator` labels (the synthetic sample's known themes) never count
-- unless a human accepts them.
ALTER TABLE consult.coding
    ADD COLUMN kind text NOT NULL DEFAULT 'rule' CHECK (kind IN ('rule', 'model', 'generator', 'human')),
    ADD COLUMN applied boolean NOT NULL DEFAULT true,   -- false: a human decided the theme does NOT apply
    ADD COLUMN confidence double precision CHECK (confidence IS NULL OR (confidence >= 0 AND confidence <= 1));
CREATE INDEX coding_kind ON consult.coding (kind, codebook_version);

-- The coding the counts use, per segment and theme under each codebook version:
-- the most recent human decision if any human decided (applied or not), otherwise the rule coding.
CREATE VIEW consult.final_coding AS
SELECT segment_id, codebook_version, theme_id, decided_by
FROM (
    SELECT DISTINCT ON (segment_id, codebook_version, theme_id)
           segment_id, codebook_version, theme_id, applied,
           CASE WHEN kind = 'human' THEN 'human' ELSE 'rule' END AS decided_by
    FROM consult.coding
    WHERE kind IN ('human', 'rule')
    ORDER BY segment_id, codebook_version, theme_id, (kind = 'human') DESC, coded_at DESC, coder
) latest
WHERE applied;

-- Analysts' notes on a segment or on a theme (under a codebook version).
CREATE TABLE consult.memo (
    id               bigserial PRIMARY KEY,
    segment_id       bigint REFERENCES consult.segment (id) ON DELETE CASCADE,
    codebook_version text,
    theme_id         text,
    author           text NOT NULL,
    text             text NOT NULL CHECK (length(text) > 0),
    written_at       timestamptz NOT NULL DEFAULT now(),
    FOREIGN KEY (codebook_version, theme_id) REFERENCES consult.theme (codebook_version, id) ON DELETE CASCADE,
    CHECK (segment_id IS NOT NULL OR theme_id IS NOT NULL),
    CHECK ((theme_id IS NULL) = (codebook_version IS NULL))
);
CREATE INDEX memo_segment ON consult.memo (segment_id);

-- How long identifiable (respondent-level) data may be kept, counted from its import.
ALTER TABLE consult.consultation ADD COLUMN retention_months int CHECK (retention_months IS NULL OR retention_months > 0);

-- Accountability: who did what, when; never personal data (counts and ids of batches, not people).
-- Append-only for every role but the owner: no role is granted UPDATE, DELETE or TRUNCATE, and the
-- row-level policy in grants.sql stops anyone recording an entry in someone else's name.
CREATE TABLE consult.audit_log (
    id       bigserial PRIMARY KEY,
    at       timestamptz NOT NULL DEFAULT now(),
    actor    text NOT NULL DEFAULT current_user,
    os_user  text,
    action   text NOT NULL CHECK (action IN ('import', 'erase', 'sar', 'export', 'chapter', 'consent',
                                             'retention', 'roles', 'codebook')),
    detail   jsonb NOT NULL DEFAULT '{}'
);
ALTER TABLE consult.audit_log ENABLE ROW LEVEL SECURITY;

-- Erasure register: SHA-256 of the erased respondent's pseudonym, so a later re-import of the same
-- source file does not bring them back. Neither the source id nor the pseudonym itself is kept.
-- Readable by staff only (grants.sql).
CREATE TABLE consult.erased_respondent (
    instrument_id  text NOT NULL REFERENCES consult.instrument (id),
    pseudonym_hash text NOT NULL,
    erased_at      timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (instrument_id, pseudonym_hash)
);
