-- sitrep schema, version 3.
--
-- A digest fan-out enqueues one deliveries row per subscription but only a
-- handful of distinct payloads (one per topics, time zone and slot). Such
-- rows point at one shared delivery_payloads row (payload_id) and keep an
-- empty payload; a row with a NULL payload_id holds its payload inline.
-- Readers take the shared body when there is one.
--
-- hash is the hex SHA-256 of body. last_used_at is the last time an enqueue
-- (re)used the row: retention deletes only payloads no row refers to and
-- unused since before its cutoff, so it never races an enqueue reusing one.
-- There is no foreign key: checking one on delete would scan deliveries
-- without an index on payload_id, and that index would cost every insert.
CREATE TABLE delivery_payloads (
    id           {{ID}},
    hash         TEXT NOT NULL,
    body         {{BLOB}} NOT NULL,
    last_used_at {{TIME}} NOT NULL,
    CONSTRAINT delivery_payloads_hash UNIQUE (hash)
);
ALTER TABLE deliveries ADD COLUMN payload_id BIGINT;

-- Only MigrateChat looked rows up by chat, and it moves unsent rows only:
-- deliveries_due (status, next_attempt_at) finds those. One index fewer to
-- write per enqueued row.
DROP INDEX deliveries_chat;
