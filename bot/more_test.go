package bot

import (
	"strings"
	"testing"

	"github.com/sitrep/sitrep/briefings"
	"github.com/sitrep/sitrep/briefings/locale"
)

// A section that left stories out says how many after its last item, with
// the command that sums them up when a topic names the section; one that
// shows all says nothing.
func TestDigestReplySaysHowManyMore(t *testing.T) {
	c := testCatalogue(t)
	item := func(h string) briefings.DigestItem {
		return briefings.DigestItem{Headline: h, Sentences: []string{h + "."}, Sources: []briefings.SourceRef{{Name: "Sample Wire"}}}
	}
	d := &briefings.Digest{Sections: []briefings.DigestSection{
		{Name: briefings.SectionAirAttacks, Items: []briefings.DigestItem{item("A1"), item("A2")}, More: 2},
		{Name: briefings.SectionDiplomacy, Items: []briefings.DigestItem{item("D1")}},
		{Name: briefings.SectionOther, Items: []briefings.DigestItem{item("O1")}, More: 1},
	}}
	cases := []struct {
		lang locale.Lang
		want []string // the last line of each paragraph
	}{
		{locale.English, []string{"Source: Sample Wire", "+2 more: /summary attacks", "Source: Sample Wire", "+1 more"}},
		{locale.Ukrainian, []string{"Джерело: Sample Wire", "+2 ще: /summary attacks", "Джерело: Sample Wire", "+1 ще"}},
	}
	for _, tc := range cases {
		var got []string
		for _, p := range DigestReply(c.For(tc.lang), d, nil).Paragraphs {
			var b strings.Builder
			for _, s := range p.Lines[len(p.Lines)-1] {
				b.WriteString(s.Text)
			}
			got = append(got, strings.TrimSpace(b.String()))
		}
		if strings.Join(got, "|") != strings.Join(tc.want, "|") {
			t.Errorf("%s: last lines %q, want %q", tc.lang, got, tc.want)
		}
	}
}
