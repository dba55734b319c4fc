package extract

import (
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

func FuzzExtract(f *testing.F) {
	for _, c := range attackCases {
		f.Add(c.text)
	}
	f.Add(strings.Repeat("1", 5000))
	f.Add(strings.Repeat("\"", 300) + "Russia launched 5 drones" + strings.Repeat("\"", 300))
	f.Add("Росія launched 40 БпЛА and збито 30 drones, 二十 missiles.")
	f.Add("all of them except for the")
	f.Add("- 4\n- 5 ракет:\n- \n:")
	f.Add("ЗБИТО/ПОДАВЛЕНО 0 ЦІЛЕЙ\n")
	f.Fuzz(func(t *testing.T, s string) {
		res := Extract(s, time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC))
		for _, a := range res.Attacks {
			if a.Attacker != string(sideRU) && a.Attacker != string(sideUA) {
				t.Fatalf("attacker %q", a.Attacker)
			}
			if !utf8.ValidString(a.Evidence) {
				t.Fatalf("invalid UTF-8 evidence")
			}
			if a.Scope != "national" && a.Scope != "regional" && a.Scope != "cumulative" {
				t.Fatalf("scope %q", a.Scope)
			}
		}
		for _, e := range res.Events {
			_ = e.Line()
		}
	})
}

// TestExtractHostileInputs: large and odd inputs finish (bounded work by
// construction: a capped text, capped sentences and tokens).
func TestExtractHostileInputs(t *testing.T) {
	inputs := map[string]string{
		"1 MB of digits":       strings.Repeat("7", 1<<20),
		"digits and spaces":    strings.Repeat("1 000 ", 1<<17),
		"nested quotes":        strings.Repeat("«\"“", 50000) + "Russia launched 5 drones" + strings.Repeat("”\"»", 50000),
		"mixed scripts":        strings.Repeat("Росія launched 40 БпЛА, збито 30 drones; 二十 ракет. ", 4000),
		"many sentences":       strings.Repeat("Russia launched 5 drones overnight. Air defences shot down 4. ", 4000),
		"many bullets":         "противник атакував:\n" + strings.Repeat("- 4 крилаті ракети Х-101;\n", 8000),
		"invalid UTF-8":        strings.Repeat("\xff\xfe launched 3 drones \xc3", 10000),
		"many times":           strings.Repeat("On Monday night 5 drones, on Tuesday night 6 drones, on 3 May 7 drones; ", 3000),
		"numbers without head": strings.Repeat("12 of 13 of 14 out of 15 з 16 ", 40000),
	}
	for name, in := range inputs {
		res := Extract(in, time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC))
		if len(res.Attacks) > maxEvents {
			t.Errorf("%s: %d reports, over the cap %d", name, len(res.Attacks), maxEvents)
		}
	}
}
