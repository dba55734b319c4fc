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
	if got := queryPlan(t, db, `SELECT schedule, time_zone, next_slot, last_run_at, last_slot FROM schedule_slots
		WHERE wake_at <= $1 ORDER BY wake_at, schedule, time_zone`, now); !strings.Contains(got, "schedule_slots_due") {
		t.Errorf("due schedules plan %q: want schedule_slots_due", got)
	}
	if got := queryPlan(t, db, qDueMembers+qDueMembersGroups, "08:00", "UTC", now, now, now); !strings.Contains(got,
		"USING COVERING INDEX subscriptions_due (schedule=? AND time_zone=? AND active=?)") {
		t.Errorf("due members plan %q: want a covering search of subscriptions_due", got)
	}
	for _, charts := range []bool{false, true} {
		ins := db.dueInsertSQL(charts)
		if got := queryPlan(t, db, ins, "digest:", ":1", int64(1), now, time.Time{}, "08:00", "UTC", "null", time.Time{}, now); !strings.Contains(got,
			"INDEX subscriptions_due (schedule=? AND time_zone=? AND active=? AND topics=? AND next_due_at>? AND next_due_at<?)") {
			t.Errorf("due insert plan (charts %v) %q: want an equality search of subscriptions_due", charts, got)
		}
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
	for _, g := range due[0].Groups {
		slots = append(slots, fmt.Sprint(g.Count, "@", g.Slot.Format(time.RFC3339)))
	}
	// The overdue one at its own (older) slot, the schedule's at t0; the
	// one due tomorrow not at all.
	if got := strings.Join(slots, " "); got != "1@2026-05-31T05:00:00Z 1@2026-06-01T05:00:00Z" {
		t.Errorf("due groups %q", got)
	}
}

// TestMigrationChatChannelPrimary: the Air Force's channel added from chat
// before migration 0014 becomes primary for attacks on Ukraine; another
// channel, a configured one (allowed the operator's network) and one that
// already had a country keep what they had.
func TestMigrationChatChannelPrimary(t *testing.T) {
	ctx := context.Background()
	db, err := openSQLite(ctx, filepath.Join(t.TempDir(), "v13.db"))
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
	apply := func(from, upTo int) {
		for _, m := range ms {
			if m.Version >= from && m.Version <= upTo {
				if err := db.apply(ctx, conn, m); err != nil {
					t.Fatalf("migration %d: %v", m.Version, err)
				}
			}
		}
	}
	apply(1, 13)
	want := map[string]string{
		"https://t.me/s/KPSZSU":          "UA", // added from chat as @KPSZSU
		"https://t.me/s/some_outlet":     "",
		"http://127.0.0.1:8080/s/kpszsu": "", // a configured mirror
		"https://t.me/s/kpszsu_archive":  "",
	}
	for url := range want {
		private := strings.HasPrefix(url, "http://")
		if _, err := conn.ExecContext(ctx, `INSERT INTO sources (name, url, kind, allow_private, last_fetch_at, last_success_at,
			next_check_at, created_at) VALUES (?1, ?1, 'channel', ?2, 0, 0, 0, 0)`, url, private); err != nil {
			t.Fatal(err)
		}
	}
	apply(14, 99)
	conn.Close()
	for url, country := range want {
		s, err := db.GetSourceByURL(ctx, url)
		if err != nil || s.PrimaryFor != country {
			t.Errorf("%s: %+v %v, want primary_for %q", url, s, err, country)
		}
	}
}
