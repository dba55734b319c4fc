-- sitrep schema, version 4: digest schedules advance as groups.
--
-- Every subscription with the same schedule and time zone is due at the same
-- slots, so the due-digest job keeps one row per (schedule, time zone) in
-- schedule_slots and advances that row, not each subscription: consuming a
-- slot for 100,000 subscriptions is one UPDATE of one row. A subscription's
-- own next_due_at becomes "not before": the subscription is due at the later
-- of it and its schedule's next_slot (the store reads that as NextDueAt).
-- next_due_at still moves when one subscription is advanced alone
-- (AdvanceSubscription) or (re)subscribes.
--
-- last_slot is the slot the schedule's last run consumed (sent, or skipped
-- beyond grace) and last_run_at when that run was: a subscription due by
-- then (next_due_at <= last_run_at) had its slot consumed, the later of its
-- own next_due_at and last_slot, which the store reads as its LastSentSlot;
-- for any other its own last_sent_slot stands.
CREATE TABLE schedule_slots (
    schedule    TEXT NOT NULL,
    time_zone   TEXT NOT NULL,
    next_slot   {{TIME}} NOT NULL,
    last_slot   {{TIME}} NOT NULL,
    last_run_at {{TIME}} NOT NULL,
    updated_at  {{TIME}} NOT NULL,
    PRIMARY KEY (schedule, time_zone)
);
CREATE INDEX schedule_slots_due ON schedule_slots (next_slot);

-- Existing subscriptions: each schedule starts at its earliest next_due_at
-- and has never run, so every subscription stays due exactly when it was
-- and keeps its last_sent_slot.
INSERT INTO schedule_slots (schedule, time_zone, next_slot, last_slot, last_run_at, updated_at)
SELECT schedule, time_zone, MIN(next_due_at), MIN(last_sent_slot), MIN(last_sent_slot), MAX(updated_at)
FROM subscriptions GROUP BY schedule, time_zone;

-- Finds one schedule's due members with one topics list: equalities on the
-- first four columns and a range on the last.
DROP INDEX subscriptions_due;
CREATE INDEX subscriptions_due ON subscriptions (schedule, time_zone, active, topics, next_due_at);
