-- sitrep schema, version 15: a publication date without a time of day.
--
-- date_only marks an article whose source gives the day it was published
-- but no time (a local file's "date: 2025-09-04", a feed item whose
-- pubDate is a bare date): its published_at is that day's 00:00 UTC, and a
-- briefing shows the day alone instead of that invented time. Rows stored
-- before are taken to carry a time, as they were shown.
ALTER TABLE articles ADD COLUMN date_only BOOLEAN NOT NULL DEFAULT FALSE;
