package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/sitrep/sitrep/bot"
	"github.com/sitrep/sitrep/briefings"
)

// toServer sends every request, whatever its host, to srv (plain HTTP):
// feeds named by public host names are served by a local test server.
type toServer struct{ srv *httptest.Server }

func (t toServer) RoundTrip(req *http.Request) (*http.Response, error) {
	u, _ := url.Parse(t.srv.URL)
	r := req.Clone(req.Context())
	r.URL.Scheme, r.URL.Host = u.Scheme, u.Host
	return t.srv.Client().Transport.RoundTrip(r)
}

// jsonFeed is a JSON Feed of one item.
func jsonFeed(title, id, link, itemTitle, text string, at time.Time) string {
	b, _ := json.Marshal(map[string]any{
		"version": "https://jsonfeed.org/version/1.1", "title": title,
		"items": []map[string]any{{"id": id, "url": link, "title": itemTitle, "content_text": text,
			"date_published": at.Format(time.RFC3339)}},
	})
	return string(b)
}

// TestChatSourceJoinsConfiguredStory: a feed added from chat is read by the
// process's one ingester, against the one story index: its report of an
// event a configured feed reported already joins that story, without a
// restart, however the chat side had used the index before.
func TestChatSourceJoinsConfiguredStory(t *testing.T) {
	now := time.Date(2026, 3, 10, 9, 0, 0, 0, time.UTC)
	at := now.Add(-time.Hour)
	feeds := map[string]string{
		"/configured": jsonFeed("Harbour Wire", "c1", "https://harbour.example/talks", "Envoys of Norvia and Estland meet in Tallinn over grain corridor",
			"Envoys of Norvia and Estland met in Tallinn on Tuesday to discuss reopening the Baltic grain corridor, the Norvian foreign ministry said. "+
				"Minister Arvid Lund told reporters the talks on the corridor would continue in Riga next month.", at),
		"/first": jsonFeed("Garden Notes", "g1", "https://garden.example/tulips", "Tulip season opens early at the botanical garden",
			"The botanical garden opened its tulip season two weeks early after a warm March, its director said. "+
				"Visitors can see more than forty varieties in the lower beds until late April.", at),
		"/second": jsonFeed("Baltic Daily", "b1", "https://baltic.example/corridor", "Norvia and Estland envoys hold Tallinn talks on grain corridor",
			"Norvian and Estlandic envoys held talks in Tallinn on Tuesday about reopening the Baltic grain corridor, said minister Arvid Lund. "+
				"Lund said the corridor talks will go on in Riga next month.", at),
	}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, ok := feeds[r.URL.Path]
		if !ok {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", "application/feed+json")
		io.WriteString(w, body)
	}))
	defer srv.Close()
	dir := t.TempDir()
	cfg := filepath.Join(dir, "sitrep.yaml")
	if err := os.WriteFile(cfg, []byte("sources:\n  - name: Harbour Wire\n    url: https://harbour.example/configured\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	m := &Main{Stdin: strings.NewReader(""), Stdout: io.Discard, Stderr: io.Discard,
		Getenv: func(string) string { return "" }, Now: func() time.Time { return now },
		HTTPClient: &http.Client{Transport: toServer{srv}, Timeout: 10 * time.Second}}
	ctx := context.Background()
	if err := m.setup(ctx, &common{config: cfg, db: filepath.Join(dir, "s.db")}); err != nil {
		t.Fatal(err)
	}
	defer m.Close()
	router := m.router(nil, nil)
	addSource := func(u string) {
		t.Helper()
		rep := router.Handle(ctx, &bot.Request{Chat: briefings.Chat{Platform: briefings.PlatformTelegram, ChatID: "1"},
			UserID: "1", ChatKind: briefings.ChatPrivate, IsAdmin: true, CanManage: true, Text: "/addsource " + u})
		if rep == nil || rep.Error {
			t.Fatalf("/addsource %s: %+v", u, rep)
		}
	}
	// The chat side adds a feed on another subject first.
	addSource("https://garden.example/first")
	// The configured feed reports the talks.
	if err := m.ingester.SyncSources(ctx, m.configuredSources()); err != nil {
		t.Fatal(err)
	}
	if _, err := m.ingester.RefreshDue(ctx, briefings.SourceFeed); err != nil {
		t.Fatal(err)
	}
	// A feed added from chat reports the same talks.
	addSource("https://baltic.example/second")
	arts, err := m.Store.ListArticles(ctx, briefings.ArticleFilter{Limit: 10})
	if err != nil {
		t.Fatal(err)
	}
	stories := map[string]int64{}
	for _, a := range arts {
		stories[a.URL] = a.StoryID
	}
	configured, chat := stories["https://harbour.example/talks"], stories["https://baltic.example/corridor"]
	if len(arts) != 3 || configured == 0 || chat != configured {
		var got []string
		for _, a := range arts {
			got = append(got, fmt.Sprintf("%s story %d", a.URL, a.StoryID))
		}
		t.Fatalf("articles %v: want the chat source's report in the configured source's story", got)
	}
}
