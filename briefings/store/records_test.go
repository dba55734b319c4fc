package store_test

import (
	"time"

	"github.com/sitrep/sitrep/briefings"
)

// record is an invented report of record of a data set.
func record(dataset, key, date string, drones int) *briefings.AttackRecord {
	rep := briefings.AttackReport{Attacker: "RU", Target: "UA", Date: date, Period: "overnight", Scope: briefings.ScopeNational,
		Source: "Air Force", Launched: briefings.Counts{Drones: briefings.IntPtr(drones), ByType: map[string]int{"Shahed": drones}}}
	return &briefings.AttackRecord{Dataset: dataset, Key: key, Hash: key + "-" + string(rune('a'+drones%26)),
		URL: "https://example.org/posts/" + key, Report: rep}
}

func testAttackRecords(e *env) {
	t, ctx := e.t, e.ctx
	v0, err := e.db.AttackDataVersion(ctx)
	must(t, err)
	first := []*briefings.AttackRecord{
		record("Set A", "w1", "2025-03-02", 100), record("Set A", "w2", "2025-03-01", 50), record("Set A", "w3", "2025-03-05", 70),
	}
	res, err := e.db.ImportAttackRecords(ctx, first)
	must(t, err)
	if res != (briefings.ImportResult{Added: 3}) || first[0].ID == 0 {
		t.Fatalf("first import: %+v, id %d", res, first[0].ID)
	}
	v1, err := e.db.AttackDataVersion(ctx)
	must(t, err)
	if v1 == v0 {
		t.Error("an import that adds records must change the version")
	}

	again := []*briefings.AttackRecord{
		record("Set A", "w1", "2025-03-02", 100), record("Set A", "w2", "2025-03-01", 50), record("Set A", "w3", "2025-03-05", 70),
	}
	res, err = e.db.ImportAttackRecords(ctx, again)
	must(t, err)
	if res != (briefings.ImportResult{Unchanged: 3}) || again[0].ID != first[0].ID {
		t.Errorf("the same file again: %+v (ids %d, %d)", res, again[0].ID, first[0].ID)
	}
	if v, _ := e.db.AttackDataVersion(ctx); v != v1 {
		t.Errorf("an import that changes nothing changed the version: %s -> %s", v1, v)
	}

	newer := []*briefings.AttackRecord{
		record("Set A", "w1", "2025-03-02", 103), // corrected
		record("Set A", "w2", "2025-03-01", 50),
		record("Set A", "w4", "2025-03-06", 9),   // new
		record("Set B", "w1", "2025-03-02", 100), // same key, another data set
	}
	res, err = e.db.ImportAttackRecords(ctx, newer)
	must(t, err)
	if res != (briefings.ImportResult{Added: 2, Updated: 1, Unchanged: 1}) || newer[0].ID != first[0].ID {
		t.Errorf("a newer file: %+v", res)
	}
	v2, _ := e.db.AttackDataVersion(ctx)
	if v2 == v1 {
		t.Error("an import that updates records must change the version")
	}

	recs, err := e.db.ListAttackRecords(ctx, "2025-03-02", "2025-03-05")
	must(t, err)
	if len(recs) != 3 || recs[0].Report.Date != "2025-03-02" || recs[2].Key != "w3" {
		t.Fatalf("records 2-5 Mar: %d %+v", len(recs), recs)
	}
	for _, r := range recs {
		if r.Dataset == "Set A" && r.Key == "w1" {
			if *r.Report.Launched.Drones != 103 || r.Report.Launched.ByType["Shahed"] != 103 || r.URL != "https://example.org/posts/w1" {
				t.Errorf("updated record: %+v", r.Report)
			}
			if r.Report.SourceName != "Set A" || r.Report.ArticleURL != r.URL || !r.ImportedAt.Equal(t0) {
				t.Errorf("record read back: source %q url %q imported %v", r.Report.SourceName, r.Report.ArticleURL, r.ImportedAt)
			}
		}
	}
	if all, _ := e.db.ListAttackRecords(ctx, "", ""); len(all) != 5 {
		t.Errorf("all records: %d, want 5", len(all))
	}

	// Records are not attack reports: the alert cursor and the lists of
	// reports read from articles never see them.
	if reps, _ := e.db.AttackReportsAfter(ctx, 0, 100); len(reps) != 0 {
		t.Errorf("reports after 0: %d, want none", len(reps))
	}
	if reps, _ := e.db.ListAttackReports(ctx, time.Time{}, time.Time{}); len(reps) != 0 {
		t.Errorf("listed reports: %d, want none", len(reps))
	}
	src := e.source("Air Desk")
	a := article(src, 1, t0, "Overnight attack")
	a.Attacks = []briefings.AttackReport{{Attacker: "RU", Target: "UA", Launched: briefings.Counts{Drones: briefings.IntPtr(5)}}}
	e.add(a)
	if v, _ := e.db.AttackDataVersion(ctx); v == v2 {
		t.Error("a new attack report must change the version")
	}
}
