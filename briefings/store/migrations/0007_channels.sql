-- sitrep schema, version 7: public channels as sources, edited posts, quiet reports.
--
-- last_post_id is the newest post id read from a channel source; each poll
-- reads only newer posts (0: never read, the first poll back-fills).
-- origin names where a forwarded post comes from ('' for the source's own).
-- revised_at is when an article's changed text (an edited post) was read:
-- its attack reports were replaced then (zero time: never). no_alert marks
-- attack reports that never alert by themselves: a back-filled channel's
-- older posts, imported history.
ALTER TABLE sources ADD COLUMN last_post_id BIGINT NOT NULL DEFAULT 0;
ALTER TABLE articles ADD COLUMN origin TEXT NOT NULL DEFAULT '';
ALTER TABLE articles ADD COLUMN revised_at INTEGER NOT NULL DEFAULT -62135596800000000; -- only: sqlite
ALTER TABLE articles ADD COLUMN revised_at TIMESTAMPTZ NOT NULL DEFAULT '0001-01-01 00:00:00+00'; -- only: postgres
ALTER TABLE attack_reports ADD COLUMN no_alert BOOLEAN NOT NULL DEFAULT FALSE;
