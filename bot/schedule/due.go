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
)

// DefaultGrace is how late a missed digest may still be sent.
const DefaultGrace = 6 * time.Hour

// membersPerTx bounds the due members one transaction writes, so that one
// large fan-out never holds the SQLite writer for long (one larger schedule
// still goes in one).
const membersPerTx = 25000

// BuildFunc renders the digest payload (JSON of a bot.Reply) for a
// subscription's slot. A nil payload means nothing to send (the slot is
// still consumed). EnqueueDue calls it once per distinct (topics, time zone,
// slot): the payload may depend on nothing else of the subscription.
type BuildFunc func(ctx context.Context, sub *briefings.Subscription, slot time.Time) ([]byte, error)

// ChartFunc renders the payload of the weekly chart that goes with the
// first digest of the week starting monday (a civil date, "2006-01-02"):
// the seven days before it. A nil payload means nothing to send (no
// figures stored). EnqueueDue calls it once per week a run meets, whatever
// the groups and time zones that receive it.
type ChartFunc func(ctx context.Context, monday string) ([]byte, error)

// EnqueueDue enqueues the digests of every subscription due at now. The
// rules of the due-digest job, all of them here (the store only runs the
// reads and writes they ask for):
//
//   - Subscriptions are due in groups: those of one schedule (and time zone)
//     with the same topics and the same slot get one digest, built once per
//     distinct topics, time zone and slot.
//   - A slot older than grace is consumed without sending (logged and
//     counted as skipped).
//   - Each member's digest is enqueued with dedupe key
//     briefings.DigestDedupeKey(subscription, slot): a slot enqueued twice
//     (a run that failed before moving on) is still one delivery.
//   - A group without a payload (its build failed, or it appeared since the
//     read) holds its schedule: nothing of it is consumed and the next run
//     tries again, within grace.
//   - When its slot has come, a schedule moves on to its first slot after
//     now: missed slots are skipped, never sent twice. Woken earlier for a
//     member waiting for an own slot, it keeps its slot.
//   - It wakes next at its next slot, or earlier for the first member
//     waiting for an own slot before that.
//   - A schedule nobody is on any more is deleted rather than woken at
//     every slot for ever.
//   - The weekly chart (DueJob.Chart) goes with a digest at the schedule's
//     first slot on or after Monday 00:00 in its zone (ChartWeek), to the
//     members who turned it on, queued after their digest in the same
//     transaction, with dedupe key briefings.ChartDedupeKey(subscription,
//     Monday): once a week, and never without the digest. It is built once
//     per week; when its build fails or finds nothing to show, the digests
//     go without it. A group that turned it on since the read is held, as
//     a group without a payload.
//
// Each schedule is locked, checked to be still as read, and written in one
// transaction (a schedule another run moved on meanwhile is left alone).
func EnqueueDue(ctx context.Context, st briefings.DueStore, now time.Time, grace time.Duration, build BuildFunc) (enqueued, skipped int, err error) {
	return DueJob{Grace: grace, Build: build}.Run(ctx, st, now)
}

// EnqueueDueLog is EnqueueDue with a logger.
func EnqueueDueLog(ctx context.Context, st briefings.DueStore, now time.Time, grace time.Duration, build BuildFunc, log *slog.Logger) (enqueued, skipped int, err error) {
	return DueJob{Grace: grace, Build: build, Log: log}.Run(ctx, st, now)
}

// DueJob is the due-digest job (see EnqueueDue for its rules).
type DueJob struct {
	Grace time.Duration // default DefaultGrace
	Build BuildFunc
	// Chart renders the weekly chart; nil sends none.
	Chart ChartFunc
	Log   *slog.Logger // default slog.Default()
}

// Run enqueues the digests (and weekly charts) of every subscription due
// at now; enqueued and skipped count digests.
func (j DueJob) Run(ctx context.Context, st briefings.DueStore, now time.Time) (enqueued, skipped int, err error) {
	grace, log := j.Grace, j.Log
	if grace <= 0 {
		grace = DefaultGrace
	}
	if log == nil {
		log = slog.Default()
	}
	due, err := st.DueSchedules(ctx, now)
	if err != nil {
		return 0, 0, fmt.Errorf("schedule: due schedules: %w", err)
	}
	if len(due) == 0 {
		return 0, 0, nil
	}
	r := &dueRun{now: now, grace: grace, build: j.Build, chart: j.Chart, log: log,
		payloads: map[string]builtPayload{}, charts: map[string]builtPayload{}}
	plans, err := r.plan(ctx, due)
	if err != nil {
		return 0, 0, err
	}
	var total dueCounts
	for _, batch := range batches(plans) {
		c, err := r.enqueue(ctx, st, batch)
		if err != nil {
			return total.enqueued, total.skipped, fmt.Errorf("schedule: enqueue due digests: %w", err)
		}
		total.add(c)
	}
	if total.held > 0 {
		log.Warn("schedule: schedules held back for the next run (a digest without a payload)", slog.Int("schedules", total.held))
	}
	if total.removed > 0 {
		log.Info("schedule: schedules nobody is on any more removed", slog.Int("schedules", total.removed))
	}
	if total.charts > 0 {
		log.Info("schedule: weekly charts enqueued", slog.Int("charts", total.charts))
	}
	return total.enqueued, total.skipped, nil
}

// dueRun is one run of the due-digest job.
type dueRun struct {
	now      time.Time
	grace    time.Duration
	build    BuildFunc
	chart    ChartFunc
	log      *slog.Logger
	payloads map[string]builtPayload // by payloadKey
	charts   map[string]builtPayload // by Monday
}

// builtPayload is a group's digest: ok false when its build failed.
type builtPayload struct {
	payload []byte
	ok      bool
}

// duePlan is a due schedule as read, with what the rules need of it.
type duePlan struct {
	due  briefings.DueSchedule
	sc   Schedule  // the schedule as parsed
	zone string    // its time zone: part of a payload's key
	next time.Time // its first slot after now
}

// dueCounts counts a run's subscriptions: those whose digest is in the
// outbox (newly, or from an earlier run that stopped before moving on) and
// those whose slot was consumed without sending; charts those whose weekly
// chart went with their digest; held counts the schedules left as they
// were (a group without a payload), removed those deleted because nobody
// is on them any more.
type dueCounts struct {
	enqueued, skipped, charts, held, removed int
}

func (c *dueCounts) add(o dueCounts) {
	c.enqueued += o.enqueued
	c.skipped += o.skipped
	c.charts += o.charts
	c.held += o.held
	c.removed += o.removed
}

// plan parses each due schedule and builds, outside any transaction, one
// payload per distinct (topics, time zone, slot) of its groups within grace.
func (r *dueRun) plan(ctx context.Context, due []briefings.DueSchedule) ([]duePlan, error) {
	plans := make([]duePlan, 0, len(due))
	for _, d := range due {
		sc, next := nextAfter(d.Schedule, d.TimeZone, r.now, r.log)
		p := duePlan{due: d, sc: sc, zone: sc.Location().String(), next: next}
		for _, g := range d.Groups {
			if late := r.now.Sub(g.Slot); late > r.grace {
				r.log.Info("schedule: digest slot missed beyond grace, skipped", slog.Int("subscriptions", g.Count),
					slog.String("schedule", d.Schedule), slog.Time("slot", g.Slot), slog.Duration("late", late))
				continue
			}
			if err := r.buildOnce(ctx, p, g); err != nil {
				return nil, err
			}
			if err := r.chartOnce(ctx, p, g); err != nil {
				return nil, err
			}
		}
		plans = append(plans, p)
	}
	return plans, nil
}

// buildOnce builds g's payload unless one of its key was built. A failed
// build is logged and remembered (the group is held); it is an error only
// when ctx ended.
func (r *dueRun) buildOnce(ctx context.Context, p duePlan, g briefings.DueGroup) error {
	key := payloadKey(g.Topics, p.zone, g.Slot)
	if _, done := r.payloads[key]; done {
		return nil
	}
	d := p.due
	sub := &briefings.Subscription{Schedule: d.Schedule, TimeZone: d.TimeZone, Topics: slices.Clone(g.Topics),
		Active: true, NextDueAt: g.Slot}
	payload, err := r.build(ctx, sub, g.Slot)
	if err != nil {
		if ctx.Err() != nil {
			return fmt.Errorf("schedule: build digest: %w", err)
		}
		r.log.Error("schedule: build digest", slog.String("schedule", d.Schedule), slog.String("time_zone", d.TimeZone),
			slog.Any("topics", g.Topics), slog.Time("slot", g.Slot), slog.Int("subscriptions", g.Count), slog.Any("error", err))
	}
	r.payloads[key] = builtPayload{payload, err == nil}
	return nil
}

// chartOnce builds the weekly chart g's members receive at its slot, if
// any, unless it was built. A failed build is logged and remembered (the
// digests go without it); it is an error only when ctx ended.
func (r *dueRun) chartOnce(ctx context.Context, p duePlan, g briefings.DueGroup) error {
	if r.chart == nil || g.Charts == 0 {
		return nil
	}
	monday, first := ChartWeek(p.sc, g.Slot)
	if _, done := r.charts[monday]; !first || done {
		return nil
	}
	payload, err := r.chart(ctx, monday)
	if err != nil {
		if ctx.Err() != nil {
			return fmt.Errorf("schedule: build weekly chart: %w", err)
		}
		r.log.Error("schedule: build weekly chart, digests go without it", slog.String("week", monday), slog.Any("error", err))
	}
	r.charts[monday] = builtPayload{payload, err == nil}
	return nil
}

// batches splits plans into runs of about membersPerTx due members.
func batches(plans []duePlan) [][]duePlan {
	var out [][]duePlan
	for len(plans) > 0 {
		n, members := 0, 0
		for n < len(plans) {
			c := 0
			for _, g := range plans[n].due.Groups {
				c += g.Count
			}
			if n > 0 && members+c > membersPerTx {
				break
			}
			members += c
			n++
		}
		out = append(out, plans[:n])
		plans = plans[n:]
	}
	return out
}

// enqueue runs the plans of one batch in one transaction; its counts are
// those of the committed transaction.
func (r *dueRun) enqueue(ctx context.Context, st briefings.DueStore, plans []duePlan) (dueCounts, error) {
	tx, err := st.BeginDue(ctx)
	if err != nil {
		return dueCounts{}, err
	}
	defer tx.Rollback() //nolint:errcheck // after Commit it does nothing
	var c dueCounts
	for _, p := range plans {
		if err := r.runSchedule(ctx, tx, p, &c); err != nil {
			return dueCounts{}, err
		}
	}
	if err := tx.Commit(); err != nil {
		return dueCounts{}, err
	}
	return c, nil
}

// runSchedule locks one schedule, and when it is still as read enqueues
// its groups' digests and moves it on, or removes it when nobody is on it.
func (r *dueRun) runSchedule(ctx context.Context, tx briefings.DueTx, p duePlan, c *dueCounts) error {
	cur, found, err := tx.LockSchedule(ctx, p.due.Schedule, p.due.TimeZone)
	if err != nil {
		return err
	}
	if !found || !cur.Slot.Equal(p.due.Slot) || !cur.LastRun.Equal(p.due.LastRun) {
		return nil // gone, or run by another since the read
	}
	// Grouped again under the lock: a subscription changed since the read
	// falls in the group it is in now.
	groups, err := tx.DueGroups(ctx, cur, r.now)
	if err != nil {
		return err
	}
	if len(groups) == 0 {
		removed, err := tx.DeleteEmptySchedule(ctx, cur.Schedule, cur.TimeZone)
		if err != nil {
			return err
		}
		if removed {
			c.removed++
			return nil
		}
		// Only paused members: the slot passes for them too.
	}
	complete := true
	for _, g := range groups {
		payload, ok := r.decide(p, g)
		switch {
		case !ok:
			complete = false
		case payload == nil:
			c.skipped += g.Count
		default:
			if err := tx.EnqueueDigests(ctx, cur, g, payload, r.now); err != nil {
				return err
			}
			c.enqueued += g.Count
			sent, err := r.enqueueChart(ctx, tx, p, cur, g, c)
			if err != nil {
				return err
			}
			complete = complete && sent
		}
	}
	if !complete {
		c.held++
		return nil
	}
	return r.moveOn(ctx, tx, p, cur)
}

// decide gives a group's payload: nil to consume its slot without sending
// (missed beyond grace, or nothing to send); ok false when there is none
// (its build failed, or the group is new since the read).
func (r *dueRun) decide(p duePlan, g briefings.DueGroup) (payload []byte, ok bool) {
	if r.now.Sub(g.Slot) > r.grace {
		return nil, true
	}
	b := r.payloads[payloadKey(g.Topics, p.zone, g.Slot)]
	return b.payload, b.ok
}

// enqueueChart queues the weekly chart after g's digests when its slot
// brings one; sent is false when g's members turned it on since the read
// (it was not built: the schedule is held and the next run builds it).
func (r *dueRun) enqueueChart(ctx context.Context, tx briefings.DueTx, p duePlan, cur briefings.DueSchedule, g briefings.DueGroup, c *dueCounts) (sent bool, err error) {
	if r.chart == nil || g.Charts == 0 {
		return true, nil
	}
	monday, first := ChartWeek(p.sc, g.Slot)
	if !first {
		return true, nil
	}
	b, built := r.charts[monday]
	if !built {
		return false, nil
	}
	if b.payload == nil {
		return true, nil
	}
	if err := tx.EnqueueCharts(ctx, cur, g, monday, b.payload, r.now); err != nil {
		return false, err
	}
	// Counted as the digests are: a member whose chart an earlier run
	// queued counts again.
	c.charts += g.Charts
	return true, nil
}

// moveOn records the run: every member due by now is consumed; the
// schedule moves to its next slot when its own has come, and wakes at that
// slot or for the earliest member waiting for an own slot before it.
func (r *dueRun) moveOn(ctx context.Context, tx briefings.DueTx, p duePlan, cur briefings.DueSchedule) error {
	run := briefings.ScheduleRun{At: r.now, Slot: cur.Slot, LastSlot: cur.LastSlot}
	if !cur.Slot.After(r.now) {
		run.Slot, run.LastSlot = p.next, cur.Slot
	}
	wake, err := tx.NextOwnSlot(ctx, cur.Schedule, cur.TimeZone, r.now, run.Slot)
	if err != nil {
		return err
	}
	run.Wake = wake
	if wake.IsZero() {
		run.Wake = run.Slot
	}
	return tx.AdvanceSchedule(ctx, cur.Schedule, cur.TimeZone, run)
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

// payloadKey identifies what a digest depends on: topics (as a set), time
// zone and slot.
func payloadKey(topics []briefings.Topic, zone string, slot time.Time) string {
	names := briefings.TopicStrings(topics)
	slices.Sort(names)
	return strings.Join(names, "\x1f") + "\x00" + zone + "\x00" + strconv.FormatInt(slot.Unix(), 10)
}
