-- sitrep schema, version 11: who claimed a delivery.
--
-- claimed_by names the presence lease of the dispatcher that claimed a
-- sending row (its leases row lives while the dispatcher does). A claim also
-- takes the sending rows whose claimer's lease is gone or expired: a killed
-- process's rows go to a live dispatcher within seconds, not when their
-- claim lease ends. Rows claimed before this version have no claimer and
-- wait for their claim lease as before.
ALTER TABLE deliveries ADD COLUMN claimed_by TEXT NOT NULL DEFAULT '';
