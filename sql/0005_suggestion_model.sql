-- consult schema, version 5: the suggestion models that proposed `model` codings, kept for provenance
-- (what it learned from, when, with which threshold), so every suggestion can be traced to its model.
CREATE TABLE consult.suggestion_model (
    id               bigserial PRIMARY KEY,
    codebook_version text NOT NULL REFERENCES consult.codebook (version) ON DELETE CASCADE,
    trained_at       timestamptz NOT NULL DEFAULT now(),
    trained_by       text NOT NULL DEFAULT current_user,
    examples         int NOT NULL,            -- scored training examples (human-coded segments, example files)
    training_sha256  text NOT NULL,           -- digest of the training examples
    model            jsonb NOT NULL           -- the serialised model (weights, vocabulary, thresholds)
);
