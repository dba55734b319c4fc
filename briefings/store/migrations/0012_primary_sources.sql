-- sitrep schema, version 12: sources of record, and alert versions.
--
-- primary_for is the country code ('UA', 'RU') whose military the source is
-- ('' for outlets): Ukraine's Air Force's own channel is primary for attacks
-- on Ukraine. Its own posts' attack reports outrank outlets quoting it.
-- corrected marks a report that replaced other figures of the same article
-- (a post edited with a new count).
-- deliveries_edit_of finds the edits of a message, so that an alert is
-- edited only when its text differs from the version last queued.
ALTER TABLE sources ADD COLUMN primary_for TEXT NOT NULL DEFAULT '';
ALTER TABLE attack_reports ADD COLUMN corrected BOOLEAN NOT NULL DEFAULT FALSE;
CREATE INDEX deliveries_edit_of ON deliveries (edit_of) WHERE edit_of <> '';
