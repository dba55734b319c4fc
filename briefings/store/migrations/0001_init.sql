-- sitrep schema, version 1.
--
-- Written once for both dialects. Macros: {{ID}} a primary key that only
-- grows (ids are never reused, so cursors over them are safe), {{TIME}} a UTC
-- time (TIMESTAMPTZ / INTEGER unix microseconds), {{BLOB}} bytes. A line
-- ending in "-- only: sqlite" (or postgres) is kept for that dialect only; a
-- line "-- only: postgres" opens a block closed by "-- end only". JSON columns
-- hold text ("null" for a nil slice).

CREATE TABLE sources (
    id              {{ID}},
    name            TEXT NOT NULL DEFAULT '',
    url             TEXT NOT NULL,
    kind            TEXT NOT NULL DEFAULT 'feed',
    full_text       BOOLEAN NOT NULL DEFAULT FALSE,
    show_text       BOOLEAN NOT NULL DEFAULT FALSE,
    interval_ns     BIGINT NOT NULL DEFAULT 0,
    lang            TEXT NOT NULL DEFAULT '',
    enabled         BOOLEAN NOT NULL DEFAULT TRUE,
    etag            TEXT NOT NULL DEFAULT '',
    last_modified   TEXT NOT NULL DEFAULT '',
    last_fetch_at   {{TIME}} NOT NULL,
    last_success_at {{TIME}} NOT NULL,
    next_check_at   {{TIME}} NOT NULL,
    error_count     INTEGER NOT NULL DEFAULT 0,
    last_error      TEXT NOT NULL DEFAULT '',
    created_at      {{TIME}} NOT NULL,
    CONSTRAINT sources_url_key UNIQUE (url)
);
CREATE INDEX sources_next_check ON sources (next_check_at);

-- A story groups the articles of one event; last_seen_at is the newest
-- article's time (published, else fetched) and drives digest windows.
CREATE TABLE stories (
    id            {{ID}},
    title         TEXT NOT NULL DEFAULT '',
    section       TEXT NOT NULL DEFAULT '',
    first_seen_at {{TIME}} NOT NULL,
    last_seen_at  {{TIME}} NOT NULL
);
CREATE INDEX stories_last_seen ON stories (last_seen_at);

CREATE TABLE articles (
    id           {{ID}},
    source_id    BIGINT NOT NULL REFERENCES sources (id) ON DELETE CASCADE,
    url          TEXT NOT NULL DEFAULT '',
    guid         TEXT NOT NULL DEFAULT '',
    title        TEXT NOT NULL DEFAULT '',
    teaser       TEXT NOT NULL DEFAULT '',
    body         TEXT NOT NULL DEFAULT '',
    lang         TEXT NOT NULL DEFAULT '',
    published_at {{TIME}} NOT NULL,
    fetched_at   {{TIME}} NOT NULL,
    content_hash TEXT NOT NULL DEFAULT '',
    fingerprint  TEXT NOT NULL DEFAULT '',
    story_id     BIGINT REFERENCES stories (id) ON DELETE SET NULL,
    copy_of      BIGINT REFERENCES articles (id) ON DELETE SET NULL,
    topics       TEXT NOT NULL DEFAULT 'null',
    entities     TEXT NOT NULL DEFAULT 'null',
    summary      TEXT NOT NULL DEFAULT 'null'
);
-- The dedupe keys: a canonical URL once; a GUID and a content hash once per source.
CREATE UNIQUE INDEX articles_url ON articles (url) WHERE url <> '';
CREATE UNIQUE INDEX articles_source_guid ON articles (source_id, guid) WHERE guid <> '';
CREATE UNIQUE INDEX articles_source_hash ON articles (source_id, content_hash) WHERE content_hash <> '';
CREATE INDEX articles_hash ON articles (content_hash) WHERE content_hash <> '';
CREATE INDEX articles_source_published ON articles (source_id, published_at);
CREATE INDEX articles_published ON articles (published_at);
CREATE INDEX articles_fetched ON articles (fetched_at);
CREATE INDEX articles_story ON articles (story_id);
CREATE INDEX articles_copy_of ON articles (copy_of);

-- Full-text search over title, teaser and body.
-- only: sqlite
CREATE VIRTUAL TABLE articles_fts USING fts5(
    title, teaser, body,
    content = 'articles', content_rowid = 'id',
    tokenize = 'porter unicode61 remove_diacritics 2'
);
CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
    INSERT INTO articles_fts (rowid, title, teaser, body) VALUES (new.id, new.title, new.teaser, new.body);
END;
CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
    INSERT INTO articles_fts (articles_fts, rowid, title, teaser, body) VALUES ('delete', old.id, old.title, old.teaser, old.body);
END;
CREATE TRIGGER articles_fts_update AFTER UPDATE OF title, teaser, body ON articles BEGIN
    INSERT INTO articles_fts (articles_fts, rowid, title, teaser, body) VALUES ('delete', old.id, old.title, old.teaser, old.body);
    INSERT INTO articles_fts (rowid, title, teaser, body) VALUES (new.id, new.title, new.teaser, new.body);
END;
-- end only
-- only: postgres
ALTER TABLE articles ADD COLUMN search tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('english', left(title, 2000)), 'A') ||
    setweight(to_tsvector('english', left(teaser, 20000)), 'B') ||
    setweight(to_tsvector('english', left(body, 300000)), 'C')
) STORED;
CREATE INDEX articles_search ON articles USING GIN (search);
-- end only

-- data is the AttackReport JSON (the `sitrep extract` contract); the other
-- columns are copies for filtering.
CREATE TABLE attack_reports (
    id             {{ID}},
    article_id     BIGINT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    event_key      TEXT NOT NULL DEFAULT '',
    attacker       TEXT NOT NULL DEFAULT '',
    target         TEXT NOT NULL DEFAULT '',
    attack_date    TEXT NOT NULL DEFAULT '',
    launched_total INTEGER,
    cumulative     BOOLEAN NOT NULL DEFAULT FALSE,
    scope          TEXT NOT NULL DEFAULT '',
    data           TEXT NOT NULL
);
CREATE INDEX attack_reports_article ON attack_reports (article_id);
CREATE INDEX attack_reports_event ON attack_reports (event_key);

CREATE TABLE subscriptions (
    id             {{ID}},
    platform       TEXT NOT NULL,
    chat_id        TEXT NOT NULL,
    schedule       TEXT NOT NULL DEFAULT '',
    time_zone      TEXT NOT NULL DEFAULT '',
    topics         TEXT NOT NULL DEFAULT 'null',
    active         BOOLEAN NOT NULL DEFAULT TRUE,
    paused_reason  TEXT NOT NULL DEFAULT '',
    next_due_at    {{TIME}} NOT NULL,
    last_sent_slot {{TIME}} NOT NULL,
    created_at     {{TIME}} NOT NULL,
    updated_at     {{TIME}} NOT NULL,
    CONSTRAINT subscriptions_chat_key UNIQUE (platform, chat_id)
);
CREATE INDEX subscriptions_due ON subscriptions (active, next_due_at);

CREATE TABLE alert_settings (
    platform      TEXT NOT NULL,
    chat_id       TEXT NOT NULL,
    enabled       BOOLEAN NOT NULL DEFAULT TRUE,
    min_launched  INTEGER NOT NULL DEFAULT 0,
    regions       TEXT NOT NULL DEFAULT 'null',
    classes       TEXT NOT NULL DEFAULT 'null',
    attacker      TEXT NOT NULL DEFAULT '',
    quiet_start   TEXT NOT NULL DEFAULT '',
    quiet_end     TEXT NOT NULL DEFAULT '',
    time_zone     TEXT NOT NULL DEFAULT '',
    paused_reason TEXT NOT NULL DEFAULT '',
    updated_at    {{TIME}} NOT NULL,
    PRIMARY KEY (platform, chat_id)
);

-- The outbox. A claimed row is 'sending' with next_attempt_at = lease_until,
-- so one index range finds both due rows and expired leases.
CREATE TABLE deliveries (
    id              {{ID}},
    dedupe_key      TEXT NOT NULL,
    platform        TEXT NOT NULL,
    chat_id         TEXT NOT NULL,
    kind            TEXT NOT NULL DEFAULT '',
    payload         {{BLOB}} NOT NULL,
    status          TEXT NOT NULL DEFAULT 'pending',
    attempts        INTEGER NOT NULL DEFAULT 0,
    next_attempt_at {{TIME}} NOT NULL,
    lease_until     {{TIME}} NOT NULL,
    last_error      TEXT NOT NULL DEFAULT '',
    edit_of         TEXT NOT NULL DEFAULT '',
    external_id     TEXT NOT NULL DEFAULT '',
    created_at      {{TIME}} NOT NULL,
    sent_at         {{TIME}} NOT NULL,
    CONSTRAINT deliveries_dedupe_key UNIQUE (dedupe_key)
);
CREATE INDEX deliveries_due ON deliveries (status, next_attempt_at);
CREATE INDEX deliveries_chat ON deliveries (platform, chat_id);

CREATE TABLE leases (
    name       TEXT PRIMARY KEY,
    holder     TEXT NOT NULL,
    expires_at {{TIME}} NOT NULL
);

CREATE TABLE cursors (
    name  TEXT PRIMARY KEY,
    value BIGINT NOT NULL
);
