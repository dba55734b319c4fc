package ingest

import (
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"golang.org/x/net/html/charset"

	"github.com/sitrep/sitrep/briefings"
)

// response is one fetched document.
type response struct {
	status       int
	url          *url.URL // after redirects
	contentType  string
	etag         string
	lastModified string
	retryAfter   time.Duration
	maxAge       time.Duration
	body         []byte
	in           *Ingester
	lastPostID   int64 // the newest channel post read (record passes it on)
}

// fetch GETs rawURL; conditional headers come from src when given. Unless
// the caller may reach private addresses (private: an operator's URL or
// source) and the ingester allows them, the address guard refuses
// non-public addresses, before the request and at every dial and redirect.
// Bodies of non-2xx answers are not read.
func (in *Ingester) fetch(ctx context.Context, rawURL string, src *briefings.Source, private bool) (*response, error) {
	private = private && in.o.AllowPrivate
	client := in.public
	if private {
		client = in.client
	}
	if !private {
		if err := CheckPublicURL(rawURL); err != nil {
			return nil, err
		}
	} else if u, err := url.Parse(rawURL); err != nil || (u.Scheme != "http" && u.Scheme != "https") {
		return nil, fmt.Errorf("ingest: %w: %q is not an http(s) URL", ErrRefused, rawURL)
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, rawURL, nil)
	if err != nil {
		return nil, fmt.Errorf("ingest: bad URL %q: %w", rawURL, err)
	}
	req.Header.Set("User-Agent", in.o.UserAgent)
	req.Header.Set("Accept", "application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, text/xml;q=0.9, text/html;q=0.8, */*;q=0.5")
	if src != nil {
		if src.ETag != "" {
			req.Header.Set("If-None-Match", src.ETag)
		}
		if src.LastModified != "" {
			req.Header.Set("If-Modified-Since", src.LastModified)
		}
	}
	resp, err := client.Do(req)
	if err != nil {
		return nil, fetchError(rawURL, err)
	}
	defer resp.Body.Close()
	r := &response{
		status:       resp.StatusCode,
		url:          resp.Request.URL,
		contentType:  resp.Header.Get("Content-Type"),
		etag:         resp.Header.Get("ETag"),
		lastModified: resp.Header.Get("Last-Modified"),
		in:           in,
	}
	r.retryAfter = parseRetryAfter(resp.Header.Get("Retry-After"), in.o.Now())
	r.maxAge = parseMaxAge(resp.Header.Get("Cache-Control"))
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		io.Copy(io.Discard, io.LimitReader(resp.Body, 64<<10))
		return r, nil
	}
	if resp.ContentLength > in.o.MaxBytes {
		return nil, fmt.Errorf("ingest: %s: %w: %d bytes (limit %d)", rawURL, ErrTooLarge, resp.ContentLength, in.o.MaxBytes)
	}
	body, err := readCapped(resp.Body, in.o.MaxBytes)
	if err != nil {
		return nil, fetchError(rawURL, err)
	}
	// A gzip body the transport did not decode (served as a .gz file, or with
	// a Content-Encoding the client did not ask for).
	if len(body) > 2 && body[0] == 0x1f && body[1] == 0x8b {
		zr, err := gzip.NewReader(bytes.NewReader(body))
		if err != nil {
			return nil, fmt.Errorf("ingest: %s: bad gzip body: %w", rawURL, err)
		}
		body, err = readCapped(zr, in.o.MaxBytes)
		if err != nil {
			return nil, fetchError(rawURL, err)
		}
	}
	r.body = body
	return r, nil
}

// fetchError turns transport errors into one clear line.
func fetchError(rawURL string, err error) error {
	// A timeout while waiting for the answer is a *url.Error; one while
	// reading a body that trickles in is net/http's own timeout error.
	var te interface{ Timeout() bool }
	if errors.As(err, &te) && te.Timeout() {
		return &wrapped{msg: fmt.Sprintf("ingest: %s: no answer in time (timeout)", rawURL), err: err}
	}
	if errors.Is(err, ErrRefused) || errors.Is(err, ErrTooLarge) || strings.Contains(err.Error(), "ingest: redirect") || strings.Contains(err.Error(), "ingest: too many") {
		// Keep the guard's own words ("refused: address 127.0.0.1 is not public").
		return &wrapped{msg: "ingest: " + rawURL + ": " + strings.TrimPrefix(guardText(err), "ingest: "), err: err}
	}
	return fmt.Errorf("ingest: %s: %w", rawURL, err)
}

// wrapped is an error with its own message that still unwraps to the cause.
type wrapped struct {
	msg string
	err error
}

func (w *wrapped) Error() string { return w.msg }
func (w *wrapped) Unwrap() error { return w.err }

// guardText finds the innermost message that starts with "ingest: refused"
// or names a size limit.
func guardText(err error) string {
	msg := err.Error()
	for _, key := range []string{"ingest: refused", "ingest: redirect", "ingest: too many", "input too large"} {
		if i := strings.Index(msg, key); i >= 0 {
			return msg[i:]
		}
	}
	return msg
}

// readCapped reads at most max bytes; more is ErrTooLarge.
func readCapped(r io.Reader, max int64) ([]byte, error) {
	b, err := io.ReadAll(io.LimitReader(r, max+1))
	if err != nil {
		return nil, err
	}
	if int64(len(b)) > max {
		return nil, fmt.Errorf("%w: more than %d bytes", ErrTooLarge, max)
	}
	return b, nil
}

func parseRetryAfter(v string, now time.Time) time.Duration {
	v = strings.TrimSpace(v)
	if v == "" {
		return 0
	}
	if n, err := strconv.Atoi(v); err == nil && n >= 0 {
		return time.Duration(n) * time.Second
	}
	if t, err := http.ParseTime(v); err == nil && t.After(now) {
		return t.Sub(now)
	}
	return 0
}

func parseMaxAge(cc string) time.Duration {
	for _, part := range strings.Split(cc, ",") {
		k, v, ok := strings.Cut(strings.TrimSpace(strings.ToLower(part)), "=")
		if ok && k == "max-age" {
			if n, err := strconv.Atoi(strings.Trim(v, `"`)); err == nil && n > 0 {
				return time.Duration(n) * time.Second
			}
		}
	}
	return 0
}

// mediaType is the lower-case media type and charset of the response.
func (r *response) mediaType() (mt, cs string) {
	mt, params, err := mime.ParseMediaType(r.contentType)
	if err != nil {
		return strings.ToLower(strings.TrimSpace(strings.Split(r.contentType, ";")[0])), ""
	}
	return mt, strings.ToLower(params["charset"])
}

// isFeed decides feed vs page by content type, then by sniffing the body.
func (r *response) isFeed() bool {
	mt, _ := r.mediaType()
	switch mt {
	case "application/rss+xml", "application/atom+xml", "application/rdf+xml", "application/feed+json":
		return true
	}
	return sniffFeed(r.body)
}

// sniffFeed looks at the first bytes: an XML document whose root is rss,
// rdf:RDF or feed, or a JSON object that names the JSON Feed version.
func sniffFeed(b []byte) bool {
	head := b
	if len(head) > 4096 {
		head = head[:4096]
	}
	head = bytes.TrimLeft(bytes.TrimPrefix(bytes.TrimLeft(head, " \t\r\n"), []byte("\xef\xbb\xbf")), " \t\r\n")
	if len(head) == 0 {
		return false
	}
	if head[0] == '{' {
		return bytes.Contains(head, []byte("jsonfeed.org/version"))
	}
	if head[0] != '<' {
		return false
	}
	low := bytes.ToLower(head)
	// Skip the prolog, comments, doctype and processing instructions.
	for {
		low = bytes.TrimLeft(low, " \t\r\n")
		switch {
		case bytes.HasPrefix(low, []byte("<?")):
			i := bytes.Index(low, []byte("?>"))
			if i < 0 {
				return false
			}
			low = low[i+2:]
			continue
		case bytes.HasPrefix(low, []byte("<!--")):
			i := bytes.Index(low, []byte("-->"))
			if i < 0 {
				return false
			}
			low = low[i+3:]
			continue
		case bytes.HasPrefix(low, []byte("<!")):
			i := bytes.IndexByte(low, '>')
			if i < 0 {
				return false
			}
			low = low[i+1:]
			continue
		}
		break
	}
	for _, p := range []string{"<rss", "<rdf:rdf", "<rdf", "<feed"} {
		if bytes.HasPrefix(low, []byte(p)) && len(low) > len(p) && (low[len(p)] == ' ' || low[len(p)] == '>' || low[len(p)] == '\n' || low[len(p)] == '\r' || low[len(p)] == '\t') {
			return true
		}
	}
	return false
}

// utf8Body returns the body as UTF-8 HTML, decoding by the Content-Type
// charset or the page's meta tags.
func (r *response) utf8HTML() (io.Reader, error) {
	return charset.NewReader(bytes.NewReader(r.body), r.contentType)
}

// page extracts the response as one article.
func (r *response) page() (*briefings.Article, error) {
	if len(bytes.TrimSpace(r.body)) == 0 {
		return nil, fmt.Errorf("ingest: %s: %w", r.url.Redacted(), ErrEmpty)
	}
	mt, _ := r.mediaType()
	if mt != "" && mt != "text/html" && mt != "application/xhtml+xml" && mt != "text/plain" {
		return nil, fmt.Errorf("ingest: %s: content type %q is not an article page", r.url.Redacted(), mt)
	}
	if mt == "text/plain" {
		a, err := ParseFile("page.txt", r.body)
		if err != nil {
			return nil, err
		}
		a.URL = CanonicalURL(r.url.String())
		return r.dated(a), nil
	}
	hr, err := r.utf8HTML()
	if err != nil {
		return nil, fmt.Errorf("ingest: %s: %w", r.url.Redacted(), err)
	}
	a, err := extractPage(hr, r.url)
	if err != nil {
		return nil, fmt.Errorf("ingest: %s: %w", r.url.Redacted(), err)
	}
	return r.dated(a), nil
}

// dated drops a page's implausible publication date: Add dates it when it
// was fetched.
func (r *response) dated(a *briefings.Article) *briefings.Article {
	if !plausibleDate(a.PublishedAt, r.in.o.Now().UTC()) {
		a.PublishedAt = time.Time{}
	}
	return a
}
