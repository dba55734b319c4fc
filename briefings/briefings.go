// Package briefings holds sitrep's domain: the nouns (sources, articles,
// stories, attack reports, subscriptions, deliveries) and the interfaces the
// subpackages implement. Subpackages talk to each other through these types;
// none of them imports bot/ or config/.
package briefings

import (
	"strings"
	"time"
)

// Source kinds.
const (
	SourceFeed = "feed" // RSS, Atom or JSON Feed
	SourcePage = "page" // a single article page
	SourceFile = "file" // local files and folders, stdin
	// SourceChannel is a public Telegram channel read through its web
	// preview (https://t.me/s/<name>); each post is an article.
	SourceChannel = "channel"
)

// Source is where articles come from, with its fetch health.
type Source struct {
	ID       int64
	Name     string
	URL      string // feed or page URL; "file:" + path for local files
	Kind     string
	FullText bool // fetch each item's page when the feed carries only a teaser
	// ShowText: the source's terms allow briefings to quote sentences of its
	// text. Otherwise (the default for feeds) readers see title, teaser and
	// link only; the full text is still used for search and figures.
	ShowText bool
	// AllowPrivate: the source may be fetched from loopback and private
	// addresses, where the ingester allows them at all. The operator's
	// sources (configuration, command line, local files) have it; a source
	// added from chat never does, so a feed that later resolves or
	// redirects to a private address is refused on every fetch.
	AllowPrivate bool
	Interval     time.Duration // refresh interval; 0 means the default
	Lang         string
	// Topic is SourceTopicWar for a war-only source (everything it
	// publishes is relevant), else SourceTopicGeneral (each article is
	// judged on its own).
	Topic SourceTopic
	// Category groups sources for people (an OPML folder: "News/Ukraine",
	// nested folders joined by "/"); "" is none.
	Category      string
	Enabled       bool
	ETag          string
	LastModified  string
	LastFetchAt   time.Time
	LastSuccessAt time.Time
	NextCheckAt   time.Time
	ErrorCount    int
	LastError     string
	CreatedAt     time.Time
	// LastPostID is the newest post id read from a channel (0: never read;
	// the first poll back-fills).
	LastPostID int64
	// PrimaryFor is the country code ("UA") whose military this source is:
	// Ukraine's Air Force's own channel is primary for attacks on Ukraine.
	// Its own posts are reports of record (see ReportOfRecord). "" for outlets.
	PrimaryFor string
}

// FetchResult records one fetch attempt of a source.
type FetchResult struct {
	At           time.Time
	OK           bool
	NotModified  bool
	ETag         string
	LastModified string
	Err          string    // empty on success
	NextCheckAt  time.Time // computed by the caller (interval or backoff)
	// LastPostID, when above the source's, is the newest channel post read.
	LastPostID int64
}

// Article is one stored article. Body is the main text (paragraphs separated
// by blank lines); Teaser is a feed's own summary, if any.
type Article struct {
	ID          int64
	SourceID    int64
	SourceName  string      // filled on read
	ShowText    bool        // the source's ShowText, filled on read
	SourceTopic SourceTopic // the source's Topic, filled on read
	URL         string      // canonical URL; "" for a local file without url:
	GUID        string      // feed item id
	Title       string
	Teaser      string
	Body        string
	Lang        string
	PublishedAt time.Time
	// DateOnly: the source gives the day of publication but no time of
	// day; PublishedAt is that day's 00:00 UTC, and briefings show the
	// day alone.
	DateOnly    bool
	FetchedAt   time.Time
	ContentHash string // hash of the normalized body (dedupe)
	Fingerprint string // near-duplicate signature for story grouping (cluster package)
	StoryID     int64  // 0 on insert: a new story is created for the article
	// CopyOf is set when the article is a wire copy (same content hash) of an
	// article from another source: it is stored in the original's story so the
	// story lists every source, and summaries read the original.
	CopyOf   int64
	Topics   []Topic
	Entities []Entity
	Summary  []string       // extractive summary sentences, verbatim
	Attacks  []AttackReport // extracted figures, stored with the article
	// Origin names where a forwarded channel post comes from ("Name
	// <url>"); empty for the source's own publication.
	Origin string
	// RevisedAt is when a changed text of the article (an edited post) was
	// read; zero when it never changed.
	RevisedAt time.Time
	// NoAlert stores the article's attack reports as never alerting by
	// themselves (a back-filled channel, imported history). Not read back.
	NoAlert bool
	// Relevance, OffTopic and Section are the Classifier's decision (an
	// article of a war-only source is never off-topic). Section "" means
	// the article was never classified (stored before classification
	// existed, or without a classifier): it counts as relevant, and its
	// story's section comes from its topics.
	Relevance float64
	OffTopic  bool
	Section   string
	// Tags are the publisher's own section names for the item (a feed
	// item's categories), as ingestion read them. The classifier reads
	// them; they are not stored.
	Tags []string
}

// DisplayText is the text briefings may quote: the body when the source
// allows it, else the teaser (possibly empty: title and link only).
func (a *Article) DisplayText() string {
	if a.ShowText && strings.TrimSpace(a.Body) != "" {
		return a.Body
	}
	return a.Teaser
}

// Entity is a named person, place or organisation found in an article.
type Entity struct {
	Name string `json:"name"`
	Kind string `json:"kind"` // person, place, org
}

// Story is a group of articles, from one or more outlets, about one event.
type Story struct {
	ID          int64
	Title       string
	Section     string
	FirstSeenAt time.Time
	LastSeenAt  time.Time
	Articles    []Article // filled by ListStories, oldest first
}

// Sources returns the distinct source names of the story's articles in order
// of first appearance.
func (s *Story) Sources() []string {
	var out []string
	seen := map[string]bool{}
	for _, a := range s.Articles {
		if !seen[a.SourceName] {
			seen[a.SourceName] = true
			out = append(out, a.SourceName)
		}
	}
	return out
}

// ArticleFilter selects articles. Zero fields do not filter.
type ArticleFilter struct {
	// OnTopic keeps only articles that are not off-topic.
	OnTopic  bool
	Since    time.Time
	Until    time.Time
	SourceID int64
	StoryID  int64
	// GUIDs keeps articles with one of these GUIDs (with SourceID: of that source).
	GUIDs  []string
	Limit  int
	Offset int
}

// StoryFilter selects stories whose last article is within the window.
type StoryFilter struct {
	Since time.Time
	Until time.Time
	Limit int
}

// AddResult says what AddArticle did.
type AddResult struct {
	ID        int64
	StoryID   int64
	Created   bool   // false: a duplicate of ID
	Duplicate string // why it was a duplicate: "url", "guid" or "content"
	// CopyOf: the article was new for its source but a wire copy of that
	// article from another source; it was stored in the same story.
	CopyOf int64
}
