package ingest

import (
	"context"
	"fmt"
	"io"
	"net/url"
	"strings"
	"unicode/utf8"

	readability "codeberg.org/readeck/go-readability/v2"
	"codeberg.org/readeck/go-readability/v2/render"

	"github.com/sitrep/sitrep/briefings"
)

// minPageText is the least main text (in runes) a page must have to count as
// an article.
const minPageText = 80

// extractPage runs readability over an HTML document (UTF-8) and returns the
// article's title and main text; byline and boilerplate are left out.
func extractPage(r io.Reader, pageURL *url.URL) (*briefings.Article, error) {
	p := readability.NewParser()
	art, err := p.Parse(r, pageURL)
	if err != nil {
		return nil, fmt.Errorf("readability: %w", err)
	}
	var body string
	if art.Node != nil {
		dropNodes(art.Node)
		body = normalizeBody(render.InnerText(art.Node))
	}
	if utf8.RuneCountInString(body) < minPageText {
		return nil, &wrapped{msg: "the page has no readable article text", err: ErrNoText}
	}
	a := &briefings.Article{
		Title: cleanLine(art.Title()),
		Body:  body,
		Lang:  strings.ToLower(art.Language()),
	}
	if t, err := art.PublishedTime(); err == nil {
		a.PublishedAt = t.UTC()
	}
	if pageURL != nil {
		a.URL = CanonicalURL(pageURL.String())
	}
	if a.Title == "" {
		a.Title = firstSentence(body)
	}
	if n := len(a.Lang); n > 2 && (a.Lang[2] == '-' || a.Lang[2] == '_') {
		a.Lang = a.Lang[:2]
	}
	return a, nil
}

// FetchPage fetches an article page and extracts its main text, without
// storing it; it reaches private addresses when the ingester allows them.
func (in *Ingester) FetchPage(ctx context.Context, rawURL string) (*briefings.Article, error) {
	return in.fetchPage(ctx, rawURL, true)
}

// FetchPublicPage is FetchPage through the address guard, whatever the
// ingester allows: for a page a chat user asks for (/summary <url>).
func (in *Ingester) FetchPublicPage(ctx context.Context, rawURL string) (*briefings.Article, error) {
	return in.fetchPage(ctx, rawURL, false)
}

// fetchPage is FetchPage reaching private addresses only when private is
// set and the ingester allows them.
func (in *Ingester) fetchPage(ctx context.Context, rawURL string, private bool) (*briefings.Article, error) {
	res, err := in.fetch(ctx, rawURL, nil, private)
	if err != nil {
		return nil, err
	}
	if res.status != 200 {
		return nil, fmt.Errorf("ingest: %s: HTTP %d", rawURL, res.status)
	}
	if res.isFeed() {
		return nil, fmt.Errorf("ingest: %s is a feed, not an article page", rawURL)
	}
	return res.page()
}

// FetchPublicFile fetches a file a chat user names (an OPML list) through
// the address guard and returns its body, at most Options.MaxBytes.
func (in *Ingester) FetchPublicFile(ctx context.Context, rawURL string) ([]byte, error) {
	res, err := in.fetch(ctx, rawURL, nil, false)
	if err != nil {
		return nil, err
	}
	if res.status != 200 {
		return nil, fmt.Errorf("ingest: %s: HTTP %d", rawURL, res.status)
	}
	return res.body, nil
}
