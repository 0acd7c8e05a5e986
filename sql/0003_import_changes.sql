-- Changed responses (issue 3). A re-import never duplicates a respondent (same instrument and
-- pseudonym); to tell "already present and the same" from "already present but different", each
-- respondent keeps a SHA-256 of its stored content (NULL for respondents imported before this).
-- A changed response is left as it was and listed in import_change for staff to resolve.
ALTER TABLE consult.respondent ADD COLUMN content_sha256 text;

ALTER TABLE consult.import_batch ADD COLUMN rows_changed int NOT NULL DEFAULT 0;
-- The encoding the file was converted from ("Windows-1252 (3 fields, first at line 7)"), or NULL for UTF-8.
ALTER TABLE consult.import_batch ADD COLUMN converted_from text;

CREATE TABLE consult.import_change (
    batch_id      bigint NOT NULL REFERENCES consult.import_batch (id),
    respondent_id bigint NOT NULL REFERENCES consult.respondent (id) ON DELETE CASCADE,
    source_line   int,          -- where the changed response starts in the new file
    PRIMARY KEY (batch_id, respondent_id)
);
