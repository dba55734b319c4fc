package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"log/slog"
	"net/http"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/sitrep/sitrep/bot"
	"github.com/sitrep/sitrep/bot/chart"
	"github.com/sitrep/sitrep/bot/render"
	"github.com/sitrep/sitrep/briefings"
	"github.com/sitrep/sitrep/briefings/classify"
	"github.com/sitrep/sitrep/briefings/digest"
	"github.com/sitrep/sitrep/briefings/extract"
	"github.com/sitrep/sitrep/briefings/ingest"
	"github.com/sitrep/sitrep/briefings/locale"
	"github.com/sitrep/sitrep/briefings/sample"
	"github.com/sitrep/sitrep/briefings/store"
	"github.com/sitrep/sitrep/briefings/summarize"
	"github.com/sitrep/sitrep/config"
)

// Main wires everything; tests build one with their own streams, environment
// and clock and call Run like the command line does.
type Main struct {
	Stdin  io.Reader
	Stdout io.Writer
	Stderr io.Writer
	Getenv func(string) string
	Now    func() time.Time

	Config config.Config
	Logger *slog.Logger
	Store  *store.DB

	// HTTPClient, when set, makes every fetch of ingestion (tests route
	// host names to local servers with it); nil: the ingester's own clients.
	HTTPClient *http.Client

	// JobEvery, when set, runs the scheduled jobs (feed refresh, due digests,
	// alerts) at this period instead of their defaults (tests).
	JobEvery time.Duration

	summarizer *summarize.Summarizer
	analyzer   *extract.Analyzer
	classifier *classify.Classifier
	langs      *bot.Languages
	charts     *chart.Service // /chart, /trend and the weekly chart: one cache
	ingester   *ingest.Ingester
	tmpDir     string
	closers    []func() error
}

// NewMain returns a Main on the process's streams and environment.
func NewMain() *Main {
	return &Main{Stdin: os.Stdin, Stdout: os.Stdout, Stderr: os.Stderr, Getenv: os.Getenv, Now: time.Now}
}

// Close releases what Run opened.
func (m *Main) Close() error {
	var errs []error
	for i := len(m.closers) - 1; i >= 0; i-- {
		errs = append(errs, m.closers[i]())
	}
	m.closers = nil
	return errors.Join(errs...)
}

// Run executes one subcommand.
func (m *Main) Run(ctx context.Context, args []string) error {
	if len(args) == 0 {
		writeUsage(m.Stderr)
		return &exitError{code: 2}
	}
	switch args[0] {
	case "run":
		return m.runBot(ctx, args[1:])
	case "chat":
		return m.runChat(ctx, args[1:])
	case "ingest":
		return m.runIngest(ctx, args[1:])
	case "summarize":
		return m.runSummarize(args[1:])
	case "digest":
		return m.runDigest(ctx, args[1:])
	case "extract":
		return m.runExtract(args[1:])
	case "explain":
		return m.runExplain(args[1:])
	case "config":
		return m.runConfig(args[1:])
	case "sources":
		return m.runSources(ctx, args[1:])
	case "import":
		return m.runImport(ctx, args[1:])
	case "chart":
		return m.runChart(ctx, args[1:])
	case "help", "-h", "--help":
		writeUsage(m.Stdout)
		return nil
	default:
		fmt.Fprintf(m.Stderr, "sitrep: unknown command %q\n\n", args[0])
		writeUsage(m.Stderr)
		return &exitError{code: 2}
	}
}

// common holds the flags every database-backed subcommand takes.
type common struct {
	config string
	db     string
	demo   bool
}

func (m *Main) flags(name string, c *common, withDemo bool) *flag.FlagSet {
	fs := flag.NewFlagSet("sitrep "+name, flag.ContinueOnError)
	fs.SetOutput(m.Stderr)
	fs.StringVar(&c.config, "config", "", "YAML configuration file")
	fs.StringVar(&c.db, "db", "", "SQLite database file (overrides SITREP_DB and the config)")
	if withDemo {
		fs.BoolVar(&c.demo, "demo", false, "run on a temporary database seeded with the bundled sample corpus")
	}
	return fs
}

func parseFlags(fs *flag.FlagSet, args []string) error {
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return &exitError{code: 0}
		}
		return &exitError{code: 2}
	}
	return nil
}

// loadConfig loads and validates the configuration and sets up logging.
func (m *Main) loadConfig(c *common) error {
	cfg, err := config.Load(c.config, m.Getenv)
	if err != nil {
		return err
	}
	if err := cfg.Validate(); err != nil {
		return fmt.Errorf("invalid configuration (run `sitrep config check`):\n%w", err)
	}
	m.Config = cfg
	m.Logger = newLogger(m.Stderr, cfg.LogLevel)
	return nil
}

func newLogger(w io.Writer, level string) *slog.Logger {
	var l slog.Level
	if err := l.UnmarshalText([]byte(level)); err != nil {
		l = slog.LevelInfo
	}
	return slog.New(slog.NewTextHandler(w, &slog.HandlerOptions{Level: l}))
}

// openStore opens the database the flags and configuration name, or a
// temporary SQLite file seeded from the sample corpus with --demo.
func (m *Main) openStore(ctx context.Context, c *common) error {
	dsn := m.Config.DB
	if m.Config.DatabaseURL != "" {
		dsn = m.Config.DatabaseURL
	}
	if c.db != "" {
		dsn = c.db
	}
	if c.demo {
		dir, err := os.MkdirTemp("", "sitrep-demo-")
		if err != nil {
			return fmt.Errorf("demo: %w", err)
		}
		m.tmpDir = dir
		m.closers = append(m.closers, func() error { return os.RemoveAll(dir) })
		dsn = filepath.Join(dir, "demo.db")
	}
	st, err := store.Open(ctx, dsn)
	if err != nil {
		return err
	}
	st.Now = m.clock
	m.Store = st
	m.closers = append(m.closers, st.Close)
	cat, err := locale.New()
	if err != nil {
		return err
	}
	m.langs = &bot.Languages{Catalogue: cat, Default: locale.Lang(m.Config.Locale), Store: st}
	m.charts = &chart.Service{Store: st, Now: m.clock, Cache: &chart.Cache{}}
	m.summarizer = summarize.New()
	m.analyzer = extract.NewAnalyzer()
	if m.classifier, err = classify.New(); err != nil {
		return err
	}
	m.ingester = ingest.New(st, ingest.Options{
		UserAgent:  m.Config.Ingest.UserAgent,
		Timeout:    m.Config.Ingest.Timeout.Duration(),
		MaxBytes:   m.Config.Ingest.MaxBytes,
		Workers:    m.Config.Ingest.Workers,
		Now:        m.clock,
		Logger:     m.Logger,
		Summarizer: m.summarizer,
		Analyzer:   m.analyzer,
		Classifier: m.classifier,
		Stdin:      m.Stdin,
		Interval:   m.Config.Schedule.RefreshInterval.Duration(),
		Client:     m.HTTPClient,
		// The operator's own sources and command line may reach their own
		// network; what chat users name is fetched through the address
		// guard on every call (FetchPublicPage, AddPublicSource).
		AllowPrivate: true,
	})
	if c.demo {
		return m.seedDemo(ctx)
	}
	return nil
}

// seedDemo ingests the bundled sample corpus and moves the demo's clock to
// an hour after the newest sample article, so that "the last 24 hours" is the
// corpus's last day and dates written in the texts ("the night of 13 March")
// stay true. The demo clock then runs at normal speed.
func (m *Main) seedDemo(ctx context.Context) error {
	fsys := sample.FS()
	var arts []*briefings.Article
	for _, name := range sample.Names() {
		data, err := fs.ReadFile(fsys, name)
		if err != nil {
			return fmt.Errorf("demo: %w", err)
		}
		a, err := ingest.ParseFile(name, data)
		if err != nil {
			return fmt.Errorf("demo: %s: %w", name, err)
		}
		arts = append(arts, a)
	}
	var newest time.Time
	for _, a := range arts {
		if a.PublishedAt.After(newest) {
			newest = a.PublishedAt
		}
	}
	realNow, start := m.Now, m.Now()
	base := newest.Add(time.Hour)
	m.Now = func() time.Time { return base.Add(realNow().Sub(start)) }
	primary, err := m.samplePrimaries(ctx)
	if err != nil {
		return err
	}
	sort.SliceStable(arts, func(i, j int) bool { return arts[i].PublishedAt.Before(arts[j].PublishedAt) })
	for _, a := range arts {
		a.SourceID = primary[a.SourceName]
		a.FetchedAt = a.PublishedAt
		if o := m.ingester.Add(ctx, a); o.Status == "error" {
			return fmt.Errorf("demo: %s", o.String())
		}
	}
	m.Logger.Info("demo corpus loaded", slog.Int("articles", len(arts)), slog.Time("demo_clock", base))
	return nil
}

// samplePrimaries stores the sample sources that stand for a military's
// own channel (sample.PrimaryFor) with their primary_for, and returns their
// ids by name; the other samples get a local source each as files do.
func (m *Main) samplePrimaries(ctx context.Context) (map[string]int64, error) {
	ids := map[string]int64{}
	for name, country := range sample.PrimaryFor {
		s := &briefings.Source{Name: name, URL: "sample:" + strings.ToLower(name), Kind: briefings.SourceFile,
			ShowText: true, AllowPrivate: true, PrimaryFor: country, CreatedAt: m.Now().UTC()}
		if err := m.Store.UpsertSource(ctx, s); err != nil {
			return nil, fmt.Errorf("demo: %w", err)
		}
		ids[name] = s.ID
	}
	return ids, nil
}

// clock reads m.Now at call time (the demo moves it after wiring).
func (m *Main) clock() time.Time { return m.Now() }

// setup loads the configuration and opens the store.
func (m *Main) setup(ctx context.Context, c *common) error {
	if err := m.loadConfig(c); err != nil {
		return err
	}
	return m.openStore(ctx, c)
}

func (m *Main) runIngest(ctx context.Context, args []string) error {
	var c common
	fs := m.flags("ingest", &c, false)
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() == 0 {
		fmt.Fprintln(m.Stderr, "usage: sitrep ingest [--config F] SOURCE...  (file, folder, feed URL, page URL, or -)")
		return &exitError{code: 2}
	}
	if err := m.setup(ctx, &c); err != nil {
		return err
	}
	failed := false
	configured := m.configuredSources()
	for _, target := range fs.Args() {
		if cs, ok := ingest.ConfiguredFor(configured, target); ok {
			// A configured source is read as itself (its name, its topic),
			// stored as `sitrep run` stores it.
			if err := m.ingester.SyncSources(ctx, []briefings.Source{cs}); err != nil {
				return err
			}
			target = cs.URL
		}
		outs, err := m.ingester.Ingest(ctx, target)
		for _, o := range outs {
			fmt.Fprintln(m.Stdout, o.String())
		}
		if err != nil {
			failed = true
			if len(outs) == 0 {
				fmt.Fprintf(m.Stdout, "error %s: %v\n", target, err)
			}
		}
	}
	if failed {
		return &exitError{code: 1}
	}
	return nil
}

// maxInput caps what summarize and extract read from a file or stdin.
const maxInput = 10 << 20

// readArticle reads a named file or stdin ("-" or no name), at most maxInput
// bytes, and parses it like `sitrep ingest` does (header lines, HTML).
func (m *Main) readArticle(args []string) (*briefings.Article, error) {
	name := "-"
	if len(args) > 0 {
		name = args[0]
	}
	var r io.Reader = m.Stdin
	if name != "-" {
		f, err := os.Open(name)
		if err != nil {
			return nil, err
		}
		defer f.Close()
		r = f
	}
	data, err := io.ReadAll(io.LimitReader(r, maxInput+1))
	if err != nil {
		return nil, err
	}
	if len(data) > maxInput {
		return nil, fmt.Errorf("%s is larger than %d bytes", name, maxInput)
	}
	if name == "-" {
		name = "stdin.txt"
	}
	return ingest.ParseFile(name, data)
}

func (m *Main) runSummarize(args []string) error {
	fs := flag.NewFlagSet("sitrep summarize", flag.ContinueOnError)
	fs.SetOutput(m.Stderr)
	n := fs.Int("n", 3, "number of sentences")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if *n < 1 || *n > 50 {
		fmt.Fprintln(m.Stderr, "sitrep summarize: -n must be between 1 and 50")
		return &exitError{code: 2}
	}
	a, err := m.readArticle(fs.Args())
	if err != nil {
		return err
	}
	for _, s := range summarize.New().Summarize(a.Title, a.Body, *n) {
		fmt.Fprintln(m.Stdout, s)
	}
	return nil
}

func (m *Main) runExtract(args []string) error {
	fs := flag.NewFlagSet("sitrep extract", flag.ContinueOnError)
	fs.SetOutput(m.Stderr)
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	a, err := m.readArticle(fs.Args())
	if err != nil {
		return err
	}
	text := a.Body
	if a.Title != "" && !strings.HasPrefix(a.Body, a.Title) {
		text = a.Title + "\n\n" + a.Body
	}
	res := extract.Extract(text, a.PublishedAt)
	enc := json.NewEncoder(m.Stdout)
	enc.SetIndent("", "  ")
	return enc.Encode(res)
}

func (m *Main) runDigest(ctx context.Context, args []string) error {
	var c common
	fs := m.flags("digest", &c, true)
	since := fs.String("since", "", "window, e.g. 24h or 7d (default from the config)")
	format := fs.String("format", "text", "text, markdown, html or json")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	switch *format {
	case "text", "markdown", "html", "json":
	default:
		fmt.Fprintf(m.Stderr, "sitrep digest: unknown format %q; use text, markdown, html or json\n", *format)
		return &exitError{code: 2}
	}
	if err := m.setup(ctx, &c); err != nil {
		return err
	}
	window := m.Config.Digest.Since.Duration()
	if *since != "" {
		d, err := briefings.ParseDuration(strings.ToLower(*since))
		if err != nil || d <= 0 {
			fmt.Fprintf(m.Stderr, "sitrep digest: bad --since %q; use e.g. 24h or 7d\n", *since)
			return &exitError{code: 2}
		}
		window = d
	}
	now := m.Now()
	d, err := m.buildDigest(ctx, now.Add(-window), now, nil)
	if err != nil {
		return err
	}
	loc := m.location()
	pr := m.langs.Catalogue.For(m.langs.Default)
	switch *format {
	case "json":
		b, err := digest.JSON(d)
		if err != nil {
			return err
		}
		_, err = m.Stdout.Write(append(b, '\n'))
		return err
	case "markdown":
		fmt.Fprintln(m.Stdout, render.Markdown(bot.DigestReply(pr, d, loc)))
	case "html":
		fmt.Fprintln(m.Stdout, render.HTML(bot.DigestReply(pr, d, loc)))
	default:
		fmt.Fprintln(m.Stdout, render.Text(bot.DigestReply(pr, d, loc)))
	}
	return nil
}

func (m *Main) location() *time.Location {
	if loc, err := time.LoadLocation(m.Config.Schedule.TimeZone); err == nil {
		return loc
	}
	return time.UTC
}

func (m *Main) buildDigest(ctx context.Context, since, until time.Time, topics []briefings.Topic) (*briefings.Digest, error) {
	return digest.Build(ctx, m.Store, m.summarizer, digest.Options{
		Since: since, Until: until, Now: m.Now(), Topics: topics,
		MaxPerSection: m.Config.Digest.MaxPerSection, Sentences: m.Config.Digest.Sentences, Location: m.location(),
		EventLine: extract.LeadEvent, Printer: m.langs.Catalogue.For(m.langs.Default),
	})
}

func (m *Main) runConfig(args []string) error {
	if len(args) == 0 {
		fmt.Fprintln(m.Stderr, "usage: sitrep config check [--config F] | sitrep config example")
		return &exitError{code: 2}
	}
	switch args[0] {
	case "example":
		_, err := m.Stdout.Write(config.Example())
		return err
	case "check":
	default:
		fmt.Fprintf(m.Stderr, "sitrep config: unknown subcommand %q; use check or example\n", args[0])
		return &exitError{code: 2}
	}
	var c common
	fs := m.flags("config check", &c, false)
	if err := parseFlags(fs, args[1:]); err != nil {
		return err
	}
	cfg, err := config.Load(c.config, m.Getenv)
	if err != nil {
		fmt.Fprintln(m.Stdout, err)
		return &exitError{code: 1}
	}
	if err := cfg.Validate(); err != nil {
		fmt.Fprintln(m.Stdout, err)
		return &exitError{code: 1}
	}
	var buf bytes.Buffer
	name := c.config
	if name == "" {
		name = "(defaults)"
	}
	fmt.Fprintf(&buf, "configuration %s is valid: %d sources", name, len(cfg.Sources))
	if cfg.Telegram.Token != "" {
		buf.WriteString(", Telegram")
	}
	if cfg.Discord.Token != "" || cfg.Discord.PublicKey != "" {
		buf.WriteString(", Discord")
	}
	fmt.Fprintln(m.Stdout, buf.String())
	return nil
}
