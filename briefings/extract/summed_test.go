package extract

import (
	"slices"
	"testing"
	"time"
)

// A class total the text does not state is marked as a sum of the parts
// it does state; a stated total is not, and the figures stay as they were.
func TestSummedTotals(t *testing.T) {
	pub := time.Date(2025, 6, 1, 9, 0, 0, 0, time.UTC)
	cases := []struct {
		text  string
		total int
		parts []string // nil: the total is stated
	}{
		{"Overnight the enemy fired 6 cruise missiles and 2 ballistic missiles at the country, the Air Force said.", 8, []string{"ballistic", "cruise"}},
		{"Russia used 5 Kalibr missiles, 3 Kh-101 missiles and 1 Iskander-M ballistic missile overnight, the Air Force reported.", 9, []string{"ballistic", "Kalibr", "Kh-101"}},
		{"Russia launched 11 missiles overnight: 8 cruise and 3 ballistic, the Air Force reported.", 11, nil},
		{"У ніч на 2 червня ворог випустив 5 крилатих ракет Х-101 та 2 балістичні ракети Іскандер-М, повідомили Повітряні сили.", 7, []string{"ballistic", "cruise"}},
	}
	for _, tc := range cases {
		res := Extract(tc.text, pub)
		if len(res.Attacks) != 1 {
			t.Errorf("%q: %d reports", tc.text, len(res.Attacks))
			continue
		}
		a := res.Attacks[0]
		if a.Launched.Missiles == nil || *a.Launched.Missiles != tc.total {
			t.Errorf("%q: launched missiles %v, want %d", tc.text, a.Launched.Missiles, tc.total)
		}
		got, summed := a.Summed["launched.missiles"]
		if summed != (tc.parts != nil) || !slices.Equal(got, tc.parts) {
			t.Errorf("%q: summed %q (%v), want %q", tc.text, got, summed, tc.parts)
		}
	}
}

// Figures joined by "and" in one group are added into the class figure;
// the text states the parts (briefings.SumPart), and "all but N" of such a
// sum states no part at all.
func TestJoinedFiguresAreMarkedSummed(t *testing.T) {
	pub := time.Date(2025, 6, 1, 9, 0, 0, 0, time.UTC)
	cases := []struct {
		text  string
		path  string
		total int
		parts []string // nil: the figure is stated
	}{
		{"Overnight Russia sent 60 Shahed attack drones and 25 decoy drones against Ukraine, the Air Force said.", "launched.drones", 85, []string{"Shahed=60", "decoy=25"}},
		{"Overnight Russia sent 60 strike drones and 25 decoy drones against Ukraine, the Air Force said.", "launched.drones", 85, []string{"=60", "decoy=25"}},
		{"Overnight Russia fired 4 Kalibr missiles and 3 missiles against Ukraine, the Air Force said.", "launched.missiles", 7, []string{"Kalibr=4", "=3"}},
		{"У ніч на 2 червня ворог атакував 40 ударними БпЛА типу Shahed та 30 дронами-імітаторами, повідомили Повітряні сили.", "launched.drones", 70, []string{"Shahed=40", "=30"}},
		{"Overnight Russia sent 60 Shahed attack drones and 25 decoy drones against Ukraine, the Air Force said. All but 5 drones were shot down.", "intercepted.drones", 80, []string{}},
		{"Overnight Russia sent 85 drones against Ukraine, the Air Force said. All but 5 drones were shot down.", "intercepted.drones", 80, nil},
		{"Overnight Russia sent 60 Shahed attack drones and 25 decoy drones against Ukraine, the Air Force said. All the drones were shot down.", "intercepted.drones", 85, []string{"Shahed=60", "decoy=25"}},
	}
	for _, tc := range cases {
		res := Extract(tc.text, pub)
		if len(res.Attacks) != 1 {
			t.Errorf("%q: %d reports", tc.text, len(res.Attacks))
			continue
		}
		a := res.Attacks[0]
		var got *int
		switch tc.path {
		case "launched.drones":
			got = a.Launched.Drones
		case "launched.missiles":
			got = a.Launched.Missiles
		case "intercepted.drones":
			got = a.Intercepted.Drones
		}
		if got == nil || *got != tc.total {
			t.Errorf("%q: %s %v, want %d", tc.text, tc.path, got, tc.total)
		}
		parts, summed := a.Summed[tc.path]
		if summed != (tc.parts != nil) || !slices.Equal(parts, tc.parts) {
			t.Errorf("%q: summed %q (%v), want %q", tc.text, parts, summed, tc.parts)
		}
	}
}
