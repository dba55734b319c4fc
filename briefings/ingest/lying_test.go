package ingest

import (
	"bytes"
	"compress/gzip"
	"fmt"
	"net/http"
	"net/http/httptest"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/sitrep/sitrep/briefings"
)

// Inputs that lie: servers and documents that claim one thing and do
// another. Each must end in a clear error or a sane value, within the
// ingester's size and time caps, and must not stop the other sources.

const liarMaxBytes = 1 << 20

var (
	bombOnce sync.Once
	bomb     []byte
)

// gzipBomb is 256 gzip members of 1 MB of spaces each: about 256 KB on the
// wire that decompress to 256 MB (gzip readers read concatenated members).
func gzipBomb() []byte {
	bombOnce.Do(func() {
		var one bytes.Buffer
		zw, _ := gzip.NewWriterLevel(&one, gzip.BestCompression)
		zw.Write([]byte(`<?xml version="1.0"?><rss version="2.0"><channel><title>`))
		zw.Write(bytes.Repeat([]byte(" "), 1<<20))
		zw.Close()
		bomb = bytes.Repeat(one.Bytes(), 256)
	})
	return bomb
}

// billionLaughs declares nested entities that would expand to 10^9 copies
// of "lol" in a parser that expands DTD entities.
func billionLaughs() string {
	var b strings.Builder
	b.WriteString(`<?xml version="1.0"?>` + "\n" + `<!DOCTYPE rss [` + "\n" + `<!ENTITY lol "lol">` + "\n")
	for i := 1; i <= 9; i++ {
		prev := "lol"
		if i > 1 {
			prev = fmt.Sprintf("lol%d", i-1)
		}
		fmt.Fprintf(&b, "<!ENTITY lol%d \"%s\">\n", i, strings.Repeat("&"+prev+";", 10))
	}
	b.WriteString(`]>` + "\n" + `<rss version="2.0"><channel><title>Laughs</title>` +
		`<item><title>Entity &lol9; title</title><link>https://liar.example/laughs</link><description>&lol9;</description></item>` +
		`</channel></rss>`)
	return b.String()
}

func liarFeed(items ...string) string {
	return `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Liar</title>` + strings.Join(items, "") + `</channel></rss>`
}

func liarItem(id, title, date string) string {
	return `<item><title>` + title + `</title><link>https://liar.example/` + id + `</link><guid>` + id + `</guid>` +
		`<pubDate>` + date + `</pubDate><description>Officials said the repair of the ` + id + ` line continues.</description></item>`
}

// liarServer answers each lie on its own path; / is an honest feed.
func liarServer(t testing.TB) *httptest.Server {
	mux := http.NewServeMux()
	mux.HandleFunc("/gzip-encoded", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/rss+xml")
		w.Header().Set("Content-Encoding", "gzip")
		w.Write(gzipBomb())
	})
	mux.HandleFunc("/bomb.xml.gz", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/gzip")
		w.Write(gzipBomb())
	})
	mux.HandleFunc("/entities", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/rss+xml")
		w.Write([]byte(billionLaughs()))
	})
	mux.HandleFunc("/trickle", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		w.WriteHeader(200)
		tick := time.NewTicker(time.Second)
		defer tick.Stop()
		for {
			if _, err := w.Write([]byte("<")); err != nil {
				return
			}
			w.(http.Flusher).Flush()
			select {
			case <-r.Context().Done():
				return
			case <-tick.C:
			}
		}
	})
	mux.HandleFunc("/loop/a", func(w http.ResponseWriter, r *http.Request) { http.Redirect(w, r, "/loop/b", http.StatusFound) })
	mux.HandleFunc("/loop/b", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/loop/a", http.StatusMovedPermanently)
	})
	mux.HandleFunc("/endless/", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, r.URL.Path+"x", http.StatusFound)
	})
	mux.HandleFunc("/huge", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/rss+xml")
		w.Header().Set("Content-Length", "2147483648")
		w.WriteHeader(200)
		w.Write([]byte(liarFeed()))
	})
	mux.HandleFunc("/bad-utf8", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/rss+xml; charset=utf-8")
		w.Write([]byte(liarFeed(
			liarItem("utf1", "Kyiv \xff\xfe talks \xc3 resume", "Thu, 12 Mar 2026 06:10:00 +0000"),
			liarItem("utf2", "Grid repairs in Kharkiv", "Thu, 12 Mar 2026 07:10:00 +0000"))))
	})
	mux.HandleFunc("/bad-utf8.json", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/feed+json")
		w.Write([]byte(`{"version":"https://jsonfeed.org/version/1.1","title":"J","items":[{"id":"j1","url":"https://liar.example/j1",` +
			"\"title\":\"Odesa \xff port \xe2\x82 reopens\",\"content_text\":\"The port reopened on Monday, officials said.\"}]}"))
	})
	mux.HandleFunc("/dates", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/rss+xml")
		w.Write([]byte(liarFeed(
			liarItem("future", "A report from the far future", "Sat, 01 Jan 3000 00:00:00 +0000"),
			liarItem("epoch", "A report from the epoch", "Thu, 01 Jan 1970 00:00:00 +0000"),
			liarItem("zero", "A report dated year one", "0001-01-01T00:00:00Z"),
			liarItem("real", "A report with a real date", "Wed, 11 Mar 2026 17:00:00 +0000"))))
	})
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/rss+xml")
		w.Write([]byte(liarFeed(liarItem("honest", "Honest feed item on the bridge", "Wed, 11 Mar 2026 17:00:00 +0000"))))
	})
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	return srv
}

// allocated runs f and returns the bytes it allocated (all goroutines).
func allocated(f func()) uint64 {
	var a, b runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&a)
	f()
	runtime.ReadMemStats(&b)
	return b.TotalAlloc - a.TotalAlloc
}

// TestInputsThatLieFail: each lie that cannot give an article ends in one
// clear error line, having allocated a bounded amount (a few times the size
// cap, never the 256 MB a bomb expands to).
func TestInputsThatLieFail(t *testing.T) {
	srv := liarServer(t)
	in := newIngester(t, &memStore{}, Options{Timeout: 1500 * time.Millisecond, MaxBytes: liarMaxBytes})
	tests := []struct{ path, want string }{
		{"/gzip-encoded", "too large"},
		{"/bomb.xml.gz", "too large"},
		{"/trickle", "timeout"},
		{"/loop/a", "redirect loop"},
		{"/endless/x", "too many redirects"},
		{"/huge", "too large"},
	}
	for _, tt := range tests {
		t.Run(tt.path, func(t *testing.T) {
			var outs []Outcome
			var err error
			n := allocated(func() { outs, err = in.Ingest(t.Context(), srv.URL+tt.path) })
			if err == nil || len(outs) != 1 || outs[0].Status != StatusError || !strings.Contains(outs[0].Reason, tt.want) {
				t.Fatalf("err %v, outcomes:\n%s\nwant one error containing %q", err, lines(outs), tt.want)
			}
			if s := outs[0].String(); strings.Contains(s, "\n") || len(s) > 300 {
				t.Errorf("not one clear line: %q", s)
			}
			if n > 16*liarMaxBytes {
				t.Errorf("allocated %d MB for a %d MB cap", n>>20, liarMaxBytes>>20)
			}
			t.Logf("%s (allocated %d KB)", outs[0], n>>10)
		})
	}
}

// TestEntityExpansionNotExpanded: a feed declaring nested entities is read
// without expanding them: the item's text stays small.
func TestEntityExpansionNotExpanded(t *testing.T) {
	srv := liarServer(t)
	st := &memStore{}
	in := newIngester(t, st, Options{MaxBytes: liarMaxBytes})
	var outs []Outcome
	n := allocated(func() { outs, _ = in.Ingest(t.Context(), srv.URL+"/entities") })
	if n > 16*liarMaxBytes {
		t.Errorf("allocated %d MB reading a 2 KB feed", n>>20)
	}
	for _, a := range st.articles {
		if len(a.Title)+len(a.Teaser)+len(a.Body) > 4096 || strings.Count(a.Title+a.Teaser, "lollol") > 0 {
			t.Errorf("entities expanded: title %d bytes, teaser %d bytes", len(a.Title), len(a.Teaser))
		}
	}
	if len(outs) == 0 {
		t.Fatal("no outcome")
	}
	t.Logf("%s (allocated %d KB)", lines(outs), n>>10)
}

// TestInvalidUTF8Titles: invalid bytes in a title are dropped, the item
// kept, and every stored string is valid UTF-8 (PostgreSQL refuses others).
func TestInvalidUTF8Titles(t *testing.T) {
	srv := liarServer(t)
	for _, path := range []string{"/bad-utf8", "/bad-utf8.json"} {
		t.Run(path, func(t *testing.T) {
			st := &memStore{}
			outs, err := newIngester(t, st, Options{}).Ingest(t.Context(), srv.URL+path)
			if err != nil || len(st.articles) == 0 || len(st.articles) != len(outs) {
				t.Fatalf("err %v\n%s", err, lines(outs))
			}
			for _, a := range st.articles {
				for _, s := range []string{a.Title, a.Teaser, a.Body, a.SourceName, a.GUID, a.URL} {
					if !utf8.ValidString(s) {
						t.Errorf("invalid UTF-8 stored: %q", s)
					}
				}
				if a.Title == "" {
					t.Errorf("title lost: %+v", a)
				}
			}
			t.Log(lines(outs))
		})
	}
}

// TestImplausibleDates: an item dated in the year 3000, at the Unix epoch or
// in year one is dated when it was fetched; a real date is kept.
func TestImplausibleDates(t *testing.T) {
	srv := liarServer(t)
	st := &memStore{}
	if _, err := newIngester(t, st, Options{}).Ingest(t.Context(), srv.URL+"/dates"); err != nil {
		t.Fatal(err)
	}
	got := map[string]time.Time{}
	for _, a := range st.articles {
		got[a.GUID] = a.PublishedAt
	}
	want := map[string]time.Time{
		"future": testNow,
		"epoch":  testNow,
		"zero":   testNow,
		"real":   time.Date(2026, 3, 11, 17, 0, 0, 0, time.UTC),
	}
	for id, w := range want {
		if g, ok := got[id]; !ok || !g.Equal(w) {
			t.Errorf("%s: published %v, want %v", id, g, w)
		}
	}
}

// TestLiarsDoNotStopOthers: a refresh of every lying source and an honest
// one ingests the honest feed and records an error on each failing source.
func TestLiarsDoNotStopOthers(t *testing.T) {
	srv := liarServer(t)
	st := &memStore{}
	in := newIngester(t, st, Options{Timeout: 1500 * time.Millisecond, MaxBytes: liarMaxBytes, Workers: 2})
	paths := []string{"/gzip-encoded", "/bomb.xml.gz", "/entities", "/trickle", "/loop/a", "/endless/x", "/huge", "/bad-utf8", "/dates", "/honest"}
	for _, p := range paths {
		st.UpsertSource(t.Context(), &briefings.Source{Name: p, URL: srv.URL + p, Kind: briefings.SourceFeed, Enabled: true, AllowPrivate: true})
	}
	n, err := in.RefreshDue(t.Context())
	if n != len(paths) || err == nil {
		t.Fatalf("refreshed %d of %d, err %v", n, len(paths), err)
	}
	honest := false
	for _, a := range st.articles {
		honest = honest || a.GUID == "honest"
	}
	if !honest {
		t.Error("the honest feed was not ingested")
	}
	failing := map[string]bool{"/gzip-encoded": true, "/bomb.xml.gz": true, "/trickle": true, "/loop/a": true, "/endless/x": true, "/huge": true}
	for _, s := range st.sources {
		if failing[s.Name] != (s.LastError != "") {
			t.Errorf("%s: last error %q", s.Name, s.LastError)
		}
	}
}

// TestImplausiblePageDates: a page dated in the year 3000 is dated when it
// was fetched; a local file keeps a date ahead of the ingester's clock (its
// operator wrote it), but not a placeholder one.
func TestImplausiblePageDates(t *testing.T) {
	mux := http.NewServeMux()
	mux.HandleFunc("/page", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		fmt.Fprintf(w, `<html><head><title>Grid repairs</title><meta property="article:published_time" content="3000-01-01T00:00:00Z"></head>`+
			`<body><article><p>%s</p></article></body></html>`, strings.Repeat("Engineers restored power to the eastern districts after the overnight strike, officials said. ", 4))
	})
	srv := httptest.NewServer(mux)
	defer srv.Close()
	st := &memStore{}
	in := newIngester(t, st, Options{})
	if _, err := in.Ingest(t.Context(), srv.URL+"/page"); err != nil || len(st.articles) != 1 {
		t.Fatalf("page: %v, %d articles", err, len(st.articles))
	}
	if got := st.articles[0].PublishedAt; !got.Equal(testNow) {
		t.Errorf("page dated %v, want the fetch time %v", got, testNow)
	}
	ahead := testNow.Add(72 * time.Hour)
	for _, c := range []struct {
		date string
		want time.Time
	}{{ahead.Format(time.RFC3339), ahead}, {"1970-01-01T00:00:00Z", testNow}} {
		before := len(st.articles)
		a := &briefings.Article{Title: "Talks resume " + c.date, Body: "Envoys met again on the prisoner exchange, officials said. " + c.date,
			PublishedAt: mustTime(t, c.date)}
		if o := in.Add(t.Context(), a); o.Status != StatusNew || len(st.articles) != before+1 {
			t.Fatalf("file dated %s: %+v", c.date, o)
		}
		if got := st.articles[before].PublishedAt; !got.Equal(c.want) {
			t.Errorf("file dated %s: stored %v, want %v", c.date, got, c.want)
		}
	}
}

func mustTime(t *testing.T, s string) time.Time {
	t.Helper()
	v, err := time.Parse(time.RFC3339, s)
	if err != nil {
		t.Fatal(err)
	}
	return v
}
