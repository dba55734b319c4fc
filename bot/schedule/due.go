package schedule

import (
	"context"
	"fmt"
	"log/slog"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/sitrep/sitrep/briefings"
	"github.com/sitrep/sitrep/briefings/store"
)

// DefaultGrace is how late a missed digest may still be sent.
const DefaultGrace = 6 * time.Hour

// DueReadSize is how many due subscriptions one query of the generic path
// reads.
const DueReadSize = 25000

// BuildFunc renders the digest payload (JSON of a bot.Reply) for a
// subscription's slot. A nil payload means nothing to send (the slot is
// still consumed). EnqueueDue calls it once per distinct (topics, time zone,
// slot): the payload may depend on nothing else of the subscription.
type BuildFunc func(ctx context.Context, sub *briefings.Subscription, slot time.Time) ([]byte, error)

// dueItem is one due subscription's outcome: an optional delivery to enqueue
// and the subscription's advance to its next slot.
type dueItem struct {
	Delivery *briefings.Delivery // nil: skipped (too late or nothing to send)
	SubID    int64
	Slot     time.Time
	Next     time.Time
}

// DueGrouper is an optional store capability, the fast path (*store.DB has
// it): the due subscriptions read as groups that share one digest, and each
// group's deliveries and advances written inside the database, so the work
// per subscription never crosses into Go.
type DueGrouper interface {
	DueSchedules(ctx context.Context, now time.Time) ([]store.DueSchedule, error)
	EnqueueDueSchedules(ctx context.Context, now time.Time, plans []store.DuePlan) (store.DueFanout, error)
}

// EnqueueDue enqueues the digests of every subscription due at now. For each:
// the slot is its NextDueAt; a slot older than grace is skipped (logged and
// counted, never sent); otherwise its payload is built and enqueued with
// dedupe key "digest:<sub>:<slot unix>", so a crash between enqueue and
// advance never sends twice. Then the subscription advances to its first slot
// after now: missed slots are skipped, never sent twice.
func EnqueueDue(ctx context.Context, st briefings.Store, now time.Time, grace time.Duration, build BuildFunc) (enqueued, skipped int, err error) {
	return EnqueueDueLog(ctx, st, now, grace, build, slog.Default())
}

// EnqueueDueLog is EnqueueDue with a logger.
func EnqueueDueLog(ctx context.Context, st briefings.Store, now time.Time, grace time.Duration, build BuildFunc, log *slog.Logger) (enqueued, skipped int, err error) {
	if grace <= 0 {
		grace = DefaultGrace
	}
	if log == nil {
		log = slog.Default()
	}
	if g, ok := st.(DueGrouper); ok {
		return enqueueDueGroups(ctx, g, now, grace, build, log)
	}
	readDue := st.DueSubscriptions
	// A schedule's next slot after now, by schedule and time zone.
	type parsed struct {
		sc   Schedule
		next time.Time
	}
	scheds := map[string]parsed{}
	payloads := map[string][]byte{}
	failed := map[int64]bool{}
	for {
		subs, err := readDue(ctx, now, DueReadSize)
		if err != nil {
			return enqueued, skipped, fmt.Errorf("schedule: due subscriptions: %w", err)
		}
		items := make([]dueItem, 0, len(subs))
		fresh := 0
		for _, sub := range subs {
			if failed[sub.ID] {
				continue
			}
			fresh++
			key := sub.Schedule + "\x00" + sub.TimeZone
			ps, ok := scheds[key]
			if !ok {
				ps.sc, ps.next = nextAfter(sub.Schedule, sub.TimeZone, now, log)
				scheds[key] = ps
			}
			sc, slot, next := ps.sc, sub.NextDueAt, ps.next
			it := dueItem{SubID: sub.ID, Slot: slot, Next: next}
			if late := now.Sub(slot); late > grace {
				log.Info("schedule: digest slot missed beyond grace, skipped",
					slog.Int64("subscription_id", sub.ID), slog.Time("slot", slot), slog.Duration("late", late))
				skipped++
				items = append(items, it)
				continue
			}
			pkey := payloadKey(sub, sc.Location().String(), slot)
			payload, ok := payloads[pkey]
			if !ok {
				payload, err = build(ctx, sub, slot)
				if err != nil {
					if ctx.Err() != nil {
						return enqueued, skipped, fmt.Errorf("schedule: build digest: %w", err)
					}
					// Not advanced: retried on the next run (within grace).
					log.Error("schedule: build digest", slog.Int64("subscription_id", sub.ID), slog.Any("error", err))
					failed[sub.ID] = true
					continue
				}
				payloads[pkey] = payload
			}
			if payload != nil {
				it.Delivery = &briefings.Delivery{
					DedupeKey:     briefings.DigestDedupeKey(sub.ID, slot),
					Chat:          sub.Chat,
					Kind:          briefings.DeliveryDigest,
					Payload:       payload,
					Status:        briefings.StatusPending,
					NextAttemptAt: now,
					CreatedAt:     now,
				}
				enqueued++
			} else {
				skipped++
			}
			items = append(items, it)
		}
		if err := writeDue(ctx, st, items); err != nil {
			return enqueued, skipped, err
		}
		if len(subs) < DueReadSize || fresh == 0 {
			return enqueued, skipped, nil
		}
	}
}

// nextAfter parses a stored schedule and returns its first slot after now;
// an unparseable one (logged) or one that never fires again is looked at
// again tomorrow.
func nextAfter(schedule, tz string, now time.Time, log *slog.Logger) (Schedule, time.Time) {
	sc, err := Parse(schedule, tz)
	if err != nil {
		log.Warn("schedule: bad stored schedule", slog.String("schedule", schedule), slog.String("time_zone", tz),
			slog.Any("error", err))
	}
	next := sc.Next(now)
	if next.IsZero() {
		next = now.Add(24 * time.Hour)
	}
	return sc, next
}

func writeDue(ctx context.Context, st briefings.Store, items []dueItem) error {
	for _, it := range items {
		if it.Delivery != nil {
			if _, err := st.Enqueue(ctx, it.Delivery); err != nil {
				return fmt.Errorf("schedule: enqueue digest %d: %w", it.SubID, err)
			}
		}
		if err := st.AdvanceSubscription(ctx, it.SubID, it.Slot, it.Next); err != nil {
			return fmt.Errorf("schedule: advance subscription %d: %w", it.SubID, err)
		}
	}
	return nil
}

// payloadKey identifies what a digest depends on: topics (as a set), time
// zone and slot.
func payloadKey(sub *briefings.Subscription, tz string, slot time.Time) string {
	topics := slices.Clone(sub.Topics)
	slices.Sort(topics)
	return strings.Join(briefings.TopicStrings(topics), "\x1f") + "\x00" + tz + "\x00" + strconv.FormatInt(slot.Unix(), 10)
}

// enqueueDueGroups is EnqueueDueLog through a DueGrouper: the schedules
// whose slot has come, one payload build per distinct (topics, time zone,
// slot), one plan per schedule.
func enqueueDueGroups(ctx context.Context, st DueGrouper, now time.Time, grace time.Duration, build BuildFunc, log *slog.Logger) (enqueued, skipped int, err error) {
	due, err := st.DueSchedules(ctx, now)
	if err != nil {
		return 0, 0, fmt.Errorf("schedule: due schedules: %w", err)
	}
	if len(due) == 0 {
		return 0, 0, nil
	}
	type built struct {
		payload []byte
		ok      bool
	}
	payloads := map[string]built{}
	plans := make([]store.DuePlan, 0, len(due))
	for _, d := range due {
		sc, next := nextAfter(d.Schedule, d.TimeZone, now, log)
		tz := sc.Location().String()
		key := func(m store.DueMembers) string {
			return payloadKey(&briefings.Subscription{Topics: m.Topics}, tz, m.Slot)
		}
		for _, m := range d.Members {
			if late := now.Sub(m.Slot); late > grace {
				log.Info("schedule: digest slot missed beyond grace, skipped", slog.Int("subscriptions", m.Count),
					slog.String("schedule", d.Schedule), slog.Time("slot", m.Slot), slog.Duration("late", late))
				continue
			}
			k := key(m)
			if _, done := payloads[k]; done {
				continue
			}
			sub := &briefings.Subscription{Schedule: d.Schedule, TimeZone: d.TimeZone, Topics: slices.Clone(m.Topics),
				Active: true, NextDueAt: m.Slot}
			payload, berr := build(ctx, sub, m.Slot)
			if berr != nil {
				if ctx.Err() != nil {
					return 0, 0, fmt.Errorf("schedule: build digest: %w", berr)
				}
				// The schedule is not advanced: retried on the next run (within grace).
				log.Error("schedule: build digest", slog.String("schedule", d.Schedule), slog.String("time_zone", d.TimeZone),
					slog.Any("topics", m.Topics), slog.Time("slot", m.Slot), slog.Int("subscriptions", m.Count), slog.Any("error", berr))
			}
			payloads[k] = built{payload, berr == nil}
		}
		plans = append(plans, store.DuePlan{Due: d, Next: next, Decide: func(m store.DueMembers) ([]byte, bool) {
			if now.Sub(m.Slot) > grace {
				return nil, true
			}
			b := payloads[key(m)] // absent (a group new since the read): not ok, tried next run
			return b.payload, b.ok
		}})
	}
	res, err := st.EnqueueDueSchedules(ctx, now, plans)
	if err != nil {
		return res.Enqueued, res.Skipped, fmt.Errorf("schedule: enqueue due digests: %w", err)
	}
	if res.Held > 0 {
		log.Warn("schedule: schedules held back for the next run (a digest without a payload)", slog.Int("schedules", res.Held))
	}
	if res.Removed > 0 {
		log.Info("schedule: schedules nobody is on any more removed", slog.Int("schedules", res.Removed))
	}
	return res.Enqueued, res.Skipped, nil
}
