-- consult schema, version 7: the same final coding, computed without sorting every rule coding.
-- Human decisions are few; rule codings are millions at full scale. The view now takes the latest
-- human decision per segment and theme (a small sort over the partial index below), keeps the
-- applied ones, and adds every applied rule coding that no human decided on (a hash anti-join).
CREATE INDEX coding_human ON consult.coding (segment_id, codebook_version, theme_id) WHERE kind = 'human';

CREATE OR REPLACE VIEW consult.final_coding AS
WITH human AS (
    SELECT DISTINCT ON (segment_id, codebook_version, theme_id) segment_id, codebook_version, theme_id, applied
    FROM consult.coding
    WHERE kind = 'human'
    ORDER BY segment_id, codebook_version, theme_id, coded_at DESC, coder
)
SELECT h.segment_id, h.codebook_version, h.theme_id, 'human'::text AS decided_by
FROM human h WHERE h.applied
UNION ALL
SELECT c.segment_id, c.codebook_version, c.theme_id, 'rule'::text
FROM consult.coding c
WHERE c.kind = 'rule' AND c.applied
  AND NOT EXISTS (SELECT 1 FROM human h
                  WHERE h.segment_id = c.segment_id AND h.codebook_version = c.codebook_version AND h.theme_id = c.theme_id);
