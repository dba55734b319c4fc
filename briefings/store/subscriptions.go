package store

import (
	"context"
	"database/sql"
	"errors"
	"time"

	"github.com/sitrep/sitrep/briefings"
)

// subSelect reads subscriptions with their schedule's row (migration
// 0004): NextDueAt is the subscription's own next_due_at unless the
// schedule's last run consumed it, then the schedule's next slot;
// LastSentSlot, for a consumed one, the slot that run consumed.
const subSelect = `SELECT s.id, s.platform, s.chat_id, s.schedule, s.time_zone, s.topics, s.active, s.paused_reason,
	CASE WHEN g.last_run_at IS NULL OR s.next_due_at > g.last_run_at THEN s.next_due_at ELSE g.next_slot END,
	CASE WHEN g.last_run_at IS NULL OR s.next_due_at > g.last_run_at THEN s.last_sent_slot
		WHEN g.last_slot > s.next_due_at THEN g.last_slot ELSE s.next_due_at END, s.created_at, s.updated_at,
	s.weekly_chart
FROM subscriptions s LEFT JOIN schedule_slots g ON g.schedule = s.schedule AND g.time_zone = s.time_zone`

func scanSubscription(sc interface{ Scan(...any) error }) (*briefings.Subscription, error) {
	var s briefings.Subscription
	var topics string
	err := sc.Scan(&s.ID, &s.Chat.Platform, &s.Chat.ChatID, &s.Schedule, &s.TimeZone, &topics, &s.Active,
		&s.PausedReason, tm(&s.NextDueAt), tm(&s.LastSentSlot), tm(&s.CreatedAt), tm(&s.UpdatedAt), &s.WeeklyChart)
	if err != nil {
		return nil, err
	}
	if err := fromJSON(topics, &s.Topics); err != nil {
		return nil, err
	}
	return &s, nil
}

func validChat(c briefings.Chat) error {
	if c.Platform == "" || c.ChatID == "" {
		return briefings.Errorf(briefings.EINVALID, "A chat needs a platform and a chat id.")
	}
	return nil
}

// UpsertSubscription stores the chat's subscription (one per chat),
// replacing every field of an existing one but its ID and CreatedAt. It sets
// s.ID, s.CreatedAt and s.UpdatedAt. The subscription is due at
// s.NextDueAt, unless that is at or before its schedule's last due-digest
// run (the run consumed it): then at the schedule's next slot.
func (db *DB) UpsertSubscription(ctx context.Context, s *briefings.Subscription) error {
	if err := validChat(s.Chat); err != nil {
		return err
	}
	topics, err := toJSON(s.Topics)
	if err != nil {
		return wrap("upsert subscription", err)
	}
	now := db.now()
	created := s.CreatedAt
	if created.IsZero() {
		created = now
	}
	var id int64
	err = db.withTx(ctx, func(tx runner) error {
		// The schedule's row: created at the subscription's first slot if
		// new, else woken earlier for it when it waits for a time before
		// the schedule's next run. The update also takes the row's lock, so
		// a due-digest run of this schedule sees this subscription either
		// before or after, never halfway.
		if _, err := tx.exec(ctx, `INSERT INTO schedule_slots AS g (schedule, time_zone, next_slot, wake_at, last_slot,
			last_run_at, updated_at) VALUES ($1, $2, $3, $3, $4, $4, $5)
			ON CONFLICT (schedule, time_zone) DO UPDATE SET wake_at = CASE
				WHEN excluded.wake_at < g.wake_at AND excluded.wake_at > g.last_run_at THEN excluded.wake_at
				ELSE g.wake_at END`,
			s.Schedule, s.TimeZone, s.NextDueAt, time.Time{}, now); err != nil {
			return err
		}
		return tx.queryRow(ctx, `INSERT INTO subscriptions (platform, chat_id, schedule, time_zone, topics,
		active, paused_reason, next_due_at, last_sent_slot, created_at, updated_at, weekly_chart)
	VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
	ON CONFLICT (platform, chat_id) DO UPDATE SET schedule = excluded.schedule, time_zone = excluded.time_zone,
		topics = excluded.topics, active = excluded.active, paused_reason = excluded.paused_reason,
		next_due_at = excluded.next_due_at, last_sent_slot = excluded.last_sent_slot, updated_at = excluded.updated_at,
		weekly_chart = excluded.weekly_chart
	RETURNING id, created_at`,
			s.Chat.Platform, s.Chat.ChatID, s.Schedule, s.TimeZone, topics, s.Active, s.PausedReason,
			s.NextDueAt, s.LastSentSlot, created, now, s.WeeklyChart).Scan(&id, tm(&created))
	})
	if err != nil {
		return wrap("upsert subscription", err)
	}
	s.ID, s.CreatedAt, s.UpdatedAt = id, created, now.Truncate(time.Microsecond)
	return nil
}

// GetSubscription returns the chat's subscription, or ENOTFOUND.
func (db *DB) GetSubscription(ctx context.Context, c briefings.Chat) (*briefings.Subscription, error) {
	s, err := scanSubscription(db.reader().queryRow(ctx, subSelect+`
		WHERE s.platform = $1 AND s.chat_id = $2`, c.Platform, c.ChatID))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, notFound("No subscription in this chat.")
	}
	return s, wrap("get subscription", err)
}

// DeleteSubscription deletes the chat's subscription, or returns ENOTFOUND.
func (db *DB) DeleteSubscription(ctx context.Context, c briefings.Chat) error {
	n, err := db.writer().affected(ctx, `DELETE FROM subscriptions WHERE platform = $1 AND chat_id = $2`,
		c.Platform, c.ChatID)
	if err != nil {
		return wrap("delete subscription", err)
	}
	if n == 0 {
		return notFound("No subscription in this chat.")
	}
	return nil
}

// CountSubscriptions counts the active subscriptions and the others
// (paused, e.g. the bot was blocked).
func (db *DB) CountSubscriptions(ctx context.Context) (active, paused int, err error) {
	err = db.reader().queryRow(ctx, `SELECT COALESCE(SUM(CASE WHEN active THEN 1 ELSE 0 END), 0),
		COALESCE(SUM(CASE WHEN active THEN 0 ELSE 1 END), 0) FROM subscriptions`).Scan(&active, &paused)
	return active, paused, wrap("count subscriptions", err)
}

// ListSubscriptions returns every subscription in id order.
func (db *DB) ListSubscriptions(ctx context.Context) ([]*briefings.Subscription, error) {
	return db.listSubscriptions(ctx, subSelect+` ORDER BY s.id`)
}

// DueSubscriptions returns up to limit active subscriptions with
// NextDueAt <= now, the most overdue first. The due-digest job reads them
// grouped (DueSchedules).
func (db *DB) DueSubscriptions(ctx context.Context, now time.Time, limit int) ([]*briefings.Subscription, error) {
	return db.listSubscriptions(ctx, subSelect+`
		WHERE s.active = TRUE AND s.next_due_at <= $1
			AND (g.last_run_at IS NULL OR s.next_due_at > g.last_run_at OR g.next_slot <= $1)
		ORDER BY 9, s.id LIMIT $2`, now, noLimit(limit))
}

func (db *DB) listSubscriptions(ctx context.Context, q string, args ...any) ([]*briefings.Subscription, error) {
	rows, err := db.reader().query(ctx, q, args...)
	if err != nil {
		return nil, wrap("list subscriptions", err)
	}
	defer rows.Close()
	var out []*briefings.Subscription
	for rows.Next() {
		s, err := scanSubscription(rows)
		if err != nil {
			return nil, wrap("list subscriptions", err)
		}
		out = append(out, s)
	}
	return out, wrap("list subscriptions", rows.Err())
}

// PauseChat marks the chat's subscription inactive with reason and holds its
// alerts (GetAlertSettings and ListAlertSettings report Enabled false while
// paused). Reason "" resumes what a pause stopped, and only that: a
// subscription the user turned off stays off.
func (db *DB) PauseChat(ctx context.Context, c briefings.Chat, reason string) error {
	now := db.now()
	err := db.withTx(ctx, func(tx runner) error {
		if reason == "" {
			// A resumed subscription waiting for its own slot, earlier than
			// its schedule's next run, wakes the schedule for it as an
			// upsert does: the run that computed the schedule's wake-up
			// while it was paused left it out.
			var schedule, tz string
			var due time.Time
			err := tx.queryRow(ctx, `SELECT schedule, time_zone, next_due_at FROM subscriptions
				WHERE platform = $1 AND chat_id = $2 AND paused_reason <> ''`, c.Platform, c.ChatID).Scan(&schedule, &tz, tm(&due))
			if errors.Is(err, sql.ErrNoRows) {
				err = nil
			} else if err == nil {
				_, err = tx.exec(ctx, `UPDATE schedule_slots SET wake_at = $3
					WHERE schedule = $1 AND time_zone = $2 AND wake_at > $3 AND last_run_at < $3`, schedule, tz, due)
			}
			if err != nil {
				return err
			}
			if _, err := tx.exec(ctx, `UPDATE subscriptions SET active = TRUE, paused_reason = '', updated_at = $3
				WHERE platform = $1 AND chat_id = $2 AND paused_reason <> ''`, c.Platform, c.ChatID, now); err != nil {
				return err
			}
		} else {
			if _, err := tx.exec(ctx, `UPDATE subscriptions SET active = FALSE, paused_reason = $3, updated_at = $4
				WHERE platform = $1 AND chat_id = $2 AND (active OR paused_reason <> '')`,
				c.Platform, c.ChatID, reason, now); err != nil {
				return err
			}
		}
		_, err := tx.exec(ctx, `UPDATE alert_settings SET paused_reason = $3 WHERE platform = $1 AND chat_id = $2`,
			c.Platform, c.ChatID, reason)
		return err
	})
	return wrap("pause chat", err)
}

// MigrateChat moves the subscription, the alert settings and the unsent
// deliveries of from to the chat to (a Telegram group that became a
// supergroup). Settings the new chat already has win over the old ones.
func (db *DB) MigrateChat(ctx context.Context, from, to briefings.Chat) error {
	if err := validChat(to); err != nil {
		return err
	}
	if from == to {
		return nil
	}
	err := db.withTx(ctx, func(tx runner) error {
		for _, table := range []string{"subscriptions", "alert_settings", "chat_settings"} {
			if _, err := tx.exec(ctx, `DELETE FROM `+table+` WHERE platform = $1 AND chat_id = $2
				AND EXISTS (SELECT 1 FROM `+table+` t WHERE t.platform = $3 AND t.chat_id = $4)`,
				from.Platform, from.ChatID, to.Platform, to.ChatID); err != nil {
				return err
			}
			if _, err := tx.exec(ctx, `UPDATE `+table+` SET platform = $3, chat_id = $4
				WHERE platform = $1 AND chat_id = $2`, from.Platform, from.ChatID, to.Platform, to.ChatID); err != nil {
				return err
			}
		}
		_, err := tx.exec(ctx, `UPDATE deliveries SET platform = $3, chat_id = $4
			WHERE platform = $1 AND chat_id = $2 AND status IN ('pending', 'sending')`,
			from.Platform, from.ChatID, to.Platform, to.ChatID)
		return err
	})
	return wrap("migrate chat", err)
}

const alertCols = `platform, chat_id, enabled, min_launched, regions, classes, attacker, quiet_start, quiet_end,
	time_zone, paused_reason, updated_at`

func scanAlertSettings(sc interface{ Scan(...any) error }) (*briefings.AlertSettings, error) {
	var a briefings.AlertSettings
	var regions, classes, paused string
	err := sc.Scan(&a.Chat.Platform, &a.Chat.ChatID, &a.Enabled, &a.MinLaunched, &regions, &classes, &a.Attacker,
		&a.QuietStart, &a.QuietEnd, &a.TimeZone, &paused, tm(&a.UpdatedAt))
	if err != nil {
		return nil, err
	}
	if err := fromJSON(regions, &a.Regions); err != nil {
		return nil, err
	}
	if err := fromJSON(classes, &a.Classes); err != nil {
		return nil, err
	}
	if paused != "" {
		a.Enabled = false
	}
	return &a, nil
}

// SetAlertSettings stores the chat's alert settings; it sets a.UpdatedAt. A
// paused chat stays paused (see PauseChat).
func (db *DB) SetAlertSettings(ctx context.Context, a *briefings.AlertSettings) error {
	if err := validChat(a.Chat); err != nil {
		return err
	}
	regions, err := toJSON(a.Regions)
	if err != nil {
		return wrap("set alert settings", err)
	}
	classes, err := toJSON(a.Classes)
	if err != nil {
		return wrap("set alert settings", err)
	}
	now := db.now()
	_, err = db.writer().exec(ctx, `INSERT INTO alert_settings (platform, chat_id, enabled, min_launched, regions,
		classes, attacker, quiet_start, quiet_end, time_zone, paused_reason, updated_at)
	VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, '', $11)
	ON CONFLICT (platform, chat_id) DO UPDATE SET enabled = excluded.enabled, min_launched = excluded.min_launched,
		regions = excluded.regions, classes = excluded.classes, attacker = excluded.attacker,
		quiet_start = excluded.quiet_start, quiet_end = excluded.quiet_end, time_zone = excluded.time_zone,
		updated_at = excluded.updated_at`,
		a.Chat.Platform, a.Chat.ChatID, a.Enabled, a.MinLaunched, regions, classes, a.Attacker,
		a.QuietStart, a.QuietEnd, a.TimeZone, now)
	if err != nil {
		return wrap("set alert settings", err)
	}
	a.UpdatedAt = now.Truncate(time.Microsecond)
	return nil
}

// GetAlertSettings returns the chat's alert settings, or ENOTFOUND.
func (db *DB) GetAlertSettings(ctx context.Context, c briefings.Chat) (*briefings.AlertSettings, error) {
	a, err := scanAlertSettings(db.reader().queryRow(ctx, `SELECT `+alertCols+` FROM alert_settings
		WHERE platform = $1 AND chat_id = $2`, c.Platform, c.ChatID))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, notFound("No alert settings in this chat.")
	}
	return a, wrap("get alert settings", err)
}

// ListAlertSettings returns every chat's alert settings.
func (db *DB) ListAlertSettings(ctx context.Context) ([]*briefings.AlertSettings, error) {
	rows, err := db.reader().query(ctx, `SELECT `+alertCols+` FROM alert_settings ORDER BY platform, chat_id`)
	if err != nil {
		return nil, wrap("list alert settings", err)
	}
	defer rows.Close()
	var out []*briefings.AlertSettings
	for rows.Next() {
		a, err := scanAlertSettings(rows)
		if err != nil {
			return nil, wrap("list alert settings", err)
		}
		out = append(out, a)
	}
	return out, wrap("list alert settings", rows.Err())
}

// SetChatSettings stores the chat's settings, replacing what it had.
func (db *DB) SetChatSettings(ctx context.Context, s *briefings.ChatSettings) error {
	if err := validChat(s.Chat); err != nil {
		return err
	}
	include, err := toJSON(s.Include)
	if err != nil {
		return wrap("set chat settings", err)
	}
	exclude, err := toJSON(s.Exclude)
	if err != nil {
		return wrap("set chat settings", err)
	}
	now := db.now()
	_, err = db.writer().exec(ctx, `INSERT INTO chat_settings (platform, chat_id, lang, own_lang_sources, include, exclude, updated_at)
	VALUES ($1, $2, $3, $4, $5, $6, $7)
	ON CONFLICT (platform, chat_id) DO UPDATE SET lang = excluded.lang, own_lang_sources = excluded.own_lang_sources,
		include = excluded.include, exclude = excluded.exclude, updated_at = excluded.updated_at`,
		s.Chat.Platform, s.Chat.ChatID, s.Lang, s.OwnLangSources, include, exclude, now)
	if err != nil {
		return wrap("set chat settings", err)
	}
	s.UpdatedAt = now.Truncate(time.Microsecond)
	return nil
}

// GetChatSettings returns the chat's settings, or ENOTFOUND.
func (db *DB) GetChatSettings(ctx context.Context, c briefings.Chat) (*briefings.ChatSettings, error) {
	s := briefings.ChatSettings{Chat: c}
	var include, exclude string
	err := db.reader().queryRow(ctx, `SELECT lang, own_lang_sources, include, exclude, updated_at FROM chat_settings
		WHERE platform = $1 AND chat_id = $2`, c.Platform, c.ChatID).Scan(&s.Lang, &s.OwnLangSources, &include, &exclude, tm(&s.UpdatedAt))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, notFound("No settings in this chat.")
	}
	if err != nil {
		return nil, wrap("get chat settings", err)
	}
	if err := fromJSON(include, &s.Include); err != nil {
		return nil, wrap("get chat settings", err)
	}
	if err := fromJSON(exclude, &s.Exclude); err != nil {
		return nil, wrap("get chat settings", err)
	}
	return &s, nil
}
