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

// TestDueQueriesUseIndex: the every-minute due query searches
// subscriptions_due in order; a scan and sort of the whole table would cost
// every run time in proportion to all subscriptions, not the due ones.
func TestDueQueriesUseIndex(t *testing.T) {
	db := openTemp(t)
	ctx := context.Background()
	for _, q := range []string{
		`SELECT ` + subCols + ` FROM subscriptions WHERE active = TRUE AND next_due_at <= $1 ORDER BY next_due_at, id LIMIT $2`,
		`SELECT id, platform, chat_id, schedule, time_zone, topics, next_due_at
		FROM subscriptions WHERE active = TRUE AND next_due_at <= $1 ORDER BY next_due_at, id LIMIT $2`,
	} {
		rows, err := db.w.QueryContext(ctx, "EXPLAIN QUERY PLAN "+db.rebind(q), int64(0), 10)
		if err != nil {
			t.Fatal(err)
		}
		var plan []string
		for rows.Next() {
			var id, parent, unused int
			var detail string
			if err := rows.Scan(&id, &parent, &unused, &detail); err != nil {
				t.Fatal(err)
			}
			plan = append(plan, detail)
		}
		rows.Close()
		got := strings.Join(plan, "; ")
		if !strings.Contains(got, "USING INDEX subscriptions_due") || strings.Contains(got, "TEMP B-TREE") {
			t.Errorf("plan %q: want an ordered search of subscriptions_due", got)
		}
	}
}

// TestDueSchedules: the same subscriptions, in the same order, as
// DueSubscriptions, with the fields scheduling needs.
func TestDueSchedules(t *testing.T) {
	db := openTemp(t)
	ctx := context.Background()
	t0 := time.Date(2026, 6, 1, 5, 0, 0, 0, time.UTC)
	topics := [][]string{nil, {"Diplomacy"}, {"Air attacks", "Diplomacy"}}
	for i := range 12 {
		s := &briefings.Subscription{Chat: briefings.Chat{Platform: "telegram", ChatID: fmt.Sprint(i)},
			Schedule: "08:00", TimeZone: "Europe/Kyiv", Topics: topics[i%3], Active: i != 5,
			NextDueAt: t0.Add(time.Duration(i%4) * time.Minute)}
		if err := db.UpsertSubscription(ctx, s); err != nil {
			t.Fatal(err)
		}
	}
	now := t0.Add(2 * time.Minute)
	want, err := db.DueSubscriptions(ctx, now, 0)
	if err != nil {
		t.Fatal(err)
	}
	got, err := db.DueSchedules(ctx, now, 0)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != len(want) || len(got) != 8 {
		t.Fatalf("%d due schedules, %d due subscriptions, want 8", len(got), len(want))
	}
	for i, w := range want {
		g := got[i]
		if g.ID != w.ID || g.Chat != w.Chat || g.Schedule != w.Schedule || g.TimeZone != w.TimeZone ||
			!g.NextDueAt.Equal(w.NextDueAt) || !g.Active || fmt.Sprint(g.Topics) != fmt.Sprint(w.Topics) ||
			(g.Topics == nil) != (w.Topics == nil) {
			t.Errorf("row %d: %+v, want %+v", i, g, w)
		}
	}
	// Topics decoded once are still not shared between subscriptions.
	var same []*briefings.Subscription
	for _, g := range got {
		if fmt.Sprint(g.Topics) == "[Diplomacy]" {
			same = append(same, g)
		}
	}
	if len(same) < 2 {
		t.Fatalf("%d due subscriptions with the same topics, want 2 or more", len(same))
	}
	same[0].Topics[0] = "changed"
	if same[1].Topics[0] != "Diplomacy" {
		t.Error("topics slices shared between subscriptions")
	}
	if lim, err := db.DueSchedules(ctx, now, 3); err != nil || len(lim) != 3 || lim[2].ID != want[2].ID {
		t.Fatalf("limit 3: %d %v", len(lim), err)
	}
}
