-- sitrep schema, version 8: relevance and sections of articles, war-only sources.
--
-- Each article carries the classifier's decision: relevance (the probability
-- that it is about the war or its diplomacy), off_topic (kept out of digests,
-- alerts and topic summaries, still stored and searchable) and section (the
-- digest section it is filed under). Rows stored before version 8 keep
-- relevance 1, off_topic false and section '' (never classified: relevant,
-- and their story's section comes from their topics, as before).
--
-- A source's topic is 'war' for a war-only source (everything it publishes
-- is relevant) and '' for a general one.
ALTER TABLE articles ADD COLUMN relevance REAL NOT NULL DEFAULT 1;
ALTER TABLE articles ADD COLUMN off_topic BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE articles ADD COLUMN section TEXT NOT NULL DEFAULT '';
ALTER TABLE sources ADD COLUMN topic TEXT NOT NULL DEFAULT '';
