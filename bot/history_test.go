package bot_test

import (
	"bytes"
	"context"
	"image/png"
	"strings"
	"testing"
	"time"

	"github.com/sitrep/sitrep/briefings"
)

// importRecords stores invented reports of record: one national window per
// day from first, drones = base + day index.
func importRecords(t *testing.T, h *harness, first string, days, base int) []*briefings.AttackRecord {
	t.Helper()
	d0, _ := time.Parse(time.DateOnly, first)
	var recs []*briefings.AttackRecord
	for i := range days {
		d := d0.AddDate(0, 0, i).Format(time.DateOnly)
		recs = append(recs, &briefings.AttackRecord{Dataset: "Invented data set", Key: d, Hash: d, URL: "https://posts.example/" + d,
			Report: briefings.AttackReport{Attacker: "RU", Target: "UA", Date: d, Period: "overnight", Scope: briefings.ScopeNational,
				Launched:            briefings.Counts{Drones: briefings.IntPtr(base + i), Missiles: briefings.IntPtr(i % 3)},
				InterceptedOrJammed: briefings.Counts{Drones: briefings.IntPtr(base + i - 10)}}})
	}
	if _, err := h.st.ImportAttackRecords(context.Background(), recs); err != nil {
		t.Fatal(err)
	}
	return recs
}

func TestChartCommand(t *testing.T) {
	h := newHarness(t)
	// now0 is 10 Mar 2026: records from 1 Feb to 10 Mar.
	importRecords(t, h, "2026-02-01", 38, 100)
	rep, text := h.say(t, req("/chart 30d drones"))
	if rep == nil || rep.Photo == nil {
		t.Fatalf("no picture: %s", text)
	}
	if _, err := png.Decode(bytes.NewReader(rep.Photo.PNG)); err != nil {
		t.Fatalf("not a PNG: %v", err)
	}
	// 9 Feb .. 10 Mar: drones 108..137, sum = 30*(108+137)/2 = 3675; down 10 fewer each: 3375 (92 %).
	for _, want := range []string{"Drones, last 30 days", "9 Feb - 10 Mar 2026", "Drones (sums added up by sitrep from the day figures): 3,675 launched, 92 % brought down.", "Source:"} {
		if !strings.Contains(text, want) {
			t.Errorf("reply lacks %q:\n%s", want, text)
		}
	}
	if strings.Contains(text, "Missiles:") {
		t.Errorf("a drones chart speaks of missiles:\n%s", text)
	}
	if len(rep.Buttons) != 1 || rep.Buttons[0][0].Data != "/chart 90d drones" {
		t.Errorf("buttons %+v", rep.Buttons)
	}
	rep, text = h.say(t, req("/chart 1y"))
	if rep.Photo == nil || !strings.Contains(text, "Drones and missiles, last year") || !strings.Contains(text, "per week") {
		t.Errorf("a year of both:\n%s", text)
	}
	for _, bad := range []string{"/chart forever", "/chart 5y", "/chart tanks"} {
		rep, text := h.say(t, req(bad))
		if !rep.Error || !strings.Contains(text, "/chart 30d") {
			t.Errorf("%s: %s", bad, text)
		}
	}
}

func TestChartWithoutHistorySaysHowToLoadIt(t *testing.T) {
	h := newHarness(t)
	rep, text := h.say(t, req("/chart 90d"))
	if rep.Photo != nil || !strings.Contains(text, "sitrep import attacks") {
		t.Errorf("empty store: %s", text)
	}
}

func TestTrendCommand(t *testing.T) {
	h := newHarness(t)
	importRecords(t, h, "2026-02-24", 15, 100) // 24 Feb .. 10 Mar
	rep, text := h.say(t, req("/trend drones"))
	// 4..10 Mar: 108..114 = 777; 25 Feb..3 Mar: 101..107 = 728 (+7 %); down 707 of 777 (91 %).
	want := "7 days to 10 Mar (sums added up by sitrep from the day figures): 777 drones launched (+7 % on the 7 days before), 91 % brought down; biggest day: 10 Mar, 114 drones."
	if !strings.Contains(text, want) {
		t.Errorf("trend lacks %q:\n%s", want, text)
	}
	if !strings.Contains(text, "4 Mar: 108 launched, 98 brought down (Invented data set)") || !strings.Contains(text, "Sources: Invented data set.") {
		t.Errorf("trend does not show the days it came from:\n%s", text)
	}
	if rep.Photo != nil || len(rep.Buttons) == 0 {
		t.Errorf("trend reply: %+v", rep)
	}
	_, text = h.say(t, req("/trend"))
	if !strings.Contains(text, "missiles launched") {
		t.Errorf("/trend without a class covers missiles too:\n%s", text)
	}
	if rep, _ := h.say(t, req("/trend tanks")); !rep.Error {
		t.Error("/trend tanks is not an error")
	}
}

// Where a night has both a report of record and a news report that
// disagrees, /attacks keeps both and says which is the record.
func TestAttacksShowsTheReportOfRecord(t *testing.T) {
	h := newHarness(t)
	importRecords(t, h, "2026-03-10", 1, 140) // 140 drones, 130 down, 0 missiles
	src := &briefings.Source{Name: "Wire One", URL: "https://wire.example/feed", Kind: briefings.SourceFeed, Enabled: true}
	if err := h.st.UpsertSource(context.Background(), src); err != nil {
		t.Fatal(err)
	}
	a := &briefings.Article{SourceID: src.ID, URL: "https://wire.example/1", Title: "Overnight attack", Body: "Invented body.",
		PublishedAt: now0.Add(-2 * time.Hour), ContentHash: "w1", Attacks: []briefings.AttackReport{{Attacker: "RU", Target: "UA",
			Date: "2026-03-10", Period: "overnight", Scope: briefings.ScopeNational, Launched: briefings.Counts{Drones: briefings.IntPtr(145)}}}}
	if _, err := h.st.AddArticle(context.Background(), a); err != nil {
		t.Fatal(err)
	}
	rep, text := h.say(t, req("/attacks 24h"))
	if rep.Error {
		t.Fatal(text)
	}
	for _, want := range []string{"Reports of record", "Figures of record: Invented data set.", "10 Mar 2026: 140 drones (130 brought down), 0 missiles.", "News reports that differ: Wire One."} {
		if !strings.Contains(text, want) {
			t.Errorf("/attacks lacks %q:\n%s", want, text)
		}
	}
	if !strings.Contains(text, "145") {
		t.Errorf("the news report's own figure is gone:\n%s", text)
	}
}
