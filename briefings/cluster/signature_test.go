package cluster

import (
	"slices"
	"testing"
	"time"

	"github.com/sitrep/sitrep/briefings"
)

// sameSig reports whether a prepared signature is the one parsing its own
// fingerprint gives: the index must match alike either way.
func sameSig(t *testing.T, g *Signature) {
	t.Helper()
	p, ok := parseSig(g.String())
	if !ok {
		t.Fatalf("fingerprint does not parse: %q", g.String())
	}
	s := &g.s
	switch {
	case !slices.Equal(s.terms, p.terms):
		t.Fatalf("terms %q, parsed %q", s.terms, p.terms)
	case !slices.Equal(s.numbers, p.numbers), !slices.Equal(s.days, p.days), !slices.Equal(s.events, p.events):
		t.Fatalf("figures, days or events differ: %q %q %q vs %q %q %q", s.numbers, s.days, s.events, p.numbers, p.days, p.events)
	case !slices.Equal(s.w, p.w), !slices.Equal(s.ent, p.ent), !slices.Equal(s.sorted, p.sorted):
		t.Fatalf("weights, names or order differ for %q", g.String())
	case s.nent != p.nent, s.total != p.total:
		t.Fatalf("name count or total differ for %q", g.String())
	case !slices.Equal(g.keys, p.keys()):
		t.Fatalf("keys %q, parsed %q", g.keys, p.keys())
	}
}

func TestPrepareMatchesParsed(t *testing.T) {
	tests := []struct{ title, body string }{
		{"Russia launches 1,200 drones at Kharkiv", "KYIV (AP) — Russia launched 112 drones on Tuesday. Air defence downed 84 over Kharkiv and Odesa."},
		{"", ""},
		{"A 5,000th visitor", "The museum in Lviv greeted its 5,000th visitor and its 1,200sq hall on Sunday."},
		{"Zelenskiy meets envoy", "President Volodymyr Zelenskiy met the envoy in Kiev. Talks on a ceasefire continue."},
		{"Сили оборони", "У понеділок сили оборони збили 48 дронів над Києвом."},
	}
	for _, tc := range tests {
		g := Prepare(tc.title, tc.body, "RU>UA@2026-03-01", "", "bad,event", "RU>UA@2026-03-01")
		if g.String() != Fingerprint(tc.title, tc.body, "RU>UA@2026-03-01", "", "bad,event") {
			t.Errorf("Prepare(%q).String() differs from Fingerprint", tc.title)
		}
		sameSig(t, g)
	}
	if _, ok := ParseSignature("x1|garbage"); ok {
		t.Error("parsed a foreign fingerprint")
	}
}

func FuzzPrepare(f *testing.F) {
	f.Add("Russia launches 1,200 drones", "KYIV, Ukraine (AP) — Russia launched 112 drones. 84 downed.", "RU>UA@2026-03-01")
	f.Add("", "", "")
	f.Add("'''", "3.5. 1,2,3 ’s Zelenskyy’s A1,000 b2,5x", "a|b")
	f.Fuzz(func(t *testing.T, title, body, event string) {
		g := Prepare(title, body, event)
		if g.String() != Fingerprint(title, body, event) {
			t.Fatalf("Prepare differs from Fingerprint")
		}
		sameSig(t, g)
	})
}

// TestSignatureGroupsAlike: matching and indexing with prepared signatures
// groups the fixtures exactly as matching by fingerprint does.
func TestSignatureGroupsAlike(t *testing.T) {
	fs := loadFixtures(t)
	var plain, prepared []*briefings.Article
	for _, f := range fs {
		plain = append(plain, &briefings.Article{Title: f.Title, Body: f.Body, PublishedAt: f.At})
		prepared = append(prepared, &briefings.Article{Title: f.Title, Body: f.Body, PublishedAt: f.At})
	}
	want := group(New(48*time.Hour), plain)
	x := New(48 * time.Hour)
	var next int64 = 100
	for i, a := range prepared {
		a.ID = int64(i + 1)
		g := Prepare(a.Title, a.Body)
		a.Fingerprint = g.String()
		if id, ok := x.MatchSignature(a, g); ok {
			a.StoryID = id
		} else {
			next++
			a.StoryID = next
		}
		x.AddSignature(a, g)
		if a.StoryID != want[i] {
			t.Errorf("article %d (%q): story %d with a signature, %d by fingerprint", i, a.Title, a.StoryID, want[i])
		}
	}
}
