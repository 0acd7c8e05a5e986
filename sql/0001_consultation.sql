-- consult schema, version 1: the consultation, its instruments and codebook, imported responses
-- (pseudonymised, free text redacted) and codings with provenance.
--
-- Personal data: no source respondent identifier is stored. Respondents are known by a keyed
-- pseudonym (HMAC-SHA256 with a key kept outside the database); the key's fingerprint is kept in
-- consult.setting so a second key is noticed. Free text is redacted before it reaches consult.segment.

CREATE SCHEMA consult;

CREATE TABLE consult.setting (
    key   text PRIMARY KEY,
    value text NOT NULL
);

CREATE TABLE consult.consultation (
    id        text PRIMARY KEY,
    title     text NOT NULL,
    questions jsonb NOT NULL,          -- the strand's questions: [{"id","text"}]
    option_sets jsonb NOT NULL,        -- shared answer options by set name (borough, ethnicity...)
    population jsonb NOT NULL,         -- reference population by ethnic group (e.g. Census 2011)
    loaded_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE consult.instrument (
    id               text PRIMARY KEY,
    consultation_id  text NOT NULL REFERENCES consult.consultation (id),
    kind             text NOT NULL CHECK (kind IN ('survey', 'focus_group')),
    respondent_group text NOT NULL,
    title            text NOT NULL,
    definition       jsonb NOT NULL,   -- the instrument as loaded, options resolved
    source_sha256    text NOT NULL
);

CREATE TABLE consult.question (
    instrument_id text NOT NULL REFERENCES consult.instrument (id) ON DELETE CASCADE,
    id            text NOT NULL,
    position      int  NOT NULL,
    type          text NOT NULL,
    wording       text NOT NULL,
    options       jsonb NOT NULL DEFAULT '[]',
    PRIMARY KEY (instrument_id, id)
);

CREATE TABLE consult.codebook (
    version       text PRIMARY KEY,
    title         text NOT NULL,
    source_sha256 text NOT NULL,
    source_text   text NOT NULL,       -- the codebook file as loaded: rules are re-read from here
    is_current    boolean NOT NULL DEFAULT false,
    loaded_at     timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX codebook_one_current ON consult.codebook (is_current) WHERE is_current;

CREATE TABLE consult.theme (
    codebook_version text NOT NULL REFERENCES consult.codebook (version) ON DELETE CASCADE,
    id               text NOT NULL,
    parent_id        text,
    position         int  NOT NULL,
    label            text NOT NULL,
    description      text NOT NULL,
    include_note     text,
    exclude_note     text,
    examples         jsonb NOT NULL DEFAULT '[]',
    PRIMARY KEY (codebook_version, id)
);

CREATE TABLE consult.import_batch (
    id             bigserial PRIMARY KEY,
    instrument_id  text NOT NULL REFERENCES consult.instrument (id),
    kind           text NOT NULL CHECK (kind IN ('responses', 'notes')),
    source_name    text NOT NULL,      -- file name as given, without directories
    file_sha256    text NOT NULL,
    rows_read      int  NOT NULL,
    rows_accepted  int  NOT NULL,      -- new respondents stored
    rows_duplicate int  NOT NULL,      -- already present (same pseudonym): skipped, not duplicated
    rows_rejected  int  NOT NULL,
    redactions     int  NOT NULL,
    imported_by    text NOT NULL,
    imported_at    timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE consult.respondent (
    id               bigserial PRIMARY KEY,
    instrument_id    text NOT NULL REFERENCES consult.instrument (id),
    pseudonym        text NOT NULL,
    respondent_group text NOT NULL,
    quote_consent    boolean NOT NULL DEFAULT false,
    submitted_at     timestamptz,
    mode             text,
    batch_id         bigint NOT NULL REFERENCES consult.import_batch (id),
    UNIQUE (instrument_id, pseudonym)
);

-- Closed answers, one row per chosen option (a multi answer has several rows). Derived attributes
-- (ethnicity_group from ethnicity; borough and group_type of a focus-group participant) live here too.
CREATE TABLE consult.answer (
    respondent_id bigint NOT NULL REFERENCES consult.respondent (id) ON DELETE CASCADE,
    question_id   text   NOT NULL,
    value         text   NOT NULL,
    PRIMARY KEY (respondent_id, question_id, value)
);
CREATE INDEX answer_question ON consult.answer (question_id, value);

CREATE TABLE consult.focus_group_session (
    id            text PRIMARY KEY,
    instrument_id text NOT NULL REFERENCES consult.instrument (id),
    held_on       date NOT NULL,
    borough       text NOT NULL,
    group_type    text NOT NULL,
    participants  int  NOT NULL,
    batch_id      bigint NOT NULL REFERENCES consult.import_batch (id)
);

-- The unit of coding: one free-text answer, or one participant turn of a transcript
-- (question_id is then the session id and position the turn number). Text is already redacted.
CREATE TABLE consult.segment (
    id            bigserial PRIMARY KEY,
    respondent_id bigint NOT NULL REFERENCES consult.respondent (id) ON DELETE CASCADE,
    question_id   text NOT NULL,
    position      int  NOT NULL,
    text          text NOT NULL,
    redactions    int  NOT NULL DEFAULT 0,
    UNIQUE (respondent_id, question_id, position)
);

-- Who (or which rule) applied which theme to which segment, and where in the text.
CREATE TABLE consult.coding (
    segment_id       bigint NOT NULL REFERENCES consult.segment (id) ON DELETE CASCADE,
    codebook_version text   NOT NULL,
    theme_id         text   NOT NULL,
    coder            text   NOT NULL,
    rule_id          text,             -- the rule that matched, for automatic coding
    span_start       int,              -- character offsets into segment.text, end exclusive
    span_end         int,
    matched          text,
    coded_at         timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (segment_id, codebook_version, theme_id, coder),
    FOREIGN KEY (codebook_version, theme_id) REFERENCES consult.theme (codebook_version, id) ON DELETE CASCADE,
    CHECK (span_start IS NULL OR (span_start >= 0 AND span_end > span_start))
);
CREATE INDEX coding_theme ON consult.coding (codebook_version, theme_id, coder);
