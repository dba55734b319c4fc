package ingest

import (
	"context"
	"fmt"
	"log/slog"
	"math/rand/v2"
	"net/url"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/sitrep/sitrep/briefings"
)

// Channel defaults.
const (
	// DefaultChannelInterval is a channel's poll interval unless it has its own.
	DefaultChannelInterval = time.Minute
	// DefaultBackfillPages is how many pages (about 20 posts each) the first
	// poll of a channel reads back.
	DefaultBackfillPages = 3
	// DefaultPageDelay paces the requests of one poll that reads several pages.
	DefaultPageDelay = 500 * time.Millisecond
	// ChannelJitter is the share of the interval a poll comes early by at
	// random (never late), so that channels do not poll in step.
	ChannelJitter = 0.1
)

// StatusRevised: a stored article's text changed (an edited post).
const StatusRevised = "revised"

// ChannelPreviewURL is the web preview of a public channel.
func ChannelPreviewURL(name string) string { return "https://t.me/s/" + name }

// ChannelName reads a channel reference as an admin types it: "@name",
// "t.me/name", "https://t.me/name", "https://t.me/s/name" or a post link
// "https://t.me/name/123". ok is false for anything else.
func ChannelName(input string) (name string, ok bool) {
	s := strings.TrimSpace(input)
	if rest, found := strings.CutPrefix(s, "@"); found {
		return rest, validChannelName(rest)
	}
	if !strings.Contains(s, "://") {
		s = "https://" + s
	}
	u, err := url.Parse(s)
	if err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.User != nil || u.Port() != "" {
		return "", false
	}
	switch strings.ToLower(u.Hostname()) {
	case "t.me", "www.t.me", "telegram.me":
	default:
		return "", false
	}
	parts := strings.Split(strings.Trim(u.Path, "/"), "/")
	if len(parts) > 0 && parts[0] == "s" {
		parts = parts[1:]
	}
	if len(parts) == 0 || len(parts) > 2 || !validChannelName(parts[0]) {
		return "", false
	}
	if len(parts) == 2 {
		if _, err := strconv.ParseInt(parts[1], 10, 64); err != nil {
			return "", false
		}
	}
	return parts[0], true
}

// ChannelSource returns the source for a channel reference typed in chat
// (see ChannelName): always read from t.me, through the address guard. The
// channel of an attacked country's military (briefings.MilitaryChannel) is
// that country's primary source, its reports the figures of record.
func ChannelSource(input string) (*briefings.Source, bool) {
	name, ok := ChannelName(input)
	if !ok {
		return nil, false
	}
	return &briefings.Source{Name: "@" + name, URL: ChannelPreviewURL(name), Kind: briefings.SourceChannel, Enabled: true,
		PrimaryFor: briefings.MilitaryChannel(name)}, true
}

// channelURL splits a channel source's URL, any http(s)://host/s/<name>,
// into the page URL without a query and the channel's name.
func channelURL(raw string) (*url.URL, string, error) {
	u, err := url.Parse(strings.TrimSpace(raw))
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return nil, "", fmt.Errorf("ingest: channel URL %q is not http(s)://host/s/<name>", raw)
	}
	parts := strings.Split(strings.Trim(u.Path, "/"), "/")
	if len(parts) != 2 || parts[0] != "s" || !validChannelName(parts[1]) {
		return nil, "", fmt.Errorf("ingest: channel URL %q is not http(s)://host/s/<name>", raw)
	}
	u.RawQuery, u.Fragment = "", ""
	return u, parts[1], nil
}

// channelPoll is what one poll of a channel read.
type channelPoll struct {
	posts []ChannelPost // ids increasing
	maxID int64         // the newest post id on the pages, readable or not
	res   *response     // the last answer, for Retry-After and validators
}

// refreshChannel polls a channel source: the newest page (one request),
// plus older pages on the first poll (the back-fill, which never alerts)
// or after a gap longer than a page. New posts become articles; a known
// post whose text changed revises its article. Every attempt is recorded.
func (in *Ingester) refreshChannel(ctx context.Context, s *briefings.Source) ([]Outcome, error) {
	// The next poll is an interval after this one began: the channel keeps
	// its cadence however long a poll takes.
	start := in.o.Now().UTC()
	poll, err := in.pollChannel(ctx, s)
	if err != nil {
		if ctx.Err() != nil {
			return []Outcome{errOutcome(s.URL, ctx.Err())}, fmt.Errorf("ingest: %s: %w", s.URL, ctx.Err())
		}
		var res *response
		if poll != nil {
			res = poll.res
		}
		in.recordAt(ctx, s, res, err, start)
		in.log.Warn("ingest: channel poll failed", slog.Int64("source_id", s.ID), slog.String("url", s.URL), slog.Any("error", err))
		return []Outcome{errOutcome(s.URL, unprefix(err, s.URL))}, fmt.Errorf("ingest: %s: %w", s.URL, err)
	}
	outs := in.channelPosts(ctx, s, poll.posts)
	poll.res.lastPostID = poll.maxID
	in.recordAt(ctx, s, poll.res, nil, start)
	if n := failed(outs); n > 0 {
		return outs, fmt.Errorf("ingest: %s: %d of %d posts failed", s.URL, n, len(outs))
	}
	return outs, nil
}

// pollChannel reads the pages of one poll.
func (in *Ingester) pollChannel(ctx context.Context, s *briefings.Source) (*channelPoll, error) {
	base, name, err := channelURL(s.URL)
	if err != nil {
		return nil, err
	}
	poll := &channelPoll{}
	page, err := in.channelPage(ctx, s, base, name, 0, poll)
	if err != nil {
		return poll, err
	}
	pages := 1
	// Older pages: the back-fill of a new source, or a gap since the last poll.
	for page.Before > 0 && pages < in.o.BackfillPages && (s.LastPostID == 0 || page.Before > s.LastPostID+1) {
		if err := sleepCtx(ctx, in.o.PageDelay); err != nil {
			return poll, err
		}
		if page, err = in.channelPage(ctx, s, base, name, page.Before, poll); err != nil {
			return poll, err
		}
		pages++
	}
	sort.SliceStable(poll.posts, func(i, j int) bool { return poll.posts[i].ID < poll.posts[j].ID })
	poll.posts = dedupePosts(poll.posts)
	return poll, nil
}

// channelPage fetches and parses one page (before > 0: the page of posts
// older than that id) and adds its posts to poll.
func (in *Ingester) channelPage(ctx context.Context, s *briefings.Source, base *url.URL, name string, before int64, poll *channelPoll) (*ChannelPage, error) {
	u := *base
	if before > 0 {
		u.RawQuery = "before=" + strconv.FormatInt(before, 10)
	}
	res, err := in.fetch(ctx, u.String(), nil, s.AllowPrivate)
	if res != nil {
		poll.res = res
	}
	if err != nil {
		return nil, err
	}
	switch {
	case res.status == 429:
		return nil, fmt.Errorf("ingest: %w: HTTP 429%s", ErrRateLimited, retryText(res))
	case res.status != 200:
		return nil, statusError(res)
	case !strings.HasPrefix(strings.TrimSuffix(res.url.Path, "/"), "/s/"):
		// t.me sends a channel without a preview to its plain page.
		return nil, fmt.Errorf("ingest: @%s: %w (redirected to %s)", name, ErrNoPreview, res.url.Redacted())
	}
	page, err := ParseChannelPage(res.body)
	if err != nil {
		return nil, fmt.Errorf("ingest: %w", err)
	}
	if page.Username != "" && !strings.EqualFold(page.Username, name) {
		return nil, fmt.Errorf("ingest: the page is channel @%s, not @%s", page.Username, name)
	}
	poll.posts = append(poll.posts, page.Posts...)
	poll.maxID = max(poll.maxID, page.MaxID)
	return page, nil
}

func retryText(res *response) string {
	if res.retryAfter > 0 {
		return fmt.Sprintf(" (retry after %s)", res.retryAfter.Round(time.Second))
	}
	return ""
}

// dedupePosts keeps the last of posts sharing an id (posts sorted by id).
func dedupePosts(posts []ChannelPost) []ChannelPost {
	out := posts[:0]
	for _, p := range posts {
		if n := len(out); n > 0 && out[n-1].ID == p.ID {
			out[n-1] = p
			continue
		}
		out = append(out, p)
	}
	return out
}

func sleepCtx(ctx context.Context, d time.Duration) error {
	if d <= 0 {
		return ctx.Err()
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
		return nil
	}
}

// channelPosts stores the posts of one poll: posts not stored yet are added
// (quietly on the first poll: the back-fill never alerts), stored posts
// whose text changed are revised. Outcomes are in post order.
func (in *Ingester) channelPosts(ctx context.Context, s *briefings.Source, posts []ChannelPost) []Outcome {
	if len(posts) == 0 {
		return nil
	}
	now := in.o.Now().UTC()
	guids := make([]string, len(posts))
	for i := range posts {
		guids[i] = posts[i].GUID()
	}
	stored := map[string]*briefings.Article{}
	known, err := in.st.ListArticles(ctx, briefings.ArticleFilter{SourceID: s.ID, GUIDs: guids})
	if err != nil {
		return []Outcome{errOutcome(s.URL, fmt.Errorf("store: %w", err))}
	}
	for _, a := range known {
		stored[a.GUID] = a
	}
	outs := make([]Outcome, len(posts))
	var fresh []*briefings.Article
	var at []int
	for i := range posts {
		a := in.postArticle(s, &posts[i], now)
		a.NoAlert = s.LastPostID == 0
		old := stored[a.GUID]
		switch {
		case old == nil:
			fresh = append(fresh, a)
			at = append(at, i)
		case old.ContentHash == contentHash("", "", normalizeBody(a.Body)) && old.Origin == a.Origin:
			outs[i] = Outcome{Target: a.URL, Title: old.Title, URL: old.URL, Status: StatusDuplicate, Reason: "guid", ArticleID: old.ID, StoryID: old.StoryID}
		default:
			outs[i] = in.revise(ctx, old, a)
		}
	}
	for j, o := range in.AddAll(ctx, fresh) {
		outs[at[j]] = o
	}
	return outs
}

// postArticle maps a post to an article of source s.
func (in *Ingester) postArticle(s *briefings.Source, p *ChannelPost, now time.Time) *briefings.Article {
	a := &briefings.Article{
		SourceID: s.ID, SourceName: s.Name, SourceTopic: s.Topic, GUID: p.GUID(), URL: p.URL, Body: p.Text, Lang: s.Lang,
		PublishedAt: p.Time, FetchedAt: now,
	}
	if p.ForwardedFrom != "" {
		a.Origin = p.ForwardedFrom
		if p.ForwardedURL != "" {
			a.Origin += " <" + p.ForwardedURL + ">"
		}
	}
	if a.PublishedAt.After(now.Add(time.Hour)) {
		a.PublishedAt = now // a wrong clock: not a post from the future
	}
	return a
}

// revise replaces the stored article old with a's text, read anew through
// the common path (summary, analysis, fingerprint); the story stays.
func (in *Ingester) revise(ctx context.Context, old, a *briefings.Article) Outcome {
	a.ID, a.StoryID, a.SourceID, a.SourceName = old.ID, old.StoryID, old.SourceID, old.SourceName
	a.PublishedAt, a.NoAlert = old.PublishedAt, false
	out, _, ok := in.prepare(ctx, a)
	if !ok {
		return out
	}
	a.RevisedAt = in.o.Now().UTC()
	markCorrected(old.Attacks, a.Attacks)
	if err := in.st.ReviseArticle(ctx, a); err != nil {
		return errOutcome(a.URL, fmt.Errorf("store: %w", err))
	}
	out.Status, out.ArticleID, out.StoryID = StatusRevised, a.ID, a.StoryID
	in.log.Info("ingest: post edited, article revised", slog.Int64("source_id", a.SourceID), slog.Int64("article_id", a.ID), slog.String("url", a.URL))
	return out
}

// markCorrected marks the revised reports whose figures differ from the
// article's earlier report of the same event: the post was edited with a
// new count.
func markCorrected(old, revised []briefings.AttackReport) {
	for i := range revised {
		r := &revised[i]
		for j := range old {
			// An edit of the wording only keeps an earlier correction.
			if o := &old[j]; o.EventKey() == r.EventKey() && (o.Corrected || !briefings.SameFigures(o, r)) {
				r.Corrected = true
			}
		}
	}
}

// randomJitter shortens d by up to ChannelJitter of it: a poll comes a
// little early at random, never later than its interval.
func randomJitter(d time.Duration) time.Duration {
	return d - time.Duration(rand.Float64()*ChannelJitter*float64(d))
}
