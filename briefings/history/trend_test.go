package history

import (
	"strings"
	"time"

	"testing"

	"github.com/sitrep/sitrep/briefings"
	"github.com/sitrep/sitrep/briefings/locale"
)

// summedDrones is an invented report read from text that gives the day's
// drones only by type, as the extractor marks it (briefings.AttackReport.
// Summed): the total is the reader's sum, not a figure the text states.
func summedDrones(id int64, date, outlet string) *briefings.AttackReport {
	r := text(id, date, outlet, "Ukraine's Air Force", n(85), nil)
	r.Summed = map[string][]string{"launched.drones": {"Shahed=60", "decoy=25"}}
	return r
}

// The week's biggest day and the day lines follow the figures line: a
// total the day's one text report does not state is said by its stated
// parts, a figure derived from such a sum ("all but N" of it) is left out,
// and intercepted and jammed stated apart are not added up. Records and
// stated figures read as numbers.
func TestTrendSaysUnstatedTotalsByTheirParts(t *testing.T) {
	allBut := summedDrones(1, "2025-03-10", "Outlet A") // all but 5 of the sum shot down
	allBut.Intercepted.Drones = n(80)
	allBut.Summed["intercepted.drones"] = nil
	split := text(2, "2025-03-11", "Outlet B", "", n(40), n(30))
	split.Jammed.Drones = n(5)
	all := summedDrones(3, "2025-03-12", "Outlet C") // all of them shot down
	all.Intercepted.Drones = n(85)
	all.Summed["intercepted.drones"] = all.Summed["launched.drones"]
	later := summedDrones(4, "2025-03-13", "Outlet D")
	stated := text(5, "2025-03-13", "Outlet E", "Ukraine's Air Force", n(85), nil) // published before D
	stated.PublishedAt = later.PublishedAt.Add(-time.Hour)
	reports := []*briefings.AttackReport{allBut, split, all, later, stated}
	records := []*briefings.AttackRecord{rec(9, "2025-03-14", 70, 60)}

	tr := Weekly(records, reports, Drones, "2025-03-14")
	want := "7 days to 14 Mar (sums added up by sitrep from the figures of 5 of the 7 days; the others give none): 365 drones launched, 93 % brought down (on 4 of 5 days; the rest give no figure); biggest day: 10 Mar, 60 Shahed drones, 25 decoy drones."
	if got := tr.Sentence(en(t)); got != want {
		t.Errorf("sentence:\n got %s\nwant %s", got, want)
	}
	lines := map[string]string{}
	for _, d := range tr.Week.Days {
		if len(d.Refs) > 0 {
			lines[d.Start] = DayLine(en(t), d)
		}
	}
	for date, want := range map[string]string{
		"2025-03-10": "10 Mar: launched 60 Shahed drones, 25 decoy drones (Outlet A)",
		"2025-03-11": "11 Mar: 40 launched, 30 shot down, 5 jammed (Outlet B)",
		"2025-03-12": "12 Mar: launched 60 Shahed drones, 25 decoy drones; brought down 60 Shahed drones, 25 decoy drones (Outlet C)",
		"2025-03-13": "13 Mar: 85 launched (Outlet E)", // the report stating the total is chosen
		"2025-03-14": "14 Mar: 70 launched, 60 brought down (" + Dataset + ")",
	} {
		if lines[date] != want {
			t.Errorf("%s:\n got %s\nwant %s", date, lines[date], want)
		}
	}
	if len(lines) != 5 {
		t.Errorf("day lines: %v", lines)
	}

	c, err := locale.New()
	if err != nil {
		t.Fatal(err)
	}
	uk := c.For(locale.Ukrainian)
	if got, want := DayLine(uk, *tr.Biggest), "10 березня: запущено 60 дронів Shahed, 25 дронів-імітаторів (Outlet A)"; got != want {
		t.Errorf("uk day line:\n got %s\nwant %s", got, want)
	}
	if got, want := tr.Sentence(uk), "; найбільше за день: 10 березня, 60 дронів Shahed, 25 дронів-імітаторів."; !strings.HasSuffix(got, want) {
		t.Errorf("uk sentence %s, want it to end %s", got, want)
	}
	// The week's figures are sitrep's sums, and say so in either language.
	if got, want := tr.Sentence(uk), "7 днів до 14 березня (суми порахував sitrep за цифрами 5 з 7 днів; за інші цифр немає): запущено 365 дронів"; !strings.HasPrefix(got, want) {
		t.Errorf("uk sentence %s, want it to start %s", got, want)
	}
}

// Missiles summed from their classes read by class, as in the figures line.
// The week's total (2 and 6 added up) is sitrep's own sum, no source's: the
// sentence says so, and that one day of seven gave a figure.
func TestTrendSaysSummedMissilesByClass(t *testing.T) {
	r := text(1, "2025-03-12", "Outlet A", "Ukraine's Air Force", nil, nil)
	r.Launched.Missiles = n(8)
	r.Launched.ByType = map[string]int{"ballistic": 2, "cruise": 6}
	r.Summed = map[string][]string{"launched.missiles": {"ballistic", "cruise"}}
	tr := Weekly(nil, []*briefings.AttackReport{r}, Missiles, "2025-03-14")
	if got, want := DayLine(en(t), *tr.Biggest), "12 Mar: launched 2 ballistic missiles, 6 cruise missiles (Outlet A)"; got != want {
		t.Errorf("day line:\n got %s\nwant %s", got, want)
	}
	if got, want := tr.Sentence(en(t)), "7 days to 14 Mar (sums added up by sitrep from the figures of 1 of the 7 days; the others give none): 8 missiles launched; all on one day, 12 Mar: 2 ballistic missiles, 6 cruise missiles."; got != want {
		t.Errorf("sentence:\n got %s\nwant %s", got, want)
	}
}
