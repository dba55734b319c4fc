package main

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/sitrep/sitrep/briefings"
	"github.com/sitrep/sitrep/briefings/store"
)

// TestIngestUsesTheConfiguredSource: `sitrep ingest --config F URL` reads a
// URL the configuration names (spelled with another case of host or a final
// slash too) as that source: its name and its topic (a war-only source's
// articles are never judged off-topic), even before `sitrep run` ever
// stored it. A URL the configuration does not name is still a source of its
// own, named by its feed.
func TestIngestUsesTheConfiguredSource(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/page" {
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			fmt.Fprint(w, `<html><head><title>Statement on the night</title></head><body><article><h1>Statement on the night</h1><p>The statement of the night names the districts where crews cleared debris after the alert ended in the early morning.</p><p>Residents were asked to keep away from the cordoned streets until the checks are finished later in the day.</p></article></body></html>`)
			return
		}
		text := map[string]string{
			"/war":   "The morning bulletin lists the road works and the weather for the region.",
			"/other": "A new library opened in the old town hall, with a reading room for children.",
		}[strings.TrimSuffix(r.URL.Path, "/")]
		w.Header().Set("Content-Type", "application/feed+json")
		fmt.Fprintf(w, `{"version":"https://jsonfeed.org/version/1.1","title":"Feed title %s","items":[{"id":"%s1","url":"https://desk.example%s/1","title":"Bulletin %s","content_text":%q,"date_published":"2026-03-10T08:00:00Z"}]}`, r.URL.Path, r.URL.Path, r.URL.Path, r.URL.Path, text)
	}))
	defer srv.Close()
	dir := t.TempDir()
	cfg := filepath.Join(dir, "sitrep.yaml")
	war, other, page := srv.URL+"/war", srv.URL+"/other", srv.URL+"/page"
	os.WriteFile(cfg, []byte(fmt.Sprintf("sources:\n  - name: War desk\n    url: %s\n    topic: war\n  - name: Statements\n    url: %s\n    kind: page\n    topic: war\n", war, page)), 0o644)
	db := filepath.Join(dir, "s.db")
	asTyped := strings.Replace(war, "http://127.0.0.1", "HTTP://127.0.0.1", 1) + "/"
	for _, target := range []string{asTyped, other, page} {
		if out, errs, code := run(t, "", nil, "ingest", "--config", cfg, "--db", db, target); code != 0 || !strings.HasPrefix(out, "new") {
			t.Fatalf("ingest %s: code %d, out %q, err %q", target, code, out, errs)
		}
	}
	ctx := context.Background()
	st, err := store.Open(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	for url, want := range map[string]briefings.Source{
		war:   {Name: "War desk", Topic: briefings.SourceTopicWar},
		other: {Name: "Feed title /other", Topic: briefings.SourceTopicGeneral},
		page:  {Name: "Statements", Topic: briefings.SourceTopicWar},
	} {
		s, err := st.GetSourceByURL(ctx, url)
		if err != nil {
			t.Fatalf("source %s: %v", url, err)
		}
		if s.Name != want.Name || s.Topic != want.Topic {
			t.Errorf("source %s: name %q, topic %q; want %q, %q", url, s.Name, s.Topic, want.Name, want.Topic)
		}
	}
	arts, err := st.ListArticles(ctx, briefings.ArticleFilter{})
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range arts {
		want := map[string]string{war: "War desk", page: "Statements"}[strings.TrimSuffix(strings.Replace(a.URL, "https://desk.example", srv.URL, 1), "/1")]
		if (a.SourceTopic == briefings.SourceTopicWar) != (want != "") || want != "" && a.SourceName != want {
			t.Errorf("article %s: source %q, topic %q", a.URL, a.SourceName, a.SourceTopic)
		}
	}
	if len(arts) != 3 {
		t.Errorf("%d articles, want 3", len(arts))
	}
}
