package digest

import (
	"context"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/sitrep/sitrep/briefings"
)

func TestWithoutHeadline(t *testing.T) {
	cases := []struct {
		head  string
		line  bool // the headline is a line of its own in the text
		sents []string
		want  []string
	}{
		// An untitled post titled by its first line, which the summary quotes.
		{"Air defence downs 110 targets", true, []string{"Air defence downs 110 targets", "The night's attack came from three directions."},
			[]string{"The night's attack came from three directions."}},
		{"Air defence downs 110 targets", false, []string{"AIR DEFENCE  downs 110 targets."}, nil},
		// The first line glued to the next one.
		{"Downed 156 targets", true, []string{"Downed 156 targets Radar troops tracked 220 objects:"}, []string{"Radar troops tracked 220 objects:"}},
		{"Downed 156 targets", true, []string{"Downed 156 targets - 212 strike drones from the north"}, []string{"212 strike drones from the north"}},
		// A title that is no line of the text: a teaser going on after its
		// words, even capitalised or after a dash, stays whole.
		{"Russia attacks the capital", false, []string{"Russia attacks the capital Region overnight, officials say."}, []string{"Russia attacks the capital Region overnight, officials say."}},
		{"Russia attacks the capital", false, []string{"Russia attacks the capital - officials say drones hit two districts."}, []string{"Russia attacks the capital - officials say drones hit two districts."}},
		// A title cut short from the first sentence, the dateline aside.
		{"A large barrage on cities overnight left three people dead and…", false,
			[]string{"CITY (Wire) — A large barrage on cities overnight left three people dead and 31 hurt.", "Repairs began."},
			[]string{"Repairs began."}},
		// A teaser that starts with the headline's words and goes on stays.
		{"Talks in Geneva", true, []string{"Talks in Geneva resumed on Monday."}, []string{"Talks in Geneva resumed on Monday."}},
		{"Drones hit the port", true, []string{"Drones hit the port's grain terminal overnight."}, []string{"Drones hit the port's grain terminal overnight."}},
		{"Ministers meet", false, []string{"Other words entirely."}, []string{"Other words entirely."}},
	}
	for _, c := range cases {
		if got := withoutHeadline(c.head, c.line, c.sents); !slices.Equal(got, c.want) {
			t.Errorf("%q %q:\n got %q\nwant %q", c.head, c.sents, got, c.want)
		}
	}
}

// leadSentences is a test summarizer: the first n lines or sentences of the
// first document, in order.
type leadSentences struct{ firstSentences }

func (leadSentences) SummarizeStory(docs []briefings.Doc, n int) []briefings.Picked {
	var out []briefings.Picked
	for _, line := range strings.Split(docs[0].Body, "\n") {
		for _, s := range strings.SplitAfter(line, ". ") {
			if s = strings.TrimSpace(s); s != "" && len(out) < n {
				out = append(out, briefings.Picked{Doc: 0, Sentence: s})
			}
		}
	}
	return out
}

// A digest item never repeats its headline as a sentence; the next
// sentence takes its place.
func TestItemDoesNotRepeatItsHeadline(t *testing.T) {
	f := newFixture(t)
	f.add(0, "Demo Air Command", "Air defence downs 110 targets",
		"Air defence downs 110 targets\nThe enemy attacked with 120 drones overnight. Most came from the north. Debris fell in two districts.",
		base.Add(-time.Hour), []briefings.Topic{"air_attacks"})
	d, err := Build(context.Background(), f.st, leadSentences{}, Options{Now: base, Sentences: 2})
	if err != nil {
		t.Fatal(err)
	}
	it := d.Sections[0].Items[0]
	want := []string{"The enemy attacked with 120 drones overnight.", "Most came from the north."}
	if it.Headline != "Air defence downs 110 targets" || !slices.Equal(it.Sentences, want) {
		t.Errorf("%q: %q, want %q", it.Headline, it.Sentences, want)
	}
}

// A sentence quoted from a list loses its list marker; dialogue dashes stay.
func TestClipDropsListMarkers(t *testing.T) {
	got := clip([]string{"- 212 strike drones from the north;", " • 8 guided missiles.", "– We held, he said.", "", "Fourth."}, 4)
	want := []string{"212 strike drones from the north;", "8 guided missiles.", "– We held, he said.", "Fourth."}
	if !slices.Equal(got, want) {
		t.Errorf("got %q\nwant %q", got, want)
	}
}

// An item with nothing but a word or two of headline says nothing.
func TestSaysSomething(t *testing.T) {
	cases := []struct {
		it   briefings.DigestItem
		want bool
	}{
		{briefings.DigestItem{Headline: "Capital:"}, false},
		{briefings.DigestItem{Headline: "🅿️ Minus"}, false},
		{briefings.DigestItem{Headline: "Capital region all clear"}, true},
		{briefings.DigestItem{Headline: "Capital:", Sentences: []string{"Two drones over the northern district."}}, true},
		{briefings.DigestItem{Headline: "Night", Figures: "Russia launched 40 drones."}, true},
		{briefings.DigestItem{Headline: "Talks", Event: "Envoys met in Geneva on Tuesday"}, true},
		{briefings.DigestItem{}, false},
	}
	for _, c := range cases {
		if got := saysSomething(c.it); got != c.want {
			t.Errorf("%+v: %v, want %v", c.it, got, c.want)
		}
	}
}

// A wire dateline before a quoted sentence goes: the item names its sources.
func TestClipDropsDatelines(t *testing.T) {
	cases := map[string]string{
		"CITY, Country — (Wire) — Drones struck the port overnight.": "Drones struck the port overnight.",
		"CITY, Country (Wire) — Drones struck the port overnight.":   "Drones struck the port overnight.",
		"CAPITAL (Agency) - Talks resumed on Monday.":                "Talks resumed on Monday.",
		"CAPITAL (Sample Wire) – Talks resumed on Monday.":           "Talks resumed on Monday.",
		"CITY, Country — Repairs began at dawn.":                     "Repairs began at dawn.",
		"US – Russia talks ended without a deal.":                    "US – Russia talks ended without a deal.",
		"NATO - the alliance of 32 states - met.":                    "NATO - the alliance of 32 states - met.",
		"Kyiv, the capital - quiet overnight.":                       "Kyiv, the capital - quiet overnight.",
	}
	for in, want := range cases {
		if got := clip([]string{in}, 1); len(got) != 1 || got[0] != want {
			t.Errorf("%q: got %q, want %q", in, got, want)
		}
	}
}

func TestOwnLine(t *testing.T) {
	post := briefings.Article{Body: "Air defence downs 110 targets\nThe enemy attacked overnight."}
	feed := briefings.Article{Title: "Russia attacks the capital", Teaser: "Russia attacks the capital Region overnight."}
	if !ownLine("Air defence downs 110 targets", post) || ownLine("Russia attacks the capital", feed) || ownLine("", post) {
		t.Error("ownLine")
	}
}
