package main

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"sync/atomic"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"

	"github.com/sitrep/sitrep/bot"
	"github.com/sitrep/sitrep/bot/console"
	"github.com/sitrep/sitrep/bot/discord"
	"github.com/sitrep/sitrep/bot/outbox"
	"github.com/sitrep/sitrep/bot/schedule"
	"github.com/sitrep/sitrep/bot/supervise"
	"github.com/sitrep/sitrep/bot/telegram"
	"github.com/sitrep/sitrep/briefings"
	"github.com/sitrep/sitrep/briefings/digest"
	"github.com/sitrep/sitrep/briefings/ingest"
)

// router builds the command router over the opened store: /digest served
// from a digest cache, pages and sources chat users name fetched by the
// process's one ingester through its address guard.
func (m *Main) router(notify func(), stats func(context.Context) []string) *bot.Router {
	return m.routerWith(digest.NewCache(m.buildDigest, m.clock, m.Logger).Get, notify, stats)
}

// routerWith is router with the digest builder given.
func (m *Main) routerWith(build digest.BuildFunc, notify func(), stats func(context.Context) []string) *bot.Router {
	return bot.NewRouter(bot.Deps{
		Store:       m.Store,
		Summarizer:  m.summarizer,
		Digest:      build,
		AttackLines: digest.AttackEvents,
		Langs:       m.langs,
		FetchPage:   m.ingester.FetchPublicPage,
		AddSource:   m.ingester.AddPublicSource,
		FetchFile:   m.ingester.FetchPublicFile,
		CheckURL:    ingest.CheckPublicURL,
		NextDigest:  nextDigest,
		Stats:       stats,
		Notify:      notify,
		Now:         m.Now,
		Logger:      m.Logger,
		Location:    m.location(),
		Charts:      m.charts,
	})
}

// nextDigest is a schedule's first slot after `after`.
func nextDigest(spec, tz string, after time.Time) (time.Time, error) {
	s, err := schedule.Parse(spec, tz)
	if err != nil {
		return time.Time{}, err // EINVALID, with its message in the chat catalogue
	}
	return s.Next(after), nil
}

// configuredSources are the configuration's sources.
func (m *Main) configuredSources() []briefings.Source {
	out := make([]briefings.Source, len(m.Config.Sources))
	for i, cs := range m.Config.Sources {
		out[i] = briefings.Source{Name: cs.Name, URL: cs.URL, Kind: cs.Kind, FullText: cs.FullText, ShowText: cs.ShowText,
			Interval: cs.Interval.Duration(), Lang: cs.Lang, Topic: cs.SourceTopic(), PrimaryFor: cs.PrimaryFor}
	}
	return out
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
	con.TimeZone = m.location().String()
	m.consoleBanner()
	return con.Run(ctx, m.router(nil, nil))
}

// runBot runs the whole bot: platforms, HTTP server, scheduled jobs and the
// outbox dispatcher, each a supervised component (a passing fault restarts
// it, a refused token stops it). With no platform configured it chats on
// the console and stops at the end of its input.
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
		if err := m.ingester.SyncSources(ctx, m.configuredSources()); err != nil {
			return err
		}
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	reg := prometheus.NewRegistry()
	reg.MustRegister(collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	delivery := m.deliveryOptions(reg)
	chats, err := m.chats(delivery.Budgets[briefings.PlatformTelegram])
	if err != nil {
		return err
	}
	disp := outbox.NewDispatcher(m.Store, chats.outbox, delivery)
	router := m.router(disp.Notify, func(context.Context) []string {
		return []string{fmt.Sprintf("Dispatchers sharing the rate limits: %d", disp.Peers())}
	})
	jobs, err := m.jobs(disp, c.demo)
	if err != nil {
		return err
	}
	sup := supervise.New(supervise.Options{Logger: m.Logger, Registry: reg})
	if m.Config.HTTPAddr != "" {
		sup.Add(supervise.Component{Name: "http", Run: m.serveHTTP(m.httpHandler(chats, router, reg, sup))})
	}
	sup.Add(supervise.Component{Name: "dispatcher", Required: true, Run: func(ctx context.Context, up func()) error {
		up()
		return disp.Run(ctx)
	}})
	sup.Add(supervise.Component{Name: "scheduler", Run: func(ctx context.Context, up func()) error {
		jobs.Start(ctx)
		up()
		<-ctx.Done()
		jobs.Stop()
		return nil
	}})
	for _, comp := range chats.components(router) {
		sup.Add(comp)
	}
	if chats.console == nil {
		return sup.Run(ctx)
	}
	// Console mode: chat until the input ends, then shut down cleanly.
	done := make(chan error, 1)
	go func() { done <- sup.Run(ctx) }()
	m.consoleBanner()
	err = chats.console.Run(ctx, router)
	cancel()
	if serr := <-done; err == nil {
		err = serr
	}
	return err
}

// chatPlatforms are the platforms `sitrep run` talks on: the configured
// ones, or the console when there is none.
type chatPlatforms struct {
	// outbox is what the dispatcher sends through: per platform, a stand-in
	// that is up while its supervised adapter is.
	outbox  map[briefings.Platform]bot.Platform
	tgCfg   *telegram.Config
	tg      atomic.Pointer[telegram.Bot] // the connected adapter, nil while down
	dc      *discord.Bot
	console *console.Console
}

// chats prepares the adapters of the configured platforms; nothing is
// contacted yet (each adapter connects in its component). Telegram's
// replies are paced by tgBudget, the budget the dispatcher sends from.
func (m *Main) chats(tgBudget *outbox.Budget) (*chatPlatforms, error) {
	out := &chatPlatforms{outbox: map[briefings.Platform]bot.Platform{}}
	if cfg := m.Config.Telegram; cfg.Token != "" {
		out.tgCfg = &telegram.Config{Token: cfg.Token, APIEndpoint: cfg.APIEndpoint,
			WebhookURL: cfg.WebhookURL, WebhookSecret: cfg.WebhookSecret,
			Admins: m.Config.AdminIDs(string(briefings.PlatformTelegram)), Logger: m.Logger,
			Catalogue: m.langs.Catalogue, Lang: m.langs.Default, Pacer: tgBudget}
		out.outbox[briefings.PlatformTelegram] = supervise.NewPlatform(briefings.PlatformTelegram)
	}
	if cfg := m.Config.Discord; cfg.Token != "" || cfg.PublicKey != "" {
		dc, err := discord.New(discord.Config{Token: cfg.Token, AppID: cfg.AppID, PublicKey: cfg.PublicKey,
			APIBase: cfg.APIBase, Admins: m.Config.AdminIDs(string(briefings.PlatformDiscord)), Logger: m.Logger,
			Catalogue: m.langs.Catalogue})
		if err != nil {
			return nil, fmt.Errorf("discord: %w", err)
		}
		out.dc = dc
		out.outbox[dc.Name()] = supervise.NewPlatform(dc.Name())
	}
	if len(out.outbox) == 0 {
		out.console = console.New(m.Stdin, m.Stdout)
		out.console.TimeZone = m.location().String()
		out.outbox[out.console.Name()] = out.console
	}
	return out, nil
}

// components are the supervised adapters: each connects (Telegram's getMe,
// Discord's command registration), is marked up for the outbox, and serves
// until ctx ends; a failure restarts it alone.
func (c *chatPlatforms) components(router bot.Handler) []supervise.Component {
	var out []supervise.Component
	if c.tgCfg != nil {
		slot := c.outbox[briefings.PlatformTelegram].(*supervise.Platform)
		out = append(out, supervise.Component{Name: string(briefings.PlatformTelegram), Serves: true,
			Run: func(ctx context.Context, up func()) error {
				tg, err := telegram.New(ctx, *c.tgCfg)
				if err != nil {
					return err
				}
				c.tg.Store(tg)
				slot.Set(tg)
				defer func() { slot.Set(nil); c.tg.Store(nil) }()
				up()
				return tg.Run(ctx, router)
			}})
	}
	if c.dc != nil {
		slot := c.outbox[c.dc.Name()].(*supervise.Platform)
		out = append(out, supervise.Component{Name: string(c.dc.Name()), Serves: true,
			Run: func(ctx context.Context, up func()) error {
				if err := c.dc.Start(ctx); err != nil {
					return err
				}
				slot.Set(c.dc)
				defer slot.Set(nil)
				up()
				return c.dc.Serve(ctx, router)
			}})
	}
	return out
}

// httpHandler is the bot's HTTP server: health, metrics, and the
// platforms' webhooks when configured.
func (m *Main) httpHandler(c *chatPlatforms, router bot.Handler, reg *prometheus.Registry, sup *supervise.Supervisor) http.Handler {
	mux := http.NewServeMux()
	if c.tgCfg != nil && c.tgCfg.WebhookURL != "" {
		mux.HandleFunc("/telegram/webhook", func(w http.ResponseWriter, r *http.Request) {
			tg := c.tg.Load()
			if tg == nil {
				http.Error(w, "telegram adapter not connected", http.StatusServiceUnavailable)
				return
			}
			tg.WebhookHandler(router).ServeHTTP(w, r)
		})
	}
	if c.dc != nil && m.Config.Discord.PublicKey != "" {
		mux.Handle("/discord/interactions", c.dc.InteractionsHandler(router))
	}
	mux.Handle("/healthz", sup.Handler(supervise.Check{Name: "database", Probe: m.Store.SQL().PingContext}))
	mux.Handle("/metrics", promhttp.HandlerFor(reg, promhttp.HandlerOpts{}))
	return mux
}

// serveHTTP runs the HTTP server on the configured address until ctx ends.
func (m *Main) serveHTTP(h http.Handler) func(ctx context.Context, up func()) error {
	return func(ctx context.Context, up func()) error {
		ln, err := net.Listen("tcp", m.Config.HTTPAddr)
		if err != nil {
			return err
		}
		srv := &http.Server{Handler: h, ReadHeaderTimeout: 10 * time.Second}
		go func() {
			<-ctx.Done()
			sctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
			defer cancel()
			_ = srv.Shutdown(sctx)
		}()
		m.Logger.Info("http server listening", slog.String("addr", m.Config.HTTPAddr))
		up()
		if err := srv.Serve(ln); err != nil && !errors.Is(err, http.ErrServerClosed) {
			return err
		}
		return nil
	}
}

// deliveryOptions are the dispatcher's options from the delivery settings.
func (m *Main) deliveryOptions(reg prometheus.Registerer) outbox.Options {
	del := m.Config.Delivery
	tg := outbox.TelegramLimits()
	if del.TelegramRate > 0 {
		tg.Global = outbox.PerSecond(del.TelegramRate)
	}
	if del.TelegramChatRate > 0 {
		tg.Private = outbox.PerSecond(del.TelegramChatRate)
	}
	if del.TelegramGroupPerMinute > 0 {
		tg.Group = outbox.PerMinute(float64(del.TelegramGroupPerMinute))
	}
	dc := outbox.DiscordLimits()
	if del.DiscordRate > 0 {
		dc.Global = outbox.PerSecond(del.DiscordRate)
	}
	// One budget per bot token: the dispatcher's sends and the adapter's
	// replies (Telegram's) are paced from the same one.
	return outbox.Options{
		Logger: m.Logger, Now: m.Now, Registry: reg, MaxAttempts: del.MaxAttempts,
		Lease: del.Lease.Duration(), BaseBackoff: del.BackoffBase.Duration(), MaxBackoff: del.BackoffMax.Duration(),
		Budgets: map[briefings.Platform]*outbox.Budget{
			briefings.PlatformTelegram: outbox.NewBudget(tg, 0, m.Now),
			briefings.PlatformDiscord:  outbox.NewBudget(dc, 0, m.Now),
		},
	}
}

// jobs builds the scheduled jobs: feed and channel refresh, due digests,
// alerts and retention; what they enqueue wakes the dispatcher.
func (m *Main) jobs(disp *outbox.Dispatcher, demo bool) (*schedule.Jobs, error) {
	var jobs *schedule.Jobs
	refresh := func(kind string) func(ctx context.Context) error {
		return func(ctx context.Context) error {
			if demo {
				return nil // the demo never touches the network
			}
			n, err := m.ingester.RefreshDue(ctx, kind)
			if srcs, lerr := m.Store.ListSources(ctx); lerr == nil {
				disp.Metrics().CountFetchErrors(srcs)
			}
			if n > 0 && jobs != nil {
				jobs.WakeAlerts() // new reports alert now, not at the next scan
			}
			return err
		}
	}
	jobs, err := schedule.NewJobs(schedule.JobsOptions{
		Store: m.Store, Logger: m.Logger, Now: m.Now, Holder: briefings.NewLeaseHolder(),
		RefreshFeeds: refresh(briefings.SourceFeed), RefreshEvery: time.Minute,
		PollChannels: func(ctx context.Context) (time.Time, error) {
			err := refresh(briefings.SourceChannel)(ctx)
			next, nerr := m.ingester.NextDue(ctx, briefings.SourceChannel)
			return next, errors.Join(err, nerr)
		},
		PollEvery:   m.JobEvery,
		BuildDigest: m.subscriptionPayload, DigestsEvery: m.JobEvery, Grace: m.Config.Schedule.Grace.Duration(),
		WeeklyChart:  m.weeklyChartPayload,
		AfterEnqueue: disp.Notify,
		ScanAlerts: func(ctx context.Context, now time.Time) (int, error) {
			return outbox.EnqueueAlerts(ctx, m.Store, now, m.Config.Alerts.MaxAge.Duration(), func(chat briefings.Chat, ev []*briefings.AttackReport) *bot.Reply {
				return bot.AlertReply(m.langs.Printer(ctx, chat, ""), ev, m.location())
			})
		},
		AlertEvery: m.JobEvery,
		Retention:  m.Config.Schedule.Retention.Duration(),
	})
	return jobs, err
}

// consoleBanner tells a person at the console how to talk to the bot (on
// stderr, so that replies on stdout stay clean for scripts).
func (m *Main) consoleBanner() {
	fmt.Fprintln(m.Stderr, "sitrep console: type one command per line (/help lists them, /digest for a briefing); Ctrl-D quits.")
}

// weeklyChartPayload renders the weekly chart of the week starting monday
// as the outbox payload, in the language scheduled digests speak; nil when
// the week has no figures.
func (m *Main) weeklyChartPayload(ctx context.Context, monday string) ([]byte, error) {
	rep, err := bot.WeeklyChart(ctx, m.charts, m.langs.Printer(ctx, briefings.Chat{}, ""), monday)
	if err != nil || rep == nil {
		return nil, err
	}
	return outbox.EncodePayload(rep)
}

// subscriptionPayload renders a subscription's digest for one slot as the
// outbox payload.
func (m *Main) subscriptionPayload(ctx context.Context, sub *briefings.Subscription, slot time.Time) ([]byte, error) {
	loc, err := time.LoadLocation(sub.TimeZone)
	if err != nil {
		loc = time.UTC
	}
	d, err := m.buildDigest(ctx, slot.Add(-24*time.Hour), slot, sub.Topics)
	if err != nil {
		return nil, err
	}
	return outbox.EncodePayload(m.langs.DigestFor(ctx, sub.Chat, "", d, loc))
}
