-- consult schema, version 12: the theme groups a consultation's codebook gives its summary
-- (`theme_groups:`), kept beside the codebook at `consult survey load` as JSON
-- ([{"id","label","themes"}], in the file's order). `consult summary` and the service's /v1/summary
-- read them here rather than parse the stored codebook file again, whose validation compiles every
-- rule pattern (seconds, where the summary itself takes a fraction of one). A codebook loaded
-- before this version has no groups until `consult survey load` reads its file again.
ALTER TABLE consult.codebook ADD COLUMN theme_groups jsonb NOT NULL DEFAULT '[]';
