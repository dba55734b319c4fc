-- sitrep schema, version 13: the weekly chart of a subscription.
--
-- weekly_chart: the subscription's first digest of each week brings a chart
-- of the attacks of the week before (off until the chat turns it on).
-- subscriptions_due gains it as a last column, so that counting a due
-- group's chart receivers still reads the index alone.
ALTER TABLE subscriptions ADD COLUMN weekly_chart BOOLEAN NOT NULL DEFAULT FALSE;
DROP INDEX subscriptions_due;
CREATE INDEX subscriptions_due ON subscriptions (schedule, time_zone, active, topics, next_due_at, weekly_chart);
