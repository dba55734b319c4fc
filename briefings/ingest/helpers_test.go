package ingest

import (
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/sitrep/sitrep/briefings"
)

var testNow = time.Date(2026, 3, 13, 8, 0, 0, 0, time.UTC)

// clock is a settable fake clock.
type clock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *clock) Now() time.Time { c.mu.Lock(); defer c.mu.Unlock(); return c.t }
func (c *clock) Add(d time.Duration) {
	c.mu.Lock()
	c.t = c.t.Add(d)
	c.mu.Unlock()
}

func newIngester(t testing.TB, st briefings.Store, o Options) *Ingester {
	t.Helper()
	o.AllowPrivate = true
	if o.Now == nil {
		o.Now = func() time.Time { return testNow }
	}
	if o.Timeout == 0 {
		o.Timeout = 5 * time.Second
	}
	return New(st, o)
}

// fixture reads testdata/name.
func fixture(t testing.TB, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// serve is an httptest server that answers path -> (content type, body).
func serve(t testing.TB, routes map[string][2]string) *httptest.Server {
	t.Helper()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		rt, ok := routes[r.URL.Path]
		if !ok {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", rt[0])
		w.Write([]byte(rt[1]))
	}))
	t.Cleanup(srv.Close)
	return srv
}

func statuses(outs []Outcome) string {
	var s []string
	for _, o := range outs {
		s = append(s, o.Status)
	}
	return strings.Join(s, ",")
}

func lines(outs []Outcome) string {
	var s []string
	for _, o := range outs {
		s = append(s, o.String())
	}
	return strings.Join(s, "\n")
}

func readFileForTest(name string) ([]byte, error) { return os.ReadFile(name) }
