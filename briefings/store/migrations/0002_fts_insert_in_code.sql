-- sitrep schema, version 2.
--
-- SQLite: articles are added to the full-text index by the store itself
-- (AddArticle), right after their row, instead of by a trigger. A trigger
-- makes every article INSERT a statement transaction, and FTS5 writes its
-- pending index data to disk at each one: a new index segment per article
-- and merges to match. Without the trigger a batch's index data is written
-- once, at commit. The update and delete triggers stay.
DROP TRIGGER IF EXISTS articles_fts_insert; -- only: sqlite
SELECT 1; -- only: postgres
