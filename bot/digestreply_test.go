package bot

import (
	"strings"
	"testing"
	"time"

	"github.com/sitrep/sitrep/briefings"
	"github.com/sitrep/sitrep/briefings/locale"
)

func testCatalogue(t testing.TB) *locale.Catalogue {
	t.Helper()
	c, err := locale.New()
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func TestDigestReply(t *testing.T) {
	kyiv, _ := time.LoadLocation("Europe/Kyiv")
	en := testCatalogue(t).For(locale.English)
	until := time.Date(2026, 11, 26, 6, 0, 0, 0, time.UTC)
	d := &briefings.Digest{Since: until.Add(-24 * time.Hour), Until: until, Sections: []briefings.DigestSection{
		{Name: briefings.SectionAirAttacks, Items: []briefings.DigestItem{{
			Headline: "Russia launches 112 drones", Sentences: []string{"One.", "Two."}, Published: until.Add(-time.Hour),
			Figures: "Russia launched 112 drones; 84 intercepted or jammed (75%). Source: Ukraine's Air Force via Sample Wire",
			Sources: []briefings.SourceRef{{Name: "Sample Wire", URL: "https://sample.sitrep.invalid/a"}, {Name: "Demo Post", URL: "https://sample.sitrep.invalid/b"}},
		}, {Headline: "Second", Sentences: []string{"Three."}, Sources: []briefings.SourceRef{{Name: "Demo Post"}}}}},
	}}
	r := DigestReply(en, d, kyiv)
	if !r.NoPreview || r.Title != "Briefing: 25 Nov 08:00 – 26 Nov 2026 08:00 EET" {
		t.Errorf("title %q, no preview %v", r.Title, r.NoPreview)
	}
	if len(r.Paragraphs) != 2 || r.Paragraphs[0].Heading != "Air attacks" || r.Paragraphs[1].Heading != "" {
		t.Fatalf("paragraphs %+v", r.Paragraphs)
	}
	p := r.Paragraphs[0]
	if len(p.Lines) != 4 || !p.Lines[0][0].Bold || p.Lines[0][0].Text != "Russia launches 112 drones" || p.Lines[0][1].Text != " (26 Nov 07:00)" {
		t.Errorf("headline line %+v", p.Lines)
	}
	if p.Lines[1][0].Text != "One. Two." || !strings.HasPrefix(p.Lines[2][0].Text, "Russia launched 112") {
		t.Errorf("body %+v", p.Lines)
	}
	src := p.Lines[3]
	if src[0].Text != "Sources: " || src[1].URL != "https://sample.sitrep.invalid/a" || src[2].Text != ", " || src[3].Text != "Demo Post" {
		t.Errorf("sources %+v", src)
	}
	if q := r.Paragraphs[1].Lines; q[len(q)-1][0].Text != "Source: " {
		t.Errorf("single source line %+v", q)
	}

	empty := DigestReply(en, &briefings.Digest{Since: d.Since, Until: d.Until}, kyiv)
	if got := empty.Paragraphs[0].Lines[0][0].Text; got != "Nothing was reported between 25 Nov 08:00 – 26 Nov 2026 08:00 EET." {
		t.Errorf("empty: %q", got)
	}
	if DigestReply(en, nil, nil) == nil {
		t.Error("nil digest")
	}
}
