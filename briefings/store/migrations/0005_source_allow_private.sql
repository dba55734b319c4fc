-- sitrep schema, version 5: which sources may be fetched from private addresses.
--
-- allow_private is set for sources the operator added (the configuration,
-- the command line, local files): they may live on a LAN or loopback. A
-- source added from chat (/addsource) never may, on every fetch and not only
-- when it was added, so a feed host that later resolves or redirects to a
-- private address (DNS rebinding, an internal service) is refused. Existing
-- rows start without it: configured sources get it back at the next start,
-- when the configuration is synced; others are fetched as chat sources are.
ALTER TABLE sources ADD COLUMN allow_private BOOLEAN NOT NULL DEFAULT FALSE;
