package store

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/sitrep/sitrep/briefings"
)

func openTemp(t *testing.T) *DB {
	t.Helper()
	db, err := Open(context.Background(), filepath.Join(t.TempDir(), "due.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

func queryPlan(t *testing.T, db *DB, q string, args ...any) string {
	t.Helper()
	rows, err := db.w.QueryContext(context.Background(), "EXPLAIN QUERY PLAN "+db.rebind(q), db.args(args)...)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var plan []string
	for rows.Next() {
		var id, parent, unused int
		var detail string
		if err := rows.Scan(&id, &parent, &unused, &detail); err != nil {
			t.Fatal(err)
		}
		plan = append(plan, detail)
	}
	return strings.Join(plan, "; ")
}

// TestDueQueriesUseIndex: the every-minute due-digest job reads the due
// schedules by schedule_slots_due, groups their members from the
// subscriptions_due index alone, and finds each group's members by an index
// equality: its cost follows the due subscriptions, never all of them.
func TestDueQueriesUseIndex(t *testing.T) {
	db := openTemp(t)
	now := time.Now()
	if got := queryPlan(t, db, `SELECT schedule, time_zone, next_slot, last_run_at FROM schedule_slots
		WHERE wake_at <= $1 ORDER BY wake_at, schedule, time_zone`, now); !strings.Contains(got, "schedule_slots_due") {
		t.Errorf("due schedules plan %q: want schedule_slots_due", got)
	}
	members := `SELECT topics, next_due_at > $4, CASE WHEN next_due_at > $4 THEN next_due_at ELSE $4 END, COUNT(*)
		FROM subscriptions WHERE schedule = $1 AND time_zone = $2 AND active = TRUE AND next_due_at <= $3
		GROUP BY 1, 2, 3 ORDER BY 1, 3`
	if got := queryPlan(t, db, members, "08:00", "UTC", now, now); !strings.Contains(got, "USING COVERING INDEX subscriptions_due (schedule=? AND time_zone=? AND active=?)") {
		t.Errorf("due members plan %q: want a covering search of subscriptions_due", got)
	}
	ins := db.dueInsertSQL()
	if got := queryPlan(t, db, ins, "digest:", ":1", int64(1), now, time.Time{}, "08:00", "UTC", "null", time.Time{}, now); !strings.Contains(got,
		"USING INDEX subscriptions_due (schedule=? AND time_zone=? AND active=? AND topics=? AND next_due_at>? AND next_due_at<?)") {
		t.Errorf("due insert plan %q: want an equality search of subscriptions_due", got)
	}
}

// TestDueSchedulesGroups: due members grouped by topics and slot, the
// schedule's slot for members due before it, their own for later ones;
// inactive and not-yet-due members left out; then a run advances the
// schedule's one row and every member reads as advanced.
func TestDueSchedulesGroups(t *testing.T) {
	db := openTemp(t)
	ctx := context.Background()
	t0 := time.Date(2026, 6, 1, 5, 0, 0, 0, time.UTC)
	topics := [][]briefings.Topic{nil, {"Diplomacy"}, {"Air attacks", "Diplomacy"}}
	for i := range 12 {
		s := &briefings.Subscription{Chat: briefings.Chat{Platform: "telegram", ChatID: fmt.Sprint(i)},
			Schedule: "08:00", TimeZone: "Europe/Kyiv", Topics: topics[i%3], Active: i != 5,
			NextDueAt: t0.Add(time.Duration(i%4) * time.Minute)} // 0..3 minutes after t0
		if err := db.UpsertSubscription(ctx, s); err != nil {
			t.Fatal(err)
		}
	}
	now := t0.Add(2 * time.Minute)
	due, err := db.DueSchedules(ctx, now)
	if err != nil {
		t.Fatal(err)
	}
	if len(due) != 1 || due[0].Schedule != "08:00" || !due[0].Slot.Equal(t0) {
		t.Fatalf("due schedules %+v, want 08:00 Kyiv at %v", due, t0)
	}
	total := 0
	for _, m := range due[0].Members {
		total += m.Count
		if m.Slot.Before(t0) || m.Slot.After(now) {
			t.Errorf("group %+v: slot outside [%v, %v]", m, t0, now)
		}
	}
	subs, err := db.DueSubscriptions(ctx, now, 0)
	if err != nil {
		t.Fatal(err)
	}
	if total != 8 || len(subs) != 8 { // i%4 in {0,1,2}: 9, less the inactive 5
		t.Fatalf("%d members in groups, %d due subscriptions, want 8", total, len(subs))
	}
	next := t0.Add(24 * time.Hour)
	res, err := db.EnqueueDueSchedules(ctx, now, []DuePlan{{Due: due[0], Next: next,
		Decide: func(m DueMembers) ([]byte, bool) { return []byte("digest " + m.topics), true }}})
	if err != nil || res.Enqueued != 8 || res.Held != 0 {
		t.Fatalf("enqueue: %+v %v", res, err)
	}
	rows, err := db.Claim(ctx, now, now.Add(time.Minute), 100)
	if err != nil || len(rows) != 8 {
		t.Fatalf("claimed %d (%v), want 8", len(rows), err)
	}
	for _, r := range rows {
		s, err := db.GetSubscription(ctx, r.Chat)
		if err != nil {
			t.Fatal(err)
		}
		if want := briefings.DigestDedupeKey(s.ID, s.LastSentSlot); r.DedupeKey != want {
			t.Errorf("chat %s: key %q, want %q", r.Chat.ChatID, r.DedupeKey, want)
		}
		tj, _ := toJSON(s.Topics)
		if string(r.Payload) != "digest "+tj {
			t.Errorf("chat %s: payload %q for topics %s", r.Chat.ChatID, r.Payload, tj)
		}
		if !s.NextDueAt.Equal(next) {
			t.Errorf("chat %s: next due %v, want %v", r.Chat.ChatID, s.NextDueAt, next)
		}
	}
	// Those due at 3 minutes (3, 7, 11), after the run at 2, keep their own
	// slot, and the schedule wakes for them then, for them alone.
	late, _ := db.GetSubscription(ctx, briefings.Chat{Platform: "telegram", ChatID: "3"})
	if want := t0.Add(3 * time.Minute); !late.NextDueAt.Equal(want) {
		t.Errorf("sub 3: next due %v, want %v", late.NextDueAt, want)
	}
	at3 := t0.Add(3 * time.Minute)
	woken, err := db.DueSchedules(ctx, at3)
	if err != nil || len(woken) != 1 {
		t.Fatalf("at 3 minutes: %+v %v", woken, err)
	}
	for _, m := range woken[0].Members {
		if m.Count != 1 || !m.Slot.Equal(at3) {
			t.Errorf("at 3 minutes: group %+v, want one member at its own slot", m)
		}
	}
	if len(woken[0].Members) != 3 {
		t.Errorf("at 3 minutes: %d groups, want 3", len(woken[0].Members))
	}
	res, err = db.EnqueueDueSchedules(ctx, at3, []DuePlan{{Due: woken[0], Next: next,
		Decide: func(m DueMembers) ([]byte, bool) { return []byte("three"), true }}})
	if err != nil || res.Enqueued != 3 {
		t.Fatalf("enqueue at 3 minutes: %+v %v", res, err)
	}
	if late, _ = db.GetSubscription(ctx, late.Chat); !late.NextDueAt.Equal(next) || !late.LastSentSlot.Equal(at3) {
		t.Errorf("sub 3 after its slot: next %v last %v", late.NextDueAt, late.LastSentSlot)
	}
	// The others were not touched by the schedule's second run.
	if first, _ := db.GetSubscription(ctx, briefings.Chat{Platform: "telegram", ChatID: "0"}); !first.NextDueAt.Equal(next) ||
		!first.LastSentSlot.Equal(t0) {
		t.Errorf("sub 0: next %v last %v, want %v and %v", first.NextDueAt, first.LastSentSlot, next, t0)
	}
	if again, err := db.DueSchedules(ctx, at3); err != nil || len(again) != 0 {
		t.Fatalf("still due after the run: %+v %v", again, err)
	}
}

// TestMigrationScheduleSlots: subscriptions stored before migration 0004
// read the same after it (NextDueAt, LastSentSlot, which are due), however
// their next_due_at differ within one schedule.
func TestMigrationScheduleSlots(t *testing.T) {
	ctx := context.Background()
	db, err := openSQLite(ctx, filepath.Join(t.TempDir(), "v3.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	ms, err := migrations()
	if err != nil {
		t.Fatal(err)
	}
	conn, err := db.w.Conn(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := conn.ExecContext(ctx, `CREATE TABLE schema_migrations (version BIGINT PRIMARY KEY, name TEXT NOT NULL,
		applied_at INTEGER NOT NULL)`); err != nil {
		t.Fatal(err)
	}
	apply := func(upTo int, from int) {
		for _, m := range ms {
			if m.Version >= from && m.Version <= upTo {
				if err := db.apply(ctx, conn, m); err != nil {
					t.Fatalf("migration %d: %v", m.Version, err)
				}
			}
		}
	}
	apply(3, 1)
	t0 := time.Date(2026, 6, 1, 5, 0, 0, 0, time.UTC)
	type row struct {
		next, last time.Time
	}
	rows := []row{{t0, t0.Add(-24 * time.Hour)}, {t0.Add(-24 * time.Hour), t0.Add(-48 * time.Hour)}, {t0.Add(24 * time.Hour), t0}}
	for i, r := range rows {
		if _, err := conn.ExecContext(ctx, `INSERT INTO subscriptions (platform, chat_id, schedule, time_zone, topics, active,
			paused_reason, next_due_at, last_sent_slot, created_at, updated_at) VALUES ('telegram', ?1, '08:00', 'UTC', 'null',
			TRUE, '', ?2, ?3, ?4, ?4)`, fmt.Sprint(i), r.next.UnixMicro(), r.last.UnixMicro(), t0.UnixMicro()); err != nil {
			t.Fatal(err)
		}
	}
	apply(99, 4)
	conn.Close()
	for i, r := range rows {
		s, err := db.GetSubscription(ctx, briefings.Chat{Platform: "telegram", ChatID: fmt.Sprint(i)})
		if err != nil {
			t.Fatal(err)
		}
		if !s.NextDueAt.Equal(r.next) || !s.LastSentSlot.Equal(r.last) {
			t.Errorf("sub %d: next %v last %v, want %v %v", i, s.NextDueAt, s.LastSentSlot, r.next, r.last)
		}
	}
	due, err := db.DueSchedules(ctx, t0)
	if err != nil || len(due) != 1 {
		t.Fatalf("due %v %v", due, err)
	}
	var slots []string
	for _, m := range due[0].Members {
		slots = append(slots, fmt.Sprint(m.Count, "@", m.Slot.Format(time.RFC3339)))
	}
	// The overdue one at its own (older) slot, the schedule's at t0; the
	// one due tomorrow not at all.
	if got := strings.Join(slots, " "); got != "1@2026-05-31T05:00:00Z 1@2026-06-01T05:00:00Z" {
		t.Errorf("due groups %q", got)
	}
}

// TestUpsertWakesSchedule: a subscription stored with a slot before its
// schedule's next one (after the schedule's last run) is due at its own
// slot: the upsert wakes the schedule for it, and only it is sent then.
func TestUpsertWakesSchedule(t *testing.T) {
	db := openTemp(t)
	ctx := context.Background()
	t0 := time.Date(2026, 6, 1, 5, 0, 0, 0, time.UTC)
	next := t0.Add(24 * time.Hour)
	a := &briefings.Subscription{Chat: briefings.Chat{Platform: "telegram", ChatID: "a"}, Schedule: "08:00",
		TimeZone: "UTC", Active: true, NextDueAt: t0}
	if err := db.UpsertSubscription(ctx, a); err != nil {
		t.Fatal(err)
	}
	due, _ := db.DueSchedules(ctx, t0)
	send := func(m DueMembers) ([]byte, bool) { return []byte("d"), true }
	if res, err := db.EnqueueDueSchedules(ctx, t0, []DuePlan{{Due: due[0], Next: next, Decide: send}}); err != nil || res.Enqueued != 1 {
		t.Fatalf("first run: %+v %v", res, err)
	}
	b := &briefings.Subscription{Chat: briefings.Chat{Platform: "telegram", ChatID: "b"}, Schedule: "08:00",
		TimeZone: "UTC", Active: true, NextDueAt: t0.Add(10 * time.Minute)}
	if err := db.UpsertSubscription(ctx, b); err != nil {
		t.Fatal(err)
	}
	if got, _ := db.GetSubscription(ctx, b.Chat); !got.NextDueAt.Equal(b.NextDueAt) {
		t.Fatalf("b reads due %v, want %v", got.NextDueAt, b.NextDueAt)
	}
	if due, _ := db.DueSchedules(ctx, t0.Add(9*time.Minute)); len(due) != 0 {
		t.Fatalf("due before b's slot: %+v", due)
	}
	due, err := db.DueSchedules(ctx, t0.Add(10*time.Minute))
	if err != nil || len(due) != 1 || len(due[0].Members) != 1 || due[0].Members[0].Count != 1 {
		t.Fatalf("at b's slot: %+v %v, want b alone", due, err)
	}
	if res, err := db.EnqueueDueSchedules(ctx, t0.Add(10*time.Minute), []DuePlan{{Due: due[0], Next: next, Decide: send}}); err != nil || res.Enqueued != 1 {
		t.Fatalf("second run: %+v %v", res, err)
	}
	for _, c := range []briefings.Chat{a.Chat, b.Chat} {
		if got, _ := db.GetSubscription(ctx, c); !got.NextDueAt.Equal(next) {
			t.Errorf("%s: next due %v, want %v", c.ChatID, got.NextDueAt, next)
		}
	}
	rows, _ := db.Claim(ctx, next, next.Add(time.Minute), 10)
	if len(rows) != 2 {
		t.Fatalf("%d deliveries, want one each", len(rows))
	}
}

// TestResumeWakesSchedule: a subscription paused while waiting for its own
// slot (before its schedule's next one) is left out of the wake-up the
// schedule's run computes; resuming it wakes the schedule for that slot, as
// an upsert does. One paused at a slot the run consumed stays due at the
// schedule's next slot: a pause skips what fell inside it.
func TestResumeWakesSchedule(t *testing.T) {
	db := openTemp(t)
	ctx := context.Background()
	t0 := time.Date(2026, 6, 1, 5, 0, 0, 0, time.UTC)
	next := t0.Add(24 * time.Hour)
	own := t0.Add(30 * time.Minute)
	subs := []*briefings.Subscription{
		{Chat: briefings.Chat{Platform: "telegram", ChatID: "a"}, NextDueAt: t0},
		{Chat: briefings.Chat{Platform: "telegram", ChatID: "x"}, NextDueAt: own},
		{Chat: briefings.Chat{Platform: "telegram", ChatID: "y"}, NextDueAt: t0},
	}
	for _, s := range subs {
		s.Schedule, s.TimeZone, s.Active = "08:00", "UTC", true
		if err := db.UpsertSubscription(ctx, s); err != nil {
			t.Fatal(err)
		}
	}
	for _, c := range []string{"x", "y"} {
		if err := db.PauseChat(ctx, briefings.Chat{Platform: "telegram", ChatID: c}, "blocked"); err != nil {
			t.Fatal(err)
		}
	}
	due, err := db.DueSchedules(ctx, t0)
	if err != nil || len(due) != 1 {
		t.Fatalf("at t0: %+v %v", due, err)
	}
	send := func(m DueMembers) ([]byte, bool) { return []byte("d"), true }
	if res, err := db.EnqueueDueSchedules(ctx, t0, []DuePlan{{Due: due[0], Next: next, Decide: send}}); err != nil || res.Enqueued != 1 {
		t.Fatalf("run at t0: %+v %v, want a alone", res, err)
	}
	if due, _ := db.DueSchedules(ctx, own); len(due) != 0 {
		t.Fatalf("while x is paused, due at its slot: %+v", due)
	}
	for _, c := range []string{"x", "y"} {
		if err := db.PauseChat(ctx, briefings.Chat{Platform: "telegram", ChatID: c}, ""); err != nil {
			t.Fatal(err)
		}
	}
	if due, _ := db.DueSchedules(ctx, own.Add(-time.Minute)); len(due) != 0 {
		t.Fatalf("before x's slot: %+v", due)
	}
	due, err = db.DueSchedules(ctx, own)
	if err != nil || len(due) != 1 || len(due[0].Members) != 1 || due[0].Members[0].Count != 1 || !due[0].Members[0].Slot.Equal(own) {
		t.Fatalf("at x's slot: %+v %v, want x alone at %v", due, err, own)
	}
	if res, err := db.EnqueueDueSchedules(ctx, own, []DuePlan{{Due: due[0], Next: next, Decide: send}}); err != nil || res.Enqueued != 1 {
		t.Fatalf("run at x's slot: %+v %v", res, err)
	}
	for _, s := range subs {
		if got, _ := db.GetSubscription(ctx, s.Chat); !got.Active || !got.NextDueAt.Equal(next) {
			t.Errorf("%s: active %v, next due %v, want active at %v", s.Chat.ChatID, got.Active, got.NextDueAt, next)
		}
	}
	rows, _ := db.Claim(ctx, next, next.Add(time.Minute), 10)
	got := map[string]int{}
	for _, r := range rows {
		got[r.Chat.ChatID]++
	}
	if len(rows) != 2 || got["a"] != 1 || got["x"] != 1 {
		t.Fatalf("deliveries %v, want one each for a and x, none for y", got)
	}
}
