package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"

	"github.com/sitrep/sitrep/bot"
	"github.com/sitrep/sitrep/bot/chart"
	"github.com/sitrep/sitrep/bot/console"
	"github.com/sitrep/sitrep/bot/discord"
	"github.com/sitrep/sitrep/bot/outbox"
	"github.com/sitrep/sitrep/bot/schedule"
	"github.com/sitrep/sitrep/bot/telegram"
	"github.com/sitrep/sitrep/briefings"
	"github.com/sitrep/sitrep/briefings/digest"
	"github.com/sitrep/sitrep/briefings/ingest"
)

// router builds the command router over the opened store. /digest is
// served from a digestCache: building a digest over thousands of stored
// articles takes hundreds of milliseconds, far over a chat command's budget.
func (m *Main) router(notify func(), stats func(context.Context) []string) *bot.Router {
	cache := newDigestCache(m.clock, m.buildDigest, m.Logger)
	return m.routerWith(cache.get, notify, stats)
}

// routerWith is router with the digest builder given.
func (m *Main) routerWith(build func(ctx context.Context, since, until time.Time, topics []briefings.Topic) (*briefings.Digest, error),
	notify func(), stats func(context.Context) []string) *bot.Router {
	public := ingest.New(m.Store, ingest.Options{
		UserAgent: m.Config.Ingest.UserAgent, Timeout: m.Config.Ingest.Timeout.Duration(),
		MaxBytes: m.Config.Ingest.MaxBytes, Now: m.Now, Logger: m.Logger,
		Summarizer: m.summarizer, Analyzer: m.analyzer, Classifier: m.classifier,
		AllowPrivate: false, // chat users may only make the bot fetch public addresses
	})
	return bot.NewRouter(bot.Deps{
		Store:       m.Store,
		Summarizer:  m.summarizer,
		Digest:      build,
		AttackLines: digest.AttackLines,
		FetchPage:   public.FetchPage,
		AddSource: func(ctx context.Context, raw string) (*briefings.Source, error) {
			return m.addSource(ctx, public, raw)
		},
		NextDigest: func(spec, tz string, after time.Time) (time.Time, error) {
			s, err := schedule.Parse(spec, tz)
			if err != nil {
				return time.Time{}, briefings.Errorf(briefings.EINVALID, "%s", err.Error())
			}
			return s.Next(after), nil
		},
		Stats:    stats,
		Notify:   notify,
		Now:      m.Now,
		Logger:   m.Logger,
		Location: m.location(),
		Charts:   &chart.Service{Store: m.Store, Now: m.clock, Cache: &chart.Cache{}},
	})
}

// addSource adds a public channel ("@name", a t.me link) or a feed: it
// refuses non-public URLs, reads the source once and keeps it only when
// that worked.
func (m *Main) addSource(ctx context.Context, in *ingest.Ingester, raw string) (*briefings.Source, error) {
	s, isChannel := ingest.ChannelSource(raw)
	if !isChannel {
		if err := ingest.CheckPublicURL(raw); err != nil {
			return nil, briefings.Errorf(briefings.EINVALID, "%s", err.Error())
		}
		u, _ := url.Parse(raw)
		s = &briefings.Source{Name: u.Host, URL: raw, Kind: briefings.SourceFeed, Enabled: true}
	}
	if existing, err := m.Store.GetSourceByURL(ctx, s.URL); err == nil {
		return nil, briefings.Errorf(briefings.ECONFLICT, "That source is already #%d.", existing.ID)
	}
	s.NextCheckAt = m.Now()
	if err := m.Store.UpsertSource(ctx, s); err != nil {
		return nil, err
	}
	if _, err := in.RefreshSource(ctx, s); err != nil {
		_ = m.Store.DeleteSource(ctx, s.ID)
		what := "a feed"
		if isChannel {
			what = "that channel's public page"
		}
		return nil, briefings.Errorf(briefings.EINVALID, "I couldn't read %s: %s", what, err.Error())
	}
	if fresh, err := m.Store.GetSource(ctx, s.ID); err == nil {
		s = fresh
	}
	return s, nil
}

// syncSources stores the configured sources (new ones are due at once).
func (m *Main) syncSources(ctx context.Context) error {
	for _, cs := range m.Config.Sources {
		s, err := m.Store.GetSourceByURL(ctx, cs.URL)
		if err != nil {
			if briefings.ErrorCode(err) != briefings.ENOTFOUND {
				return err
			}
			s = &briefings.Source{URL: cs.URL, NextCheckAt: m.Now()}
		}
		s.Name, s.Kind, s.FullText, s.ShowText, s.Interval, s.Lang, s.Enabled = cs.Name, cs.Kind, cs.FullText, cs.ShowText, cs.Interval.Duration(), cs.Lang, true
		s.Topic = cs.SourceTopic()
		s.AllowPrivate = true // the operator's own: it may be on their network
		if s.Kind == "" {
			s.Kind = briefings.SourceFeed
		}
		if err := m.Store.UpsertSource(ctx, s); err != nil {
			return err
		}
	}
	return nil
}

func (m *Main) runChat(ctx context.Context, args []string) error {
	var c common
	fs := m.flags("chat", &c, true)
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if err := m.setup(ctx, &c); err != nil {
		return err
	}
	con := console.New(m.Stdin, m.Stdout)
	m.consoleBanner()
	return con.Run(ctx, m.router(nil, nil))
}

// runBot runs the whole bot: platforms, HTTP server, scheduled jobs and the
// outbox dispatcher. With no platform configured it chats on the console and
// stops at the end of its input.
func (m *Main) runBot(ctx context.Context, args []string) error {
	var c common
	fs := m.flags("run", &c, true)
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if err := m.setup(ctx, &c); err != nil {
		return err
	}
	if !c.demo {
		if err := m.syncSources(ctx); err != nil {
			return err
		}
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()

	reg := prometheus.NewRegistry()
	reg.MustRegister(collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))

	platforms := map[briefings.Platform]bot.Platform{}
	mux := http.NewServeMux()
	var tg *telegram.Bot
	if m.Config.Telegram.Token != "" {
		var err error
		tg, err = telegram.New(ctx, telegram.Config{
			Token: m.Config.Telegram.Token, APIEndpoint: m.Config.Telegram.APIEndpoint,
			WebhookURL: m.Config.Telegram.WebhookURL, WebhookSecret: m.Config.Telegram.WebhookSecret,
			Admins: m.admins("telegram"), Logger: m.Logger,
		})
		if err != nil {
			return fmt.Errorf("telegram: %w", err)
		}
		platforms[tg.Name()] = tg
	}
	var dc *discord.Bot
	if m.Config.Discord.Token != "" || m.Config.Discord.PublicKey != "" {
		var err error
		dc, err = discord.New(discord.Config{
			Token: m.Config.Discord.Token, AppID: m.Config.Discord.AppID, PublicKey: m.Config.Discord.PublicKey,
			APIBase: m.Config.Discord.APIBase, Admins: m.admins("discord"), Logger: m.Logger,
		})
		if err != nil {
			return fmt.Errorf("discord: %w", err)
		}
		platforms[dc.Name()] = dc
	}
	var con *console.Console
	if len(platforms) == 0 {
		con = console.New(m.Stdin, m.Stdout)
		platforms[con.Name()] = con
	}

	del := m.Config.Delivery
	tgLimits := outbox.TelegramLimits()
	if del.TelegramRate > 0 {
		tgLimits.Global = outbox.PerSecond(del.TelegramRate)
	}
	if del.TelegramChatRate > 0 {
		tgLimits.Private = outbox.PerSecond(del.TelegramChatRate)
	}
	if del.TelegramGroupPerMinute > 0 {
		tgLimits.Group = outbox.PerMinute(float64(del.TelegramGroupPerMinute))
	}
	dcLimits := outbox.DiscordLimits()
	if del.DiscordRate > 0 {
		dcLimits.Global = outbox.PerSecond(del.DiscordRate)
	}
	disp := outbox.NewDispatcher(m.Store, platforms, outbox.Options{
		Logger: m.Logger, Now: m.Now, Registry: reg, MaxAttempts: del.MaxAttempts,
		Lease: del.Lease.Duration(), BaseBackoff: del.BackoffBase.Duration(), MaxBackoff: del.BackoffMax.Duration(),
		Limits: map[briefings.Platform]outbox.Limits{briefings.PlatformTelegram: tgLimits, briefings.PlatformDiscord: dcLimits},
	})
	router := m.router(disp.Notify, func(context.Context) []string {
		return []string{fmt.Sprintf("Dispatchers sharing the rate limits: %d", disp.Peers())}
	})

	if tg != nil && m.Config.Telegram.WebhookURL != "" {
		mux.Handle("/telegram/webhook", tg.WebhookHandler(router))
	}
	if dc != nil && m.Config.Discord.PublicKey != "" {
		mux.Handle("/discord/interactions", dc.InteractionsHandler(router))
	}
	mux.HandleFunc("/healthz", func(w http.ResponseWriter, r *http.Request) {
		if err := m.Store.SQL().PingContext(r.Context()); err != nil {
			http.Error(w, "database unavailable", http.StatusServiceUnavailable)
			return
		}
		fmt.Fprintln(w, "ok")
	})
	mux.Handle("/metrics", promhttp.HandlerFor(reg, promhttp.HandlerOpts{}))

	var jobsRef *schedule.Jobs
	jobs, err := schedule.NewJobs(schedule.JobsOptions{
		Store: m.Store, Logger: m.Logger, Now: m.Now, Holder: briefings.NewLeaseHolder(),
		RefreshFeeds: func(ctx context.Context) error {
			return m.refresh(ctx, c.demo, disp.Metrics(), jobsRef, briefings.SourceFeed)
		},
		PollChannels: func(ctx context.Context) error {
			return m.refresh(ctx, c.demo, disp.Metrics(), jobsRef, briefings.SourceChannel)
		},
		PollEvery:    m.JobEvery,
		RefreshEvery: time.Minute,
		DigestsEvery: m.JobEvery,
		AlertEvery:   m.JobEvery,
		BuildDigest:  m.subscriptionPayload,
		Grace:        m.Config.Schedule.Grace.Duration(),
		AfterEnqueue: disp.Notify,
		ScanAlerts: func(ctx context.Context, now time.Time) (int, error) {
			return outbox.EnqueueAlerts(ctx, m.Store, now, m.Config.Alerts.MaxAge.Duration(), func(ev []*briefings.AttackReport) *bot.Reply {
				return bot.AlertReply(ev, m.location())
			})
		},
		Retention: m.Config.Schedule.Retention.Duration(),
	})
	if err != nil {
		return err
	}
	jobsRef = jobs

	var wg sync.WaitGroup
	errc := make(chan error, 8)
	start := func(name string, f func(context.Context) error) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if err := f(ctx); err != nil && !errors.Is(err, context.Canceled) {
				m.Logger.Error("component stopped", slog.String("component", name), slog.Any("error", err))
				errc <- fmt.Errorf("%s: %w", name, err)
			}
		}()
	}
	if m.Config.HTTPAddr != "" {
		srv := &http.Server{Addr: m.Config.HTTPAddr, Handler: mux, ReadHeaderTimeout: 10 * time.Second}
		start("http", func(ctx context.Context) error {
			go func() {
				<-ctx.Done()
				sctx, c := context.WithTimeout(context.Background(), 5*time.Second)
				defer c()
				_ = srv.Shutdown(sctx)
			}()
			m.Logger.Info("http server listening", slog.String("addr", m.Config.HTTPAddr))
			if err := srv.ListenAndServe(); err != nil && !errors.Is(err, http.ErrServerClosed) {
				return err
			}
			return nil
		})
	}
	start("dispatcher", disp.Run)
	jobs.Start(ctx)
	defer jobs.Stop()
	for name, p := range platforms {
		p := p
		if p == bot.Platform(con) {
			continue
		}
		start(string(name), func(ctx context.Context) error { return p.Run(ctx, router) })
	}
	if con != nil {
		// Console mode: chat until the input ends, then shut down cleanly.
		m.consoleBanner()
		err = con.Run(ctx, router)
		cancel()
	} else {
		select {
		case <-ctx.Done():
		case err = <-errc:
			cancel()
		}
	}
	wg.Wait()
	return err
}

// consoleBanner tells a person at the console how to talk to the bot (on
// stderr, so that replies on stdout stay clean for scripts).
func (m *Main) consoleBanner() {
	fmt.Fprintln(m.Stderr, "sitrep console: type one command per line (/help lists them, /digest for a briefing); Ctrl-D quits.")
}

// refresh fetches the due sources of one kind and wakes the alert scan when
// any was read (new reports alert now, not at the next scan).
func (m *Main) refresh(ctx context.Context, demo bool, met *outbox.Metrics, jobs *schedule.Jobs, kind string) error {
	if demo {
		return nil // the demo never touches the network
	}
	n, err := m.ingester.RefreshDue(ctx, kind)
	m.countFetchErrors(ctx, met)
	if n > 0 && jobs != nil {
		jobs.WakeAlerts()
	}
	return err
}

// subscriptionPayload renders a subscription's digest for one slot as the
// outbox payload (a JSON bot.Reply).
func (m *Main) subscriptionPayload(ctx context.Context, sub *briefings.Subscription, slot time.Time) ([]byte, error) {
	loc, err := time.LoadLocation(sub.TimeZone)
	if err != nil {
		loc = time.UTC
	}
	d, err := m.buildDigest(ctx, slot.Add(-24*time.Hour), slot, sub.Topics)
	if err != nil {
		return nil, err
	}
	return json.Marshal(bot.DigestReply(d, loc))
}

// countFetchErrors exports each source's consecutive fetch errors as the
// feed fetch error metric (the counter grows by the errors since last seen).
func (m *Main) countFetchErrors(ctx context.Context, met *outbox.Metrics) {
	if met == nil || met.FeedFetchErrors == nil {
		return
	}
	srcs, err := m.Store.ListSources(ctx)
	if err != nil {
		return
	}
	m.fetchErrMu.Lock()
	defer m.fetchErrMu.Unlock()
	if m.fetchErrSeen == nil {
		m.fetchErrSeen = map[int64]int{}
	}
	for _, s := range srcs {
		if d := s.ErrorCount - m.fetchErrSeen[s.ID]; d > 0 {
			met.FeedFetchErrors.WithLabelValues(s.Name).Add(float64(d))
		}
		m.fetchErrSeen[s.ID] = s.ErrorCount
	}
}

// admins returns the user ids of SITREP_ADMINS for one platform: entries
// written "platform:id" and bare ids.
func (m *Main) admins(platform string) map[string]bool {
	out := map[string]bool{}
	for _, a := range m.Config.Admins {
		if p, id, ok := strings.Cut(a, ":"); ok {
			if p == platform {
				out[id] = true
			}
			continue
		}
		out[a] = true
	}
	return out
}

// Digest cache timing: a cached digest is served as is for digestFresh;
// until digestStale it is still served while one rebuild runs in the
// background; older ones are rebuilt before answering.
const (
	digestFresh = time.Minute
	digestStale = 15 * time.Minute
	// digestRebuildTimeout bounds a background rebuild.
	digestRebuildTimeout = time.Minute
	// digestCacheMax bounds the number of cached windows.
	digestCacheMax = 64
)

// digestCache serves chat digests ("the last 24 hours") from recent builds:
// keyed by window length and topics, fresh for a minute (feeds refresh
// every few minutes at most), then refreshed in the background while the
// previous build is still served. Concurrent misses of one key share one
// build.
type digestCache struct {
	now   func() time.Time
	build func(ctx context.Context, since, until time.Time, topics []briefings.Topic) (*briefings.Digest, error)
	log   *slog.Logger

	mu      sync.Mutex
	entries map[string]*digestEntry
}

type digestEntry struct {
	d       *briefings.Digest
	builtAt time.Time
	// building is closed when the running build ends (nil when none runs).
	building chan struct{}
	err      error
}

func newDigestCache(now func() time.Time, build func(ctx context.Context, since, until time.Time, topics []briefings.Topic) (*briefings.Digest, error), log *slog.Logger) *digestCache {
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	return &digestCache{now: now, build: build, log: log, entries: map[string]*digestEntry{}}
}

// get returns the digest of [since, until) for topics: a cached one of the
// same window length when recent enough. The digest is shared: callers must
// not modify it.
func (c *digestCache) get(ctx context.Context, since, until time.Time, topics []briefings.Topic) (*briefings.Digest, error) {
	key := until.Sub(since).String() + "\x00" + strings.Join(briefings.TopicStrings(topics), ",")
	for {
		c.mu.Lock()
		e := c.entries[key]
		if e == nil {
			if len(c.entries) >= digestCacheMax {
				// Odd periods ("/digest 13h") make keys of their own:
				// forget the idle entries rather than grow without bound.
				for k, old := range c.entries {
					if old.building == nil {
						delete(c.entries, k)
					}
				}
			}
			e = &digestEntry{}
			c.entries[key] = e
		}
		now := c.now()
		age := now.Sub(e.builtAt)
		switch {
		case e.d != nil && age < digestFresh:
			d := e.d
			c.mu.Unlock()
			return d, nil
		case e.d != nil && age < digestStale:
			d := e.d
			if e.building == nil {
				e.building = make(chan struct{})
				go c.rebuild(key, e, until.Sub(since), topics)
			}
			c.mu.Unlock()
			return d, nil
		case e.building != nil:
			wait := e.building
			c.mu.Unlock()
			select {
			case <-wait:
			case <-ctx.Done():
				return nil, ctx.Err()
			}
			c.mu.Lock()
			err := e.err
			fresh := e.d != nil && c.now().Sub(e.builtAt) < digestFresh
			c.mu.Unlock()
			if err != nil && !fresh {
				if errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
					continue // the builder's request gave up; build for this one
				}
				return nil, err
			}
			continue
		default:
			e.building = make(chan struct{})
			c.mu.Unlock()
			return c.buildInto(ctx, e, since, until, topics, now)
		}
	}
}

// buildInto builds a digest and records it in e, also when the build
// panics (the router recovers; the waiters must still wake).
func (c *digestCache) buildInto(ctx context.Context, e *digestEntry, since, until time.Time, topics []briefings.Topic, now time.Time) (d *briefings.Digest, err error) {
	err = errors.New("digest cache: build panicked")
	defer func() { c.finish(e, d, now, err) }()
	return c.build(ctx, since, until, topics)
}

// rebuild refreshes a stale entry in the background.
func (c *digestCache) rebuild(key string, e *digestEntry, window time.Duration, topics []briefings.Topic) {
	defer func() {
		if p := recover(); p != nil {
			c.log.Error("digest cache: rebuild panicked", slog.String("key", key), slog.Any("panic", p))
		}
	}()
	ctx, cancel := context.WithTimeout(context.Background(), digestRebuildTimeout)
	defer cancel()
	now := c.now()
	if _, err := c.buildInto(ctx, e, now.Add(-window), now, topics, now); err != nil {
		c.log.Warn("digest cache: rebuild failed", slog.String("key", key), slog.Any("error", err))
	}
}

// finish records a build's result (a failed build keeps the previous
// digest) and wakes its waiters.
func (c *digestCache) finish(e *digestEntry, d *briefings.Digest, builtAt time.Time, err error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	e.err = err
	if err == nil {
		e.d, e.builtAt = d, builtAt
	}
	close(e.building)
	e.building = nil
}
