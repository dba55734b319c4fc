// Package telegram is sitrep's Telegram adapter: long polling or a webhook for
// incoming commands, HTML replies split to Telegram's limits, inline keyboards,
// and classified send errors for the delivery dispatcher.
package telegram

import (
	"context"
	"crypto/subtle"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	tgbotapi "github.com/go-telegram-bot-api/telegram-bot-api/v5"

	"github.com/sitrep/sitrep/bot"
	"github.com/sitrep/sitrep/briefings"
	"github.com/sitrep/sitrep/briefings/locale"
)

// Name is the platform name used in briefings.Chat and logs.
const Name = briefings.PlatformTelegram

// DefaultAPIEndpoint is Telegram's Bot API.
const DefaultAPIEndpoint = "https://api.telegram.org"

// SecretHeader carries the webhook secret on every webhook request.
const SecretHeader = "X-Telegram-Bot-Api-Secret-Token"

// Config configures a Bot. Only Token is required.
type Config struct {
	Token string
	// APIEndpoint is the Bot API base URL without a trailing slash
	// (SITREP_TELEGRAM_API_ENDPOINT); default DefaultAPIEndpoint.
	APIEndpoint string
	// WebhookURL switches Run to webhook mode (SITREP_TELEGRAM_WEBHOOK_URL);
	// WebhookSecret is sent by Telegram in SecretHeader
	// (SITREP_TELEGRAM_WEBHOOK_SECRET: 1-256 of A-Z a-z 0-9 _ -).
	WebhookURL    string
	WebhookSecret string
	// Admins holds the Telegram user ids of SITREP_ADMINS.
	Admins map[string]bool
	// Catalogue, when set, gives the command menu in each of its languages
	// (setMyCommands per language_code); Lang is the default language's.
	Catalogue *locale.Catalogue
	Lang      locale.Lang
	Logger    *slog.Logger
	Client    *http.Client
	// RequestTimeout bounds each Bot API request made without a deadline of
	// its own (getMe at start, the outbox's sends): a connection that never
	// answers fails as a timeout, which is tried again, instead of waiting
	// for ever. Default 60s. getUpdates runs under its poll deadline.
	RequestTimeout time.Duration
	// PollTimeout is the long-poll timeout in seconds: 0 means 30, negative
	// means short polling. Client must not time out before it.
	PollTimeout int
	// PollIdle is the pause after an empty getUpdates answer that came back
	// before the poll timeout (servers that do not long-poll, such as the
	// test emulator); default 250ms.
	PollIdle time.Duration
	// Workers bounds how many chats are served at once (default 8); updates of
	// one chat are always handled in order.
	Workers int
	// Now is the clock (default time.Now).
	Now func() time.Time
	// Pacer, when set, spaces the bot's replies (messages, edits, callback
	// answers) under Telegram's limits in the budget the outbox dispatcher
	// sends from too (one budget per bot token); replies refused with a 429
	// or a passing failure are tried again. Nil: replies go at once and are
	// tried again all the same.
	Pacer bot.Pacer
	// Observe, if set, is called after each interactive reply (for metrics
	// and benchmarks): the command word ("/digest", or "callback"), the
	// time from the handler's start to the last part sent, and the error.
	Observe func(command string, took time.Duration, err error)
}

// LogValue keeps the token and the webhook secret out of logs.
func (c Config) LogValue() slog.Value {
	return slog.GroupValue(
		slog.String("api_endpoint", c.APIEndpoint),
		slog.Bool("webhook", c.WebhookURL != ""),
		slog.Int("admins", len(c.Admins)),
		slog.Int("poll_timeout", c.PollTimeout),
	)
}

// String keeps the token and the webhook secret out of %v.
func (c Config) String() string {
	return fmt.Sprintf("telegram.Config{APIEndpoint: %q, Webhook: %v, Token: %s}", c.APIEndpoint, c.WebhookURL != "", redacted)
}

// Bot is a Telegram bot.Platform.
type Bot struct {
	cfg      Config
	api      *tgbotapi.BotAPI
	log      *slog.Logger
	username string
	chunks   func(*bot.Reply) []string
	members  *memberCache
	origins  *originCache
	disp     *dispatcher
}

var _ bot.Platform = (*Bot)(nil)

// ctxDoer runs tgbotapi's requests (which carry no context) under ctx, and
// turns HTTP failures without a Bot API answer into *statusError.
// A request under a ctx without a deadline gets timeout.
type ctxDoer struct {
	ctx     context.Context
	c       *http.Client
	timeout time.Duration
}

func (d ctxDoer) Do(req *http.Request) (*http.Response, error) {
	ctx, cancel := d.ctx, context.CancelFunc(func() {})
	if _, ok := ctx.Deadline(); !ok && d.timeout > 0 {
		ctx, cancel = context.WithTimeout(ctx, d.timeout)
	}
	resp, err := d.c.Do(req.WithContext(ctx))
	if err != nil {
		cancel()
		return nil, err
	}
	resp.Body = cancelCloser{resp.Body, cancel} // the body is read under ctx too
	isJSON := strings.HasPrefix(resp.Header.Get("Content-Type"), "application/json")
	if resp.StatusCode >= 500 || resp.StatusCode >= 300 && !isJSON {
		// Bot API errors (400, 403, 429) come as JSON and tgbotapi decodes
		// them into *tgbotapi.Error; a server failure or a non-API answer is
		// reported by its status.
		body, _ := io.ReadAll(io.LimitReader(resp.Body, 256))
		resp.Body.Close()
		retry, _ := strconv.Atoi(resp.Header.Get("Retry-After"))
		return nil, &statusError{Code: resp.StatusCode, Body: strings.TrimSpace(string(body)), RetryAfter: retry}
	}
	resp.Body = drainCloser{resp.Body}
	return resp, nil
}

// cancelCloser ends a request's context when its body is closed.
type cancelCloser struct {
	io.ReadCloser
	cancel context.CancelFunc
}

func (c cancelCloser) Close() error {
	err := c.ReadCloser.Close()
	c.cancel()
	return err
}

// drainCloser reads what tgbotapi's JSON decoder left unread before closing,
// so the keep-alive connection is reused instead of redialled per call.
type drainCloser struct{ io.ReadCloser }

func (d drainCloser) Close() error {
	_, _ = io.Copy(io.Discard, io.LimitReader(d.ReadCloser, 64<<10))
	return d.ReadCloser.Close()
}

// New checks the token with getMe and returns a Bot.
func New(ctx context.Context, cfg Config) (*Bot, error) {
	if cfg.Token == "" {
		return nil, errors.New("telegram: no token")
	}
	if cfg.APIEndpoint == "" {
		cfg.APIEndpoint = DefaultAPIEndpoint
	}
	cfg.APIEndpoint = strings.TrimRight(cfg.APIEndpoint, "/")
	if cfg.Client == nil {
		cfg.Client = &http.Client{}
	}
	if cfg.RequestTimeout <= 0 {
		cfg.RequestTimeout = 60 * time.Second
	}
	if cfg.Logger == nil {
		cfg.Logger = slog.New(slog.DiscardHandler)
	}
	if cfg.PollTimeout < 0 {
		cfg.PollTimeout = 0
	} else if cfg.PollTimeout == 0 {
		cfg.PollTimeout = 30
	}
	if cfg.PollIdle <= 0 {
		cfg.PollIdle = 250 * time.Millisecond
	}
	if cfg.Workers <= 0 {
		cfg.Workers = 8
	}
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	if cfg.WebhookURL != "" {
		if err := validSecret(cfg.WebhookSecret); err != nil {
			return nil, err
		}
	}
	format := cfg.APIEndpoint + "/bot%s/%s"
	if strings.Contains(cfg.APIEndpoint, "%s") {
		format = cfg.APIEndpoint // already tgbotapi's ".../bot%s/%s" form
	}
	if u, err := url.Parse(strings.ReplaceAll(format, "%s", "x")); err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return nil, fmt.Errorf("telegram: bad API endpoint %q: want http(s)://host[:port]", cfg.APIEndpoint)
	}
	api, err := tgbotapi.NewBotAPIWithClient(cfg.Token, format, ctxDoer{ctx: ctx, c: cfg.Client, timeout: cfg.RequestTimeout})
	if err != nil {
		return nil, permanent(fmt.Errorf("telegram: getMe: %w", redact(err, cfg.Token)))
	}
	b := &Bot{
		cfg:      cfg,
		api:      api,
		log:      cfg.Logger.With(slog.String("platform", string(Name))),
		username: api.Self.UserName,
		chunks:   renderChunks,
		members:  newMemberCache(cfg.Now, time.Minute),
		origins:  newOriginCache(),
	}
	b.disp = newDispatcher(cfg.Workers)
	return b, nil
}

// validSecret checks Telegram's rules for secret_token.
func validSecret(s string) error {
	if len(s) < 1 || len(s) > 256 {
		return errors.New("telegram: webhook secret must be 1-256 characters")
	}
	for _, r := range s {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '_' || r == '-') {
			return errors.New("telegram: webhook secret may hold only A-Z, a-z, 0-9, _ and -")
		}
	}
	return nil
}

// Name returns "telegram".
func (b *Bot) Name() briefings.Platform { return Name }

// Username is the bot's @username from getMe.
func (b *Bot) Username() string { return b.username }

// with returns an API client whose requests run under ctx.
func (b *Bot) with(ctx context.Context) *tgbotapi.BotAPI {
	cp := *b.api
	cp.Client = ctxDoer{ctx: ctx, c: b.cfg.Client, timeout: b.cfg.RequestTimeout}
	return &cp
}

// request calls a method and returns a redacted error.
func (b *Bot) request(ctx context.Context, c tgbotapi.Chattable) (*tgbotapi.APIResponse, error) {
	resp, err := b.with(ctx).Request(c)
	return resp, redact(err, b.cfg.Token)
}

// call calls a raw method with params (for fields tgbotapi lacks).
func (b *Bot) call(ctx context.Context, method string, p tgbotapi.Params) (*tgbotapi.APIResponse, error) {
	resp, err := b.with(ctx).MakeRequest(method, p)
	return resp, redact(err, b.cfg.Token)
}

// Run registers the command menu and then receives updates until ctx ends:
// by long polling, or, with a WebhookURL, by registering the webhook and
// waiting (updates then arrive through WebhookHandler). It returns nil when
// ctx ends.
func (b *Bot) Run(ctx context.Context, h bot.Handler) error {
	b.setCommands(ctx)
	if b.cfg.WebhookURL != "" {
		p := tgbotapi.Params{"url": b.cfg.WebhookURL, "secret_token": b.cfg.WebhookSecret}
		_ = p.AddInterface("allowed_updates", allowedUpdates)
		if _, err := b.call(ctx, "setWebhook", p); err != nil {
			if ctx.Err() != nil {
				// shut down while registering: not a failure
				b.disp.wait()
				return nil
			}
			return permanent(fmt.Errorf("telegram: setWebhook: %w", err))
		}
		b.log.Info("telegram webhook set")
		<-ctx.Done()
		b.disp.wait()
		return nil
	}
	return b.poll(ctx, h)
}

var allowedUpdates = []string{"message", "channel_post", "callback_query"}

// poll runs getUpdates in a loop until ctx ends.
func (b *Bot) poll(ctx context.Context, h bot.Handler) error {
	// A webhook left over from an earlier run makes getUpdates fail.
	if _, err := b.call(ctx, "deleteWebhook", nil); err != nil && ctx.Err() == nil {
		b.log.Warn("telegram deleteWebhook failed", slog.Any("error", err))
	}
	offset := 0
	defer func() {
		b.disp.wait()
		b.confirm(ctx, offset)
	}()
	backoff := time.Duration(0)
	for ctx.Err() == nil {
		start := b.cfg.Now()
		cfg := tgbotapi.UpdateConfig{Offset: offset, Timeout: b.cfg.PollTimeout, AllowedUpdates: allowedUpdates}
		pctx, cancel := context.WithTimeout(ctx, time.Duration(b.cfg.PollTimeout)*time.Second+30*time.Second)
		updates, err := b.with(pctx).GetUpdates(cfg)
		cancel()
		if err != nil {
			if ctx.Err() != nil {
				break
			}
			err = redact(err, b.cfg.Token)
			if perr := permanent(err); bot.IsPermanent(perr) {
				return fmt.Errorf("telegram: getUpdates: %w", perr) // the token was revoked
			}
			backoff = nextBackoff(backoff)
			if se := classify(err); se.Kind == bot.SendRateLimited {
				backoff = max(backoff, time.Duration(se.RetryAfter)*time.Second)
			}
			b.log.Warn("telegram getUpdates failed", slog.Any("error", err), slog.Duration("backoff", backoff))
			if !sleep(ctx, backoff) {
				break
			}
			continue
		}
		backoff = 0
		for _, u := range updates {
			if u.UpdateID >= offset {
				offset = u.UpdateID + 1
			}
			b.dispatch(ctx, h, u, nil)
		}
		if len(updates) == 0 && b.cfg.Now().Sub(start) < time.Duration(b.cfg.PollTimeout)*time.Second/2 {
			if !sleep(ctx, b.cfg.PollIdle) {
				break
			}
		}
	}
	return nil
}

// confirm tells Telegram the updates before offset were handled, so a
// restart does not answer them again (Telegram confirms an offset only with
// the next getUpdates call).
func (b *Bot) confirm(ctx context.Context, offset int) {
	if offset == 0 {
		return
	}
	cctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 3*time.Second)
	defer cancel()
	cfg := tgbotapi.UpdateConfig{Offset: offset, Limit: 1, AllowedUpdates: allowedUpdates}
	if _, err := b.with(cctx).GetUpdates(cfg); err != nil {
		b.log.Warn("telegram: confirming updates failed", slog.Any("error", redact(err, b.cfg.Token)))
	}
}

func nextBackoff(d time.Duration) time.Duration {
	if d == 0 {
		return 500 * time.Millisecond
	}
	return min(2*d, time.Minute)
}

// sleep waits d or until ctx ends; it reports whether ctx is still live.
func sleep(ctx context.Context, d time.Duration) bool {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return false
	case <-t.C:
		return true
	}
}

// dispatch queues u behind earlier updates of its chat; done (if not nil)
// is closed once u was handled.
func (b *Bot) dispatch(ctx context.Context, h bot.Handler, u tgbotapi.Update, done chan struct{}) {
	b.disp.submit(chatKey(u), func() {
		if done != nil {
			defer close(done)
		}
		b.handleUpdate(ctx, h, u)
	})
}

// maxWebhookBody bounds a webhook request body.
const maxWebhookBody = 1 << 20

// WebhookHandler returns the handler for Telegram's webhook calls (the lead
// mounts it at /telegram/webhook). Requests without the configured secret in
// SecretHeader get 401. The update is handled before the response is written,
// so Telegram's delivery is paced by the bot.
func (b *Bot) WebhookHandler(h bot.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodPost {
			w.Header().Set("Allow", http.MethodPost)
			http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
			return
		}
		got := r.Header.Get(SecretHeader)
		if b.cfg.WebhookSecret == "" || subtle.ConstantTimeCompare([]byte(got), []byte(b.cfg.WebhookSecret)) != 1 {
			b.log.Warn("telegram webhook: bad secret", slog.String("remote_addr", r.RemoteAddr))
			http.Error(w, "unauthorized", http.StatusUnauthorized)
			return
		}
		var u tgbotapi.Update
		if err := json.NewDecoder(io.LimitReader(r.Body, maxWebhookBody)).Decode(&u); err != nil {
			http.Error(w, "bad update", http.StatusBadRequest)
			return
		}
		// Finish the reply even if Telegram hangs up.
		ctx, cancel := context.WithTimeout(context.WithoutCancel(r.Context()), 2*time.Minute)
		defer cancel()
		done := make(chan struct{})
		b.dispatch(ctx, h, u, done)
		select {
		case <-done:
		case <-r.Context().Done():
		}
		w.WriteHeader(http.StatusOK)
	})
}
