package classify

import (
	"slices"
	"testing"

	"github.com/sitrep/sitrep/briefings"
)

func TestSectionWords(t *testing.T) {
	cases := []struct {
		link string
		tags []string
		want []string
	}{
		// a section folder, a dated folder and the slug
		{"https://paper.example/sport/2025/03/01/team-wins-the-cup-final", nil, []string{"sport"}},
		// a sub-domain that names a section; a language edition is none
		{"https://economics.paper.example.ua/news/2026/01/02/7001/", nil, []string{"economics"}},
		{"https://www.paper.example/eng/news/2026/10/04/8056363/", nil, []string{}},
		// categories come first; a two-word folder is read, a long slug is not
		{"https://paper.example/world-news/europe/talks-resume-in-a-third-city.html", []string{"Погода", " ", "Погода"}, []string{"Погода", "Погода", "world news", "europe"}},
		// a last segment of one word is a section's index page
		{"https://paper.example/war", nil, []string{"war"}},
		{"not a link", []string{"Sport"}, []string{"Sport"}},
	}
	for _, c := range cases {
		got := sectionWords(c.link, c.tags)
		got = slices.DeleteFunc(got, func(s string) bool { return s == "" })
		if !slices.Equal(got, c.want) && !(len(got) == 0 && len(c.want) == 0) {
			t.Errorf("sectionWords(%q, %q) = %q, want %q", c.link, c.tags, got, c.want)
		}
	}
}

// The publisher's section words reach the model as s: and sc: features, in
// any of the three languages, so that "Спорт" and /sport/ meet.
func TestSectionFeatures(t *testing.T) {
	f := newFeaturizer()
	var tk tokenizer
	for _, a := range []*briefings.Article{
		{Title: "Команда виграла кубок", URL: "https://paper.example/a/1", Tags: []string{"Спорт"}},
		{Title: "Team wins the cup", URL: "https://paper.example/sport/2025/01/01/team-wins"},
	} {
		got := map[string]bool{}
		f.article(&tk, a, func(prefix, x, y string) { got[name(prefix, x, y)] = true })
		if !got["sc:sport"] {
			t.Errorf("%q (%q, %q): no sc:sport among %v", a.Title, a.URL, a.Tags, got)
		}
		for n := range got {
			if n == "s:a" || n == "s:#" {
				t.Errorf("%q: %s is no section word", a.Title, n)
			}
		}
	}
}
