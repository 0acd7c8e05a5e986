-- consult schema, version 4: imports skip respondents on the erasure register, and say how many.
ALTER TABLE consult.import_batch ADD COLUMN rows_erased int NOT NULL DEFAULT 0;  -- erased earlier: not brought back
