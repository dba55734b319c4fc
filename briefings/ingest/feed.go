package ingest

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/url"
	"regexp"
	"slices"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"github.com/mmcdole/gofeed"
	"golang.org/x/net/html/charset"

	"github.com/sitrep/sitrep/briefings"
)

// ingestURL fetches a URL given on the command line: a known feed source is
// refreshed; otherwise the answer is sniffed: a feed becomes a source and is
// read, a page becomes one article (of the known page source at that URL,
// else of its site's source).
func (in *Ingester) ingestURL(ctx context.Context, raw string) []Outcome {
	known, err := in.st.GetSourceByURL(ctx, raw)
	var page *briefings.Source
	if err != nil || known == nil || (known.Kind != briefings.SourceFeed && known.Kind != briefings.SourceChannel) {
		if err == nil && known != nil && known.Kind == briefings.SourcePage {
			page = known
		}
		known = nil
	}
	if cs, ok := ChannelSource(raw); ok && known == nil && strings.Contains(raw, "/s/") {
		// A channel's preview page: the channel becomes a source.
		cs.AllowPrivate, cs.CreatedAt = in.o.AllowPrivate, in.o.Now().UTC()
		if err := in.st.UpsertSource(ctx, cs); err != nil {
			return []Outcome{errOutcome(raw, fmt.Errorf("store: %w", err))}
		}
		known = cs
	}
	if known != nil {
		outs, err := in.RefreshSource(ctx, known)
		if err != nil && failed(outs) == 0 {
			outs = append(outs, errOutcome(raw, err))
		}
		return outs
	}
	res, err := in.fetch(ctx, raw, nil, true)
	if err != nil {
		return []Outcome{errOutcome(raw, err)}
	}
	if res.status != 200 {
		return []Outcome{errOutcome(raw, statusError(res))}
	}
	if res.isFeed() {
		feed, err := parseFeed(res.body, res.contentType)
		if err != nil {
			return []Outcome{errOutcome(raw, err)}
		}
		s := &briefings.Source{
			Name:      feedName(feed, res.url),
			URL:       raw,
			Kind:      briefings.SourceFeed,
			Enabled:   true,
			Lang:      shortLang(feed.Language),
			CreatedAt: in.o.Now().UTC(),
			// The operator named it: it may stay where it was fetched from.
			AllowPrivate: in.o.AllowPrivate,
		}
		if err := in.st.UpsertSource(ctx, s); err != nil {
			return []Outcome{errOutcome(raw, fmt.Errorf("store: %w", err))}
		}
		outs := in.feedItems(ctx, s, feed)
		in.record(ctx, s, res, nil)
		return outs
	}
	a, err := res.page()
	if err != nil {
		return []Outcome{errOutcome(raw, unprefix(err, res.url.Redacted()))}
	}
	s := page
	if s == nil {
		host := res.url.Hostname()
		s, err = in.cachedSource(ctx, res.url.Scheme+"://"+host+"/", func() *briefings.Source {
			return &briefings.Source{Name: strings.TrimPrefix(host, "www."), URL: res.url.Scheme + "://" + host + "/", Kind: briefings.SourcePage,
				AllowPrivate: in.o.AllowPrivate}
		})
		if err != nil {
			return []Outcome{errOutcome(raw, err)}
		}
	}
	a.SourceID, a.SourceName, a.SourceTopic = s.ID, s.Name, s.Topic
	if a.URL == "" {
		a.URL = raw
	}
	o := in.Add(ctx, a)
	o.Target = raw
	return []Outcome{o}
}

func statusError(res *response) error {
	msg := fmt.Sprintf("HTTP %d", res.status)
	if res.retryAfter > 0 {
		msg += fmt.Sprintf(" (retry after %s)", res.retryAfter.Round(time.Second))
	}
	return errors.New(msg)
}

func feedName(f *gofeed.Feed, u *url.URL) string {
	if n := cleanLine(f.Title); n != "" {
		return truncateText(n, 100)
	}
	return strings.TrimPrefix(u.Hostname(), "www.")
}

func shortLang(l string) string {
	l = strings.ToLower(strings.TrimSpace(l))
	if len(l) > 2 && (l[2] == '-' || l[2] == '_') {
		l = l[:2]
	}
	return l
}

var xmlEncoding = regexp.MustCompile(`(?i)^\s*(?:\xef\xbb\xbf)?<\?xml[^>]*encoding\s*=\s*["']([A-Za-z0-9._:-]+)["']`)

// parseFeed parses RSS 0.9x/1.0/2.0, Atom or JSON Feed. The XML prolog's
// encoding is decoded by the parser; without one, a non-UTF-8 charset from
// the Content-Type is decoded here.
func parseFeed(body []byte, contentType string) (*gofeed.Feed, error) {
	if len(bytes.TrimSpace(body)) == 0 {
		return nil, fmt.Errorf("ingest: feed: %w", ErrEmpty)
	}
	declared := xmlEncoding.FindSubmatch(body[:min(len(body), 512)])
	_, cs := (&response{contentType: contentType}).mediaType()
	if declared != nil {
		cs = strings.ToLower(string(declared[1]))
	}
	if isUTF8Label(cs) && !utf8.Valid(body) {
		// A UTF-8 document with a few bad bytes (a truncated character in
		// a title): the XML decoder refuses the whole feed; drop them.
		body = bytes.ToValidUTF8(body, nil)
	}
	var r io.Reader = bytes.NewReader(body)
	if declared == nil && !isUTF8Label(cs) {
		cr, err := charset.NewReaderLabel(cs, r)
		if err != nil {
			return nil, fmt.Errorf("ingest: feed: unknown charset %q", cs)
		}
		r = cr
	}
	f, err := gofeed.NewParser().Parse(r)
	if err != nil {
		if errors.Is(err, gofeed.ErrFeedTypeNotDetected) {
			return nil, fmt.Errorf("ingest: feed: not RSS, Atom or JSON Feed")
		}
		return nil, fmt.Errorf("ingest: feed: invalid: %s", oneLine(err.Error()))
	}
	return f, nil
}

// isUTF8Label reports whether a charset label (empty: none) means UTF-8 or
// its ASCII subset.
func isUTF8Label(cs string) bool {
	return cs == "" || cs == "utf-8" || cs == "utf8" || cs == "us-ascii"
}

func oneLine(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	return truncateText(s, 200)
}

// RefreshSource fetches a feed source (conditional GET) and ingests its new
// items; every attempt is recorded with RecordFetch, failures with
// exponential backoff. The error is non-nil when the fetch or any item failed.
func (in *Ingester) RefreshSource(ctx context.Context, s *briefings.Source) ([]Outcome, error) {
	if s.Kind == briefings.SourceChannel {
		return in.refreshChannel(ctx, s)
	}
	res, err := in.fetch(ctx, s.URL, s, s.AllowPrivate)
	if err == nil && res.status != 200 && res.status != 304 {
		err = statusError(res)
	}
	if err == nil && res.status == 200 {
		var f *gofeed.Feed
		f, err = parseFeed(res.body, res.contentType)
		if err == nil {
			if s.Lang == "" {
				s.Lang = shortLang(f.Language)
			}
			outs := in.feedItems(ctx, s, f)
			in.record(ctx, s, res, nil)
			if n := failed(outs); n > 0 {
				return outs, fmt.Errorf("ingest: %s: %d of %d items failed", s.URL, n, len(outs))
			}
			return outs, nil
		}
	}
	if err != nil && ctx.Err() != nil {
		// Shutting down: not the source's fault, nothing to record.
		return []Outcome{errOutcome(s.URL, ctx.Err())}, fmt.Errorf("ingest: %s: %w", s.URL, ctx.Err())
	}
	in.record(ctx, s, res, err)
	if err != nil {
		in.log.Warn("ingest: refresh failed", slog.Int64("source_id", s.ID), slog.String("url", s.URL), slog.Any("error", err))
		return []Outcome{errOutcome(s.URL, unprefix(err, s.URL))}, fmt.Errorf("ingest: %s: %w", s.URL, err)
	}
	return nil, nil // 304 Not Modified
}

// record writes the fetch attempt and the next check time.
func (in *Ingester) record(ctx context.Context, s *briefings.Source, res *response, ferr error) {
	in.recordAt(ctx, s, res, ferr, in.o.Now().UTC())
}

// recordAt is record of an attempt made at now: the next check is counted
// from then.
func (in *Ingester) recordAt(ctx context.Context, s *briefings.Source, res *response, ferr error, now time.Time) {
	interval := s.Interval
	if interval <= 0 {
		interval = in.o.Interval
		if s.Kind == briefings.SourceChannel {
			interval = in.o.ChannelInterval
		}
	}
	if s.Kind == briefings.SourceChannel {
		interval = in.o.Jitter(interval)
	}
	r := briefings.FetchResult{At: now, ETag: s.ETag, LastModified: s.LastModified}
	if ferr != nil {
		r.Err = oneLine(strings.ReplaceAll(ferr.Error(), "ingest: ", ""))
		next := Backoff(interval, s.ErrorCount+1)
		if res != nil && res.retryAfter > next {
			next = min(res.retryAfter, MaxBackoff)
		}
		r.NextCheckAt = now.Add(next)
	} else {
		r.OK = true
		r.NotModified = res.status == 304
		if res.etag != "" {
			r.ETag = res.etag
		}
		if res.lastModified != "" {
			r.LastModified = res.lastModified
		}
		r.LastPostID = res.lastPostID
		next := interval
		// A channel is polled at its own interval whatever the page's
		// caching headers say: its posts are the freshest news sitrep reads.
		if res.maxAge > next && s.Kind != briefings.SourceChannel {
			next = min(res.maxAge, MaxBackoff)
		}
		r.NextCheckAt = now.Add(next)
	}
	if err := in.st.RecordFetch(ctx, s.ID, r); err != nil {
		in.log.Error("ingest: record fetch", slog.Int64("source_id", s.ID), slog.Any("error", err))
		return
	}
	s.LastFetchAt = now
	s.NextCheckAt = r.NextCheckAt
	s.LastPostID = max(s.LastPostID, r.LastPostID)
	s.ETag, s.LastModified = r.ETag, r.LastModified
	if r.OK {
		s.ErrorCount = 0
		s.LastSuccessAt = now
		s.LastError = ""
	} else {
		s.ErrorCount++
		s.LastError = r.Err
	}
}

// Backoff is the wait after the n-th consecutive failure: interval*2^n,
// capped at MaxBackoff.
func Backoff(interval time.Duration, n int) time.Duration {
	if interval <= 0 {
		interval = DefaultInterval
	}
	d := interval
	for i := 0; i < n; i++ {
		d *= 2
		if d >= MaxBackoff {
			return MaxBackoff
		}
	}
	return d
}

// feedItems ingests every item of f for source s.
func (in *Ingester) feedItems(ctx context.Context, s *briefings.Source, f *gofeed.Feed) []Outcome {
	var base *url.URL
	if u, err := url.Parse(feedBase(s, f)); err == nil && u.IsAbs() {
		base = u
	}
	outs := make([]Outcome, 0, len(f.Items))
	// Items seen in the previous refresh of this source are not fetched
	// again for full text: the store already has them (by URL or GUID).
	in.seenMu.Lock()
	prev := in.seen[s.ID]
	in.seenMu.Unlock()
	cur := make(map[string]bool, len(f.Items))
	defer func() {
		in.seenMu.Lock()
		in.seen[s.ID] = cur
		in.seenMu.Unlock()
	}()
	var arts []*briefings.Article
	var at []int
	for _, it := range f.Items {
		if ctx.Err() != nil {
			outs = append(outs, errOutcome(s.URL, ctx.Err()))
			break
		}
		key := it.GUID + "\x00" + it.Link
		cur[key] = true
		a := in.itemArticle(ctx, s, base, it, !prev[key])
		if a == nil {
			outs = append(outs, errOutcome(s.URL, fmt.Errorf("item %q has no title, text or link", truncateText(it.GUID, 80))))
			continue
		}
		arts = append(arts, a)
		at = append(at, len(outs))
		outs = append(outs, Outcome{})
	}
	for j, o := range in.AddAll(ctx, arts) {
		if o.Status == StatusError {
			o.Target = s.URL
		}
		outs[at[j]] = o
	}
	return outs
}

// itemArticle maps a feed item to an article, fetching the item's page for
// its text when the source asks for full text and the feed has none.
func (in *Ingester) itemArticle(ctx context.Context, s *briefings.Source, base *url.URL, it *gofeed.Item, fetchPage bool) *briefings.Article {
	now := in.o.Now().UTC()
	a := feedItemArticle(s, base, it, now)
	if a == nil {
		return nil
	}
	link := a.URL
	if a.Body == "" && s.FullText && link != "" && fetchPage {
		if p, err := in.fetchPage(ctx, link, s.AllowPrivate); err == nil {
			a.Body = p.Body
			if a.Title == "" {
				a.Title = p.Title
			}
		} else {
			in.log.Info("ingest: full text unavailable, keeping the teaser", slog.Int64("source_id", s.ID), slog.String("url", link), slog.Any("error", err))
		}
	}
	if a.Title == "" && a.Body == "" && a.Teaser == "" {
		return nil
	}
	return a
}

// feedItemArticle maps a feed item to an article of source s as read at
// now, without fetching anything; nil when the item has no title, text or
// link.
func feedItemArticle(s *briefings.Source, base *url.URL, it *gofeed.Item, now time.Time) *briefings.Article {
	link := strings.TrimSpace(it.Link)
	if link == "" && len(it.Links) > 0 {
		link = strings.TrimSpace(it.Links[0])
	}
	if link != "" && base != nil {
		if u, err := base.Parse(link); err == nil {
			link = u.String()
		}
	}
	a := &briefings.Article{
		SourceID:    s.ID,
		SourceName:  s.Name,
		SourceTopic: s.Topic,
		GUID:        strings.TrimSpace(it.GUID),
		Title:       htmlToText(it.Title),
		Lang:        s.Lang,
		FetchedAt:   now,
	}
	if link != "" {
		a.URL = CanonicalURL(link)
	}
	if a.GUID == "" {
		a.GUID = a.URL
	}
	a.Teaser = truncateText(strings.ReplaceAll(htmlToText(it.Description), "\n\n", " "), maxTeaser)
	a.Tags = itemTags(it.Categories)
	if c := htmlToText(it.Content); c != "" {
		a.Body = c
	}
	switch {
	case it.PublishedParsed != nil:
		a.PublishedAt, a.DateOnly = it.PublishedParsed.UTC(), !hasClock(it.Published)
	case it.UpdatedParsed != nil:
		a.PublishedAt, a.DateOnly = it.UpdatedParsed.UTC(), !hasClock(it.Updated)
	default:
		a.PublishedAt = now
	}
	if !plausibleDate(a.PublishedAt, now) {
		a.PublishedAt, a.DateOnly = now, false
	}
	if a.Title == "" && a.Body == "" && a.Teaser == "" && link == "" {
		return nil
	}
	return a
}

// RefreshDue refreshes the sources due now (feeds and channels; with kinds,
// only those kinds) in a bounded worker pool and returns how many were
// refreshed. The error joins the failures.
func (in *Ingester) RefreshDue(ctx context.Context, kinds ...string) (int, error) {
	due, err := in.st.DueSources(ctx, in.o.Now().UTC(), 500)
	if err != nil {
		return 0, fmt.Errorf("ingest: due sources: %w", err)
	}
	var (
		mu   sync.Mutex
		errs []error
		n    int
		wg   sync.WaitGroup
	)
	jobs := make(chan *briefings.Source)
	for w := 0; w < min(in.o.Workers, len(due)); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for s := range jobs {
				outs, err := in.RefreshSource(ctx, s)
				mu.Lock()
				n++
				if err != nil {
					errs = append(errs, err)
				}
				mu.Unlock()
				in.log.Info("ingest: refreshed", slog.Int64("source_id", s.ID), slog.Int("items", len(outs)), slog.Int("new", count(outs, StatusNew)+count(outs, StatusCopy)))
			}
		}()
	}
	for _, s := range due {
		kind := s.Kind
		if kind == "" {
			kind = briefings.SourceFeed
		}
		if kind != briefings.SourceFeed && kind != briefings.SourceChannel || len(kinds) > 0 && !slices.Contains(kinds, kind) {
			continue
		}
		select {
		case jobs <- s:
		case <-ctx.Done():
		}
		if ctx.Err() != nil {
			break
		}
	}
	close(jobs)
	wg.Wait()
	if ctx.Err() != nil {
		errs = append(errs, ctx.Err())
	}
	return n, errors.Join(errs...)
}

// NextDue returns when the next enabled source of kind is due (zero when
// there is none).
func (in *Ingester) NextDue(ctx context.Context, kind string) (time.Time, error) {
	srcs, err := in.st.ListSources(ctx)
	if err != nil {
		return time.Time{}, fmt.Errorf("ingest: next due: %w", err)
	}
	var next time.Time
	for _, s := range srcs {
		if s.Enabled && s.Kind == kind && (next.IsZero() || s.NextCheckAt.Before(next)) {
			next = s.NextCheckAt
		}
	}
	return next, nil
}

func count(outs []Outcome, status string) int {
	n := 0
	for _, o := range outs {
		if o.Status == status {
			n++
		}
	}
	return n
}

// maxTags bounds the categories kept of one feed item.
const maxTags = 6

// itemTags returns a feed item's categories as plain text, at most maxTags,
// without blanks or repeats.
func itemTags(cats []string) []string {
	var out []string
	for _, c := range cats {
		c = strings.TrimSpace(htmlToText(c))
		if c == "" || slices.Contains(out, c) {
			continue
		}
		if out = append(out, c); len(out) == maxTags {
			break
		}
	}
	return out
}
