package ingest

import (
	"time"

	"github.com/sitrep/sitrep/briefings"
)

// FeedArticles parses a feed document (RSS, Atom or JSON Feed) into the
// articles ingestion stores from it: one per item, in the feed's order, nil
// for an item with nothing to store; each with the title, teaser and body
// normalised as Add stores them. Nothing is fetched (a full-text source's
// pages are not), nothing is stored, and no analyzer or classifier runs.
// Evaluations use it to read labelled feed files exactly as ingestion does.
func FeedArticles(data []byte, contentType string, now time.Time) ([]*briefings.Article, error) {
	f, err := parseFeed(data, contentType)
	if err != nil {
		return nil, err
	}
	s := &briefings.Source{Name: truncateText(cleanLine(f.Title), 100), Kind: briefings.SourceFeed, Lang: shortLang(f.Language)}
	out := make([]*briefings.Article, len(f.Items))
	for i, it := range f.Items {
		a := feedItemArticle(s, nil, it, now.UTC())
		if a == nil || !normalizeText(a) {
			continue
		}
		out[i] = a
	}
	return out, nil
}
