package schedule

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/sitrep/sitrep/briefings"
	"github.com/sitrep/sitrep/briefings/store/storetest"
)

func addSub(t testing.TB, st briefings.Store, chat, spec, tz string, topics []briefings.Topic, due time.Time) *briefings.Subscription {
	t.Helper()
	s := &briefings.Subscription{Chat: briefings.Chat{Platform: "telegram", ChatID: chat}, Schedule: spec, TimeZone: tz,
		Topics: topics, Active: true, NextDueAt: due}
	if err := st.UpsertSubscription(context.Background(), s); err != nil {
		t.Fatal(err)
	}
	return s
}

// dialects open a store on SQLite, and on PostgreSQL when configured.
var dialects = map[string]func(testing.TB) briefings.Store{
	"sqlite":   func(t testing.TB) briefings.Store { return storetest.Open(t) },
	"postgres": func(t testing.TB) briefings.Store { return storetest.OpenPostgres(t) },
}

// sqlStore is a store whose database the benchmark seeds directly.
type sqlStore interface {
	briefings.Store
	SQL() *sql.DB
}

func countingBuild(n *atomic.Int32) BuildFunc {
	return func(_ context.Context, sub *briefings.Subscription, slot time.Time) ([]byte, error) {
		n.Add(1)
		return json.Marshal(map[string]any{"title": "Digest " + slot.Format(time.RFC3339), "tz": sub.TimeZone})
	}
}

func claimAll(t *testing.T, st briefings.Store, now time.Time) []*briefings.Delivery {
	t.Helper()
	rows, err := st.Claim(context.Background(), "", now, now.Add(time.Minute), 100000)
	if err != nil {
		t.Fatal(err)
	}
	return rows
}

func TestEnqueueDue(t *testing.T) {
	t.Run("sqlite", func(t *testing.T) { testEnqueueDue(t, storetest.Open(t)) })
	t.Run("postgres", func(t *testing.T) { testEnqueueDue(t, storetest.OpenPostgres(t)) })
}

func testEnqueueDue(t *testing.T, st briefings.Store) {
	ctx := context.Background()
	due := st
	now := time.Date(2026, 3, 29, 5, 0, 30, 0, time.UTC) // 08:00:30 Kyiv (EEST)
	slot := time.Date(2026, 3, 29, 5, 0, 0, 0, time.UTC)
	a := addSub(t, st, "1", "08:00", "Europe/Kyiv", []briefings.Topic{"Diplomacy", "Air attacks"}, slot)
	b := addSub(t, st, "2", "08:00", "Europe/Kyiv", []briefings.Topic{"Air attacks", "Diplomacy"}, slot) // same digest as a
	c := addSub(t, st, "3", "08:00", "Europe/Kyiv", nil, slot)
	late := addSub(t, st, "4", "01:00", "Europe/Kyiv", nil, slot.Add(-7*time.Hour))                      // missed beyond grace
	withinGrace := addSub(t, st, "5", "03:00", "UTC", nil, time.Date(2026, 3, 29, 3, 0, 0, 0, time.UTC)) // 2h late: still sent
	addSub(t, st, "6", "09:00", "Europe/Kyiv", nil, slot.Add(time.Hour))                                 // not due

	var builds atomic.Int32
	n, skipped, err := EnqueueDueLog(ctx, due, now, DefaultGrace, countingBuild(&builds), slog.New(slog.DiscardHandler))
	if err != nil {
		t.Fatal(err)
	}
	if n != 4 || skipped != 1 {
		t.Fatalf("enqueued %d skipped %d, want 4 and 1", n, skipped)
	}
	if builds.Load() != 3 { // (topics a=b), (all, Kyiv), (all, UTC 03:00 slot)
		t.Errorf("built %d payloads, want 3 (one per distinct topics, zone and slot)", builds.Load())
	}
	rows := claimAll(t, st, now)
	keys := map[string]bool{}
	for _, r := range rows {
		keys[r.DedupeKey] = true
	}
	for _, s := range []*briefings.Subscription{a, b, c} {
		if !keys[briefings.DigestDedupeKey(s.ID, slot)] {
			t.Errorf("no digest for sub %d: %v", s.ID, keys)
		}
	}
	if !keys[briefings.DigestDedupeKey(withinGrace.ID, withinGrace.NextDueAt)] {
		t.Errorf("late-within-grace digest not sent")
	}
	// Advanced to the first slot after now: tomorrow 08:00 Kyiv.
	got, err := st.GetSubscription(ctx, a.Chat)
	if err != nil {
		t.Fatal(err)
	}
	if want := time.Date(2026, 3, 30, 5, 0, 0, 0, time.UTC); !got.NextDueAt.Equal(want) || !got.LastSentSlot.Equal(slot) {
		t.Errorf("advanced to %v (slot %v), want %v", got.NextDueAt, got.LastSentSlot, want)
	}
	gotLate, _ := st.GetSubscription(ctx, late.Chat)
	if !gotLate.NextDueAt.After(now) {
		t.Errorf("skipped subscription not advanced: %v", gotLate.NextDueAt)
	}
	// Running again the same minute: nothing is due, nothing twice.
	if n, _, err := EnqueueDue(ctx, due, now, DefaultGrace, countingBuild(&builds)); err != nil || n != 0 {
		t.Fatalf("second run enqueued %d (%v)", n, err)
	}
}

// TestEnqueueDueCrashBeforeAdvance: a run that stops after its enqueue
// reached the database but before its schedule moved on re-runs the slot;
// the dedupe key keeps it one delivery.
func TestEnqueueDueCrashBeforeAdvance(t *testing.T) {
	st, s, slot := rerunAfterStopBeforeAdvance(t, true)
	if got, _ := st.GetSubscription(context.Background(), s.Chat); !got.NextDueAt.Equal(slot.Add(24 * time.Hour)) {
		t.Fatalf("not moved on after the rerun: next %v", got.NextDueAt)
	}
}

// TestEnqueueDueFailureBeforeAdvance: a run that fails before its schedule
// moves on writes nothing (one transaction); the next run sends the slot.
func TestEnqueueDueFailureBeforeAdvance(t *testing.T) {
	rerunAfterStopBeforeAdvance(t, false)
}

// rerunAfterStopBeforeAdvance runs the job for one subscription's slot on a
// store that stops it as the schedule moves on (crashBeforeAdvance, commit as
// given), wants the run's digest left pending when it committed and nothing
// otherwise, then runs again a minute later and wants the slot's one digest.
func rerunAfterStopBeforeAdvance(t *testing.T, commit bool) (briefings.Store, *briefings.Subscription, time.Time) {
	t.Helper()
	ctx := context.Background()
	st := storetest.Open(t)
	slot := time.Date(2026, 6, 1, 8, 0, 0, 0, time.UTC)
	s := addSub(t, st, "1", "08:00", "", nil, slot)
	var builds atomic.Int32
	if _, _, err := EnqueueDue(ctx, crashBeforeAdvance{st, commit}, slot, DefaultGrace, countingBuild(&builds)); err == nil {
		t.Fatal("want the simulated crash or failure")
	}
	want := 0
	if commit {
		want = 1 // the crash came after the enqueue committed
	}
	if stats, err := st.DeliveryStats(ctx); err != nil || stats.Pending != want {
		t.Fatalf("after the stopped run: %+v %v, want %d enqueued", stats, err, want)
	}
	n, _, err := EnqueueDue(ctx, st, slot.Add(time.Minute), DefaultGrace, countingBuild(&builds))
	if err != nil || n != 1 {
		t.Fatalf("rerun: %d %v", n, err)
	}
	rows := claimAll(t, st, slot.Add(time.Hour))
	if len(rows) != 1 || rows[0].DedupeKey != briefings.DigestDedupeKey(s.ID, slot) {
		t.Fatalf("rows %v, want one digest", rows)
	}
	return st, s, slot
}

// crashBeforeAdvance fails a run when it moves a schedule on; with commit,
// after committing what the run wrote so far (a process that stopped
// between the two, had they been separate writes).
type crashBeforeAdvance struct {
	briefings.DueStore
	commit bool
}

func (c crashBeforeAdvance) BeginDue(ctx context.Context) (briefings.DueTx, error) {
	tx, err := c.DueStore.BeginDue(ctx)
	if err != nil {
		return nil, err
	}
	return crashingTx{tx, c.commit}, nil
}

type crashingTx struct {
	briefings.DueTx
	commit bool
}

func (c crashingTx) AdvanceSchedule(context.Context, string, string, briefings.ScheduleRun) error {
	if c.commit {
		if err := c.Commit(); err != nil {
			return err
		}
	}
	return errors.New("simulated crash")
}

// BenchmarkDueDigests100k: 100,000 subscriptions due in the same minute
// (16 distinct topic/zone combinations), one EnqueueDue run per iteration,
// through the store's schedule queries on SQLite. Reports wall time and process CPU time of
// the run (the CPU figure holds on a machine shared with other work). The
// slot is a Monday's: with charts, one subscriber in ten has the weekly
// chart on and gets a 40 KB chart after the digest.
func BenchmarkDueDigests100k(b *testing.B) {
	for _, size := range []int{200, 2000} {
		b.Run(fmt.Sprintf("payload=%dB", size), func(b *testing.B) { benchDue(b, size, 0) })
	}
	b.Run("payload=2000B,charts=1in10", func(b *testing.B) { benchDue(b, 2000, 10) })
}

func cpuTime() time.Duration {
	var ru syscall.Rusage
	_ = syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// benchDue runs the benchmark with digests of size bytes and the weekly
// chart on for one subscriber in chartsEvery (0: none, and no chart job).
func benchDue(b *testing.B, size, chartsEvery int) {
	const subs = 100_000
	ctx := context.Background()
	zones := []string{"Europe/Kyiv", "America/New_York", "UTC", "Europe/Berlin"}
	topics := [][]string{nil, {"Diplomacy"}, {"Air attacks"}, {"Front line", "Diplomacy"}}
	payload := make([]byte, size)
	for i := range payload {
		payload[i] = 'x'
	}
	var wall, cpu time.Duration
	for b.Loop() {
		b.StopTimer()
		st := storetest.Open(b)
		slot := time.Date(2026, 6, 1, 5, 0, 0, 0, time.UTC)
		seedSubs(b, st, subs, slot, zones, topics)
		job := DueJob{Log: slog.New(slog.DiscardHandler)}
		if chartsEvery > 0 {
			if _, err := st.SQL().ExecContext(ctx, `UPDATE subscriptions SET weekly_chart = TRUE WHERE id % ?1 = 0`, chartsEvery); err != nil {
				b.Fatal(err)
			}
			picture := make([]byte, 40_000)
			job.Chart = func(context.Context, string) ([]byte, error) { return picture, nil }
		}
		now := slot.Add(20 * time.Second)
		var builds atomic.Int32
		job.Build = func(context.Context, *briefings.Subscription, time.Time) ([]byte, error) {
			builds.Add(1)
			return payload, nil
		}
		b.StartTimer()
		start, c0 := time.Now(), cpuTime()
		n, _, err := job.Run(ctx, st, now)
		wall += time.Since(start)
		cpu += cpuTime() - c0
		b.StopTimer()
		if err != nil || n != subs {
			b.Fatalf("enqueued %d (%v)", n, err)
		}
		b.ReportMetric(float64(builds.Load()), "builds/op")
		b.StartTimer()
	}
	b.ReportMetric(wall.Seconds()/float64(b.N), "wall-s/run")
	b.ReportMetric(cpu.Seconds()/float64(b.N), "cpu-s/run")
	b.ReportMetric(float64(subs)/(wall.Seconds()/float64(b.N)), "subs/s")
}

// seedSubs inserts n subscriptions due at slot, and their schedules' rows,
// in one SQLite transaction (setup only: the store's one-row-per-transaction
// upsert would take minutes).
func seedSubs(b *testing.B, st sqlStore, n int, slot time.Time, zones []string, topics [][]string) {
	b.Helper()
	ctx := context.Background()
	tx, err := st.SQL().BeginTx(ctx, nil)
	if err != nil {
		b.Fatal(err)
	}
	defer tx.Rollback()
	ins, err := tx.PrepareContext(ctx, `INSERT INTO subscriptions (platform, chat_id, schedule, time_zone, topics, active,
		paused_reason, next_due_at, last_sent_slot, created_at, updated_at) VALUES ('telegram', ?1, '08:00', ?2, ?3, TRUE, '', ?4, ?5, ?4, ?4)`)
	if err != nil {
		b.Fatal(err)
	}
	for i := range n {
		tj, _ := json.Marshal(topics[(i/len(zones))%len(topics)])
		if _, err := ins.ExecContext(ctx, fmt.Sprint(i+1), zones[i%len(zones)], string(tj), slot.UnixMicro(), time.Time{}.UnixMicro()); err != nil {
			b.Fatal(err)
		}
	}
	// Each schedule's row, as UpsertSubscription creates it.
	for _, z := range zones {
		if _, err := tx.ExecContext(ctx, `INSERT INTO schedule_slots (schedule, time_zone, next_slot, wake_at, last_slot,
			last_run_at, updated_at) VALUES ('08:00', ?1, ?2, ?2, ?3, ?3, ?2)`, z, slot.UnixMicro(), time.Time{}.UnixMicro()); err != nil {
			b.Fatal(err)
		}
	}
	if err := tx.Commit(); err != nil {
		b.Fatal(err)
	}
	got, err := st.DueSubscriptions(ctx, slot, 1)
	if err != nil || len(got) != 1 || got[0].TimeZone != zones[0] {
		b.Fatalf("seeded rows do not read back: %v %v", got, err)
	}
}

// TestDueManyRows: a schedule of many members on both dialects, read back
// through the store.
func TestDueManyRows(t *testing.T) {
	for name, open := range dialects {
		t.Run(name, func(t *testing.T) {
			st := open(t)
			ctx := context.Background()
			slot := time.Date(2026, 6, 1, 8, 0, 0, 0, time.UTC)
			const n = 250
			for i := range n {
				addSub(t, st, fmt.Sprint(i+1), "08:00", "", nil, slot)
			}
			var builds atomic.Int32
			got, _, err := EnqueueDue(ctx, st, slot.Add(time.Second), DefaultGrace, countingBuild(&builds))
			if err != nil || got != n {
				t.Fatalf("enqueued %d (%v)", got, err)
			}
			rows := claimAll(t, st, slot.Add(time.Second))
			if len(rows) != n || rows[0].Kind != briefings.DeliveryDigest || !rows[0].CreatedAt.Equal(slot.Add(time.Second)) {
				t.Fatalf("%d rows, first %+v", len(rows), rows[0])
			}
			due, err := st.DueSubscriptions(ctx, slot.Add(23*time.Hour), 10)
			if err != nil || len(due) != 0 {
				t.Fatalf("subscriptions still due: %d %v", len(due), err)
			}
			s, _ := st.GetSubscription(ctx, briefings.Chat{Platform: "telegram", ChatID: "250"})
			if !s.NextDueAt.Equal(slot.Add(24*time.Hour)) || !s.LastSentSlot.Equal(slot) {
				t.Fatalf("sub advanced to %v, slot %v", s.NextDueAt, s.LastSentSlot)
			}
		})
	}
}

// BenchmarkDueDigestsNoneDue100k: the every-minute run in an ordinary
// minute, 100,000 subscriptions and none due; it should cost next to
// nothing whatever the number of subscriptions.
func BenchmarkDueDigestsNoneDue100k(b *testing.B) {
	st := storetest.Open(b)
	slot := time.Date(2026, 6, 1, 5, 0, 0, 0, time.UTC)
	seedSubs(b, st, 100_000, slot, []string{"UTC"}, [][]string{nil})
	build := func(context.Context, *briefings.Subscription, time.Time) ([]byte, error) { return []byte(`{}`), nil }
	now := slot.Add(-time.Minute)
	for b.Loop() {
		n, _, err := EnqueueDueLog(context.Background(), st, now, DefaultGrace, build, slog.New(slog.DiscardHandler))
		if err != nil || n != 0 {
			b.Fatalf("enqueued %d (%v)", n, err)
		}
	}
}

// TestEnqueueDueHeldSchedule: when one group's digest fails to build, its
// schedule is not advanced; the next run builds it and sends it, and the
// group that went out the first time is not sent twice.
func TestEnqueueDueHeldSchedule(t *testing.T) {
	ctx := context.Background()
	st := storetest.Open(t)
	slot := time.Date(2026, 6, 1, 8, 0, 0, 0, time.UTC)
	all := addSub(t, st, "1", "08:00", "UTC", nil, slot)
	dip := addSub(t, st, "2", "08:00", "UTC", []briefings.Topic{"Diplomacy"}, slot)
	fail := true
	build := func(_ context.Context, sub *briefings.Subscription, slot time.Time) ([]byte, error) {
		if len(sub.Topics) > 0 && fail {
			return nil, fmt.Errorf("simulated build failure")
		}
		return json.Marshal(sub.Topics)
	}
	log := slog.New(slog.DiscardHandler)
	n, _, err := EnqueueDueLog(ctx, st, slot.Add(time.Second), DefaultGrace, build, log)
	if err != nil || n != 1 {
		t.Fatalf("first run: %d %v, want 1", n, err)
	}
	if s, _ := st.GetSubscription(ctx, dip.Chat); !s.NextDueAt.Equal(slot) {
		t.Fatalf("held schedule advanced: next %v", s.NextDueAt)
	}
	fail = false
	n, _, err = EnqueueDueLog(ctx, st, slot.Add(time.Minute), DefaultGrace, build, log)
	if err != nil || n != 2 {
		t.Fatalf("second run: %d %v, want 2 (one new, one already queued)", n, err)
	}
	rows := claimAll(t, st, slot.Add(time.Hour))
	keys := map[string]int{}
	for _, r := range rows {
		keys[r.DedupeKey]++
	}
	if len(rows) != 2 || keys[briefings.DigestDedupeKey(all.ID, slot)] != 1 || keys[briefings.DigestDedupeKey(dip.ID, slot)] != 1 {
		t.Fatalf("deliveries %v, want one per subscription", keys)
	}
	if s, _ := st.GetSubscription(ctx, dip.Chat); !s.NextDueAt.Equal(slot.Add(24 * time.Hour)) {
		t.Fatalf("not advanced after the second run: next %v", s.NextDueAt)
	}
}

// TestEnqueueDueSubscriptionChangedMidRun: a subscription that changes its
// topics between the job's read and its write is not lost: the write finds
// a group it has no payload for, holds the schedule, and the next run sends
// the new topics' digest.
func TestEnqueueDueSubscriptionChangedMidRun(t *testing.T) {
	for name, open := range dialects {
		t.Run(name, func(t *testing.T) {
			ctx := context.Background()
			st := open(t)
			slot := time.Date(2026, 6, 1, 8, 0, 0, 0, time.UTC)
			s := addSub(t, st, "1", "08:00", "UTC", nil, slot)
			addSub(t, st, "2", "08:00", "UTC", nil, slot)
			build := func(_ context.Context, sub *briefings.Subscription, _ time.Time) ([]byte, error) {
				return json.Marshal(sub.Topics)
			}
			log := slog.New(slog.DiscardHandler)
			// Chat 1 now wants diplomacy only (same slot: it stays due).
			midRun := changedAfterRead{st, func() {
				s.Topics = []briefings.Topic{"Diplomacy"}
				if err := st.UpsertSubscription(ctx, s); err != nil {
					t.Error(err)
				}
			}}
			n, _, err := EnqueueDueLog(ctx, midRun, slot.Add(time.Second), DefaultGrace, build, log)
			if err != nil || n != 1 {
				t.Fatalf("first run: %d %v, want 1 enqueued and the schedule held", n, err)
			}
			if got, _ := st.GetSubscription(ctx, s.Chat); !got.NextDueAt.Equal(slot) {
				t.Fatalf("held schedule moved on: chat 1 next due %v", got.NextDueAt)
			}
			n, _, err = EnqueueDueLog(ctx, st, slot.Add(time.Minute), DefaultGrace, build, log)
			if err != nil || n != 2 {
				t.Fatalf("next run: %d %v", n, err)
			}
			rows := claimAll(t, st, slot.Add(time.Hour))
			if len(rows) != 2 {
				t.Fatalf("%d deliveries, want 2", len(rows))
			}
			for _, r := range rows {
				if r.Chat.ChatID == "1" && string(r.Payload) != `["Diplomacy"]` {
					t.Errorf("chat 1 got %s, want the digest of its new topics", r.Payload)
				}
			}
		})
	}
}

// changedAfterRead runs change right after the job reads the due schedules.
type changedAfterRead struct {
	briefings.DueStore
	change func()
}

func (c changedAfterRead) DueSchedules(ctx context.Context, now time.Time) ([]briefings.DueSchedule, error) {
	due, err := c.DueStore.DueSchedules(ctx, now)
	c.change()
	return due, err
}

// TestDueAcrossDSTMinuteByMinute runs the due-digest job every minute for
// three days around each of New York's transitions, through the store's
// schedule path: a 02:30 digest (a time the spring-forward day skips) and a
// 01:30 one (a time the fall-back day repeats) each arrive once per day.
func TestDueAcrossDSTMinuteByMinute(t *testing.T) {
	ny, err := time.LoadLocation("America/New_York")
	if err != nil {
		t.Skip(err)
	}
	for _, c := range []struct {
		name string
		day  time.Time // the transition day, local midnight
		at   string
	}{
		{"spring forward 02:30", time.Date(2026, 3, 8, 0, 0, 0, 0, ny), "02:30"},
		{"fall back 01:30", time.Date(2026, 11, 1, 0, 0, 0, 0, ny), "01:30"},
	} {
		t.Run(c.name, func(t *testing.T) {
			ctx := context.Background()
			st := storetest.Open(t)
			start := c.day.AddDate(0, 0, -1)
			sc, err := Parse(c.at, "America/New_York")
			if err != nil {
				t.Fatal(err)
			}
			addSub(t, st, "1", c.at, "America/New_York", nil, sc.Next(start))
			var builds atomic.Int32
			log := slog.New(slog.DiscardHandler)
			for now := start; now.Before(c.day.AddDate(0, 0, 2)); now = now.Add(time.Minute) {
				if _, _, err := EnqueueDueLog(ctx, st, now.Add(10*time.Second), DefaultGrace, countingBuild(&builds), log); err != nil {
					t.Fatal(err)
				}
			}
			rows := claimAll(t, st, c.day.AddDate(0, 0, 3))
			perDay := map[string]int{}
			for _, r := range rows {
				perDay[r.CreatedAt.In(ny).Format("2006-01-02")]++
			}
			if len(rows) != 3 {
				t.Fatalf("%d digests over three days: %v", len(rows), perDay)
			}
			for d, n := range perDay {
				if n != 1 {
					t.Errorf("%s: %d digests", d, n)
				}
			}
		})
	}
}

// TestEnqueueDueRemovesEmptySchedule: a schedule whose last subscriber left
// is removed at its slot instead of waking every day; one whose only member
// is paused moves on; a new subscriber brings the schedule back.
func TestEnqueueDueRemovesEmptySchedule(t *testing.T) {
	for name, open := range dialects {
		t.Run(name, func(t *testing.T) {
			ctx := context.Background()
			st := open(t)
			slot := time.Date(2026, 6, 1, 7, 0, 0, 0, time.UTC)
			gone := addSub(t, st, "gone", "07:00", "UTC", nil, slot)
			paused := addSub(t, st, "paused", "09:00", "UTC", nil, slot.Add(2*time.Hour))
			if err := st.DeleteSubscription(ctx, gone.Chat); err != nil {
				t.Fatal(err)
			}
			if err := st.PauseChat(ctx, paused.Chat, "blocked"); err != nil {
				t.Fatal(err)
			}
			var builds atomic.Int32
			log := slog.New(slog.DiscardHandler)
			for _, at := range []time.Time{slot, slot.Add(2 * time.Hour)} {
				if n, _, err := EnqueueDueLog(ctx, st, at, DefaultGrace, countingBuild(&builds), log); err != nil || n != 0 {
					t.Fatalf("run at %v: %d %v, want nothing sent", at, n, err)
				}
			}
			due, err := st.DueSchedules(ctx, slot.Add(48*time.Hour))
			if err != nil || len(due) != 1 || due[0].Schedule != "09:00" || !due[0].Slot.Equal(slot.Add(26*time.Hour)) {
				t.Fatalf("due two days later: %+v %v, want only 09:00, moved on to the next day", due, err)
			}
			back := addSub(t, st, "back", "07:00", "UTC", nil, slot.Add(72*time.Hour))
			if n, _, err := EnqueueDueLog(ctx, st, back.NextDueAt, DefaultGrace, countingBuild(&builds), log); err != nil || n != 1 {
				t.Fatalf("the new subscriber's slot: %d %v, want its digest", n, err)
			}
		})
	}
}
