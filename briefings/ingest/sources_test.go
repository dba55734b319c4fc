package ingest

import (
	"errors"
	"net/http"
	"net/http/httptest"
	"net/url"
	"testing"
	"time"

	"github.com/sitrep/sitrep/briefings"
	"github.com/sitrep/sitrep/briefings/store/storetest"
)

// hostRouter sends every request, whatever its host, to srv: public host
// names served by a loopback test server.
type hostRouter struct{ srv *httptest.Server }

func (h hostRouter) RoundTrip(req *http.Request) (*http.Response, error) {
	u, _ := url.Parse(h.srv.URL)
	r := req.Clone(req.Context())
	r.URL.Scheme, r.URL.Host = u.Scheme, u.Host
	return h.srv.Client().Transport.RoundTrip(r)
}

// TestFetchPublicPage: an ingester that may reach private addresses (the
// operator's) still refuses them for a page a chat user asks for.
func TestFetchPublicPage(t *testing.T) {
	srv := serve(t, map[string][2]string{"/world/grain-talks": {"text/html; charset=utf-8", string(fixture(t, "page.html"))}})
	in := newIngester(t, &memStore{}, Options{})
	if _, err := in.FetchPage(t.Context(), srv.URL+"/world/grain-talks"); err != nil {
		t.Fatalf("FetchPage of the operator's loopback page: %v", err)
	}
	if _, err := in.FetchPublicPage(t.Context(), srv.URL+"/world/grain-talks"); !errors.Is(err, ErrRefused) {
		t.Fatalf("FetchPublicPage of a loopback page: %v, want refused", err)
	}
}

// TestFetchPublicFile: a file a chat user names (an OPML list) is fetched
// only from a public address, even by an ingester allowed private ones.
func TestFetchPublicFile(t *testing.T) {
	srv := serve(t, map[string][2]string{"/feeds.opml": {"text/x-opml", "<opml/>"}})
	in := newIngester(t, &memStore{}, Options{})
	if _, err := in.FetchPublicFile(t.Context(), srv.URL+"/feeds.opml"); !errors.Is(err, ErrRefused) {
		t.Fatalf("FetchPublicFile of a loopback file: %v, want refused", err)
	}
	if _, err := in.FetchPublicFile(t.Context(), "file:///etc/passwd"); !errors.Is(err, ErrRefused) {
		t.Fatalf("FetchPublicFile of a file: URL: %v, want refused", err)
	}
}

// TestAddPublicSource: a feed a chat user adds is read once and kept, never
// allowed private addresses; one already stored, one on a private address
// and one that cannot be read are refused with a message for the user, and
// the unreadable one is not kept.
func TestAddPublicSource(t *testing.T) {
	srv := serve(t, map[string][2]string{"/feed": {"application/feed+json", string(fixture(t, "feed.json"))}})
	db := storetest.Open(t)
	in := newIngester(t, db, Options{Client: &http.Client{Transport: hostRouter{srv}, Timeout: 5 * time.Second}})
	s, err := in.AddPublicSource(t.Context(), "https://news.example/feed")
	if err != nil {
		t.Fatal(err)
	}
	if s.ID == 0 || s.Name != "news.example" || s.Kind != briefings.SourceFeed || s.AllowPrivate || s.LastSuccessAt.IsZero() {
		t.Fatalf("added %+v", s)
	}
	if n, err := db.CountArticles(t.Context()); err != nil || n == 0 {
		t.Fatalf("%d articles (%v) after adding the feed, want its items", n, err)
	}
	// Each refusal names its message for the chat's catalogue.
	for raw, want := range map[string][2]string{
		"https://news.example/feed":    {briefings.ECONFLICT, "error.source_exists"},
		"http://127.0.0.1:8080/feed":   {briefings.EINVALID, "error.address_refused"},
		"https://news.example/missing": {briefings.EINVALID, "error.feed_unreadable"},
	} {
		_, err := in.AddPublicSource(t.Context(), raw)
		var e *briefings.Error
		if briefings.ErrorCode(err) != want[0] || !errors.As(err, &e) || e.Key != want[1] {
			t.Errorf("%s: %v, want %s with key %s", raw, err, want[0], want[1])
		}
	}
	if _, err := db.GetSourceByURL(t.Context(), "https://news.example/missing"); briefings.ErrorCode(err) != briefings.ENOTFOUND {
		t.Errorf("the unreadable feed was kept: %v", err)
	}
}

// TestSyncSources: configured sources are stored enabled and allowed the
// operator's network; a new one is due at once, a stored one keeps its
// fetch state and takes the configuration's settings.
func TestSyncSources(t *testing.T) {
	db := storetest.Open(t)
	in := newIngester(t, db, Options{})
	ctx := t.Context()
	old := &briefings.Source{Name: "Old name", URL: "https://wire.example/rss", Kind: briefings.SourceFeed, ETag: `"v7"`,
		ErrorCount: 2, NextCheckAt: testNow.Add(time.Hour)}
	if err := db.UpsertSource(ctx, old); err != nil {
		t.Fatal(err)
	}
	err := in.SyncSources(ctx, []briefings.Source{
		{Name: "Wire", URL: "https://wire.example/rss", ShowText: true, Interval: 5 * time.Minute, Topic: briefings.SourceTopicWar},
		{Name: "LAN bulletin", URL: "http://10.0.0.5/feed.xml", Lang: "en"},
	})
	if err != nil {
		t.Fatal(err)
	}
	wire, err := db.GetSourceByURL(ctx, "https://wire.example/rss")
	if err != nil {
		t.Fatal(err)
	}
	if wire.ID != old.ID || wire.Name != "Wire" || wire.Topic != briefings.SourceTopicWar || !wire.ShowText || wire.Interval != 5*time.Minute || !wire.Enabled ||
		!wire.AllowPrivate || wire.ETag != `"v7"` || !wire.NextCheckAt.Equal(old.NextCheckAt) {
		t.Errorf("synced existing source %+v", wire)
	}
	lan, err := db.GetSourceByURL(ctx, "http://10.0.0.5/feed.xml")
	if err != nil {
		t.Fatal(err)
	}
	if lan.Kind != briefings.SourceFeed || !lan.Enabled || !lan.AllowPrivate || lan.Lang != "en" || !lan.NextCheckAt.Equal(testNow) {
		t.Errorf("synced new source %+v", lan)
	}
}

// ConfiguredFor matches the spellings of a configured source's URL that
// `sitrep ingest` may be given, and nothing else.
func TestConfiguredFor(t *testing.T) {
	configured := []briefings.Source{
		{Name: "Desk", URL: "https://news.example/feed.xml"},
		{Name: "Air command", URL: "https://t.me/s/SomeCommand", Kind: briefings.SourceChannel},
	}
	for target, want := range map[string]string{
		"https://news.example/feed.xml":        "Desk",
		"HTTPS://News.Example/feed.xml/":       "Desk",
		"https://t.me/s/SomeCommand":           "Air command",
		"https://t.me/somecommand":             "Air command",
		"t.me/SomeCommand/":                    "",
		"https://t.me/SomeCommand/42":          "", // one post, not the channel
		"https://news.example/feed.xml?page=2": "",
		"https://news.example/Feed.xml":        "",
		"./feed.xml":                           "",
	} {
		s, ok := ConfiguredFor(configured, target)
		if ok != (want != "") || s.Name != want {
			t.Errorf("ConfiguredFor(%q) = %q, %v; want %q", target, s.Name, ok, want)
		}
	}
}
