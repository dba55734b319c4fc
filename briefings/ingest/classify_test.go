package ingest

import (
	"strings"
	"testing"
	"time"

	"github.com/sitrep/sitrep/briefings"
	"github.com/sitrep/sitrep/briefings/ingest/tmetest"
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

// A war-only channel's posts are never off-topic either: a post carries its
// channel's topic as a feed item carries its feed's.
func TestChannelWarSourceNeverOffTopic(t *testing.T) {
	e := newChannelEnv(t, 0)
	for i, text := range []string{"Air raid alert lifted in the capital region.", "Shelter doors stay open until the all-clear."} {
		e.srv.Post("testair", tmetest.Post{Text: text, Time: testNow.Add(time.Duration(i-5) * time.Minute)})
	}
	e.in.o.Classifier = &wordClassifier{}
	e.src.Topic = briefings.SourceTopicWar
	if err := e.db.UpsertSource(t.Context(), e.src); err != nil {
		t.Fatal(err)
	}
	if _, err := e.poll(); err != nil {
		t.Fatal(err)
	}
	arts, err := e.db.ListArticles(t.Context(), briefings.ArticleFilter{SourceID: e.src.ID, Limit: 10})
	if err != nil || len(arts) != 2 {
		t.Fatalf("%d articles, %v", len(arts), err)
	}
	for _, a := range arts {
		if a.OffTopic || a.Section != briefings.SectionSanctions || a.Relevance != 0.1 {
			t.Errorf("post %q: off-topic %v, section %q, relevance %v; want relevant, the classifier's section and score", a.Title, a.OffTopic, a.Section, a.Relevance)
		}
	}
}
