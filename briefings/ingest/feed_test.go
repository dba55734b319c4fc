package ingest

import (
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/sitrep/sitrep/briefings"
)

func TestFeedFormats(t *testing.T) {
	tests := []struct {
		file, ctype string
		n           int
		title       string
		source      string
		lang        string
	}{
		{"rss2.xml", "application/rss+xml", 2, "Russia launches 146 drones at Ukraine overnight, air force says", "Frontline Wire", "en"},
		{"rss1.rdf", "application/rdf+xml", 1, "European leaders meet in Paris on security guarantees", "Euro Daily Europe", ""},
		{"atom.xml", "application/atom+xml", 1, "Defence minister announces new air defence package", "Ministry Updates", "en"},
		{"feed.json", "application/feed+json", 2, "Grain ship leaves Odesa despite drone threat", "Briefing JSON", ""},
		{"rss2.xml", "text/xml", 2, "Russia launches 146 drones at Ukraine overnight, air force says", "Frontline Wire", "en"},
		{"rss2.xml", "text/html", 2, "Russia launches 146 drones at Ukraine overnight, air force says", "Frontline Wire", "en"}, // sniffed
		{"cp1251.xml", "text/xml", 1, "Сили ППО збили 40 дронів над Харківщиною", "Новини Сходу", "uk"},
		{"koi8u.xml", "application/rss+xml; charset=koi8-u", 1, "Сили ППО збили 40 дронів над Харківщиною", "Новини КОІ", "uk"},
	}
	for _, tt := range tests {
		t.Run(tt.file+" "+tt.ctype, func(t *testing.T) {
			st := &memStore{}
			srv := serve(t, map[string][2]string{"/feed": {tt.ctype, string(fixture(t, tt.file))}})
			in := newIngester(t, st, Options{})
			outs, err := in.Ingest(t.Context(), srv.URL+"/feed")
			if err != nil {
				t.Fatalf("%v\n%s", err, lines(outs))
			}
			if len(outs) != tt.n || count(outs, StatusNew) != tt.n {
				t.Fatalf("outcomes %s, want %d new", statuses(outs), tt.n)
			}
			if outs[0].Title != tt.title {
				t.Errorf("title %q, want %q", outs[0].Title, tt.title)
			}
			s, err := st.GetSourceByURL(t.Context(), srv.URL+"/feed")
			if err != nil {
				t.Fatal(err)
			}
			if s.Name != tt.source || s.Kind != briefings.SourceFeed || !s.Enabled || s.Lang != tt.lang {
				t.Errorf("source %+v", s)
			}
			if len(st.fetches) != 1 || !st.fetches[0].OK {
				t.Errorf("fetches %+v", st.fetches)
			}
			for _, a := range st.articles {
				if a.Title == "" || (a.Body == "" && a.Teaser == "") || a.ContentHash == "" || a.Fingerprint == "" || a.URL == "" || a.GUID == "" {
					t.Errorf("incomplete article %+v", a)
				}
				if strings.ContainsAny(a.Body+a.Teaser, "<>") || strings.Contains(a.Body, "trackVisit") {
					t.Errorf("markup left in text: %q / %q", a.Teaser, a.Body)
				}
				if strings.Contains(a.URL, "utm_") || strings.Contains(a.URL, "#") {
					t.Errorf("URL not canonical: %s", a.URL)
				}
			}
		})
	}
}

func TestFeedItemMapping(t *testing.T) {
	st := &memStore{}
	srv := serve(t, map[string][2]string{"/feed": {"application/rss+xml", string(fixture(t, "rss2.xml"))}})
	in := newIngester(t, st, Options{})
	if _, err := in.Ingest(t.Context(), srv.URL+"/feed"); err != nil {
		t.Fatal(err)
	}
	a := st.articles[0]
	if a.URL != "https://frontline.example/news/drones-146" || a.GUID != "fw-1001" {
		t.Errorf("url %q guid %q", a.URL, a.GUID)
	}
	if a.Teaser != "Air defenses shot down or jammed 121 of the drones." {
		t.Errorf("teaser %q", a.Teaser)
	}
	if !strings.HasPrefix(a.Body, "Russia attacked Ukraine overnight") || strings.Count(a.Body, "\n\n") != 1 {
		t.Errorf("body %q", a.Body)
	}
	if !a.PublishedAt.Equal(time.Date(2026, 3, 12, 6, 10, 0, 0, time.UTC)) {
		t.Errorf("published %v", a.PublishedAt)
	}
	b := st.articles[1]
	if b.Body != "" || !strings.HasPrefix(b.Teaser, "European Union ambassadors") || b.GUID != "https://frontline.example/news/eu-sanctions" {
		t.Errorf("teaser-only item: %+v", b)
	}
}

func TestFeedGzip(t *testing.T) {
	var zb bytes.Buffer
	zw := gzip.NewWriter(&zb)
	zw.Write(fixture(t, "rss2.xml"))
	zw.Close()
	for _, withHeader := range []bool{true, false} {
		t.Run(fmt.Sprint("content-encoding=", withHeader), func(t *testing.T) {
			srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				if withHeader {
					w.Header().Set("Content-Encoding", "gzip")
					w.Header().Set("Content-Type", "application/rss+xml")
				} else {
					w.Header().Set("Content-Type", "application/gzip")
				}
				w.Write(zb.Bytes())
			}))
			defer srv.Close()
			outs, err := newIngester(t, &memStore{}, Options{}).Ingest(t.Context(), srv.URL+"/feed.xml.gz")
			if err != nil || count(outs, StatusNew) != 2 {
				t.Fatalf("%v\n%s", err, lines(outs))
			}
		})
	}
}

func TestFeedErrors(t *testing.T) {
	big := "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Big</title>" + strings.Repeat("<item><title>x</title></item>", 5000) + "</channel></rss>"
	mux := http.NewServeMux()
	mux.HandleFunc("/malformed", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/rss+xml")
		w.Write(fixture(t, "malformed.xml"))
	})
	mux.HandleFunc("/500", func(w http.ResponseWriter, r *http.Request) { http.Error(w, "boom", 500) })
	mux.HandleFunc("/hang", func(w http.ResponseWriter, r *http.Request) { <-r.Context().Done() })
	mux.HandleFunc("/big", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/rss+xml")
		w.Write([]byte(big))
	})
	mux.HandleFunc("/bigchunked", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/rss+xml")
		for i := 0; i < 10; i++ {
			w.Write([]byte(big[i*len(big)/10 : (i+1)*len(big)/10]))
			w.(http.Flusher).Flush()
		}
	})
	mux.HandleFunc("/empty", func(w http.ResponseWriter, r *http.Request) {})
	mux.HandleFunc("/notext", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		w.Write(fixture(t, "notext.html"))
	})
	mux.HandleFunc("/binary", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/octet-stream")
		w.Write([]byte("\x00\x01\x02PK"))
	})
	srv := httptest.NewServer(mux)
	defer srv.Close()
	tests := []struct{ path, want string }{
		{"/malformed", "feed: invalid"},
		{"/500", "HTTP 500"},
		{"/hang", "timeout"},
		{"/big", "too large"},
		{"/bigchunked", "too large"},
		{"/empty", "empty input"},
		{"/notext", "no readable article text"},
		{"/binary", "not an article page"},
		{"/missing", "HTTP 404"},
	}
	st := &memStore{}
	in := newIngester(t, st, Options{Timeout: 300 * time.Millisecond, MaxBytes: 64 << 10})
	for _, tt := range tests {
		outs, err := in.Ingest(t.Context(), srv.URL+tt.path)
		if err == nil || len(outs) != 1 || outs[0].Status != StatusError || !strings.Contains(outs[0].Reason, tt.want) {
			t.Errorf("%s: err %v, outcomes:\n%s\nwant one error containing %q", tt.path, err, lines(outs), tt.want)
			continue
		}
		if s := outs[0].String(); strings.Contains(s, "\n") || !strings.HasPrefix(s, "error "+srv.URL+tt.path+": ") {
			t.Errorf("%s: line %q", tt.path, s)
		}
		t.Log(outs[0])
	}
	if len(st.articles) != 0 {
		t.Errorf("%d articles stored from bad input", len(st.articles))
	}
}

// A known feed source is refreshed with a conditional GET; 304 records
// NotModified and adds nothing; errors back off exponentially; Retry-After
// is honoured.
func TestRefreshConditionalAndBackoff(t *testing.T) {
	var mode atomic.Value
	mode.Store("ok")
	var conditional atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch mode.Load().(string) {
		case "500":
			http.Error(w, "down", 500)
			return
		case "429":
			w.Header().Set("Retry-After", "36000")
			http.Error(w, "slow down", http.StatusTooManyRequests)
			return
		}
		if r.Header.Get("If-None-Match") == `"v1"` && r.Header.Get("If-Modified-Since") == "Thu, 12 Mar 2026 06:00:00 GMT" {
			conditional.Add(1)
			w.WriteHeader(http.StatusNotModified)
			return
		}
		w.Header().Set("ETag", `"v1"`)
		w.Header().Set("Last-Modified", "Thu, 12 Mar 2026 06:00:00 GMT")
		w.Header().Set("Content-Type", "application/rss+xml")
		w.Write(fixture(t, "rss2.xml"))
	}))
	defer srv.Close()
	clk := &clock{t: testNow}
	st := &memStore{}
	in := newIngester(t, st, Options{Now: clk.Now, Interval: 10 * time.Minute})
	outs, err := in.Ingest(t.Context(), srv.URL)
	if err != nil || count(outs, StatusNew) != 2 {
		t.Fatalf("first: %v %s", err, statuses(outs))
	}
	src, _ := st.GetSourceByURL(t.Context(), srv.URL)
	if src.ETag != `"v1"` || !src.NextCheckAt.Equal(testNow.Add(10*time.Minute)) {
		t.Fatalf("after first fetch: %+v", src)
	}
	// Second run of the same URL: a conditional GET answered 304.
	outs, err = in.Ingest(t.Context(), srv.URL)
	if err != nil || len(outs) != 0 || conditional.Load() != 1 {
		t.Fatalf("304: %v %s (conditional %d)", err, statuses(outs), conditional.Load())
	}
	if f := st.fetches[len(st.fetches)-1]; !f.OK || !f.NotModified {
		t.Fatalf("304 fetch recorded as %+v", f)
	}
	// Failures back off: 20m, 40m, 80m ...
	mode.Store("500")
	for i, want := range []time.Duration{20 * time.Minute, 40 * time.Minute, 80 * time.Minute} {
		clk.Add(time.Hour)
		src, _ = st.GetSourceByURL(t.Context(), srv.URL)
		if _, err := in.RefreshSource(t.Context(), src); err == nil {
			t.Fatal("500 without error")
		}
		src, _ = st.GetSourceByURL(t.Context(), srv.URL)
		if got := src.NextCheckAt.Sub(clk.Now()); got != want || src.ErrorCount != i+1 || !strings.Contains(src.LastError, "HTTP 500") {
			t.Fatalf("failure %d: next in %s (want %s), errors %d, last %q", i+1, got, want, src.ErrorCount, src.LastError)
		}
	}
	mode.Store("429")
	src, _ = st.GetSourceByURL(t.Context(), srv.URL)
	in.RefreshSource(t.Context(), src)
	src, _ = st.GetSourceByURL(t.Context(), srv.URL)
	if got := src.NextCheckAt.Sub(clk.Now()); got != 10*time.Hour {
		t.Fatalf("Retry-After 36000: next in %s", got)
	}
	// Recovery resets the count (the store does) and the interval applies.
	mode.Store("ok")
	src, _ = st.GetSourceByURL(t.Context(), srv.URL)
	src.ETag, src.LastModified = "", ""
	outs, err = in.RefreshSource(t.Context(), src)
	if err != nil || count(outs, StatusDuplicate) != 2 {
		t.Fatalf("recovery: %v %s", err, statuses(outs))
	}
	src, _ = st.GetSourceByURL(t.Context(), srv.URL)
	if src.ErrorCount != 0 || src.NextCheckAt.Sub(clk.Now()) != 10*time.Minute {
		t.Fatalf("after recovery %+v", src)
	}
}

func TestBackoff(t *testing.T) {
	tests := []struct {
		interval time.Duration
		n        int
		want     time.Duration
	}{
		{time.Minute, 0, time.Minute},
		{time.Minute, 1, 2 * time.Minute},
		{time.Minute, 3, 8 * time.Minute},
		{time.Hour, 5, 24 * time.Hour},
		{time.Hour, 500, 24 * time.Hour},
		{0, 1, 2 * DefaultInterval},
	}
	for _, tt := range tests {
		if got := Backoff(tt.interval, tt.n); got != tt.want {
			t.Errorf("Backoff(%s, %d) = %s, want %s", tt.interval, tt.n, got, tt.want)
		}
	}
}

func TestFullText(t *testing.T) {
	var srvURL string
	mux := http.NewServeMux()
	mux.HandleFunc("/feed", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/rss+xml")
		fmt.Fprintf(w, `<?xml version="1.0"?><rss version="2.0"><channel><title>Teasers</title>
<item><title>Grain talks resume in Istanbul</title><link>%[1]s/article</link><guid>t-1</guid><description>Talks resumed.</description></item>
<item><title>Broken page story</title><link>%[1]s/gone</link><guid>t-2</guid><description>Only the teaser survives.</description></item>
</channel></rss>`, srvURL)
	})
	var pageHits atomic.Int32
	mux.HandleFunc("/article", func(w http.ResponseWriter, r *http.Request) {
		pageHits.Add(1)
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Write(fixture(t, "page.html"))
	})
	srv := httptest.NewServer(mux)
	defer srv.Close()
	srvURL = srv.URL
	st := &memStore{}
	in := newIngester(t, st, Options{})
	src := &briefings.Source{Name: "Teasers", URL: srv.URL + "/feed", Kind: briefings.SourceFeed, FullText: true, Enabled: true, AllowPrivate: true}
	st.UpsertSource(t.Context(), src)
	outs, err := in.RefreshSource(t.Context(), src)
	if err != nil || count(outs, StatusNew) != 2 {
		t.Fatalf("%v\n%s", err, lines(outs))
	}
	if a := st.articles[0]; !strings.HasPrefix(a.Body, "Delegations from Ukraine") || a.Teaser != "Talks resumed." {
		t.Errorf("full text: body %.60q teaser %q", a.Body, a.Teaser)
	}
	if a := st.articles[1]; a.Body != "" || a.Teaser != "Only the teaser survives." {
		t.Errorf("fallback: body %q teaser %q", a.Body, a.Teaser)
	}
	// The next refresh does not fetch the pages of items it has seen.
	before := pageHits.Load()
	outs, err = in.RefreshSource(t.Context(), src)
	if err != nil || count(outs, StatusDuplicate) != 2 || pageHits.Load() != before {
		t.Fatalf("second refresh: %v, page fetches %d -> %d\n%s", err, before, pageHits.Load(), lines(outs))
	}
}

func TestRefreshDue(t *testing.T) {
	var hits atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hits.Add(1)
		w.Header().Set("Content-Type", "application/feed+json")
		fmt.Fprintf(w, `{"version":"https://jsonfeed.org/version/1.1","title":"F%[1]s","items":[{"id":"%[1]s","url":"https://f.example%[1]s","title":"Item of feed %[1]s","content_text":"Text of feed %[1]s about the %[1]s bridge repair."}]}`, r.URL.Path)
	}))
	defer srv.Close()
	st := &memStore{}
	clk := &clock{t: testNow}
	in := newIngester(t, st, Options{Now: clk.Now, Workers: 3})
	for i := 0; i < 7; i++ {
		st.UpsertSource(t.Context(), &briefings.Source{Name: fmt.Sprint("s", i), URL: fmt.Sprintf("%s/f%d", srv.URL, i), Kind: briefings.SourceFeed, Enabled: true, AllowPrivate: true})
	}
	st.UpsertSource(t.Context(), &briefings.Source{Name: "off", URL: srv.URL + "/off", Kind: briefings.SourceFeed, Enabled: false})
	n, err := in.RefreshDue(t.Context())
	if err != nil || n != 7 || hits.Load() != 7 || len(st.articles) != 7 {
		t.Fatalf("RefreshDue = %d, %v; hits %d, articles %d", n, err, hits.Load(), len(st.articles))
	}
	// Nothing is due until the interval passes.
	if n, _ := in.RefreshDue(t.Context()); n != 0 {
		t.Fatalf("second RefreshDue refreshed %d", n)
	}
	clk.Add(DefaultInterval)
	if n, _ := in.RefreshDue(t.Context()); n != 7 || len(st.articles) != 7 {
		t.Fatalf("after the interval: %d refreshed, %d articles", n, len(st.articles))
	}
	ctx, cancel := context.WithCancel(t.Context())
	cancel()
	clk.Add(DefaultInterval)
	if _, err := in.RefreshDue(ctx); err == nil {
		t.Fatal("cancelled context: no error")
	}
}

// TestSourceAllowPrivate: an ingester that may reach private addresses
// still fetches a source without AllowPrivate (one added from chat) through
// the address guard on every refresh, while the sources the operator names
// keep reaching their own network.
func TestSourceAllowPrivate(t *testing.T) {
	var hits atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hits.Add(1)
		w.Header().Set("Content-Type", "application/feed+json")
		fmt.Fprint(w, `{"version":"https://jsonfeed.org/version/1.1","title":"LAN feed","items":[{"id":"1","url":"https://lan.example/1","title":"Depot repairs finished","content_text":"Crews finished repairs at the depot on Monday."}]}`)
	}))
	defer srv.Close()
	st := &memStore{}
	in := newIngester(t, st, Options{})

	chat := &briefings.Source{Name: "from chat", URL: srv.URL + "/chat", Kind: briefings.SourceFeed, Enabled: true}
	st.UpsertSource(t.Context(), chat)
	_, err := in.RefreshSource(t.Context(), chat)
	if !errors.Is(err, ErrRefused) || hits.Load() != 0 {
		t.Fatalf("a chat source on a private address: err %v, server hits %d; want refused before any request", err, hits.Load())
	}
	if !strings.Contains(err.Error(), "not public") {
		t.Errorf("the error should say why: %v", err)
	}

	// A feed URL the operator gives becomes a source that keeps the right.
	outs, err := in.Ingest(t.Context(), srv.URL+"/operator")
	if err != nil || count(outs, StatusNew) != 1 {
		t.Fatalf("operator's feed: %v\n%s", err, lines(outs))
	}
	src, err := st.GetSourceByURL(t.Context(), srv.URL+"/operator")
	if err != nil || !src.AllowPrivate {
		t.Fatalf("operator's source: %+v %v, want AllowPrivate", src, err)
	}
	if _, err := in.RefreshSource(t.Context(), src); err != nil {
		t.Fatalf("refreshing the operator's source: %v", err)
	}

	// An ingester without AllowPrivate refuses even a source that has it.
	guarded := New(st, Options{Now: func() time.Time { return testNow }})
	before := hits.Load()
	if _, err := guarded.RefreshSource(t.Context(), src); !errors.Is(err, ErrRefused) || hits.Load() != before {
		t.Fatalf("guarded ingester: err %v, hits %d -> %d", err, before, hits.Load())
	}
}
