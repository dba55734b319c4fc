package schedule

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/sitrep/sitrep/briefings"
	"github.com/sitrep/sitrep/briefings/store/storetest"
)

func mustZone(t testing.TB, name string) *time.Location {
	t.Helper()
	loc, err := time.LoadLocation(name)
	if err != nil {
		t.Skip(err)
	}
	return loc
}

// TestChartWeek: the weekly chart goes with the schedule's first slot on or
// after Monday 00:00 on its wall clock, whatever weekday that is.
func TestChartWeek(t *testing.T) {
	kyiv := mustZone(t, "Europe/Kyiv")
	ny := mustZone(t, "America/New_York")
	for _, c := range []struct {
		spec, tz string
		slot     time.Time
		monday   string
		first    bool
	}{
		{"08:00", "Europe/Kyiv", time.Date(2026, 6, 1, 8, 0, 0, 0, kyiv), "2026-06-01", true},
		{"08:00", "Europe/Kyiv", time.Date(2026, 6, 2, 8, 0, 0, 0, kyiv), "2026-06-01", false},
		{"08:00", "Europe/Kyiv", time.Date(2026, 6, 7, 8, 0, 0, 0, kyiv), "2026-06-01", false}, // Sunday
		{"00:00", "Europe/Kyiv", time.Date(2026, 6, 1, 0, 0, 0, 0, kyiv), "2026-06-01", true},
		{"23:30", "Europe/Kyiv", time.Date(2026, 5, 31, 23, 30, 0, 0, kyiv), "2026-05-25", false},
		{"23:30", "Europe/Kyiv", time.Date(2026, 6, 1, 23, 30, 0, 0, kyiv), "2026-06-01", true},
		// Tuesdays and Fridays: Tuesday's digest is the week's first.
		{"0 8 * * 2,5", "Europe/Kyiv", time.Date(2026, 6, 2, 8, 0, 0, 0, kyiv), "2026-06-01", true},
		{"0 8 * * 2,5", "Europe/Kyiv", time.Date(2026, 6, 5, 8, 0, 0, 0, kyiv), "2026-06-01", false},
		// Every six hours: Monday 00:00, not 06:00.
		{"0 */6 * * *", "UTC", time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC), "2026-06-01", true},
		{"0 */6 * * *", "UTC", time.Date(2026, 6, 1, 6, 0, 0, 0, time.UTC), "2026-06-01", false},
		{"0 */6 * * *", "UTC", time.Date(2026, 5, 31, 18, 0, 0, 0, time.UTC), "2026-05-25", false},
		// The week of a transition (Kyiv springs forward on Sunday 29
		// March 2026, New York falls back on Sunday 1 November): the
		// following Monday's slot, at its new UTC instant.
		{"08:00", "Europe/Kyiv", time.Date(2026, 3, 30, 8, 0, 0, 0, kyiv), "2026-03-30", true},
		{"08:00", "Europe/Kyiv", time.Date(2026, 3, 29, 8, 0, 0, 0, kyiv), "2026-03-23", false},
		{"CRON_TZ=America/New_York 30 1 * * *", "", time.Date(2026, 11, 2, 1, 30, 0, 0, ny), "2026-11-02", true},
		{"CRON_TZ=America/New_York 30 1 * * *", "", time.Date(2026, 11, 1, 1, 30, 0, 0, ny), "2026-10-26", false},
	} {
		t.Run(c.spec+" "+c.slot.Format(time.RFC3339), func(t *testing.T) {
			sc, err := Parse(c.spec, c.tz)
			if err != nil {
				t.Fatal(err)
			}
			if next := sc.Next(c.slot.Add(-time.Second)); !next.Equal(c.slot) {
				t.Fatalf("test case: %v is no slot of the schedule (next %v)", c.slot, next)
			}
			monday, first := ChartWeek(sc, c.slot)
			if monday != c.monday || first != c.first {
				t.Errorf("ChartWeek = %s %v, want %s %v", monday, first, c.monday, c.first)
			}
		})
	}
	if _, first := ChartWeek(Schedule{}, time.Now()); first {
		t.Error("the zero schedule brings a chart")
	}
}

// chartPayload is the test's weekly chart: it names its week.
func chartPayload(n *atomic.Int32) ChartFunc {
	return func(_ context.Context, monday string) ([]byte, error) {
		n.Add(1)
		return []byte("chart " + monday), nil
	}
}

// TestWeeklyChartOnMondaysAcrossDST runs the due-digest job every half hour
// for three and a half weeks over the end of daylight saving in Kyiv (25
// October 2026) and New York (1 November): each subscriber who turned the
// chart on gets it once a week, with the first digest on or after Monday
// 00:00 in its zone, after that digest; the others never.
func TestWeeklyChartOnMondaysAcrossDST(t *testing.T) {
	ctx := context.Background()
	st := storetest.Open(t)
	start := time.Date(2026, 10, 17, 0, 0, 0, 0, time.UTC) // a Saturday
	end := time.Date(2026, 11, 11, 0, 0, 0, 0, time.UTC)
	subs := map[string]*briefings.Subscription{}
	for _, c := range []struct {
		chat, spec, tz string
		chart          bool
	}{
		{"kyiv-on", "08:00", "Europe/Kyiv", true},
		{"kyiv-off", "08:00", "Europe/Kyiv", false}, // the same group as kyiv-on
		{"ny-tue-thu", "0 9 * * 2,4", "America/New_York", true},
		{"kyiv-6h", "30 */6 * * *", "Europe/Kyiv", true},
		{"kyiv-late", "23:30", "Europe/Kyiv", true},
	} {
		sc, err := Parse(c.spec, c.tz)
		if err != nil {
			t.Fatal(err)
		}
		s := &briefings.Subscription{Chat: briefings.Chat{Platform: "telegram", ChatID: c.chat}, Schedule: c.spec,
			TimeZone: c.tz, Active: true, WeeklyChart: c.chart, NextDueAt: sc.Next(start)}
		if err := st.UpsertSubscription(ctx, s); err != nil {
			t.Fatal(err)
		}
		subs[c.chat] = s
	}
	var builds, charts atomic.Int32
	job := DueJob{Build: countingBuild(&builds), Chart: chartPayload(&charts), Log: slog.New(slog.DiscardHandler)}
	for now := start; now.Before(end); now = now.Add(30 * time.Minute) {
		if _, _, err := job.Run(ctx, st, now.Add(10*time.Second)); err != nil {
			t.Fatal(err)
		}
	}
	rows := claimAll(t, st, end)
	got := map[string][]string{} // chat -> its charts' keys
	firstDigest := map[string]time.Time{}
	for _, r := range rows {
		sub := subs[r.Chat.ChatID]
		sc, _ := Parse(sub.Schedule, sub.TimeZone)
		monday := mondayOf(r.CreatedAt, sc.Location())
		k := r.Chat.ChatID + " " + monday
		switch r.Kind {
		case briefings.DeliveryDigest:
			if _, ok := firstDigest[k]; !ok {
				firstDigest[k] = r.CreatedAt
			}
		case briefings.DeliveryChart:
			if want := briefings.ChartDedupeKey(sub.ID, monday); r.DedupeKey != want || string(r.Payload) != "chart "+monday {
				t.Errorf("%s: chart %q %q, want key %q of its week", r.Chat.ChatID, r.DedupeKey, r.Payload, want)
			}
			if at, ok := firstDigest[k]; !ok || !at.Equal(r.CreatedAt) {
				t.Errorf("%s: chart of %s queued at %v, not after the week's first digest (%v)", r.Chat.ChatID, monday, r.CreatedAt, at)
			}
			got[r.Chat.ChatID] = append(got[r.Chat.ChatID], monday)
		}
	}
	want := map[string]string{
		"kyiv-on":    "2026-10-19 2026-10-26 2026-11-02 2026-11-09",
		"ny-tue-thu": "2026-10-19 2026-10-26 2026-11-02 2026-11-09",
		"kyiv-6h":    "2026-10-19 2026-10-26 2026-11-02 2026-11-09",
		"kyiv-late":  "2026-10-19 2026-10-26 2026-11-02 2026-11-09",
	}
	for chat := range subs {
		if g := strings.Join(got[chat], " "); g != want[chat] {
			t.Errorf("%s: charts of weeks %q, want %q", chat, g, want[chat])
		}
	}
	// Each chart went with a digest at that week's first slot of its
	// subscription.
	for chat, weeks := range got {
		sub := subs[chat]
		sc, _ := Parse(sub.Schedule, sub.TimeZone)
		for _, monday := range weeks {
			at := firstDigest[chat+" "+monday]
			slot := sc.Next(at.Add(-time.Hour)) // the slot that run sent (within the half hour before it)
			if m, first := ChartWeek(sc, slot); m != monday || !first {
				t.Errorf("%s: chart of %s sent at %v, with the slot %v (week %s, first %v)", chat, monday, at, slot, m, first)
			}
		}
	}
}

// mondayOf is the Monday of t's week in loc, a civil date.
func mondayOf(t time.Time, loc *time.Location) string {
	l := t.In(loc)
	return time.Date(l.Year(), l.Month(), l.Day()-(int(l.Weekday())+6)%7, 0, 0, 0, 0, time.UTC).Format(time.DateOnly)
}

// TestWeeklyChartBuiltOncePerRun: one run with groups of several topics and
// zones due at the same Monday builds the chart once.
func TestWeeklyChartBuiltOncePerRun(t *testing.T) {
	ctx := context.Background()
	st := storetest.Open(t)
	slot := time.Date(2026, 6, 1, 8, 0, 0, 0, time.UTC) // Monday: 08:00 UTC is 10:00 in Berlin
	n := 0
	for _, z := range []struct{ spec, tz string }{{"08:00", "UTC"}, {"10:00", "Europe/Berlin"}} {
		for _, topics := range [][]briefings.Topic{nil, {"Diplomacy"}, {"Air attacks"}} {
			n++
			s := addSub(t, st, fmt.Sprint(n), z.spec, z.tz, topics, slot)
			s.WeeklyChart = true
			if err := st.UpsertSubscription(ctx, s); err != nil {
				t.Fatal(err)
			}
		}
	}
	var builds, charts atomic.Int32
	job := DueJob{Build: countingBuild(&builds), Chart: chartPayload(&charts), Log: slog.New(slog.DiscardHandler)}
	if got, _, err := job.Run(ctx, st, slot.Add(time.Second)); err != nil || got != n {
		t.Fatalf("enqueued %d (%v), want %d", got, err, n)
	}
	if builds.Load() != 6 || charts.Load() != 1 {
		t.Errorf("%d digest builds and %d chart builds, want 6 and 1", builds.Load(), charts.Load())
	}
	kinds := map[string]int{}
	for _, r := range claimAll(t, st, slot.Add(time.Hour)) {
		kinds[r.Kind]++
	}
	if kinds[briefings.DeliveryDigest] != n || kinds[briefings.DeliveryChart] != n {
		t.Errorf("rows %v, want %d digests and %d charts", kinds, n, n)
	}
}

// TestWeeklyChartCrash: a run that stops after its digests and charts
// reached the database, before its schedule moved on, re-runs the slot and
// sends neither twice; one that fails before committing sends both on the
// next run.
func TestWeeklyChartCrash(t *testing.T) {
	for _, committed := range []bool{true, false} {
		t.Run(fmt.Sprint("committed=", committed), func(t *testing.T) {
			ctx := context.Background()
			st := storetest.Open(t)
			slot := time.Date(2026, 6, 1, 8, 0, 0, 0, time.UTC)
			s := addSub(t, st, "1", "08:00", "", nil, slot)
			s.WeeklyChart = true
			if err := st.UpsertSubscription(ctx, s); err != nil {
				t.Fatal(err)
			}
			var builds, charts atomic.Int32
			job := DueJob{Build: countingBuild(&builds), Chart: chartPayload(&charts), Log: slog.New(slog.DiscardHandler)}
			if _, _, err := job.Run(ctx, crashBeforeAdvance{st, committed}, slot); err == nil {
				t.Fatal("want the simulated crash")
			}
			want := 0
			if committed {
				want = 2
			}
			if stats, err := st.DeliveryStats(ctx); err != nil || stats.Pending != want {
				t.Fatalf("after the crash: %+v %v, want %d queued", stats, err, want)
			}
			if n, _, err := job.Run(ctx, st, slot.Add(time.Minute)); err != nil || n != 1 {
				t.Fatalf("rerun: %d %v", n, err)
			}
			keys := map[string]int{}
			for _, r := range claimAll(t, st, slot.Add(time.Hour)) {
				keys[r.DedupeKey]++
			}
			if len(keys) != 2 || keys[briefings.DigestDedupeKey(s.ID, slot)] != 1 || keys[briefings.ChartDedupeKey(s.ID, "2026-06-01")] != 1 {
				t.Fatalf("rows %v, want one digest and one chart", keys)
			}
			// A later run of the same week sends no chart.
			if n, _, err := job.Run(ctx, st, slot.Add(24*time.Hour)); err != nil || n != 1 {
				t.Fatalf("Tuesday: %d %v", n, err)
			}
			var tuesday []string
			for _, r := range claimAll(t, st, slot.Add(25*time.Hour)) { // Monday's rows again too: their claims expired
				if r.CreatedAt.After(slot.Add(time.Hour)) {
					tuesday = append(tuesday, r.Kind)
				}
			}
			if len(tuesday) != 1 || tuesday[0] != briefings.DeliveryDigest {
				t.Fatalf("Tuesday: %v, want the digest alone", tuesday)
			}
		})
	}
}

// TestWeeklyChartTurnedOnMidRun: a member who turns the chart on between
// the job's read and its write holds the schedule (no chart was built for
// it); the next run sends the chart and not the digest again.
func TestWeeklyChartTurnedOnMidRun(t *testing.T) {
	for name, open := range dialects {
		t.Run(name, func(t *testing.T) {
			ctx := context.Background()
			st := open(t)
			slot := time.Date(2026, 6, 1, 8, 0, 0, 0, time.UTC)
			s := addSub(t, st, "1", "08:00", "UTC", nil, slot)
			var builds, charts atomic.Int32
			job := DueJob{Build: countingBuild(&builds), Chart: chartPayload(&charts), Log: slog.New(slog.DiscardHandler)}
			midRun := changedAfterRead{st, func() {
				s.WeeklyChart = true
				if err := st.UpsertSubscription(ctx, s); err != nil {
					t.Error(err)
				}
			}}
			if n, _, err := job.Run(ctx, midRun, slot.Add(time.Second)); err != nil || n != 1 {
				t.Fatalf("first run: %d %v", n, err)
			}
			if got, _ := st.GetSubscription(ctx, s.Chat); !got.NextDueAt.Equal(slot) {
				t.Fatalf("schedule moved on without the chart: next %v", got.NextDueAt)
			}
			if n, _, err := job.Run(ctx, st, slot.Add(time.Minute)); err != nil || n != 1 {
				t.Fatalf("second run: %d %v", n, err)
			}
			rows := claimAll(t, st, slot.Add(time.Hour))
			if len(rows) != 2 || rows[0].Kind != briefings.DeliveryDigest || rows[1].Kind != briefings.DeliveryChart {
				t.Fatalf("%d rows, want the digest then the chart", len(rows))
			}
		})
	}
}

// TestWeeklyChartWithoutFigures: a chart that fails to build, or has
// nothing to show, never holds the digests back.
func TestWeeklyChartWithoutFigures(t *testing.T) {
	for name, chart := range map[string]ChartFunc{
		"failed":  func(context.Context, string) ([]byte, error) { return nil, errors.New("simulated failure") },
		"nothing": func(context.Context, string) ([]byte, error) { return nil, nil },
	} {
		t.Run(name, func(t *testing.T) {
			ctx := context.Background()
			st := storetest.Open(t)
			slot := time.Date(2026, 6, 1, 8, 0, 0, 0, time.UTC)
			s := addSub(t, st, "1", "08:00", "UTC", nil, slot)
			s.WeeklyChart = true
			if err := st.UpsertSubscription(ctx, s); err != nil {
				t.Fatal(err)
			}
			var builds atomic.Int32
			job := DueJob{Build: countingBuild(&builds), Chart: chart, Log: slog.New(slog.DiscardHandler)}
			if n, _, err := job.Run(ctx, st, slot.Add(time.Second)); err != nil || n != 1 {
				t.Fatalf("run: %d %v", n, err)
			}
			rows := claimAll(t, st, slot.Add(time.Hour))
			if len(rows) != 1 || rows[0].Kind != briefings.DeliveryDigest {
				t.Fatalf("%d rows, want the digest alone", len(rows))
			}
			if got, _ := st.GetSubscription(ctx, s.Chat); !got.NextDueAt.Equal(slot.Add(24 * time.Hour)) {
				t.Fatalf("schedule held: next %v", got.NextDueAt)
			}
		})
	}
}
