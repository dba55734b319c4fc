package digest

import (
	"context"
	"strings"
	"testing"
	"unicode"

	"github.com/sitrep/sitrep/briefings"
	"github.com/sitrep/sitrep/briefings/summarize"
)

// An item quotes one language. A story told by Ukrainian and English
// articles gave an item whose sentences were picked across both: a
// Ukrainian line beside an English one, so a chat of either language with
// /ownlang off read a line in the other language inside one quote. Now the
// item is told in the language of the article most of its sentences came
// from, and the other language is its version (InLang) for /ownlang on.
// Invented texts.
func TestItemQuotesOneLanguage(t *testing.T) {
	f := newFixture(t)
	at := base.Add(-3 * 3600e9)
	add := func(story int64, src, lang, title, body string) int64 {
		t.Helper()
		a := &briefings.Article{SourceID: f.source(src), URL: "https://sample.sitrep.invalid/" + strings.ReplaceAll(strings.ToLower(src), " ", "-") + "/1",
			Title: title, Body: body, PublishedAt: at, FetchedAt: at, StoryID: story, ContentHash: src + title, Lang: lang,
			Relevance: 0.9, Section: briefings.SectionAirAttacks}
		res, err := f.st.AddArticle(context.Background(), a)
		if err != nil || !res.Created {
			t.Fatalf("add %q: %+v %v", title, res, err)
		}
		return res.StoryID
	}
	s := add(0, "UA Desk", "uk", "Уночі ворог запустив 90 дронів", "Уночі ворог запустив по Україні 90 дронів і дві ракети. Над Київщиною та Черкащиною збито 70 дронів. Уламки впали у двох районах.")
	add(s, "UA Radio", "uk", "Збито 70 дронів із 90", "Протиповітряна оборона знешкодила 70 із 90 дронів, випущених уночі. На Черкащині пошкоджено склад. Постраждалих немає.")
	add(s, "Sample Wire", "en", "Russia fires 90 drones at Ukraine", "Russia fired 90 drones and two missiles at Ukraine overnight, the Air Force said. Air defences downed 70 drones over the Kyiv and Cherkasy regions. A warehouse was damaged.")
	// Must not change: a story of one language.
	e := add(0, "Example Courier", "en", "Envoys meet in Geneva on guarantees", "Envoys of five countries met in Geneva on Friday to discuss security guarantees. They agreed to meet again next month.")
	add(e, "Demo Kyiv Post", "en", "Geneva talks on guarantees end", "The talks in Geneva on security guarantees ended on Friday evening. A joint statement is expected.")

	d, err := Build(context.Background(), f.st, summarize.New(), Options{Now: base})
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, sec := range d.Sections {
		for _, it := range sec.Items {
			n++
			if len(it.Sentences) == 0 {
				t.Errorf("%q: no sentences", it.Headline)
			}
			for _, s := range append([]string{it.Headline}, it.Sentences...) {
				if cyrillic(s) != (it.Lang == "uk") {
					t.Errorf("item %q in %q quotes %q", it.Headline, it.Lang, s)
				}
			}
			for lang, v := range it.InLang {
				for _, s := range v.Sentences {
					if cyrillic(s) != (lang == "uk") {
						t.Errorf("item %q, version %q quotes %q", it.Headline, lang, s)
					}
				}
			}
		}
	}
	if n != 2 {
		t.Errorf("%d items, want 2", n)
	}
}

func cyrillic(s string) bool {
	for _, r := range s {
		if unicode.Is(unicode.Cyrillic, r) {
			return true
		}
	}
	return false
}

// When an item's first pick mixes languages and the story has more
// originals of the chosen language than the summarizer takes, the second
// pick spreads over their sources as the first does (summaryDocs), instead
// of taking the first MaxDocs of them, all from one source. Invented titles.
func TestOneLanguagePickSpreadsSources(t *testing.T) {
	var originals []briefings.Article
	for i := range MaxDocs + 1 {
		originals = append(originals, briefings.Article{SourceName: "UA One", Lang: "uk", Title: "uk one " + itoa(i)})
	}
	originals = append(originals,
		briefings.Article{SourceName: "Sample Wire", Lang: "en", Title: "en wire"},
		briefings.Article{SourceName: "UA Two", Lang: "uk", Title: "uk two"})
	sum := &mixingSummarizer{}
	sentences, best := summarized(originals, sum, 3)
	if len(sum.calls) != 2 {
		t.Fatalf("%d summarizer calls, want 2 (the second in one language)", len(sum.calls))
	}
	if best != 0 || len(sentences) == 0 {
		t.Errorf("best %d, sentences %q; want the first original's", best, sentences)
	}
	titles := map[string]bool{}
	for _, d := range sum.calls[1] {
		titles[d.Title] = true
	}
	if len(sum.calls[1]) != MaxDocs || titles["en wire"] || !titles["uk two"] {
		t.Errorf("second pick's documents %v: want %d Ukrainian ones, the second source's among them", titles, MaxDocs)
	}
}

// mixingSummarizer picks the first document's title twice and, on its
// first call, the English document's once.
type mixingSummarizer struct{ calls [][]briefings.Doc }

func (m *mixingSummarizer) Summarize(title, body string, n int) []string { return nil }

func (m *mixingSummarizer) SummarizeStory(docs []briefings.Doc, n int) []briefings.Picked {
	m.calls = append(m.calls, docs)
	out := []briefings.Picked{{Doc: 0, Sentence: docs[0].Title}, {Doc: 0, Sentence: docs[0].Title + "."}}
	for i, d := range docs {
		if len(m.calls) == 1 && strings.HasPrefix(d.Title, "en ") {
			out = append(out, briefings.Picked{Doc: i, Sentence: d.Title})
		}
	}
	return out
}
