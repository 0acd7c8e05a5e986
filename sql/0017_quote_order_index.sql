-- consult schema, version 17: the segments that come first in the quotes' choice order, indexed
-- (issue 16). Store.quotes chooses first among the readable texts (60 to 360 characters) whose MD5
-- begins with 0, a sixteenth of them, and ranks all candidates only for a theme and group that found
-- too few there. Without an index that first pass still hashed every segment's text (2.8 s of 4.3 s
-- at 1,000,000 responses); with it, it reads about 110,000 segment ids and probes their codings
-- (1.5 s). An import pays an MD5 per segment and an index entry for one in about twenty.
CREATE INDEX segment_first_in_quote_order ON consult.segment (id)
    WHERE length(text) BETWEEN 60 AND 360 AND left(md5(text), 1) = '0';
