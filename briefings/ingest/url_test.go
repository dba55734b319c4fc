package ingest

import (
	"errors"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"net/url"
	"strings"
	"testing"
)

func TestCanonicalURL(t *testing.T) {
	tests := []struct{ in, want string }{
		{"https://Example.COM/News/Story", "https://example.com/News/Story"},
		{"HTTPS://example.com:443/a/", "https://example.com/a"},
		{"http://example.com:80/a//", "http://example.com/a"},
		{"http://example.com:8080/a", "http://example.com:8080/a"},
		{"https://example.com", "https://example.com/"},
		{"https://example.com/", "https://example.com/"},
		{"https://example.com/a#comments", "https://example.com/a"},
		{"https://example.com/a?utm_source=rss&utm_medium=feed&id=7", "https://example.com/a?id=7"},
		{"https://example.com/a?b=2&a=1&fbclid=x&gclid=y&yclid=z", "https://example.com/a?a=1&b=2"},
		{"https://example.com/a?mc_cid=1&mc_eid=2&ref=home&ocid=x&cmpid=y&at_medium=z&at_campaign=q&_ga=1", "https://example.com/a"},
		{"https://user:pw@example.com/a", "https://example.com/a"},
		{"https://example.com/a%20b/", "https://example.com/a%20b"},
		{"https://example.com/?", "https://example.com/"},
		{"https://[::1]:443/x", "https://[::1]/x"},
		{"https://example.com./a", "https://example.com/a"},
		{"  https://example.com/a  ", "https://example.com/a"},
		{"not a url", "not a url"},
		{"mailto:desk@example.com", "mailto:desk@example.com"},
	}
	for _, tt := range tests {
		if got := CanonicalURL(tt.in); got != tt.want {
			t.Errorf("CanonicalURL(%q) = %q, want %q", tt.in, got, tt.want)
		}
		// Idempotent.
		if got := CanonicalURL(CanonicalURL(tt.in)); got != tt.want {
			t.Errorf("CanonicalURL twice (%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestCheckPublicURL(t *testing.T) {
	tests := []struct {
		in string
		ok bool
	}{
		{"https://news.example.org/feed", true},
		{"http://93.184.216.34/x", true},
		{"http://[2606:4700::1111]/", true},
		{"ftp://example.com/feed", false},
		{"file:///etc/passwd", false},
		{"gopher://example.com", false},
		{"http://127.0.0.1/", false},
		{"http://127.1.2.3:8080/", false},
		{"http://localhost/", false},
		{"http://api.localhost/", false},
		{"http://10.1.2.3/", false},
		{"http://172.16.0.1/", false},
		{"http://172.31.255.255/", false},
		{"http://192.168.1.1/", false},
		{"http://169.254.169.254/latest/meta-data/", false},
		{"http://100.64.0.1/", false},
		{"http://0.0.0.0/", false},
		{"http://224.0.0.1/", false},
		{"http://[::1]/", false},
		{"http://[fe80::1]/", false},
		{"http://[fd00::1]/", false},
		{"http://[::ffff:127.0.0.1]/", false},
		{"http://2130706433/", false},
		{"http:///nohost", false},
	}
	for _, tt := range tests {
		err := CheckPublicURL(tt.in)
		if (err == nil) != tt.ok {
			t.Errorf("CheckPublicURL(%q) = %v, want ok=%v", tt.in, err, tt.ok)
		}
		if err != nil && !errors.Is(err, ErrRefused) && !strings.Contains(err.Error(), "bad URL") {
			t.Errorf("CheckPublicURL(%q) error %v is not ErrRefused", tt.in, err)
		}
	}
	if err := CheckAddr(netip.MustParseAddr("169.254.169.254")); err == nil || !strings.Contains(err.Error(), "refused: address 169.254.169.254 is not public") {
		t.Errorf("metadata address: %v", err)
	}
}

// The dialer refuses loopback even when the URL passed the early check
// (as a DNS name resolving to 127.0.0.1 would).
func TestGuardRefusesLoopbackDial(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		t.Error("the guarded client reached the loopback server")
	}))
	defer srv.Close()
	c := NewHTTPClient(Options{})
	_, err := c.Get(srv.URL)
	if err == nil || !errors.Is(err, ErrRefused) || !strings.Contains(err.Error(), "refused: address 127.0.0.1 is not public") {
		t.Fatalf("dial to %s: err = %v, want a refusal", srv.URL, err)
	}
	// Through the ingester: one clear line, and nothing reached the server.
	in := New(&memStore{}, Options{})
	outs, err := in.Ingest(t.Context(), srv.URL+"/feed")
	if err == nil || len(outs) != 1 || outs[0].Status != StatusError || !strings.Contains(outs[0].Reason, "is not public") {
		t.Fatalf("Ingest: %v, %v", err, lines(outs))
	}
	if _, err := in.FetchPage(t.Context(), "http://169.254.169.254/latest/meta-data/"); err == nil || !strings.Contains(err.Error(), "refused") {
		t.Fatalf("FetchPage metadata: %v", err)
	}
}

func TestGuardRedirects(t *testing.T) {
	c := NewHTTPClient(Options{})
	mk := func(s string) *http.Request {
		u, _ := url.Parse(s)
		return &http.Request{URL: u}
	}
	via := []*http.Request{mk("https://news.example.org/a")}
	for _, target := range []string{"http://169.254.169.254/latest", "http://10.0.0.5/", "file:///etc/passwd", "http://[::1]/"} {
		if err := c.CheckRedirect(mk(target), via); err == nil {
			t.Errorf("redirect to %s allowed", target)
		}
	}
	if err := c.CheckRedirect(mk("https://news.example.org/b"), via); err != nil {
		t.Errorf("public redirect refused: %v", err)
	}
	long := []*http.Request{}
	for i := 0; i <= MaxRedirects; i++ {
		long = append(long, mk("https://news.example.org/r"+string(rune('a'+i))))
	}
	if err := c.CheckRedirect(mk("https://news.example.org/z"), long); err == nil {
		t.Error("more than MaxRedirects allowed")
	}
}

func TestRedirectLoop(t *testing.T) {
	mux := http.NewServeMux()
	mux.HandleFunc("/a", func(w http.ResponseWriter, r *http.Request) { http.Redirect(w, r, "/b", http.StatusFound) })
	mux.HandleFunc("/b", func(w http.ResponseWriter, r *http.Request) { http.Redirect(w, r, "/a", http.StatusFound) })
	srv := httptest.NewServer(mux)
	defer srv.Close()
	in := newIngester(t, &memStore{}, Options{})
	outs, err := in.Ingest(t.Context(), srv.URL+"/a")
	if err == nil || len(outs) != 1 || !strings.Contains(outs[0].Reason, "redirect loop") {
		t.Fatalf("redirect loop: %v\n%s", err, lines(outs))
	}
	t.Log(outs[0])
}
