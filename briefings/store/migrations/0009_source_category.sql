-- sitrep schema, version 9: a category per source.
--
-- category groups sources for people: an OPML file's folder ("News", or
-- "News/Ukraine" for a folder inside a folder). Import reads it from the
-- folders, export writes the folders back, /sources may group by it.
-- Existing rows have none.
ALTER TABLE sources ADD COLUMN category TEXT NOT NULL DEFAULT '';
