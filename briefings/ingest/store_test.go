package ingest

// Integration tests with the real store (SQLite in a temp dir).

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/sitrep/sitrep/briefings"
	"github.com/sitrep/sitrep/briefings/cluster"
	"github.com/sitrep/sitrep/briefings/store/storetest"
)

func TestStoreIdempotent(t *testing.T) {
	db := storetest.Open(t)
	srv := serve(t, map[string][2]string{
		"/rss":  {"application/rss+xml", string(fixture(t, "rss2.xml"))},
		"/atom": {"application/atom+xml", string(fixture(t, "atom.xml"))},
		"/json": {"application/feed+json", string(fixture(t, "feed.json"))},
		"/rdf":  {"application/rdf+xml", string(fixture(t, "rss1.rdf"))},
	})
	targets := []string{srv.URL + "/rss", srv.URL + "/atom", srv.URL + "/json", srv.URL + "/rdf", "testdata/folder"}
	run := func() []Outcome {
		in := newIngester(t, db, Options{})
		var all []Outcome
		for _, tg := range targets {
			outs, err := in.Ingest(t.Context(), tg)
			if err != nil {
				t.Fatalf("%s: %v\n%s", tg, err, lines(outs))
			}
			all = append(all, outs...)
		}
		return all
	}
	first := run()
	n1, _ := db.CountArticles(t.Context())
	if n1 != 9 || count(first, StatusNew)+count(first, StatusCopy) != 9 {
		t.Fatalf("first run: %d articles\n%s", n1, lines(first))
	}
	second := run()
	n2, _ := db.CountArticles(t.Context())
	if n2 != n1 || count(second, StatusDuplicate) != len(second) {
		t.Fatalf("second run added %d articles\n%s", n2-n1, lines(second))
	}
	t.Log("\n" + lines(first) + "\n" + lines(second))
	srcs, _ := db.ListSources(t.Context())
	feeds := 0
	for _, s := range srcs {
		if s.Kind == briefings.SourceFeed {
			feeds++
			if s.LastSuccessAt.IsZero() || !s.Enabled {
				t.Errorf("feed source %+v", s)
			}
		}
	}
	if feeds != 4 {
		t.Errorf("%d feed sources", feeds)
	}
}

// The same text from two sources is one story that lists both.
func TestStoreWireCopy(t *testing.T) {
	db := storetest.Open(t)
	dir := t.TempDir()
	body := "KYIV (Wire) — Ukraine and Moldova agreed on Tuesday to synchronize their power grids by the end of the year, the energy ministries of both countries said.\n\nEngineers will start tests in May."
	for i, src := range []string{"Wire Service", "Regional Daily"} {
		data := fmt.Sprintf("source: %s\nurl: https://%d.example/grid\n\n%s\n", src, i, body)
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("%d.txt", i)), []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	in := newIngester(t, db, Options{})
	outs, err := in.Ingest(t.Context(), dir)
	if err != nil || statuses(outs) != "new,copy" {
		t.Fatalf("%v\n%s", err, lines(outs))
	}
	if outs[0].StoryID != outs[1].StoryID || outs[1].Reason != fmt.Sprintf("of #%d", outs[0].ArticleID) {
		t.Fatalf("copy not in the original's story:\n%s", lines(outs))
	}
	t.Log("\n" + lines(outs))
	stories, err := db.ListStories(t.Context(), briefings.StoryFilter{Since: time.Time{}, Until: testNow.Add(time.Hour)})
	if err != nil {
		t.Fatal(err)
	}
	if len(stories) != 1 || strings.Join(stories[0].Sources(), ",") != "Wire Service,Regional Daily" {
		t.Fatalf("stories %+v", stories)
	}
	// Again: both are duplicates of their own source's article.
	outs, _ = in.Ingest(t.Context(), dir)
	if statuses(outs) != "duplicate,duplicate" {
		t.Fatalf("second run\n%s", lines(outs))
	}
}

// Three outlets' reports of one event share a story; the next night's
// attack and an unrelated story do not. A new ingester (a restart) warms
// its index from the store and keeps grouping.
func TestStoreStoryGrouping(t *testing.T) {
	db := storetest.Open(t)
	var evs []struct {
		Key, Outlet, Title, Body string
		At                       time.Time
	}
	b, err := os.ReadFile("../cluster/testdata/events.json")
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(b, &evs); err != nil {
		t.Fatal(err)
	}
	now := time.Date(2026, 3, 13, 20, 0, 0, 0, time.UTC)
	story := map[string]int64{}
	for i, e := range evs {
		// Restart half way: a fresh ingester must warm from the store.
		in := newIngester(t, db, Options{Now: func() time.Time { return now }})
		if i < len(evs)/2 {
			in = newIngester(t, db, Options{Now: func() time.Time { return now }, Cluster: sharedIdx(t)})
		}
		o := in.Add(t.Context(), &briefings.Article{SourceName: e.Outlet, Title: e.Title, Body: e.Body, PublishedAt: e.At})
		if o.Status != StatusNew {
			t.Fatalf("%s: %s", e.Key, o)
		}
		if id, ok := story[e.Key]; ok && id != o.StoryID {
			t.Errorf("%s %q: story %d, want %d", e.Key, e.Title, o.StoryID, id)
		}
		for k, id := range story {
			if k != e.Key && id == o.StoryID {
				t.Errorf("%s %q joined story of %s", e.Key, e.Title, k)
			}
		}
		story[e.Key] = o.StoryID
	}
	stories, _ := db.ListStories(t.Context(), briefings.StoryFilter{Until: now})
	for _, s := range stories {
		t.Logf("story %d %q: %d articles from %v", s.ID, s.Title, len(s.Articles), s.Sources())
	}
}

var shared *cluster.Index

func sharedIdx(t *testing.T) *cluster.Index {
	if shared == nil {
		shared = cluster.New(DefaultWindow)
	}
	return shared
}

func TestStoreFetchHealth(t *testing.T) {
	db := storetest.Open(t)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { http.Error(w, "down", http.StatusServiceUnavailable) }))
	defer srv.Close()
	s := &briefings.Source{Name: "Down", URL: srv.URL + "/feed", Kind: briefings.SourceFeed, Enabled: true, Interval: 15 * time.Minute, AllowPrivate: true}
	if err := db.UpsertSource(t.Context(), s); err != nil {
		t.Fatal(err)
	}
	in := newIngester(t, db, Options{})
	n, err := in.RefreshDue(t.Context())
	if n != 1 || err == nil || !strings.Contains(err.Error(), "HTTP 503") {
		t.Fatalf("RefreshDue = %d, %v", n, err)
	}
	got, _ := db.GetSource(t.Context(), s.ID)
	if got.ErrorCount != 1 || got.LastError != "HTTP 503" || !got.NextCheckAt.Equal(testNow.Add(30*time.Minute)) {
		t.Fatalf("source after failure: errors %d, last %q, next %v", got.ErrorCount, got.LastError, got.NextCheckAt)
	}
	if n, _ := in.RefreshDue(t.Context()); n != 0 {
		t.Fatal("a backed-off source was refreshed")
	}
}

// AddAll in one batch groups the same way as one by one: articles of one
// event in the same batch share a story.
func TestStoreBatchGrouping(t *testing.T) {
	db := storetest.Open(t)
	b, err := os.ReadFile("../cluster/testdata/events.json")
	if err != nil {
		t.Fatal(err)
	}
	var evs []struct {
		Key, Outlet, Title, Body string
		At                       time.Time
	}
	if err := json.Unmarshal(b, &evs); err != nil {
		t.Fatal(err)
	}
	var arts []*briefings.Article
	for _, e := range evs {
		arts = append(arts, &briefings.Article{SourceName: e.Outlet, Title: e.Title, Body: e.Body, PublishedAt: e.At})
	}
	in := newIngester(t, db, Options{})
	outs := in.AddAll(t.Context(), arts)
	story := map[string]int64{}
	for i, o := range outs {
		if o.Status != StatusNew {
			t.Fatalf("%d: %s", i, o)
		}
		k := evs[i].Key
		if id, ok := story[k]; ok && id != o.StoryID {
			t.Errorf("%s %q: story %d, want %d", k, evs[i].Title, o.StoryID, id)
		}
		story[k] = o.StoryID
	}
	if len(story) != 5 {
		t.Errorf("%d distinct stories for 5 events: %v", len(story), story)
	}
	// The whole batch again: all duplicates.
	again := make([]*briefings.Article, len(evs))
	for i, e := range evs {
		again[i] = &briefings.Article{SourceName: e.Outlet, Title: e.Title, Body: e.Body, PublishedAt: e.At}
	}
	if got := statuses(in.AddAll(t.Context(), again)); strings.Count(got, StatusDuplicate) != len(evs) {
		t.Errorf("second batch: %s", got)
	}
}
