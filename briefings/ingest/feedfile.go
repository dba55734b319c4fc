package ingest

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"strings"

	"github.com/mmcdole/gofeed"

	"github.com/sitrep/sitrep/briefings"
)

// A feed saved to disk (an RSS, RDF or Atom document, or a JSON Feed) is read
// as its feed: one article per item, under a local source named by the
// feed's title, as if it had been fetched. Read as a plain text file, its
// markup became one article of raw XML.

// feedFileExts are the extensions a folder walk reads as feeds.
var feedFileExts = map[string]bool{".xml": true, ".rss": true, ".atom": true, ".rdf": true}

// errNotFeed: a file named as a feed (.xml, .rss, ...) is no feed document.
var errNotFeed = errors.New("not a feed (RSS, RDF, Atom or JSON Feed): only feed documents are read from XML files")

// xmlFile reports a file name that says XML.
func xmlFile(name string) bool { return feedFileExts[strings.ToLower(filepath.Ext(name))] }

// ingestFeedFile ingests the items of a feed document read from target (a
// path, or "-"). The source is keyed by the file's absolute path (stdin's
// by the feed's title), named by the feed's title, and kept disabled: there
// is nothing to poll. Its text is an outlet's, not the operator's: like a
// fetched feed's, briefings show its titles, teasers and links.
func (in *Ingester) ingestFeedFile(ctx context.Context, target string, data []byte) []Outcome {
	f, err := parseFeed(data, "")
	if err != nil {
		return []Outcome{errOutcome(target, err)}
	}
	name := cleanLine(f.Title)
	if name == "" {
		name = filepath.Base(target)
	}
	key := "file:feed:" + strings.ToLower(name)
	if target != "-" {
		if abs, err := filepath.Abs(target); err == nil {
			key = "file:feed:" + abs
		}
	}
	s, err := in.cachedSource(ctx, key, func() *briefings.Source {
		return &briefings.Source{Name: truncateText(name, 100), URL: key, Kind: briefings.SourceFile, Lang: shortLang(f.Language), AllowPrivate: true}
	})
	if err != nil {
		return []Outcome{errOutcome(target, err)}
	}
	outs := in.feedItems(ctx, s, f)
	for i := range outs {
		if outs[i].Target == s.URL { // an item's error: the file, not the key
			outs[i].Target = target
		}
	}
	if len(outs) == 0 {
		return []Outcome{errOutcome(target, fmt.Errorf("%w: the feed has no items", ErrNoText))}
	}
	return outs
}

// feedBase is the address relative item links of f resolve against: the
// feed's own, else (a feed read from a file) the site it links to.
func feedBase(s *briefings.Source, f *gofeed.Feed) string {
	if s.Kind == briefings.SourceFile {
		if f.FeedLink != "" {
			return f.FeedLink
		}
		return f.Link
	}
	return s.URL
}
