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
	if got := empty.Paragraphs[0].Lines[0][0].Text; got != "Nothing was reported in the period 25 Nov 08:00 – 26 Nov 2026 08:00 EET." {
		t.Errorf("empty: %q", got)
	}
	if DigestReply(en, nil, nil) == nil {
		t.Error("nil digest")
	}
}

// The time beside a headline is its own article's; a later report of the
// story shows as its update, with the day when it differs.
func TestDigestItemTimes(t *testing.T) {
	en := testCatalogue(t).For(locale.English)
	uk := testCatalogue(t).For(locale.Ukrainian)
	at := func(day, h, m int) time.Time { return time.Date(2026, 3, day, h, m, 0, 0, time.UTC) }
	cases := []struct {
		pr                 *locale.Printer
		published, updated time.Time
		want               string
	}{
		{en, at(14, 6, 40), at(14, 9, 30), " (14 Mar 06:40, updated 09:30)"},
		{en, at(13, 18, 7), at(14, 7, 45), " (13 Mar 18:07, updated 14 Mar 07:45)"},
		{en, at(14, 6, 40), at(14, 6, 40), " (14 Mar 06:40)"},
		{en, at(14, 6, 40), time.Time{}, " (14 Mar 06:40)"},
		{uk, at(14, 6, 40), at(14, 9, 30), ", оновлено 09:30)"},
	}
	for _, c := range cases {
		d := &briefings.Digest{Since: at(13, 12, 0), Until: at(14, 12, 0), Sections: []briefings.DigestSection{{Name: briefings.SectionAirAttacks,
			Items: []briefings.DigestItem{{Headline: "H", Published: c.published, Updated: c.updated}}}}}
		got := DigestReply(c.pr, d, time.UTC).Paragraphs[0].Lines[0][1].Text
		if !strings.HasSuffix(got, c.want) {
			t.Errorf("%v / %v: %q, want suffix %q", c.published, c.updated, got, c.want)
		}
	}
	// A day without a time of day is shown alone, in any zone; a later
	// report keeps its time, a later day without one its day.
	kyiv, err := time.LoadLocation("Europe/Kyiv")
	if err != nil {
		t.Fatal(err)
	}
	day := []struct {
		it   briefings.DigestItem
		want string
	}{
		{briefings.DigestItem{Published: at(14, 0, 0), DateOnly: true}, " (14 Mar)"},
		{briefings.DigestItem{Published: at(14, 0, 0), DateOnly: true, Updated: at(14, 9, 30)}, " (14 Mar, updated 11:30)"},
		{briefings.DigestItem{Published: at(13, 0, 0), DateOnly: true, Updated: at(14, 0, 0), UpdatedDateOnly: true}, " (13 Mar, updated 14 Mar)"},
		{briefings.DigestItem{Published: at(13, 6, 0), Updated: at(14, 0, 0), UpdatedDateOnly: true}, " (13 Mar 08:00, updated 14 Mar)"},
	}
	for _, c := range day {
		c.it.Headline = "H"
		d := &briefings.Digest{Sections: []briefings.DigestSection{{Name: briefings.SectionAirAttacks, Items: []briefings.DigestItem{c.it}}}}
		if got := DigestReply(en, d, kyiv).Paragraphs[0].Lines[0][1].Text; got != c.want {
			t.Errorf("%+v: %q, want %q", c.it, got, c.want)
		}
	}
	// An item told in the reader's language takes that article's time.
	d := &briefings.Digest{Sections: []briefings.DigestSection{{Name: briefings.SectionAirAttacks, Items: []briefings.DigestItem{{
		Headline: "H", Lang: "en", Published: at(14, 8, 0), Updated: at(14, 9, 30),
		InLang: map[string]briefings.LangVersion{"uk": {Headline: "Г", Sentences: []string{"Речення."}, Published: at(14, 6, 15)}}}}}}}
	if it := inLanguage(d, "uk").Sections[0].Items[0]; it.Headline != "Г" || !it.Published.Equal(at(14, 6, 15)) {
		t.Errorf("own language: %q at %v", it.Headline, it.Published)
	}
}
