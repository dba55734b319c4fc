package digest

import (
	"strings"
	"testing"
	"time"

	"github.com/sitrep/sitrep/briefings"
	"github.com/sitrep/sitrep/briefings/extract"
	"github.com/sitrep/sitrep/briefings/locale"
)

// A figures line never states a total its source does not: a missile figure
// the extractor summed from classes or types is shown as those parts, in
// digests (FigureLine) and in alerts and /attacks (AttackLines) alike; a
// stated total is shown as stated.
func TestFigureLineShowsPartsNotSums(t *testing.T) {
	c, err := locale.New()
	if err != nil {
		t.Fatal(err)
	}
	en, uk := c.For(locale.English), c.For(locale.Ukrainian)
	pub := time.Date(2025, 6, 1, 9, 0, 0, 0, time.UTC)
	read := func(text, outlet string) *briefings.AttackReport {
		res := extract.Extract(text, pub)
		if len(res.Attacks) != 1 {
			t.Fatalf("%q: %d reports", text, len(res.Attacks))
		}
		r := res.Attacks[0]
		r.SourceName, r.PublishedAt = outlet, pub
		return &r
	}
	classes := read("Overnight the enemy fired 6 cruise missiles and 2 ballistic missiles at the country, the Air Force said. Air defence shot down 5 cruise missiles.", "Wire A")
	types := read("Russia used 5 Kalibr missiles, 3 Kh-101 missiles and 1 Iskander-M ballistic missile overnight, the Air Force reported.", "Wire B")
	stated := read("Russia launched 8 missiles overnight: 6 cruise and 2 ballistic, the Air Force reported.", "Wire C")
	cases := []struct {
		name      string
		got       string
		want, not []string
	}{
		{"classes", FigureLine(en, []*briefings.AttackReport{classes}, time.UTC),
			[]string{"Russia launched 2 ballistic missiles, 6 cruise missiles; 5 missiles shot down."}, []string{"8 missiles", "%"}},
		{"classes uk", FigureLine(uk, []*briefings.AttackReport{classes}, time.UTC),
			[]string{"2 балістичні ракети, 6 крилатих ракет"}, []string{"8 ракет"}},
		{"types", FigureLine(en, []*briefings.AttackReport{types}, time.UTC),
			[]string{"1 ballistic missile, 5 Kalibr, 3 Kh-101"}, []string{"9 missiles"}},
		{"alert line", strings.Join(AttackLines(en, []*briefings.AttackReport{classes}, time.UTC), "\n"),
			[]string{"2 ballistic missiles, 6 cruise missiles"}, []string{"8 missiles"}},
		// One outlet states the total: it is a figure of the sources.
		{"stated", FigureLine(en, []*briefings.AttackReport{stated}, time.UTC),
			[]string{"Russia launched 8 missiles"}, nil},
		{"stated and summed", FigureLine(en, []*briefings.AttackReport{unsourced(classes), unsourced(stated)}, time.UTC),
			[]string{"Russia launched 8 missiles"}, []string{"cruise"}},
	}
	for _, tc := range cases {
		for _, w := range tc.want {
			if !strings.Contains(tc.got, w) {
				t.Errorf("%s: %q lacks %q", tc.name, tc.got, w)
			}
		}
		for _, n := range tc.not {
			if strings.Contains(tc.got, n) {
				t.Errorf("%s: %q states %q", tc.name, tc.got, n)
			}
		}
	}
}

// unsourced is r without its authority: no report of record, each outlet's
// figures stand.
func unsourced(r *briefings.AttackReport) *briefings.AttackReport {
	c := *r
	c.Source = ""
	return &c
}

// Figures joined by "and" are shown as the parts the text states, never
// added up; "all but N" of such a sum and a rate against it are not shown.
func TestFigureLineShowsJoinedFiguresAsParts(t *testing.T) {
	c, err := locale.New()
	if err != nil {
		t.Fatal(err)
	}
	en, uk := c.For(locale.English), c.For(locale.Ukrainian)
	pub := time.Date(2025, 6, 1, 9, 0, 0, 0, time.UTC)
	line := func(p *locale.Printer, text string) string {
		res := extract.Extract(text, pub)
		if len(res.Attacks) != 1 {
			t.Fatalf("%q: %d reports", text, len(res.Attacks))
		}
		r := res.Attacks[0]
		r.SourceName, r.PublishedAt = "Wire A", pub
		return FigureLine(p, []*briefings.AttackReport{&r}, time.UTC) + "\n" +
			strings.Join(AttackLines(p, []*briefings.AttackReport{&r}, time.UTC), "\n")
	}
	typed := "Overnight Russia sent 60 Shahed attack drones and 25 decoy drones against Ukraine, the Air Force said. Air defence shot down 70 drones."
	cases := []struct {
		name      string
		got       string
		want, not []string
	}{
		{"drone types", line(en, typed),
			[]string{"Russia launched 60 Shahed drones, 25 decoy drones; 70 drones shot down."}, []string{"85", "%"}},
		{"drone types uk", line(uk, typed),
			[]string{"60 дронів Shahed, 25 дронів-імітаторів"}, []string{"85", "%"}},
		{"plain and typed drones", line(en, "Overnight Russia sent 60 strike drones and 25 decoy drones against Ukraine, the Air Force said."),
			[]string{"Russia launched 60 drones, 25 decoy drones."}, []string{"85"}},
		{"plain and typed missiles", line(en, "Overnight Russia fired 4 Kalibr missiles and 3 missiles against Ukraine, the Air Force said."),
			[]string{"Russia launched 4 Kalibr, 3 missiles."}, []string{"7"}},
		{"all but N of a sum", line(en, "Overnight Russia sent 60 Shahed attack drones and 25 decoy drones against Ukraine, the Air Force said. All but 5 drones were shot down."),
			[]string{"Russia launched 60 Shahed drones, 25 decoy drones."}, []string{"80", "85", "%"}},
		{"all but N of a stated figure", line(en, "Overnight Russia sent 85 drones against Ukraine, the Air Force said. All but 5 drones were shot down."),
			[]string{"Russia launched 85 drones; 80 shot down (94%)."}, nil},
	}
	for _, tc := range cases {
		for _, w := range tc.want {
			if !strings.Contains(tc.got, w) {
				t.Errorf("%s: %q lacks %q", tc.name, tc.got, w)
			}
		}
		for _, n := range tc.not {
			if strings.Contains(tc.got, n) {
				t.Errorf("%s: %q states %q", tc.name, tc.got, n)
			}
		}
	}
}

// A sum of the counted parts beside a weapon named without a count is no
// total: the line says others were launched.
func TestFigureLineSaysUncountedWeaponsExist(t *testing.T) {
	c, err := locale.New()
	if err != nil {
		t.Fatal(err)
	}
	en, uk := c.For(locale.English), c.For(locale.Ukrainian)
	pub := time.Date(2025, 6, 1, 9, 0, 0, 0, time.UTC)
	read := func(text string) []*briefings.AttackReport {
		res := extract.Extract(text, pub)
		if len(res.Attacks) != 1 {
			t.Fatalf("%q: %d reports", text, len(res.Attacks))
		}
		r := res.Attacks[0]
		r.SourceName, r.PublishedAt = "Wire A", pub
		return []*briefings.AttackReport{&r}
	}
	some := read("Overnight Russia fired 6 cruise missiles, 2 ballistic missiles and Kinzhal missiles at Ukraine, the Air Force said.")
	all := read("Overnight Russia fired 6 cruise missiles and 2 ballistic missiles at Ukraine, the Air Force said.")
	cases := []struct{ name, got, want string }{
		{"en", FigureLine(en, some, time.UTC), "Russia launched 2 ballistic missiles, 6 cruise missiles and other missiles (number not given)."},
		{"uk", FigureLine(uk, some, time.UTC), "2 балістичні ракети, 6 крилатих ракет та інші ракети (кількість не вказано)."},
		{"alert", strings.Join(AttackLines(en, some, time.UTC), "\n"), "6 cruise missiles and other missiles (number not given)."},
		{"all counted", FigureLine(en, all, time.UTC), "Russia launched 2 ballistic missiles, 6 cruise missiles."},
	}
	for _, tc := range cases {
		if !strings.Contains(tc.got, tc.want) {
			t.Errorf("%s: %q lacks %q", tc.name, tc.got, tc.want)
		}
	}
}
