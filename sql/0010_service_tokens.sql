-- consult schema, version 9: what `consult serve` needs to keep no state of its own, so that any
-- number of instances can serve one database: bearer tokens, stored answers for Idempotency-Key
-- retries, and per-address submission counts for the public form's rate limit.

-- Bearer tokens (`consult token create`). Only the SHA-256 of a token is kept, so the table cannot
-- be used to make requests. A public token (the form of one survey) is printed into every page of
-- that form, so it is no secret: it is kept as it is, and it may only submit to its own survey.
CREATE TABLE consult.api_token (
    id            bigserial PRIMARY KEY,
    token_sha256  text NOT NULL UNIQUE CHECK (token_sha256 ~ '^[0-9a-f]{64}$'),
    access        text NOT NULL CHECK (access IN ('ingest', 'analyst', 'reader')),
    survey        text REFERENCES consult.instrument (id),
    public_token  text UNIQUE,
    created_at    timestamptz NOT NULL DEFAULT now(),
    created_by    text NOT NULL DEFAULT current_user,
    expires_at    timestamptz,
    revoked_at    timestamptz,
    CHECK (public_token IS NULL OR (access = 'ingest' AND survey IS NOT NULL))
);

-- The answer given to a request that carried an Idempotency-Key, so that a retry is answered exactly
-- as the first was. The body holds counts, batch ids and field names, never a response's text.
CREATE TABLE consult.api_idempotency (
    token_id        bigint NOT NULL REFERENCES consult.api_token (id) ON DELETE CASCADE,
    key             text NOT NULL,
    request_sha256  text NOT NULL,
    status          int NOT NULL,
    content_type    text NOT NULL,
    body            text NOT NULL,
    created_at      timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (token_id, key)
);

-- Submissions through a public token per client address and minute (the form's rate limit). The
-- address is kept as its keyed pseudonym (HMAC with the pseudonymisation key, which never enters the
-- database), not as it is, and rows older than a few minutes are deleted as new ones come.
CREATE TABLE consult.api_rate (
    client_pseudonym text NOT NULL,
    minute        timestamptz NOT NULL,
    requests      int NOT NULL,
    PRIMARY KEY (client_pseudonym, minute)
);

-- Token changes are audited like imports and erasures.
ALTER TABLE consult.audit_log DROP CONSTRAINT audit_log_action_check;
ALTER TABLE consult.audit_log ADD CONSTRAINT audit_log_action_check
    CHECK (action IN ('import', 'erase', 'sar', 'export', 'chapter', 'consent', 'retention', 'roles', 'codebook', 'token'));
