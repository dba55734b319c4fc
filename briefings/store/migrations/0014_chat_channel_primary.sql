-- sitrep schema, version 14: a military's own channel added from chat is
-- primary.
--
-- A channel an admin adds from chat (allow_private false, always read from
-- t.me) is the primary source of the country whose military publishes it
-- (briefings.MilitaryChannel: the Air Force's kpszsu for Ukraine). A row
-- added before that rule takes it here; a configured source takes its
-- primary_for from the configuration at each start, and a row that has one
-- keeps it.
UPDATE sources SET primary_for = 'UA'
WHERE kind = 'channel' AND allow_private = FALSE AND primary_for = '' AND lower(url) = 'https://t.me/s/kpszsu';
