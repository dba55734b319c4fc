package briefings

import (
	"context"
	"time"
)

// SourceStore keeps sources and their fetch health.
type SourceStore interface {
	// UpsertSource inserts s, or updates the row with the same URL; it sets s.ID.
	UpsertSource(ctx context.Context, s *Source) error
	// AddSources inserts, in one transaction, the sources whose URL is not
	// stored yet; the others are left unchanged and filled with their stored
	// row. It reports per source whether it was added and sets every ID.
	AddSources(ctx context.Context, srcs []*Source) ([]bool, error)
	GetSource(ctx context.Context, id int64) (*Source, error)
	GetSourceByURL(ctx context.Context, url string) (*Source, error)
	ListSources(ctx context.Context) ([]*Source, error)
	DeleteSource(ctx context.Context, id int64) error
	// DueSources returns enabled sources whose next check is at or before now.
	DueSources(ctx context.Context, now time.Time, limit int) ([]*Source, error)
	RecordFetch(ctx context.Context, sourceID int64, r FetchResult) error
}

// ArticleStore keeps articles, their stories and attack reports.
type ArticleStore interface {
	// AddArticle stores a, its topics, entities, summary and attack reports, in
	// one transaction. It is idempotent: an article with the same canonical URL,
	// the same (source, GUID), or the same content hash from the same source is
	// a duplicate and adds nothing. The same content hash from another source is
	// a wire copy: stored with CopyOf set, in the original's story. Otherwise,
	// when a.StoryID is 0 a new story titled a.Title is created. It sets a.ID
	// and a.StoryID.
	AddArticle(ctx context.Context, a *Article) (AddResult, error)
	// AddArticles is AddArticle for many articles in one transaction: all
	// are stored or, on an error, none. An article may duplicate an earlier
	// one of the same batch.
	AddArticles(ctx context.Context, arts []*Article) ([]AddResult, error)
	GetArticle(ctx context.Context, id int64) (*Article, error)
	// ReviseArticle replaces the text of the stored article a.ID and
	// everything derived from it (title, teaser, body, content hash,
	// fingerprint, topics, entities, summary, origin, RevisedAt) and its
	// attack reports, which get new IDs so the alert scan reads them again.
	// Its story, URL, GUID and times stay.
	ReviseArticle(ctx context.Context, a *Article) error
	ListArticles(ctx context.Context, f ArticleFilter) ([]*Article, error)
	// SearchArticles is full-text search for articles holding every word of
	// query, best match first.
	SearchArticles(ctx context.Context, query string, limit int) ([]*Article, error)
	// SearchArticlesAny is SearchArticles for articles holding any of the
	// words; those holding more of them, or holding them in the title, rank first.
	SearchArticlesAny(ctx context.Context, query string, limit int) ([]*Article, error)
	CountArticles(ctx context.Context) (int, error)
	// ListFingerprints returns ID, StoryID, SourceID, Title, Fingerprint and
	// PublishedAt of articles published since t (to warm the story index).
	ListFingerprints(ctx context.Context, since time.Time) ([]*Article, error)
	// ListStories returns stories with their articles, most recent first.
	ListStories(ctx context.Context, f StoryFilter) ([]*Story, error)
	// ListAttackReports returns reports of articles published in [since,
	// until), leaving out those of off-topic articles.
	ListAttackReports(ctx context.Context, since, until time.Time) ([]*AttackReport, error)
	// AttackReportsAfter returns up to limit reports with ID > afterID in ID order
	// (the alert job's cursor; works across processes), leaving out those of
	// off-topic articles.
	AttackReportsAfter(ctx context.Context, afterID int64, limit int) ([]*AttackReport, error)
	// Prune deletes articles fetched before t (and stories left empty).
	PruneArticles(ctx context.Context, before time.Time) (int, error)
}

// SubscriptionStore keeps digest subscriptions and alert settings per chat.
type SubscriptionStore interface {
	// UpsertSubscription stores the chat's subscription (one per chat); sets s.ID.
	UpsertSubscription(ctx context.Context, s *Subscription) error
	GetSubscription(ctx context.Context, c Chat) (*Subscription, error)
	DeleteSubscription(ctx context.Context, c Chat) error
	ListSubscriptions(ctx context.Context) ([]*Subscription, error)
	// CountSubscriptions counts the subscriptions, active and paused.
	CountSubscriptions(ctx context.Context) (active, paused int, err error)
	// DueSubscriptions returns active subscriptions with NextDueAt <= now.
	DueSubscriptions(ctx context.Context, now time.Time, limit int) ([]*Subscription, error)
	// PauseChat marks every subscription of the chat inactive with a reason;
	// reason "" re-activates.
	PauseChat(ctx context.Context, c Chat, reason string) error
	// MigrateChat moves subscriptions, alert and chat settings and pending deliveries to a new chat id.
	MigrateChat(ctx context.Context, from, to Chat) error

	// SetChatSettings stores the chat's settings (one row per chat).
	SetChatSettings(ctx context.Context, s *ChatSettings) error
	// GetChatSettings returns the chat's settings, or ENOTFOUND.
	GetChatSettings(ctx context.Context, c Chat) (*ChatSettings, error)

	SetAlertSettings(ctx context.Context, a *AlertSettings) error
	GetAlertSettings(ctx context.Context, c Chat) (*AlertSettings, error)
	ListAlertSettings(ctx context.Context) ([]*AlertSettings, error)
}

// OutboxStore is the durable delivery queue.
type OutboxStore interface {
	// Enqueue inserts d unless a row with its DedupeKey exists; created says which.
	Enqueue(ctx context.Context, d *Delivery) (created bool, err error)
	// Claim marks up to limit due rows as sending until leaseUntil for
	// claimer and returns them. claimer names the claimer's presence lease
	// (LeaseStore.TryLease; "" for none): rows whose claimer's lease is
	// missing or expired (a killed sender) are claimable again at once,
	// others when their claim lease expires. On PostgreSQL concurrent
	// claimers never get the same row.
	Claim(ctx context.Context, claimer string, now, leaseUntil time.Time, limit int) ([]*Delivery, error)
	MarkSent(ctx context.Context, id int64, externalID string, at time.Time) error
	// MarkRetry returns a claimed row to pending with its error and next attempt.
	MarkRetry(ctx context.Context, id int64, errMsg string, next time.Time) error
	// Release returns a claimed row that was never tried to pending, due at
	// next, without counting its claim as an attempt.
	Release(ctx context.Context, id int64, why string, next time.Time) error
	MarkDead(ctx context.Context, id int64, errMsg string) error
	// DeliveryByKey returns the delivery with a dedupe key, or ENOTFOUND
	// (a revision looks up the message it replaces).
	DeliveryByKey(ctx context.Context, dedupeKey string) (*Delivery, error)
	// LatestVersion returns the newest version of a message: the delivery
	// with dedupeKey or its newest edit (EditOf = dedupeKey); ENOTFOUND when none.
	LatestVersion(ctx context.Context, dedupeKey string) (*Delivery, error)
	DeliveryStats(ctx context.Context) (DeliveryStats, error)
	PruneDeliveries(ctx context.Context, before time.Time) (int, error)
}

// LeaseStore gives jobs that must run once across processes a lease.
type LeaseStore interface {
	// TryLease takes or renews the named lease for holder until `until`; false
	// when another holder has an unexpired lease.
	TryLease(ctx context.Context, name, holder string, now, until time.Time) (bool, error)
	// ReleaseLease gives up the named lease if holder has it, so another
	// process may take it at once (e.g. on shutdown).
	ReleaseLease(ctx context.Context, name, holder string) error
	// LiveLeases deletes the leases named with prefix that expired before
	// now and counts those left: the live holders of a family of
	// per-process leases (e.g. the dispatchers sharing the rate limits).
	LiveLeases(ctx context.Context, prefix string, now time.Time) (int, error)
	// GetCursor and SetCursor keep a named position (e.g. the last alerted report).
	GetCursor(ctx context.Context, name string) (int64, error)
	SetCursor(ctx context.Context, name string, v int64) error
}

// Store is everything the bot keeps. store.Open returns one for SQLite or PostgreSQL.
type Store interface {
	SourceStore
	ArticleStore
	RecordStore
	SubscriptionStore
	DueStore
	OutboxStore
	LeaseStore
	Close() error
}

// RecordStore keeps reports of record imported from data sets, apart from
// the reports read from articles: the alert job and digests never see them.
type RecordStore interface {
	// ImportAttackRecords stores records in one transaction: a record whose
	// (Dataset, Key) is new is added, one whose Hash changed is updated, the
	// rest are left alone. It sets each record's ID.
	ImportAttackRecords(ctx context.Context, recs []*AttackRecord) (ImportResult, error)
	// ListAttackRecords returns records whose attack date is within
	// [from, to] (civil dates YYYY-MM-DD, "" leaves an end open), by date.
	ListAttackRecords(ctx context.Context, from, to string) ([]*AttackRecord, error)
	// AttackDataVersion changes whenever attack reports or records change
	// (for caches of what is drawn from them).
	AttackDataVersion(ctx context.Context) (string, error)
}

// Summarizer picks sentences verbatim from text.
type Summarizer interface {
	// Summarize returns up to n sentences of the article, verbatim, in article order.
	Summarize(title, body string, n int) []string
	// SummarizeStory picks up to n sentences across several articles about one
	// event, without redundancy, each verbatim with the index of its document.
	SummarizeStory(docs []Doc, n int) []Picked
}

// FocusedSummarizer is a Summarizer that can also weigh sentences by a
// reader's query, for a summary of a topic or a question across articles.
type FocusedSummarizer interface {
	Summarizer
	// SummarizeFocused is SummarizeStory favouring sentences about query.
	SummarizeFocused(docs []Doc, query string, n int) []Picked
}

// Doc is one article given to SummarizeStory.
type Doc struct {
	Title string
	Body  string
}

// Picked is a sentence chosen from docs[Doc].
type Picked struct {
	Doc      int
	Sentence string
}

// Analyzer fills an article's Topics, Entities and Attacks from its text
// (title, body and PublishedAt). The extract package implements it.
type Analyzer interface {
	Analyze(a *Article)
}
