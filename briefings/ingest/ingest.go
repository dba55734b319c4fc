// Package ingest brings articles in: feeds (RSS, Atom, JSON Feed), article
// pages, local files and folders, and stdin. Every article goes through one
// path (Add): normalize, hash, fingerprint and story match, summary, analysis,
// then one store call, so nothing is half-written and ingesting the same
// input twice adds nothing.
package ingest

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"log/slog"
	"math"
	"net/http"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/sitrep/sitrep/briefings"
	"github.com/sitrep/sitrep/briefings/cluster"
	"github.com/sitrep/sitrep/briefings/text"
)

// Defaults of Options.
const (
	DefaultMaxBytes  = 5 << 20
	DefaultTimeout   = 20 * time.Second
	DefaultSummaryN  = 3
	DefaultWorkers   = 4
	DefaultInterval  = 30 * time.Minute
	MaxBackoff       = 24 * time.Hour
	DefaultWindow    = 48 * time.Hour
	DefaultUserAgent = "sitrep/1.0 (+news briefing bot)"
	maxTeaser        = 600
)

// Outcome statuses.
const (
	StatusNew       = "new"
	StatusDuplicate = "duplicate"
	StatusCopy      = "copy"
	StatusError     = "error"
)

// Options configure an Ingester. Zero values take the defaults.
type Options struct {
	// Client fetches everything when set (it brings its own address
	// guard); nil: NewHTTPClient(o), and a guarded client for what may
	// only reach public addresses.
	Client     *http.Client
	UserAgent  string
	Timeout    time.Duration // per request
	MaxBytes   int64         // per document; default 5 MB
	Now        func() time.Time
	Logger     *slog.Logger
	Summarizer briefings.Summarizer // nil: no summaries
	Analyzer   briefings.Analyzer   // nil: no topics, entities, attacks
	// Classifier decides each article's relevance and section (after the
	// analyzer, whose attack reports it reads); nil: articles stay
	// unclassified (relevant, sections from topics). An article of a
	// war-only source (Source.Topic) is never off-topic.
	Classifier briefings.Classifier
	SummaryN   int // sentences per summary; default 3
	Workers    int // RefreshDue pool size; default 4
	// AllowPrivate lets fetches reach loopback and private addresses (tests,
	// self-hosted feeds on a LAN): URLs given to the ingester directly, and
	// sources whose own AllowPrivate is set. Other sources (those added from
	// chat) are always fetched through the address guard.
	AllowPrivate bool
	// Cluster groups articles into stories; nil: an index with DefaultWindow,
	// warmed from the store on first use.
	Cluster *cluster.Index
	// Stdin is read for the target "-"; nil: os.Stdin.
	Stdin io.Reader
	// Interval is the refresh interval of sources without their own.
	Interval time.Duration
	// ChannelInterval is the poll interval of channels without their own
	// (default DefaultChannelInterval); Jitter moves each poll's interval
	// (default: by up to ChannelJitter of it at random).
	ChannelInterval time.Duration
	Jitter          func(time.Duration) time.Duration
	// BackfillPages is how many pages a new channel's first poll reads
	// (default DefaultBackfillPages); PageDelay paces them (default
	// DefaultPageDelay; negative: no pause).
	BackfillPages int
	PageDelay     time.Duration
}

// Ingester ingests into a store. It is safe for concurrent use.
type Ingester struct {
	st     briefings.Store
	o      Options
	client *http.Client // reaches private addresses when o.AllowPrivate
	public *http.Client // never does
	log    *slog.Logger
	idx    *cluster.Index

	warmOnce sync.Once
	// addMu serializes story matching and the store write so two copies of
	// one event arriving at once land in one story.
	addMu sync.Mutex

	srcMu   sync.Mutex
	sources map[string]*briefings.Source // local and page sources by URL

	seenMu sync.Mutex
	seen   map[int64]map[string]bool // feed items of each source's last refresh
}

// New returns an Ingester storing into st.
func New(st briefings.Store, o Options) *Ingester {
	if o.MaxBytes <= 0 {
		o.MaxBytes = DefaultMaxBytes
	}
	if o.Timeout <= 0 {
		o.Timeout = DefaultTimeout
	}
	if o.SummaryN <= 0 {
		o.SummaryN = DefaultSummaryN
	}
	if o.Workers <= 0 {
		o.Workers = DefaultWorkers
	}
	if o.Interval <= 0 {
		o.Interval = DefaultInterval
	}
	if o.ChannelInterval <= 0 {
		o.ChannelInterval = DefaultChannelInterval
	}
	if o.Jitter == nil {
		o.Jitter = randomJitter
	}
	if o.BackfillPages <= 0 {
		o.BackfillPages = DefaultBackfillPages
	}
	if o.PageDelay == 0 {
		o.PageDelay = DefaultPageDelay
	}
	if o.UserAgent == "" {
		o.UserAgent = DefaultUserAgent
	}
	if o.Now == nil {
		o.Now = time.Now
	}
	if o.Logger == nil {
		o.Logger = slog.New(slog.NewTextHandler(io.Discard, nil))
	}
	if o.Stdin == nil {
		o.Stdin = os.Stdin
	}
	in := &Ingester{st: st, o: o, log: o.Logger, sources: map[string]*briefings.Source{}, seen: map[int64]map[string]bool{}}
	in.client, in.public = o.Client, o.Client
	if in.client == nil {
		in.client = NewHTTPClient(o)
		in.public = in.client
		if o.AllowPrivate {
			guarded := o
			guarded.AllowPrivate = false
			in.public = NewHTTPClient(guarded)
		}
	}
	in.idx = o.Cluster
	if in.idx == nil {
		in.idx = cluster.New(DefaultWindow)
		o.Cluster = in.idx
	} else {
		in.warmOnce.Do(func() {}) // the caller owns warming
	}
	return in
}

// Index returns the story index the ingester matches against.
func (in *Ingester) Index() *cluster.Index { return in.idx }

// Outcome is what happened to one article (or one failed target).
type Outcome struct {
	Target    string
	Title     string
	URL       string
	Status    string // new, duplicate, copy, error
	Reason    string // duplicate: url, guid or content; copy: "of #N"; error: why
	ArticleID int64
	StoryID   int64
}

// String is the line `sitrep ingest` prints for the outcome.
func (o Outcome) String() string {
	where := o.URL
	if where == "" {
		where = o.Target
	}
	switch o.Status {
	case StatusNew:
		return fmt.Sprintf("new #%d story #%d %q <%s>", o.ArticleID, o.StoryID, o.Title, where)
	case StatusCopy:
		return fmt.Sprintf("copy #%d story #%d (%s) %q <%s>", o.ArticleID, o.StoryID, o.Reason, o.Title, where)
	case StatusDuplicate:
		return fmt.Sprintf("duplicate (%s) #%d %q <%s>", o.Reason, o.ArticleID, o.Title, where)
	default:
		return fmt.Sprintf("error %s: %s", o.Target, o.Reason)
	}
}

func errOutcome(target string, err error) Outcome {
	msg := err.Error()
	// One clear line: drop our own prefixes, keep the cause.
	msg = strings.ReplaceAll(msg, "ingest: ", "")
	msg = strings.ReplaceAll(msg, "\n", " ")
	if target != "" && strings.HasPrefix(msg, target+": ") {
		msg = strings.TrimPrefix(msg, target+": ")
	}
	return Outcome{Target: target, Status: StatusError, Reason: msg}
}

// failed reports whether any outcome is an error.
func failed(outs []Outcome) int {
	n := 0
	for _, o := range outs {
		if o.Status == StatusError {
			n++
		}
	}
	return n
}

// Ingest ingests one target: a file, a folder (recursive; .txt .md .html
// .htm in sorted order, then feed files .xml .rss .atom .rdf), "-" for
// stdin, a feed URL or an article page URL. A file (or stdin) holding a feed
// document gives one article per item.
// Every article gets an Outcome; the error is non-nil when anything failed,
// after the rest was ingested.
func (in *Ingester) Ingest(ctx context.Context, target string) ([]Outcome, error) {
	var outs []Outcome
	switch {
	case target == "-":
		outs = in.ingestReader(ctx, "-", "stdin.txt", in.o.Stdin)
	case strings.Contains(target, "://"):
		outs = in.ingestURL(ctx, target)
	default:
		outs = in.ingestPath(ctx, target)
	}
	if n := failed(outs); n > 0 {
		return outs, fmt.Errorf("ingest: %s: %d of %d failed", target, n, len(outs))
	}
	return outs, nil
}

func (in *Ingester) ingestPath(ctx context.Context, target string) []Outcome {
	fi, err := os.Stat(target)
	if err != nil {
		return []Outcome{errOutcome(target, pathErr(err))}
	}
	if !fi.IsDir() {
		return in.ingestFile(ctx, target)
	}
	var files, feeds []string
	var outs []Outcome
	err = filepath.WalkDir(target, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			outs = append(outs, errOutcome(p, err))
			return nil
		}
		if d.IsDir() {
			if p != target && strings.HasPrefix(d.Name(), ".") {
				return filepath.SkipDir
			}
			return nil
		}
		switch ext := strings.ToLower(filepath.Ext(p)); {
		case strings.HasPrefix(d.Name(), "."):
		case fileExts[ext]:
			files = append(files, p)
		case feedFileExts[ext]:
			feeds = append(feeds, p)
		}
		return nil
	})
	if err != nil {
		outs = append(outs, errOutcome(target, err))
	}
	sort.Strings(files)
	sort.Strings(feeds)
	if len(files) == 0 && len(feeds) == 0 && len(outs) == 0 {
		return []Outcome{errOutcome(target, errors.New("no .txt, .md, .html or feed (.xml, .rss, .atom, .rdf) files in the folder"))}
	}
	// Parse up to maxBatch files (and at most 16 MB of text), then store
	// them together.
	for start := 0; start < len(files); {
		var arts []*briefings.Article
		var at []int
		var res []Outcome
		size := 0
		k := start
		for ; k < len(files) && len(arts) < maxBatch && size < 16<<20; k++ {
			f := files[k]
			if ctx.Err() != nil {
				res = append(res, errOutcome(f, ctx.Err()))
				continue
			}
			a, o := in.readFile(f)
			if a == nil {
				res = append(res, o)
				continue
			}
			size += len(a.Body)
			arts = append(arts, a)
			at = append(at, len(res))
			res = append(res, Outcome{})
		}
		for j, o := range in.AddAll(ctx, arts) {
			o.Target = files[start+at[j]]
			res[at[j]] = o
		}
		outs = append(outs, res...)
		start = k
	}
	for _, f := range feeds {
		outs = append(outs, in.ingestFile(ctx, f)...)
	}
	return outs
}

// ingestFile ingests one named file: a feed document's items, else the
// file as one article.
func (in *Ingester) ingestFile(ctx context.Context, path string) []Outcome {
	data, o, ok := in.readData(path)
	if !ok {
		return []Outcome{o}
	}
	if sniffFeed(data) {
		return in.ingestFeedFile(ctx, path, data)
	}
	a, o := in.parseData(path, data)
	if a == nil {
		return []Outcome{o}
	}
	o = in.Add(ctx, a)
	o.Target = path
	return []Outcome{o}
}

// pathErr drops the path from an *fs.PathError (the outcome names it).
func pathErr(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return fmt.Errorf("%s: %w", pe.Op, pe.Err)
	}
	return err
}

// readFile reads and parses a local file (at most MaxBytes); on failure the
// article is nil and the outcome says why.
func (in *Ingester) readFile(path string) (*briefings.Article, Outcome) {
	data, o, ok := in.readData(path)
	if !ok {
		return nil, o
	}
	return in.parseData(path, data)
}

// readData reads a local file (at most MaxBytes); on failure ok is false
// and the outcome says why.
func (in *Ingester) readData(path string) ([]byte, Outcome, bool) {
	f, err := os.Open(path)
	if err != nil {
		return nil, errOutcome(path, pathErr(err)), false
	}
	defer f.Close()
	if fi, err := f.Stat(); err == nil && fi.Size() > in.o.MaxBytes {
		return nil, errOutcome(path, fmt.Errorf("%w: %d bytes (limit %d)", ErrTooLarge, fi.Size(), in.o.MaxBytes)), false
	}
	data, err := readCapped(f, in.o.MaxBytes)
	if err != nil {
		return nil, errOutcome(path, err), false
	}
	return data, Outcome{}, true
}

// parseData parses a local file's data into its article; a file named as
// XML that is no feed is refused (its markup is no article).
func (in *Ingester) parseData(path string, data []byte) (*briefings.Article, Outcome) {
	if xmlFile(path) {
		return nil, errOutcome(path, errNotFeed)
	}
	a, err := ParseFile(path, data)
	if err != nil {
		return nil, errOutcome(path, unprefix(err, path))
	}
	if a.SourceName == "" {
		a.SourceName = DefaultSourceName
	}
	return a, Outcome{}
}

// ingestReader parses one local document read from r (at most MaxBytes).
func (in *Ingester) ingestReader(ctx context.Context, target, name string, r io.Reader) []Outcome {
	data, err := readCapped(r, in.o.MaxBytes)
	if err != nil {
		return []Outcome{errOutcome(target, err)}
	}
	if target == "-" && sniffFeed(data) {
		return in.ingestFeedFile(ctx, target, data)
	}
	if target == "-" && sniffHTML(data) {
		name = "stdin.html"
	}
	a, err := ParseFile(name, data)
	if err != nil {
		return []Outcome{errOutcome(target, unprefix(err, name))}
	}
	if a.SourceName == "" {
		a.SourceName = DefaultSourceName
	}
	o := in.Add(ctx, a)
	o.Target = target
	return []Outcome{o}
}

// sniffHTML reports data that starts like an HTML document.
func sniffHTML(data []byte) bool {
	head := strings.ToLower(strings.TrimSpace(string(data[:min(len(data), 512)])))
	head = strings.TrimPrefix(head, "\ufeff")
	return strings.HasPrefix(head, "<!doctype html") || strings.HasPrefix(head, "<html")
}

// unprefix drops "ingest: name: " from a ParseFile error for the outcome line.
func unprefix(err error, name string) error {
	msg := strings.TrimPrefix(err.Error(), "ingest: "+name+": ")
	if msg == err.Error() {
		return err
	}
	return &wrapped{msg: msg, err: err}
}

// fileSource returns (creating once) the local source named name. Local
// files are the operator's own: briefings may quote their text.
func (in *Ingester) fileSource(ctx context.Context, name string) (*briefings.Source, error) {
	key := "file:" + strings.ToLower(name)
	return in.cachedSource(ctx, key, func() *briefings.Source {
		return &briefings.Source{Name: name, URL: key, Kind: briefings.SourceFile, Enabled: false, ShowText: true, AllowPrivate: true}
	})
}

func (in *Ingester) cachedSource(ctx context.Context, key string, mk func() *briefings.Source) (*briefings.Source, error) {
	in.srcMu.Lock()
	defer in.srcMu.Unlock()
	if s, ok := in.sources[key]; ok {
		return s, nil
	}
	s := mk()
	s.CreatedAt = in.o.Now().UTC()
	if err := in.st.UpsertSource(ctx, s); err != nil {
		return nil, fmt.Errorf("ingest: source %s: %w", key, err)
	}
	in.sources[key] = s
	return s, nil
}

// warm fills the default story index from the store once.
func (in *Ingester) warm(ctx context.Context) {
	in.warmOnce.Do(func() {
		since := in.o.Now().Add(-in.idx.Window())
		list, err := in.st.ListFingerprints(ctx, since)
		if err != nil {
			in.log.Warn("ingest: warm story index", slog.Any("error", err))
			return
		}
		in.idx.Warm(list)
	})
}

// maxBatch bounds one store transaction of AddAll.
const maxBatch = 200

// Add runs one article through the common path and stores it. a needs a
// Title or a Body (or Teaser), and a SourceID or a SourceName (a local source
// of that name is used). Add fills a's URL (canonical), ContentHash,
// Fingerprint, StoryID (when a matching story is in the index), Summary and
// the Analyzer's fields before the one store call.
func (in *Ingester) Add(ctx context.Context, a *briefings.Article) Outcome {
	return in.AddAll(ctx, []*briefings.Article{a})[0]
}

// AddAll is Add for many articles, with one outcome each in order.
// Articles are stored in transactions of up to 200 (AddArticles); a batch
// ends early where an article belongs to the story of an earlier
// article of the same batch, so story grouping is the same as one by one.
func (in *Ingester) AddAll(ctx context.Context, arts []*briefings.Article) []Outcome {
	outs := make([]Outcome, len(arts))
	ok := make([]bool, len(arts))
	// Each article's signature is computed once, with its fingerprint, and
	// serves every match and the indexing after the store call.
	sigs := make([]*cluster.Signature, len(arts))
	for i, a := range arts {
		outs[i], sigs[i], ok[i] = in.prepare(ctx, a)
	}
	in.warm(ctx)
	in.addMu.Lock()
	defer in.addMu.Unlock()
	var pending []int // indexes into arts
	var local *cluster.Index
	flush := func() {
		if len(pending) == 0 {
			return
		}
		in.store(ctx, arts, sigs, outs, pending)
		pending = pending[:0]
		local = nil
	}
	for i, a := range arts {
		if !ok[i] {
			continue
		}
		if ctx.Err() != nil {
			outs[i] = errOutcome(outs[i].Target, ctx.Err())
			continue
		}
		g := sigOf(a, sigs[i])
		matched := false
		if a.StoryID == 0 {
			if id, found := in.idx.MatchSignature(a, g); found {
				a.StoryID, matched = id, true
				if sameSourcePending(arts, pending, a) {
					// The story holds an article of a's source in this batch,
					// not yet indexed: match again with it indexed, as one by
					// one would (an outlet's own write-up decides).
					flush()
					a.StoryID, matched = 0, false
					if id, found := in.idx.MatchSignature(a, g); found {
						a.StoryID, matched = id, true
					}
				}
			}
		}
		// Does it belong with an article of this batch not yet stored?
		if !matched && local != nil {
			if _, found := local.MatchSignature(a, g); found {
				flush()
				if id, found := in.idx.MatchSignature(a, g); found {
					a.StoryID = id
				}
			}
		}
		if local == nil {
			local = cluster.New(in.idx.Window())
		}
		pending = append(pending, i)
		tmp := *a
		tmp.ID, tmp.StoryID = int64(len(pending)), int64(len(pending))
		local.AddSignature(&tmp, g)
		if len(pending) >= maxBatch {
			flush()
		}
	}
	flush()
	return outs
}

// prepare normalizes and validates a and computes everything stored with
// it; ok is false (with an error outcome) when a cannot be stored.
// earliestPlausible is older than any news feed or web page: a date before
// it (the Unix epoch of a zero timestamp, year one) is a placeholder.
var earliestPlausible = time.Date(1995, 1, 1, 0, 0, 0, 0, time.UTC)

// plausibleDate reports whether t can be when an article was published: not
// a placeholder before earliestPlausible and not later than an hour past now
// (a wrong clock or a typo such as the year 3000). Feed items and pages with
// implausible dates are dated when they were fetched.
func plausibleDate(t, now time.Time) bool {
	return !t.Before(earliestPlausible) && !t.After(now.Add(time.Hour))
}

func (in *Ingester) prepare(ctx context.Context, a *briefings.Article) (Outcome, *cluster.Signature, bool) {
	target := a.URL
	if !normalizeText(a) {
		return errOutcome(target, fmt.Errorf("%w: no title and no text", ErrNoText)), nil, false
	}
	if a.URL != "" {
		a.URL = CanonicalURL(a.URL)
	}
	a.Lang = text.Language(a.Lang, langSample(a))
	out := Outcome{Target: target, Title: a.Title, URL: a.URL}
	now := in.o.Now().UTC()
	if a.FetchedAt.IsZero() {
		a.FetchedAt = now
	}
	// A placeholder date is no date. A date ahead of the clock is left to
	// the readers of feeds and pages, which know it is the publisher's: a
	// local file keeps the date its operator wrote.
	if a.PublishedAt.Before(earliestPlausible) {
		a.PublishedAt, a.DateOnly = a.FetchedAt, false
	}
	if a.SourceID == 0 {
		name := a.SourceName
		if name == "" {
			name = DefaultSourceName
		}
		s, err := in.fileSource(ctx, name)
		if err != nil {
			return errOutcome(target, err), nil, false
		}
		a.SourceID = s.ID
		a.SourceName, a.SourceTopic = s.Name, s.Topic
	}
	prose := a.Body
	if prose == "" {
		prose = a.Teaser
	}
	a.ContentHash = contentHash(a.Title, a.Teaser, a.Body)
	if in.o.Summarizer != nil && len(a.Summary) == 0 && prose != "" {
		a.Summary = in.o.Summarizer.Summarize(a.Title, prose, in.o.SummaryN)
	}
	if in.o.Analyzer != nil {
		in.o.Analyzer.Analyze(a)
	}
	in.classify(a)
	// Reports of different nights (or regions) never share a story, however
	// alike their wording: the fingerprint carries the events the reports
	// identify (AttackReport.StoryKey). A report that names no date gives
	// its key without one ("RU>UA@/Kharkiv"): the index relates it to its
	// source's dated reports by time alone (a channel's update of its post).
	var events []string
	for i := range a.Attacks {
		r := a.Attacks[i]
		if r.Date == "" {
			r.PublishedAt = time.Time{} // no date: the key stays undated
		}
		if k := r.StoryKey(); k != "" && !slices.Contains(events, k) {
			events = append(events, k)
		}
	}
	g := cluster.Prepare(a.Title, prose, events...)
	a.Fingerprint = g.String()
	return out, g, true
}

// classify sets a's relevance and section with the classifier, if any.
func (in *Ingester) classify(a *briefings.Article) {
	if in.o.Classifier == nil {
		return
	}
	d := in.o.Classifier.Classify(a)
	a.Relevance, a.OffTopic, a.Section = d.Relevance, d.OffTopic, d.Section
	if a.SourceTopic == briefings.SourceTopicWar {
		a.OffTopic = false
	}
	in.log.Debug("ingest: classified", slog.String("title", truncateText(a.Title, 120)), slog.Int64("source_id", a.SourceID),
		slog.Float64("relevance", math.Round(a.Relevance*1000)/1000), slog.Bool("off_topic", a.OffTopic), slog.String("section", a.Section),
		slog.Bool("war_source", a.SourceTopic == briefings.SourceTopicWar))
}

// langSample is what an article's language is judged on: its title and
// the start of its text (text.Language reads no more than its first KB).
func langSample(a *briefings.Article) string {
	t := a.Body
	if t == "" {
		t = a.Teaser
	}
	if len(t) > 1024 {
		t = t[:1024]
	}
	return a.Title + "\n" + t
}

// normalizeText cleans a's title, teaser and body as they are stored and
// gives an untitled article its first sentence as title; false when a has
// no title and no text.
func normalizeText(a *briefings.Article) bool {
	a.Title = truncateText(cleanLine(a.Title), 300)
	a.Teaser = truncateText(cleanLine(a.Teaser), maxTeaser)
	a.Body = normalizeBody(a.Body)
	if a.Title == "" && a.Body == "" && a.Teaser == "" {
		return false
	}
	if a.Title == "" {
		if a.Body != "" {
			a.Title = firstSentence(a.Body)
		} else {
			a.Title = firstSentence(a.Teaser)
		}
	}
	return true
}

// sigOf is g when it is still the signature of a's fingerprint, else nil
// (the index then reads the fingerprint itself).
func sigOf(a *briefings.Article, g *cluster.Signature) *cluster.Signature {
	if g == nil || a.Fingerprint != g.String() {
		return nil
	}
	return g
}

// sameSourcePending: an article of the batch waiting to be stored has a's
// source and the story a matched.
func sameSourcePending(arts []*briefings.Article, pending []int, a *briefings.Article) bool {
	for _, j := range pending {
		if b := arts[j]; a.SourceID != 0 && b.SourceID == a.SourceID && b.StoryID == a.StoryID {
			return true
		}
	}
	return false
}

// store writes the articles arts[idx...] (one transaction) and fills their
// outcomes. When a batch fails, its articles are retried one by one so one
// bad article does not sink the others.
func (in *Ingester) store(ctx context.Context, arts []*briefings.Article, sigs []*cluster.Signature, outs []Outcome, idx []int) {
	if len(idx) > 1 {
		list := make([]*briefings.Article, len(idx))
		for k, i := range idx {
			list[k] = arts[i]
		}
		res, err := in.st.AddArticles(ctx, list)
		if err == nil && len(res) == len(list) {
			for k, i := range idx {
				in.result(arts[i], sigs[i], &outs[i], res[k])
			}
			return
		}
		in.log.Warn("ingest: batch failed, adding one by one", slog.Int("articles", len(idx)), slog.Any("error", err))
	}
	for _, i := range idx {
		res, err := in.st.AddArticle(ctx, arts[i])
		if err != nil {
			outs[i] = errOutcome(outs[i].Target, fmt.Errorf("store: %w", err))
			continue
		}
		in.result(arts[i], sigs[i], &outs[i], res)
	}
}

// result turns an AddResult into the outcome and indexes new articles.
func (in *Ingester) result(a *briefings.Article, g *cluster.Signature, out *Outcome, res briefings.AddResult) {
	out.ArticleID, out.StoryID = res.ID, res.StoryID
	switch {
	case !res.Created:
		out.Status = StatusDuplicate
		out.Reason = res.Duplicate
		return
	case res.CopyOf != 0:
		out.Status = StatusCopy
		out.Reason = fmt.Sprintf("of #%d", res.CopyOf)
	default:
		out.Status = StatusNew
	}
	a.ID, a.StoryID = res.ID, res.StoryID
	in.idx.AddSignature(a, sigOf(a, g))
}
