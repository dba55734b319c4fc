package store_test

import (
	"context"
	"encoding/json"
	"fmt"
	"sync"
	"time"

	"github.com/sitrep/sitrep/briefings"
	"github.com/sitrep/sitrep/briefings/store"
)

// dueResult is what runDue did.
type dueResult struct {
	enqueued, removed int
}

// runDue drives the store's due-digest queries the way the due-digest job
// does, with the simplest choices of its own: every group of every due
// schedule gets payload(g), and a schedule whose slot has come moves on to
// next(d), waking earlier for a member waiting for an own slot; a schedule
// nobody is on is removed. due is what DueSchedules returned.
func runDue(ctx context.Context, db *store.DB, at time.Time, due []briefings.DueSchedule,
	next func(briefings.DueSchedule) time.Time, payload func(briefings.DueGroup) []byte) (dueResult, error) {
	var res dueResult
	tx, err := db.BeginDue(ctx)
	if err != nil {
		return res, err
	}
	defer tx.Rollback()
	for _, d := range due {
		cur, found, err := tx.LockSchedule(ctx, d.Schedule, d.TimeZone)
		if err != nil {
			return res, err
		}
		if !found || !cur.Slot.Equal(d.Slot) || !cur.LastRun.Equal(d.LastRun) {
			continue
		}
		groups, err := tx.DueGroups(ctx, cur, at)
		if err != nil {
			return res, err
		}
		if len(groups) == 0 {
			removed, err := tx.DeleteEmptySchedule(ctx, d.Schedule, d.TimeZone)
			if err != nil {
				return res, err
			}
			if removed {
				res.removed++
				continue
			}
		}
		for _, g := range groups {
			if err := tx.EnqueueDigests(ctx, cur, g, payload(g), at); err != nil {
				return res, err
			}
			res.enqueued += g.Count
		}
		run := briefings.ScheduleRun{At: at, Slot: cur.Slot, LastSlot: cur.LastSlot}
		if !cur.Slot.After(at) {
			run.Slot, run.LastSlot = next(cur), cur.Slot
		}
		if run.Wake, err = tx.NextOwnSlot(ctx, d.Schedule, d.TimeZone, at, run.Slot); err != nil {
			return res, err
		}
		if run.Wake.IsZero() {
			run.Wake = run.Slot
		}
		if err := tx.AdvanceSchedule(ctx, d.Schedule, d.TimeZone, run); err != nil {
			return res, err
		}
	}
	return res, tx.Commit()
}

// runAll reads the schedules due at `at` and runs them, moving each on to
// next and sending payload "d".
func (e *env) runAll(at, next time.Time) dueResult {
	e.t.Helper()
	due, err := e.db.DueSchedules(e.ctx, at)
	must(e.t, err)
	res, err := runDue(e.ctx, e.db, at, due, func(briefings.DueSchedule) time.Time { return next },
		func(briefings.DueGroup) []byte { return []byte("d") })
	must(e.t, err)
	return res
}

// testDueGroups: due members grouped by topics and slot, the schedule's
// slot for members due before it, their own for later ones; inactive and
// not-yet-due members left out; then a run advances the schedule's one row
// and every member reads as advanced.
func testDueGroups(e *env) {
	t, ctx := e.t, e.ctx
	t1 := time.Date(2026, 6, 1, 5, 0, 0, 0, time.UTC)
	topics := [][]briefings.Topic{nil, {"Diplomacy"}, {"Air attacks", "Diplomacy"}}
	for i := range 12 {
		s := &briefings.Subscription{Chat: briefings.Chat{Platform: "telegram", ChatID: fmt.Sprint(i)},
			Schedule: "08:00", TimeZone: "Europe/Kyiv", Topics: topics[i%3], Active: i != 5,
			NextDueAt: t1.Add(time.Duration(i%4) * time.Minute)} // 0..3 minutes after t1
		must(t, e.db.UpsertSubscription(ctx, s))
	}
	now := t1.Add(2 * time.Minute)
	due, err := e.db.DueSchedules(ctx, now)
	must(t, err)
	if len(due) != 1 || due[0].Schedule != "08:00" || !due[0].Slot.Equal(t1) {
		t.Fatalf("due schedules %+v, want 08:00 Kyiv at %v", due, t1)
	}
	total := 0
	for _, g := range due[0].Groups {
		total += g.Count
		if g.Slot.Before(t1) || g.Slot.After(now) {
			t.Errorf("group %+v: slot outside [%v, %v]", g, t1, now)
		}
	}
	subs, err := e.db.DueSubscriptions(ctx, now, 0)
	must(t, err)
	if total != 8 || len(subs) != 8 { // i%4 in {0,1,2}: 9, less the inactive 5
		t.Fatalf("%d members in groups, %d due subscriptions, want 8", total, len(subs))
	}
	next := t1.Add(24 * time.Hour)
	res, err := runDue(ctx, e.db, now, due, func(briefings.DueSchedule) time.Time { return next },
		func(g briefings.DueGroup) []byte { return []byte("digest " + g.Stored) })
	if err != nil || res.enqueued != 8 {
		t.Fatalf("enqueue: %+v %v", res, err)
	}
	rows := claimAll(t, e.db, now)
	if len(rows) != 8 {
		t.Fatalf("claimed %d, want 8", len(rows))
	}
	for _, r := range rows {
		s, err := e.db.GetSubscription(ctx, r.Chat)
		must(t, err)
		if want := briefings.DigestDedupeKey(s.ID, s.LastSentSlot); r.DedupeKey != want {
			t.Errorf("chat %s: key %q, want %q", r.Chat.ChatID, r.DedupeKey, want)
		}
		tj, _ := json.Marshal(s.Topics)
		if string(r.Payload) != "digest "+string(tj) {
			t.Errorf("chat %s: payload %q for topics %s", r.Chat.ChatID, r.Payload, tj)
		}
		if !s.NextDueAt.Equal(next) {
			t.Errorf("chat %s: next due %v, want %v", r.Chat.ChatID, s.NextDueAt, next)
		}
	}
	// Those due at 3 minutes (3, 7, 11), after the run at 2, keep their own
	// slot, and the schedule wakes for them then, for them alone.
	late, _ := e.db.GetSubscription(ctx, briefings.Chat{Platform: "telegram", ChatID: "3"})
	at3 := t1.Add(3 * time.Minute)
	if !late.NextDueAt.Equal(at3) {
		t.Errorf("sub 3: next due %v, want %v", late.NextDueAt, at3)
	}
	woken, err := e.db.DueSchedules(ctx, at3)
	if err != nil || len(woken) != 1 {
		t.Fatalf("at 3 minutes: %+v %v", woken, err)
	}
	for _, g := range woken[0].Groups {
		if g.Count != 1 || !g.Slot.Equal(at3) || !g.Own {
			t.Errorf("at 3 minutes: group %+v, want one member at its own slot", g)
		}
	}
	if len(woken[0].Groups) != 3 {
		t.Errorf("at 3 minutes: %d groups, want 3", len(woken[0].Groups))
	}
	if res := e.runAll(at3, next); res.enqueued != 3 {
		t.Fatalf("enqueue at 3 minutes: %+v", res)
	}
	if late, _ = e.db.GetSubscription(ctx, late.Chat); !late.NextDueAt.Equal(next) || !late.LastSentSlot.Equal(at3) {
		t.Errorf("sub 3 after its slot: next %v last %v", late.NextDueAt, late.LastSentSlot)
	}
	// The others were not touched by the schedule's second run.
	if first, _ := e.db.GetSubscription(ctx, briefings.Chat{Platform: "telegram", ChatID: "0"}); !first.NextDueAt.Equal(next) ||
		!first.LastSentSlot.Equal(t1) {
		t.Errorf("sub 0: next %v last %v, want %v and %v", first.NextDueAt, first.LastSentSlot, next, t1)
	}
	if again, err := e.db.DueSchedules(ctx, at3); err != nil || len(again) != 0 {
		t.Fatalf("still due after the run: %+v %v", again, err)
	}
}

// testDueCharts: a due group counts its members who receive the weekly
// chart; EnqueueCharts queues the chart for them alone, after their
// digests, once per week whatever the slot and however often it runs.
func testDueCharts(e *env) {
	t, ctx := e.t, e.ctx
	slot := time.Date(2026, 6, 1, 5, 0, 0, 0, time.UTC) // a Monday
	charts := map[string]bool{}
	for i := range 6 {
		chat := fmt.Sprint(i)
		charts[chat] = i%3 == 0
		s := &briefings.Subscription{Chat: briefings.Chat{Platform: "telegram", ChatID: chat}, Schedule: "08:00",
			TimeZone: "Europe/Kyiv", Topics: [][]briefings.Topic{nil, {"Diplomacy"}}[i%2], Active: true,
			WeeklyChart: charts[chat], NextDueAt: slot}
		must(t, e.db.UpsertSubscription(ctx, s))
	}
	due, err := e.db.DueSchedules(ctx, slot)
	must(t, err)
	wantCharts := 0
	for _, g := range due[0].Groups {
		wantCharts += g.Charts
		if g.Charts > g.Count {
			t.Errorf("group %+v: more chart receivers than members", g)
		}
	}
	if len(due) != 1 || len(due[0].Groups) != 2 || wantCharts != 2 {
		t.Fatalf("due %+v: want two groups with two chart receivers between them", due)
	}
	enqueue := func(at time.Time, d briefings.DueSchedule, monday string) {
		t.Helper()
		tx, err := e.db.BeginDue(ctx)
		must(t, err)
		defer tx.Rollback()
		cur, _, err := tx.LockSchedule(ctx, d.Schedule, d.TimeZone)
		must(t, err)
		groups, err := tx.DueGroups(ctx, cur, at)
		must(t, err)
		for _, g := range groups {
			must(t, tx.EnqueueDigests(ctx, cur, g, []byte("digest"), at))
			must(t, tx.EnqueueCharts(ctx, cur, g, monday, []byte("chart"), at))
		}
		must(t, tx.Commit())
	}
	enqueue(slot, due[0], "2026-06-01")
	enqueue(slot.Add(time.Minute), due[0], "2026-06-01") // a run repeated: nothing twice
	rows := claimAll(t, e.db, slot.Add(time.Hour))
	digests := map[string]int64{}
	for _, r := range rows {
		switch r.Kind {
		case briefings.DeliveryDigest:
			digests[r.Chat.ChatID] = r.ID
		case briefings.DeliveryChart:
			s, err := e.db.GetSubscription(ctx, r.Chat)
			must(t, err)
			if !charts[r.Chat.ChatID] || r.DedupeKey != briefings.ChartDedupeKey(s.ID, "2026-06-01") || string(r.Payload) != "chart" {
				t.Errorf("chart row %s %q %q: chat does not receive charts, or wrong key or payload", r.Chat.ChatID, r.DedupeKey, r.Payload)
			}
			if id, ok := digests[r.Chat.ChatID]; !ok || id > r.ID {
				t.Errorf("chat %s: chart queued before its digest", r.Chat.ChatID)
			}
			delete(charts, r.Chat.ChatID)
		}
	}
	if len(digests) != 6 || len(rows) != 8 {
		t.Errorf("%d rows (%d digests), want 6 digests and 2 charts", len(rows), len(digests))
	}
	for chat, on := range charts {
		if on {
			t.Errorf("chat %s receives charts and got none", chat)
		}
	}
}

// testDueLockSeesChanges: a transaction's lock reads the schedule as it is
// now, and its groups hold a subscription as it is now, whatever an earlier
// read said.
func testDueLockSeesChanges(e *env) {
	t, ctx := e.t, e.ctx
	slot := t0.Add(time.Hour)
	s := &briefings.Subscription{Chat: briefings.Chat{Platform: "telegram", ChatID: "1"}, Schedule: "07:00",
		TimeZone: "UTC", Active: true, NextDueAt: slot}
	must(t, e.db.UpsertSubscription(ctx, s))
	due, err := e.db.DueSchedules(ctx, slot)
	must(t, err)
	if len(due) != 1 || len(due[0].Groups) != 1 || due[0].Groups[0].Topics != nil {
		t.Fatalf("due %+v", due)
	}
	s.Topics = []briefings.Topic{"Diplomacy"}
	must(t, e.db.UpsertSubscription(ctx, s))
	// Another process runs the schedule meanwhile.
	if res := e.runAll(slot, slot.Add(24*time.Hour)); res.enqueued != 1 {
		t.Fatalf("other run: %+v", res)
	}
	tx, err := e.db.BeginDue(ctx)
	must(t, err)
	defer tx.Rollback()
	cur, found, err := tx.LockSchedule(ctx, "07:00", "UTC")
	must(t, err)
	if !found || !cur.Slot.Equal(slot.Add(24*time.Hour)) || !cur.LastRun.Equal(slot) || !cur.LastSlot.Equal(slot) {
		t.Fatalf("locked %+v, want the schedule as the other run left it", cur)
	}
	groups, err := tx.DueGroups(ctx, cur, cur.Slot)
	must(t, err)
	if len(groups) != 1 || fmt.Sprint(groups[0].Topics) != "[Diplomacy]" || groups[0].Own {
		t.Fatalf("groups %+v, want the subscription's new topics at the schedule's slot", groups)
	}
	if _, found, err := tx.LockSchedule(ctx, "06:00", "UTC"); err != nil || found {
		t.Fatalf("a schedule nobody created: found %v, %v", found, err)
	}
	must(t, tx.Commit())
	must(t, tx.Rollback()) // after Commit it does nothing
}

// testUpsertWakesSchedule: a subscription stored with a slot before its
// schedule's next one (after the schedule's last run) is due at its own
// slot: the upsert wakes the schedule for it, and only it is sent then.
func testUpsertWakesSchedule(e *env) {
	t, ctx := e.t, e.ctx
	t1 := time.Date(2026, 6, 1, 5, 0, 0, 0, time.UTC)
	next := t1.Add(24 * time.Hour)
	a := &briefings.Subscription{Chat: briefings.Chat{Platform: "telegram", ChatID: "a"}, Schedule: "08:00",
		TimeZone: "UTC", Active: true, NextDueAt: t1}
	must(t, e.db.UpsertSubscription(ctx, a))
	if res := e.runAll(t1, next); res.enqueued != 1 {
		t.Fatalf("first run: %+v", res)
	}
	b := &briefings.Subscription{Chat: briefings.Chat{Platform: "telegram", ChatID: "b"}, Schedule: "08:00",
		TimeZone: "UTC", Active: true, NextDueAt: t1.Add(10 * time.Minute)}
	must(t, e.db.UpsertSubscription(ctx, b))
	if got, _ := e.db.GetSubscription(ctx, b.Chat); !got.NextDueAt.Equal(b.NextDueAt) {
		t.Fatalf("b reads due %v, want %v", got.NextDueAt, b.NextDueAt)
	}
	if due, _ := e.db.DueSchedules(ctx, t1.Add(9*time.Minute)); len(due) != 0 {
		t.Fatalf("due before b's slot: %+v", due)
	}
	due, err := e.db.DueSchedules(ctx, t1.Add(10*time.Minute))
	if err != nil || len(due) != 1 || len(due[0].Groups) != 1 || due[0].Groups[0].Count != 1 {
		t.Fatalf("at b's slot: %+v %v, want b alone", due, err)
	}
	if res := e.runAll(t1.Add(10*time.Minute), next); res.enqueued != 1 {
		t.Fatalf("second run: %+v", res)
	}
	for _, c := range []briefings.Chat{a.Chat, b.Chat} {
		if got, _ := e.db.GetSubscription(ctx, c); !got.NextDueAt.Equal(next) {
			t.Errorf("%s: next due %v, want %v", c.ChatID, got.NextDueAt, next)
		}
	}
	if rows := claimAll(t, e.db, next); len(rows) != 2 {
		t.Fatalf("%d deliveries, want one each", len(rows))
	}
}

// testResumeWakesSchedule: a subscription paused while waiting for its own
// slot (before its schedule's next one) is left out of the wake-up the
// schedule's run computes; resuming it wakes the schedule for that slot, as
// an upsert does. One paused at a slot the run consumed stays due at the
// schedule's next slot: a pause skips what fell inside it.
func testResumeWakesSchedule(e *env) {
	t, ctx := e.t, e.ctx
	t1 := time.Date(2026, 6, 1, 5, 0, 0, 0, time.UTC)
	next := t1.Add(24 * time.Hour)
	own := t1.Add(30 * time.Minute)
	subs := []*briefings.Subscription{
		{Chat: briefings.Chat{Platform: "telegram", ChatID: "a"}, NextDueAt: t1},
		{Chat: briefings.Chat{Platform: "telegram", ChatID: "x"}, NextDueAt: own},
		{Chat: briefings.Chat{Platform: "telegram", ChatID: "y"}, NextDueAt: t1},
	}
	for _, s := range subs {
		s.Schedule, s.TimeZone, s.Active = "08:00", "UTC", true
		must(t, e.db.UpsertSubscription(ctx, s))
	}
	for _, c := range []string{"x", "y"} {
		must(t, e.db.PauseChat(ctx, briefings.Chat{Platform: "telegram", ChatID: c}, "blocked"))
	}
	if res := e.runAll(t1, next); res.enqueued != 1 {
		t.Fatalf("run at t1: %+v, want a alone", res)
	}
	if due, _ := e.db.DueSchedules(ctx, own); len(due) != 0 {
		t.Fatalf("while x is paused, due at its slot: %+v", due)
	}
	for _, c := range []string{"x", "y"} {
		must(t, e.db.PauseChat(ctx, briefings.Chat{Platform: "telegram", ChatID: c}, ""))
	}
	if due, _ := e.db.DueSchedules(ctx, own.Add(-time.Minute)); len(due) != 0 {
		t.Fatalf("before x's slot: %+v", due)
	}
	due, err := e.db.DueSchedules(ctx, own)
	if err != nil || len(due) != 1 || len(due[0].Groups) != 1 || due[0].Groups[0].Count != 1 || !due[0].Groups[0].Slot.Equal(own) {
		t.Fatalf("at x's slot: %+v %v, want x alone at %v", due, err, own)
	}
	if res := e.runAll(own, next); res.enqueued != 1 {
		t.Fatalf("run at x's slot: %+v", res)
	}
	for _, s := range subs {
		if got, _ := e.db.GetSubscription(ctx, s.Chat); !got.Active || !got.NextDueAt.Equal(next) {
			t.Errorf("%s: active %v, next due %v, want active at %v", s.Chat.ChatID, got.Active, got.NextDueAt, next)
		}
	}
	rows := claimAll(t, e.db, next)
	got := map[string]int{}
	for _, r := range rows {
		got[r.Chat.ChatID]++
	}
	if len(rows) != 2 || got["a"] != 1 || got["x"] != 1 {
		t.Fatalf("deliveries %v, want one each for a and x, none for y", got)
	}
}

// testEmptySchedule: a schedule nobody is on any more stops waking (its row
// is deleted at its next slot); one with only a paused member stays; a new
// subscriber brings it back at its own first slot.
func testEmptySchedule(e *env) {
	t, ctx := e.t, e.ctx
	slot := t0.Add(time.Hour)
	day := 24 * time.Hour
	gone := briefings.Chat{Platform: "telegram", ChatID: "gone"}
	paused := briefings.Chat{Platform: "telegram", ChatID: "paused"}
	must(t, e.db.UpsertSubscription(ctx, &briefings.Subscription{Chat: gone, Schedule: "07:00", TimeZone: "UTC", Active: true, NextDueAt: slot}))
	must(t, e.db.UpsertSubscription(ctx, &briefings.Subscription{Chat: paused, Schedule: "09:00", TimeZone: "UTC", Active: true, NextDueAt: slot}))
	must(t, e.db.PauseChat(ctx, paused, "blocked"))
	must(t, e.db.DeleteSubscription(ctx, gone))
	run := func(at time.Time) dueResult {
		t.Helper()
		due, err := e.db.DueSchedules(ctx, at)
		must(t, err)
		res, err := runDue(ctx, e.db, at, due, func(d briefings.DueSchedule) time.Time { return d.Slot.Add(day) },
			func(briefings.DueGroup) []byte { return []byte("x") })
		must(t, err)
		return res
	}
	scheduled := func(at time.Time) []string {
		t.Helper()
		due, err := e.db.DueSchedules(ctx, at)
		must(t, err)
		var out []string
		for _, d := range due {
			out = append(out, d.Schedule)
		}
		return out
	}
	if got := scheduled(slot); len(got) != 2 {
		t.Fatalf("at the slot: %v, want both schedules", got)
	}
	if res := run(slot); res.removed != 1 || res.enqueued != 0 {
		t.Fatalf("first run: %+v, want the empty schedule removed, nothing sent", res)
	}
	if got := scheduled(slot.Add(day)); len(got) != 1 || got[0] != "09:00" {
		t.Fatalf("next day: %v, want only the paused member's schedule", got)
	}
	if res := run(slot.Add(day)); res.removed != 0 {
		t.Fatalf("a schedule with a paused member was removed: %+v", res)
	}
	back := briefings.Chat{Platform: "discord", ChatID: "back"}
	later := slot.Add(3 * day)
	must(t, e.db.UpsertSubscription(ctx, &briefings.Subscription{Chat: back, Schedule: "07:00", TimeZone: "UTC", Active: true, NextDueAt: later}))
	if got := scheduled(later.Add(-time.Minute)); len(got) != 1 || got[0] != "09:00" {
		t.Fatalf("before the new subscriber's slot: %v", got)
	}
	if res := run(later); res.enqueued != 1 || res.removed != 0 {
		t.Fatalf("the re-created schedule at its slot: %+v, want one digest", res)
	}
	rows := claimAll(t, e.db, later)
	if len(rows) != 1 || rows[0].Chat != back {
		t.Fatalf("deliveries %+v, want one for the new subscriber", rows)
	}
}

// testEmptyScheduleRace: a subscriber joining a schedule while another
// process's due-digest run removes it as empty is never left without its
// schedule: whichever commits first, the subscriber is due at its slot.
func testEmptyScheduleRace(e *env) {
	t, ctx := e.t, e.ctx
	other := e.open()
	day := 24 * time.Hour
	for i := 0; i < 40; i++ {
		sched := fmt.Sprintf("06:%02d", i)
		slot := t0.Add(time.Duration(i) * day)
		first := briefings.Chat{Platform: "telegram", ChatID: "first-" + sched}
		must(t, e.db.UpsertSubscription(ctx, &briefings.Subscription{Chat: first, Schedule: sched, TimeZone: "UTC", Active: true, NextDueAt: slot}))
		must(t, e.db.DeleteSubscription(ctx, first))
		due, err := other.DueSchedules(ctx, slot)
		must(t, err)
		var mine []briefings.DueSchedule
		for _, d := range due {
			if d.Schedule == sched {
				mine = append(mine, d)
			}
		}
		if len(mine) != 1 {
			t.Fatalf("%s: due %+v", sched, due)
		}
		joiner := briefings.Chat{Platform: "telegram", ChatID: "joiner-" + sched}
		own := slot.Add(time.Hour)
		var wg sync.WaitGroup
		errs := make([]error, 2)
		wg.Add(2)
		go func() {
			defer wg.Done()
			_, errs[0] = runDue(ctx, other, slot, mine, func(briefings.DueSchedule) time.Time { return slot.Add(day) },
				func(briefings.DueGroup) []byte { return []byte("x") })
		}()
		go func() {
			defer wg.Done()
			errs[1] = e.db.UpsertSubscription(ctx, &briefings.Subscription{Chat: joiner, Schedule: sched, TimeZone: "UTC", Active: true, NextDueAt: own})
		}()
		wg.Wait()
		must(t, errs[0])
		must(t, errs[1])
		due, err = e.db.DueSchedules(ctx, own)
		must(t, err)
		found := false
		for _, d := range due {
			if d.Schedule == sched && len(d.Groups) == 1 && d.Groups[0].Count == 1 && d.Groups[0].Slot.Equal(own) {
				found = true
			}
		}
		if !found {
			t.Fatalf("%s: the new subscriber is not due at its slot after the race: %+v", sched, due)
		}
		must(t, e.db.DeleteSubscription(ctx, joiner))
	}
}
