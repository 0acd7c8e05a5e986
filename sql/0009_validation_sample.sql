-- consult schema, version 9: validation samples (a random sample of respondents coded by hand, to
-- measure the automatic coding's error and correct the theme shares for it), and the suggestion model
-- joining the rules in the automatic coding that is counted, when the analyst says so.

-- A validation sample: drawn once, seeded, from the respondents present at `data_version`; simple
-- random, or stratified by a `--by` field with proportional allocation (`stratified_by`).
CREATE TABLE consult.validation_sample (
    name          text PRIMARY KEY CHECK (name ~ '^[A-Za-z0-9._-]{1,64}$'),
    size          int NOT NULL CHECK (size > 0),
    stratified_by text,
    seed          bigint NOT NULL,
    population    int NOT NULL,       -- respondents in the frame when drawn
    data_version  bigint NOT NULL,    -- consult.data_version when drawn
    created_at    timestamptz NOT NULL DEFAULT now(),
    created_by    text NOT NULL DEFAULT current_user
);

-- The sampled respondents and their design stratum ('' for a simple random sample). Erasing a
-- respondent removes them from the sample too.
CREATE TABLE consult.validation_sample_member (
    sample_name   text NOT NULL REFERENCES consult.validation_sample (name) ON DELETE CASCADE,
    respondent_id bigint NOT NULL REFERENCES consult.respondent (id) ON DELETE CASCADE,
    stratum       text NOT NULL,
    PRIMARY KEY (sample_name, respondent_id)
);
CREATE INDEX validation_sample_member_respondent ON consult.validation_sample_member (respondent_id);

-- Whether the suggestion model's decisions count with the rules' under a codebook version
-- (`consult code auto --with-model`), and which model version coded.
CREATE TABLE consult.automatic_coding (
    codebook_version text PRIMARY KEY REFERENCES consult.codebook (version) ON DELETE CASCADE,
    with_model       boolean NOT NULL,
    model_id         bigint REFERENCES consult.suggestion_model (id),
    set_at           timestamptz NOT NULL DEFAULT now(),
    CHECK (NOT with_model OR model_id IS NOT NULL)
);
CREATE TRIGGER automatic_coding_bumps_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON consult.automatic_coding
    FOR EACH STATEMENT EXECUTE FUNCTION consult.bump_data_version();

-- Cross-fitted versions of a suggestion model: when analysts have coded validation-sample respondents,
-- `code suggest` also fits the model twice more, each time without the sampled respondents of one fold
-- (respondent id mod 2), and every segment is coded by the version that never saw its fold's sample, so
-- the sample stays an independent check of the coding that is counted.
ALTER TABLE consult.suggestion_model
    ADD COLUMN full_model_id bigint REFERENCES consult.suggestion_model (id) ON DELETE CASCADE,
    ADD COLUMN fold int CHECK (fold IS NULL OR fold IN (0, 1)),
    ADD CHECK ((fold IS NULL) = (full_model_id IS NULL));

-- A model decision's explanation: the words (features) that weighed most for the theme in this text.
ALTER TABLE consult.coding ADD COLUMN evidence text;

-- The model's calibrated probability for segment-theme pairs below its threshold (from 0.05 up), so the
-- estimator can group respondents the model almost coded, and `code queue --reason uncertain` can
-- find them. Pairs at or above the threshold are model codings (consult.coding, kind 'model').
CREATE TABLE consult.model_score (
    segment_id       bigint NOT NULL REFERENCES consult.segment (id) ON DELETE CASCADE,
    codebook_version text NOT NULL,
    theme_id         text NOT NULL,
    model_id         bigint NOT NULL REFERENCES consult.suggestion_model (id) ON DELETE CASCADE,
    probability      double precision NOT NULL CHECK (probability >= 0 AND probability <= 1),
    PRIMARY KEY (segment_id, codebook_version, theme_id),
    FOREIGN KEY (codebook_version, theme_id) REFERENCES consult.theme (codebook_version, id) ON DELETE CASCADE
);

-- The final coding: the latest human decision where a human decided; otherwise the rules, and, where
-- the codebook version counts the model, the model's decisions the rules did not already make.
CREATE OR REPLACE VIEW consult.final_coding AS
WITH human AS (
    SELECT DISTINCT ON (segment_id, codebook_version, theme_id) segment_id, codebook_version, theme_id, applied
    FROM consult.coding
    WHERE kind = 'human'
    ORDER BY segment_id, codebook_version, theme_id, coded_at DESC, coder
),
automatic AS (
    SELECT c.segment_id, c.codebook_version, c.theme_id, 'rule'::text AS decided_by
    FROM consult.coding c
    WHERE c.kind = 'rule' AND c.applied
    UNION ALL
    SELECT c.segment_id, c.codebook_version, c.theme_id, 'model'::text
    FROM consult.coding c JOIN consult.automatic_coding a ON a.codebook_version = c.codebook_version AND a.with_model
    WHERE c.kind = 'model' AND c.coder = 'model' AND c.applied
      AND NOT EXISTS (SELECT 1 FROM consult.coding r
                      WHERE r.segment_id = c.segment_id AND r.codebook_version = c.codebook_version AND r.theme_id = c.theme_id
                        AND r.kind = 'rule' AND r.applied)
)
SELECT h.segment_id, h.codebook_version, h.theme_id, 'human'::text AS decided_by
FROM human h WHERE h.applied
UNION ALL
SELECT a.segment_id, a.codebook_version, a.theme_id, a.decided_by
FROM automatic a
WHERE NOT EXISTS (SELECT 1 FROM human h
                  WHERE h.segment_id = a.segment_id AND h.codebook_version = a.codebook_version AND h.theme_id = a.theme_id);
