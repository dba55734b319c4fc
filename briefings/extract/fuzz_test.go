package extract

import (
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/sitrep/sitrep/briefings"
)

// FuzzExtract: any text reads without a panic, within the caps, into
// well-formed reports; a text that writes no figure gives no report.
// (Work per text is bounded by construction: the text, sentences and tokens
// are capped.)
func FuzzExtract(f *testing.F) {
	for _, c := range attackCases {
		f.Add(c.text)
	}
	for _, c := range variantCases() {
		f.Add(c.text)
	}
	f.Add(strings.Repeat("1", 5000))
	f.Add(strings.Repeat("\"", 300) + "Russia launched 5 drones" + strings.Repeat("\"", 300))
	f.Add("Росія launched 40 БпЛА and збито 30 drones, 二十 missiles.")
	f.Add("all of them except for the")
	f.Add("- 4\n- 5 ракет:\n- \n:")
	f.Add("ЗБИТО/ПОДАВЛЕНО 0 ЦІЛЕЙ\n")
	f.Add("з 18:00 16 вересня станом на 08:00 (із 7.00 до 18.30) 40-50 між 3 та 4")
	f.Add("Russia attacked Kyiv with drones and missiles overnight, officials said.")
	f.Fuzz(func(t *testing.T, s string) {
		res := Extract(s, time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC))
		if len(res.Attacks) > maxEvents {
			t.Fatalf("%d reports, over the cap %d", len(res.Attacks), maxEvents)
		}
		for i := range res.Attacks {
			checkWellFormed(t, &res.Attacks[i])
		}
		if len(res.Attacks) > 0 && !writesFigure(s) {
			t.Fatalf("a report from a text without figures: %+v", res.Attacks)
		}
		for _, e := range res.Events {
			_ = e.Line()
		}
	})
}

func checkWellFormed(t *testing.T, a *briefings.AttackReport) {
	t.Helper()
	if a.Attacker != string(sideRU) && a.Attacker != string(sideUA) || a.Target == a.Attacker {
		t.Fatalf("attacker %q target %q", a.Attacker, a.Target)
	}
	if !utf8.ValidString(a.Evidence) {
		t.Fatalf("invalid UTF-8 evidence")
	}
	if a.Scope != briefings.ScopeNational && a.Scope != briefings.ScopeRegional && a.Scope != briefings.ScopeCumulative {
		t.Fatalf("scope %q", a.Scope)
	}
	if !hasFigure(a) {
		t.Fatalf("a report without a figure: %+v", a)
	}
	for _, p := range []*int{a.Launched.Drones, a.Launched.Missiles, a.Intercepted.Drones, a.Intercepted.Missiles, a.Hits.Locations, a.Casualties.Killed} {
		if p != nil && *p < 0 {
			t.Fatalf("a negative figure: %+v", a)
		}
	}
}

// writesFigure: the text holds a number (digits or a number word) or a
// singular weapon noun that counts one.
func writesFigure(s string) bool {
	for _, sent := range splitSentences(nil, validUTF8(s)) {
		for _, tk := range tokenize(sent.text) {
			if tk.kind == kNum && !tk.vague || ukSingularHeads[tk.low] || enDefiniteHeads[tk.low] || tk.head == classPerson && tk.one {
				return true
			}
		}
	}
	return false
}

// TestExtractHostileInputs: large and odd inputs finish within the caps.
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
		"ranges and clocks":    strings.Repeat("з 18:00 16 вересня 40-50 між 3 та 4 станом на 08:00 ", 20000),
	}
	for name, in := range inputs {
		res := Extract(in, time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC))
		if len(res.Attacks) > maxEvents {
			t.Errorf("%s: %d reports, over the cap %d", name, len(res.Attacks), maxEvents)
		}
	}
}
