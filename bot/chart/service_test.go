package chart

import (
	"context"
	"path/filepath"
	"sync/atomic"
	"testing"
	"time"

	"github.com/sitrep/sitrep/briefings"
	"github.com/sitrep/sitrep/briefings/history"
	"github.com/sitrep/sitrep/briefings/store"
)

// countingStore counts the reads a chart makes.
type countingStore struct {
	*store.DB
	lists atomic.Int32
}

func (c *countingStore) ListAttackRecords(ctx context.Context, from, to string) ([]*briefings.AttackRecord, error) {
	c.lists.Add(1)
	return c.DB.ListAttackRecords(ctx, from, to)
}

func openStore(t *testing.T, now time.Time) *countingStore {
	t.Helper()
	db, err := store.Open(t.Context(), filepath.Join(t.TempDir(), "sitrep.db"))
	if err != nil {
		t.Fatal(err)
	}
	db.Now = func() time.Time { return now }
	t.Cleanup(func() { db.Close() })
	return &countingStore{DB: db}
}

func TestServiceChartsStoredReportsAndCachesUntilANewOne(t *testing.T) {
	now := time.Date(2025, 4, 30, 9, 0, 0, 0, time.UTC)
	st := openStore(t, now)
	ctx := t.Context()
	if _, err := st.ImportAttackRecords(ctx, yearOfRecords("2025-01-01", 110)); err != nil { // to 20 Apr
		t.Fatal(err)
	}
	src := &briefings.Source{Name: "Invented Wire", URL: "https://wire.example/feed", Kind: briefings.SourceFeed, Enabled: true}
	if err := st.UpsertSource(ctx, src); err != nil {
		t.Fatal(err)
	}
	addReport := func(date string, drones int) {
		t.Helper()
		at, _ := time.Parse(time.DateOnly, date)
		a := &briefings.Article{SourceID: src.ID, URL: "https://wire.example/" + date, GUID: date, Title: "Overnight attack " + date,
			Body: "Invented body " + date, PublishedAt: at.Add(7 * time.Hour), FetchedAt: at.Add(8 * time.Hour), ContentHash: date,
			Attacks: []briefings.AttackReport{{Attacker: "RU", Target: "UA", Date: date, Scope: briefings.ScopeNational,
				Launched: briefings.Counts{Drones: briefings.IntPtr(drones)}}}}
		if _, err := st.AddArticle(ctx, a); err != nil {
			t.Fatal(err)
		}
	}
	addReport("2025-04-25", 77)

	svc := &Service{Store: st, Now: func() time.Time { return now }, Cache: &Cache{}}
	q := Query{Days: 30, Classes: []history.Class{history.Drones}, Location: time.UTC}
	p, err := svc.Chart(ctx, q)
	if err != nil {
		t.Fatal(err)
	}
	s := p.Series[0]
	if s.From != "2025-04-01" || s.To != "2025-04-30" || len(s.Points) != 30 || s.Weekly {
		t.Fatalf("series %s..%s, %d points, weekly %v", s.From, s.To, len(s.Points), s.Weekly)
	}
	byDate := map[string]history.Point{}
	for _, pt := range s.Points {
		byDate[pt.Start] = pt
	}
	// 20 Apr is record 110 (i = 109): 50 + (109*37)%400 drones.
	if got, want := byDate["2025-04-20"].Launched, 50+(109*37)%400; got != want || !byDate["2025-04-20"].Refs[0].Record {
		t.Errorf("20 Apr: %d, want the record's %d", got, want)
	}
	if got := byDate["2025-04-25"]; got.Launched != 77 || got.Refs[0].Record || got.Refs[0].Source != "Invented Wire" {
		t.Errorf("25 Apr: %+v, want the wire's 77", got)
	}
	if got := byDate["2025-04-27"]; got.LaunchedStated {
		t.Errorf("27 Apr has no report: %+v", got)
	}

	reads := st.lists.Load()
	again, err := svc.Chart(ctx, q)
	if err != nil || &again.PNG[0] != &p.PNG[0] || st.lists.Load() != reads {
		t.Errorf("the same chart was drawn again (reads %d -> %d)", reads, st.lists.Load())
	}
	addReport("2025-04-27", 12)
	fresh, err := svc.Chart(ctx, q)
	if err != nil {
		t.Fatal(err)
	}
	if st.lists.Load() == reads || fresh.Series[0].Points[26].Launched != 12 {
		t.Errorf("a new report must redraw the chart: 27 Apr = %d", fresh.Series[0].Points[26].Launched)
	}

	year, err := svc.Chart(ctx, Query{Days: 365, Location: time.UTC})
	if err != nil {
		t.Fatal(err)
	}
	if len(year.Series) != 2 || !year.Series[0].Weekly || year.Series[1].Class != history.Missiles {
		t.Errorf("a year of both classes: %d series, weekly %v", len(year.Series), year.Series[0].Weekly)
	}
}

func TestServiceTrend(t *testing.T) {
	now := time.Date(2025, 4, 20, 9, 0, 0, 0, time.UTC)
	st := openStore(t, now)
	recs := yearOfRecords("2025-01-01", 110)
	if _, err := st.ImportAttackRecords(t.Context(), recs); err != nil {
		t.Fatal(err)
	}
	svc := &Service{Store: st, Now: func() time.Time { return now }}
	tr, err := svc.Trend(t.Context(), history.Drones, time.UTC)
	if err != nil {
		t.Fatal(err)
	}
	want := 0
	for _, r := range recs[103:110] { // 14-20 Apr
		want += *r.Report.Launched.Drones
	}
	if tr.Week.From != "2025-04-14" || tr.Week.Launched != want {
		t.Errorf("week from %s: %d launched, want %d", tr.Week.From, tr.Week.Launched, want)
	}
}

func TestParseWindow(t *testing.T) {
	for in, want := range map[string]int{"30d": 30, "90d": 90, "1y": 365, "12w": 84, "6m": 180, " 7D ": 7} {
		if got, err := ParseWindow(in); err != nil || got != want {
			t.Errorf("ParseWindow(%q) = %d, %v; want %d", in, got, err, want)
		}
	}
	for _, bad := range []string{"", "d", "3d", "2y", "-5d", "30", "xd", "1.5y"} {
		if _, err := ParseWindow(bad); err == nil {
			t.Errorf("ParseWindow(%q): no error", bad)
		}
	}
}
