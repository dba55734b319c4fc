package ingest

import (
	"strings"
	"testing"

	"github.com/sitrep/sitrep/briefings"
)

// wordClassifier is a stand-in classifier: an article is off-topic unless
// its title names a drone; it counts its calls.
type wordClassifier struct{ calls int }

func (c *wordClassifier) Classify(a *briefings.Article) briefings.Classification {
	c.calls++
	if strings.Contains(strings.ToLower(a.Title), "drone") {
		return briefings.Classification{Relevance: 0.9, Section: briefings.SectionAirAttacks}
	}
	return briefings.Classification{Relevance: 0.1, OffTopic: true, Section: briefings.SectionSanctions}
}

// The classifier's decision is stored with each article; a war-only
// source's articles are never off-topic, but keep their score and section.
func TestIngestClassifies(t *testing.T) {
	for _, topic := range []briefings.SourceTopic{briefings.SourceTopicGeneral, briefings.SourceTopicWar} {
		st := &memStore{}
		srv := serve(t, map[string][2]string{"/feed": {"application/rss+xml", string(fixture(t, "rss2.xml"))}})
		src := &briefings.Source{Name: "Wire", URL: srv.URL + "/feed", Kind: briefings.SourceFeed, Enabled: true, Topic: topic, AllowPrivate: true}
		if err := st.UpsertSource(t.Context(), src); err != nil {
			t.Fatal(err)
		}
		c := &wordClassifier{}
		in := newIngester(t, st, Options{Classifier: c})
		if _, err := in.RefreshSource(t.Context(), src); err != nil {
			t.Fatal(err)
		}
		if c.calls != 2 || len(st.articles) != 2 {
			t.Fatalf("topic %q: %d calls, %d articles", topic, c.calls, len(st.articles))
		}
		drones, sanctions := st.articles[0], st.articles[1]
		if drones.OffTopic || drones.Section != briefings.SectionAirAttacks || drones.Relevance != 0.9 {
			t.Errorf("topic %q: drone article %v %q %v", topic, drones.OffTopic, drones.Section, drones.Relevance)
		}
		wantOff := topic != briefings.SourceTopicWar
		if sanctions.OffTopic != wantOff || sanctions.Section != briefings.SectionSanctions || sanctions.Relevance != 0.1 {
			t.Errorf("topic %q: other article off-topic %v (want %v), section %q, relevance %v",
				topic, sanctions.OffTopic, wantOff, sanctions.Section, sanctions.Relevance)
		}
	}
}
