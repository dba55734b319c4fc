-- sitrep schema, version 10: settings of a chat that are neither its digest
-- nor its alerts.
--
-- lang is the language the bot speaks in the chat ('' until the chat chose
-- one or set up a delivery: the bot then follows the user's platform
-- language, else the configured default). own_lang_sources: a digest item
-- quotes an article in the chat's language when its story has one.
-- include and exclude are the chat's keyword filters (JSON lists of words),
-- applied to digests and alerts.
CREATE TABLE chat_settings (
    platform         TEXT NOT NULL,
    chat_id          TEXT NOT NULL,
    lang             TEXT NOT NULL DEFAULT '',
    own_lang_sources BOOLEAN NOT NULL DEFAULT FALSE,
    include          TEXT NOT NULL DEFAULT '[]',
    exclude          TEXT NOT NULL DEFAULT '[]',
    updated_at       {{TIME}} NOT NULL,
    PRIMARY KEY (platform, chat_id)
);
