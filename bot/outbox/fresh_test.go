package outbox

import (
	"context"
	"testing"
	"time"

	"github.com/sitrep/sitrep/briefings"
)

// TestAlertOnIsNotAnAlertForLastYear: a chat turns alerts on while the
// database holds last year's attack, which no scan has read yet (a new
// bot, or reports ingested from an archive): nothing is sent. Before the
// freshness rule the first scan alerted every chat about that night.
func TestAlertOnIsNotAnAlertForLastYear(t *testing.T) {
	ctx := context.Background()
	f := newAlertFixture(t)
	now := time.Date(2026, 10, 2, 9, 0, 0, 0, time.UTC)
	f.report(t, time.Date(2025, 9, 4, 7, 0, 0, 0, time.UTC), national("2025-09-04", 112))
	chat := briefings.Chat{Platform: "telegram", ChatID: "1"}
	if err := f.st.SetAlertSettings(ctx, &briefings.AlertSettings{Chat: chat, Enabled: true}); err != nil {
		t.Fatal(err)
	}
	if n, err := EnqueueAlerts(ctx, f.st, now, 0, renderTest); err != nil || n != 0 {
		t.Fatalf("turning alerts on enqueued %d alerts (%v) for last year's attack", n, err)
	}
	// A fresh report of last night still alerts.
	f.report(t, now.Add(-2*time.Hour), national("2026-10-02", 60))
	if n, err := EnqueueAlerts(ctx, f.st, now, 0, renderTest); err != nil || n != 1 {
		t.Fatalf("last night: %d alerts (%v), want 1", n, err)
	}
}

// TestAlertsOnlyWhileFresh: the rule at its edges, and the ways old events
// reach the store.
func TestAlertsOnlyWhileFresh(t *testing.T) {
	now := time.Date(2026, 10, 2, 9, 0, 0, 0, time.UTC)
	cases := []struct {
		name      string
		published time.Time
		date      string
		noAlert   bool
		maxAge    time.Duration
		want      int
	}{
		{"reported 11h ago", now.Add(-11 * time.Hour), "2026-10-02", false, 0, 1},
		{"downtime: reported 13h ago", now.Add(-13 * time.Hour), "2026-10-01", false, 0, 0},
		{"a longer max_age keeps it", now.Add(-13 * time.Hour), "2026-10-01", false, 24 * time.Hour, 1},
		{"a shorter max_age drops it", now.Add(-2 * time.Hour), "2026-10-02", false, time.Hour, 0},
		{"a past night in today's news", now.Add(-time.Hour), "2026-09-20", false, 0, 0},
		{"back-filled", now.Add(-time.Hour), "2026-10-02", true, 0, 0},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			ctx := context.Background()
			f := newAlertFixture(t)
			if err := f.st.SetAlertSettings(ctx, &briefings.AlertSettings{Chat: briefings.Chat{Platform: "telegram", ChatID: "1"}, Enabled: true}); err != nil {
				t.Fatal(err)
			}
			r := national(c.date, 70)
			r.NoAlert = c.noAlert
			f.report(t, c.published, r)
			if n, err := EnqueueAlerts(ctx, f.st, now, c.maxAge, renderTest); err != nil || n != c.want {
				t.Fatalf("enqueued %d (%v), want %d", n, err, c.want)
			}
		})
	}
}

func TestEventTime(t *testing.T) {
	at := func(s string) time.Time { v, _ := time.Parse(time.RFC3339, s); return v }
	ev := []*briefings.AttackReport{
		{Date: "2026-03-14", PublishedAt: at("2026-03-14T06:15:00Z")},
		{Date: "2026-03-14", PublishedAt: at("2026-03-14T07:00:00Z"), RevisedAt: at("2026-03-14T09:30:00Z")},
	}
	if got := briefings.EventTime(ev); !got.Equal(at("2026-03-14T09:30:00Z")) {
		t.Errorf("the newest report, revisions counting: %v", got)
	}
	late := []*briefings.AttackReport{{Date: "2025-09-04", PublishedAt: at("2026-10-01T10:00:00Z")}}
	if got := briefings.EventTime(late); !got.Equal(at("2025-09-06T00:00:00Z")) {
		t.Errorf("a text about a past night counts at most to the day after it: %v", got)
	}
	if !briefings.EventTime(nil).IsZero() || briefings.Fresh(nil, at("2026-01-01T00:00:00Z"), time.Hour) {
		t.Error("no reports: no time, not fresh")
	}
}

// TestDateOnlyArticleAlertsOnItsDay: an article whose source gives the day
// but no time is stored at that day's 00:00 UTC; in the afternoon it is
// still that day's news, not a report 15 hours old. An earlier day's
// date-only article stays old.
func TestDateOnlyArticleAlertsOnItsDay(t *testing.T) {
	now := time.Date(2026, 10, 2, 15, 0, 0, 0, time.UTC)
	cases := []struct {
		name      string
		published time.Time
		dateOnly  bool
		want      int
	}{
		{"date-only, today", time.Date(2026, 10, 2, 0, 0, 0, 0, time.UTC), true, 1},
		{"timed, 15h ago", time.Date(2026, 10, 2, 0, 0, 0, 0, time.UTC), false, 0},
		{"date-only, two days ago", time.Date(2026, 9, 30, 0, 0, 0, 0, time.UTC), true, 0},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			ctx := context.Background()
			f := newAlertFixture(t)
			if err := f.st.SetAlertSettings(ctx, &briefings.AlertSettings{Chat: briefings.Chat{Platform: "telegram", ChatID: "1"}, Enabled: true}); err != nil {
				t.Fatal(err)
			}
			f.article(t, c.published, c.dateOnly, national(c.published.Format("2006-01-02"), 70))
			if n, err := EnqueueAlerts(ctx, f.st, now, 0, renderTest); err != nil || n != c.want {
				t.Fatalf("enqueued %d (%v), want %d", n, err, c.want)
			}
		})
	}
}
