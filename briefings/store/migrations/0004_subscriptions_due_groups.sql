-- sitrep schema, version 4: digest schedules advance as groups.
--
-- Every subscription with the same schedule and time zone is due at the same
-- slots, so the due-digest job keeps one row per (schedule, time zone) in
-- schedule_slots and advances that row, not each subscription: consuming a
-- slot for 100,000 subscriptions is one UPDATE of one row.
--
-- last_run_at is when the schedule's last run was. A subscription with
-- next_due_at after it is due at its own next_due_at (it subscribed, or was
-- advanced alone, since); one with next_due_at at or before it had that slot
-- consumed by the run and is due at the schedule's next_slot. The store
-- reads that as the subscription's NextDueAt. wake_at is the earliest of
-- next_slot and the own next_due_at of subscriptions waiting for an earlier
-- time: the schedule's next run. last_slot is the schedule's slot its last
-- regular run consumed; a consumed subscription's LastSentSlot reads as the
-- later of it and its own next_due_at.
CREATE TABLE schedule_slots (
    schedule    TEXT NOT NULL,
    time_zone   TEXT NOT NULL,
    next_slot   {{TIME}} NOT NULL,
    wake_at     {{TIME}} NOT NULL,
    last_slot   {{TIME}} NOT NULL,
    last_run_at {{TIME}} NOT NULL,
    updated_at  {{TIME}} NOT NULL,
    PRIMARY KEY (schedule, time_zone)
);
CREATE INDEX schedule_slots_due ON schedule_slots (wake_at);

-- Existing subscriptions: each schedule wakes at its earliest next_due_at
-- and has never run, so every subscription stays due exactly when it was
-- and keeps its last_sent_slot.
INSERT INTO schedule_slots (schedule, time_zone, next_slot, wake_at, last_slot, last_run_at, updated_at)
SELECT schedule, time_zone, MIN(next_due_at), MIN(next_due_at), MIN(last_sent_slot), MIN(last_sent_slot), MAX(updated_at)
FROM subscriptions GROUP BY schedule, time_zone;

-- Finds one schedule's due members with one topics list: equalities on the
-- first four columns and a range on the last.
DROP INDEX subscriptions_due;
CREATE INDEX subscriptions_due ON subscriptions (schedule, time_zone, active, topics, next_due_at);
