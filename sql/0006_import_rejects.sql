-- consult schema, version 6: the rejects record of `--accept-valid` imports (issue 3). Staff only.
--
-- One row per rejected source row: where it is (batch, line), which field failed and why, so staff
-- can fix the source file and import it again. The row's content is not stored: the source file and
-- the --rejects file already hold it, and unredacted free text must not enter the database. The
-- reason is redacted like free text (it may quote the offending value). The keyed pseudonym of the
-- row's source id, when it has one, lets erasure and retention find the record.
CREATE TABLE consult.import_reject (
    batch_id    bigint NOT NULL REFERENCES consult.import_batch (id),
    source_line int  NOT NULL,
    field       text,
    reason      text NOT NULL,
    pseudonym   text,
    PRIMARY KEY (batch_id, source_line)
);
CREATE INDEX import_reject_pseudonym ON consult.import_reject (pseudonym) WHERE pseudonym IS NOT NULL;
