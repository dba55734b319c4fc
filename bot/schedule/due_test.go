package schedule

import (
	"context"
	"encoding/json"
	"fmt"
	"log/slog"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/sitrep/sitrep/briefings"
	"github.com/sitrep/sitrep/briefings/store"
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

func countingBuild(n *atomic.Int32) BuildFunc {
	return func(_ context.Context, sub *briefings.Subscription, slot time.Time) ([]byte, error) {
		n.Add(1)
		return json.Marshal(map[string]any{"title": "Digest " + slot.Format(time.RFC3339), "tz": sub.TimeZone})
	}
}

func claimAll(t *testing.T, st *store.DB, now time.Time) []*briefings.Delivery {
	t.Helper()
	rows, err := st.Claim(context.Background(), now, now.Add(time.Minute), 100000)
	if err != nil {
		t.Fatal(err)
	}
	return rows
}

func TestEnqueueDue(t *testing.T) {
	t.Run("per row", func(t *testing.T) { testEnqueueDue(t, storetest.Open(t), false) })
	t.Run("schedules sqlite", func(t *testing.T) { testEnqueueDue(t, storetest.Open(t), true) })
	t.Run("schedules postgres", func(t *testing.T) { testEnqueueDue(t, storetest.OpenPostgres(t), true) })
}

// perRow hides the store's optional capabilities: EnqueueDue's generic
// path, one subscription at a time.
type perRow struct{ briefings.Store }

func testEnqueueDue(t *testing.T, st *store.DB, grouped bool) {
	ctx := context.Background()
	var due briefings.Store = perRow{st}
	if grouped {
		due = st
	}
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

// TestEnqueueDueCrashBeforeAdvance: a crash after the enqueue but before the
// advance re-runs the slot; the dedupe key keeps it one delivery.
func TestEnqueueDueCrashBeforeAdvance(t *testing.T) {
	ctx := context.Background()
	st := storetest.Open(t)
	slot := time.Date(2026, 6, 1, 8, 0, 0, 0, time.UTC)
	s := addSub(t, st, "1", "08:00", "", nil, slot)
	var builds atomic.Int32
	crashing := &advanceFails{Store: st}
	if _, _, err := EnqueueDue(ctx, crashing, slot, DefaultGrace, countingBuild(&builds)); err == nil {
		t.Fatal("want the simulated crash")
	}
	n, _, err := EnqueueDue(ctx, st, slot.Add(time.Minute), DefaultGrace, countingBuild(&builds))
	if err != nil || n != 1 {
		t.Fatalf("rerun: %d %v", n, err)
	}
	rows := claimAll(t, st, slot.Add(time.Hour))
	if len(rows) != 1 || rows[0].DedupeKey != briefings.DigestDedupeKey(s.ID, slot) {
		t.Fatalf("rows %v, want one digest", rows)
	}
}

type advanceFails struct{ briefings.Store }

func (a *advanceFails) AdvanceSubscription(context.Context, int64, time.Time, time.Time) error {
	return fmt.Errorf("simulated crash")
}

// BenchmarkDueDigests100k: 100,000 subscriptions due in the same minute
// (16 distinct topic/zone combinations), one EnqueueDue run per iteration,
// through the store's schedule path (DueGrouper) on SQLite. Reports wall time and process CPU time of
// the run (the CPU figure holds on a machine shared with other work).
func BenchmarkDueDigests100k(b *testing.B) {
	for _, size := range []int{200, 2000} {
		b.Run(fmt.Sprintf("payload=%dB", size), func(b *testing.B) { benchDue(b, size) })
	}
}

func cpuTime() time.Duration {
	var ru syscall.Rusage
	_ = syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

func benchDue(b *testing.B, size int) {
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
		now := slot.Add(20 * time.Second)
		var builds atomic.Int32
		build := func(context.Context, *briefings.Subscription, time.Time) ([]byte, error) {
			builds.Add(1)
			return payload, nil
		}
		b.StartTimer()
		start, c0 := time.Now(), cpuTime()
		n, _, err := EnqueueDueLog(ctx, st, now, DefaultGrace, build, slog.New(slog.DiscardHandler))
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
func seedSubs(b *testing.B, st *store.DB, n int, slot time.Time, zones []string, topics [][]string) {
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
	for name, open := range map[string]func(testing.TB) *store.DB{"sqlite": storetest.Open, "postgres": storetest.OpenPostgres} {
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
	for name, open := range map[string]func(testing.TB) *store.DB{"sqlite": storetest.Open, "postgres": storetest.OpenPostgres} {
		t.Run(name, func(t *testing.T) {
			ctx := context.Background()
			st := open(t)
			slot := time.Date(2026, 6, 1, 8, 0, 0, 0, time.UTC)
			now := slot.Add(time.Second)
			s := addSub(t, st, "1", "08:00", "UTC", nil, slot)
			addSub(t, st, "2", "08:00", "UTC", nil, slot)
			due, err := st.DueSchedules(ctx, now)
			if err != nil || len(due) != 1 {
				t.Fatalf("due %v %v", due, err)
			}
			// Chat 1 now wants diplomacy only (same slot: it stays due).
			s.Topics = []briefings.Topic{"Diplomacy"}
			if err := st.UpsertSubscription(ctx, s); err != nil {
				t.Fatal(err)
			}
			known := due[0].Members[0].Topics
			res, err := st.EnqueueDueSchedules(ctx, now, []store.DuePlan{{Due: due[0], Next: slot.Add(24 * time.Hour),
				Decide: func(m store.DueMembers) ([]byte, bool) {
					if fmt.Sprint(m.Topics) != fmt.Sprint(known) {
						return nil, false
					}
					return []byte("all"), true
				}}})
			if err != nil || res.Enqueued != 1 || res.Held != 1 {
				t.Fatalf("write: %+v %v, want 1 enqueued and the schedule held", res, err)
			}
			var builds atomic.Int32
			n, _, err := EnqueueDue(ctx, st, slot.Add(time.Minute), DefaultGrace, countingBuild(&builds))
			if err != nil || n != 2 {
				t.Fatalf("next run: %d %v", n, err)
			}
			rows := claimAll(t, st, slot.Add(time.Hour))
			if len(rows) != 2 {
				t.Fatalf("%d deliveries, want 2", len(rows))
			}
			for _, r := range rows {
				if r.Chat.ChatID == "1" && string(r.Payload) == "all" {
					t.Errorf("chat 1 got the digest of its old topics")
				}
			}
		})
	}
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
