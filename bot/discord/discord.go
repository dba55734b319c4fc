// Package discord is sitrep's Discord adapter. It speaks slash commands,
// autocomplete and buttons, either over a discordgo gateway session or, when
// the application's public key is configured, as an HTTP interactions endpoint
// that verifies Discord's ed25519 signatures. Replies are rendered natively:
// embeds within Discord's limits for structured replies, plain messages split
// at 2,000 characters otherwise, and allowed_mentions empty on everything the
// bot sends so article text can never ping anyone.
package discord

import (
	"context"
	"crypto/ed25519"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"strings"
	"sync"
	"time"

	"github.com/bwmarrin/discordgo"

	"github.com/sitrep/sitrep/bot"
	"github.com/sitrep/sitrep/briefings"
	"github.com/sitrep/sitrep/briefings/locale"
)

// DefaultAPIBase is Discord's documented REST base URL; Config.APIBase
// replaces it (SITREP_DISCORD_API_BASE).
const DefaultAPIBase = "https://discord.com/api"

// Name is the platform name used in briefings.Chat and logs.
const Name = briefings.PlatformDiscord

// Config configures the adapter.
type Config struct {
	// Catalogue, when set, localizes the slash commands' descriptions.
	Catalogue *locale.Catalogue
	// Token is the bot token (SITREP_DISCORD_TOKEN), with or without the
	// "Bot " prefix.
	Token string
	// AppID is the application id (SITREP_DISCORD_APP_ID). When empty, Run
	// looks it up with the token.
	AppID string
	// PublicKey is the application's hex ed25519 public key
	// (SITREP_DISCORD_PUBLIC_KEY). Set, the adapter runs in HTTP interactions
	// mode: no gateway connection; Discord posts interactions to
	// InteractionsHandler.
	PublicKey string
	// APIBase replaces "https://discord.com/api" in every REST request
	// (SITREP_DISCORD_API_BASE), e.g. "http://127.0.0.1:9000/api" for a fake;
	// the version path ("/v9/...") is kept after it. A bare host
	// ("http://127.0.0.1:9000") keeps Discord's "/api" prefix, so both forms
	// reach http://127.0.0.1:9000/api/v9/... Files on Discord's CDN (a
	// command's attachment) are then read from the same host under /cdn.
	// Empty: Discord itself.
	APIBase string
	// Admins are the Discord user ids of the bot's admins (SITREP_ADMINS).
	Admins map[string]bool
	Logger *slog.Logger
	// Client is the HTTP client for REST calls (default: 20 s timeout). Its
	// transport is wrapped, not modified.
	Client *http.Client
}

// Bot is the Discord adapter; it implements bot.Platform.
type Bot struct {
	cfg     Config
	log     *slog.Logger
	session *discordgo.Session
	pubKey  ed25519.PublicKey

	// deferAfter is how long a command may run before the adapter sends a
	// deferred response (Discord allows 3 s for the first answer).
	deferAfter time.Duration
	// chunks renders a plain reply into messages of at most limit characters.
	chunks func(r *bot.Reply, limit int) []string

	mu    sync.Mutex
	appID string

	// inflight counts interactions still being answered (deferred work).
	inflight sync.WaitGroup
}

var _ bot.Platform = (*Bot)(nil)

// New returns a Discord adapter. It does not contact Discord.
func New(cfg Config) (*Bot, error) {
	if strings.TrimSpace(cfg.Token) == "" {
		return nil, errors.New("discord: token is required")
	}
	if cfg.Logger == nil {
		cfg.Logger = slog.Default()
	}
	b := &Bot{
		cfg:        cfg,
		log:        cfg.Logger.With(slog.String("platform", string(Name))),
		deferAfter: 2 * time.Second,
		chunks:     renderChunks,
		appID:      cfg.AppID,
	}
	if cfg.PublicKey != "" {
		k, err := hex.DecodeString(strings.TrimSpace(cfg.PublicKey))
		if err != nil || len(k) != ed25519.PublicKeySize {
			return nil, errors.New("discord: public key must be 32 bytes of hex")
		}
		b.pubKey = ed25519.PublicKey(k)
	}
	client, err := rewriteClient(cfg.Client, cfg.APIBase)
	if err != nil {
		return nil, err
	}
	token := strings.TrimSpace(cfg.Token)
	if !strings.HasPrefix(token, "Bot ") {
		token = "Bot " + token
	}
	s, err := discordgo.New(token)
	if err != nil {
		return nil, fmt.Errorf("discord: session: %w", err)
	}
	s.Client = client
	// Slash commands, autocomplete and buttons arrive as INTERACTION_CREATE,
	// which needs no intent at all; Guilds is the minimal useful set.
	s.Identify.Intents = discordgo.IntentsGuilds
	s.StateEnabled = false
	// A 429 is returned to the caller instead of sleeping for retry_after
	// inside discordgo (which ignores contexts and would hide the error): the
	// outbox dispatcher reschedules that chat, and interaction follow-ups
	// retry a bounded number of times. discordgo's per-route buckets still
	// delay requests ahead of time from the X-RateLimit headers.
	s.ShouldRetryOnRateLimit = false
	// One immediate retry of a 502; the dispatcher owns longer backoff.
	s.MaxRestRetries = 1
	b.session = s
	return b, nil
}

// Name implements bot.Platform.
func (b *Bot) Name() briefings.Platform { return Name }

// HTTPMode reports whether the adapter answers interactions over HTTP.
func (b *Bot) HTTPMode() bool { return b.pubKey != nil }

func (b *Bot) applicationID() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.appID
}

// Run registers the slash commands (Start), then serves until ctx ends
// (Serve).
func (b *Bot) Run(ctx context.Context, h bot.Handler) error {
	if err := b.Start(ctx); err != nil {
		return err
	}
	return b.Serve(ctx, h)
}

// Start registers the slash commands. A token or application Discord
// refuses is a bot.PermanentError; other failures are worth a retry.
func (b *Bot) Start(ctx context.Context) error {
	if err := b.RegisterCommands(ctx); err != nil {
		return permanent(redact(err, b.cfg.Token))
	}
	return nil
}

// Serve serves until ctx ends: over the gateway, or (HTTP interactions
// mode) by waiting while InteractionsHandler receives Discord's requests.
func (b *Bot) Serve(ctx context.Context, h bot.Handler) error {
	if b.HTTPMode() {
		b.log.Info("discord: http interactions mode")
		<-ctx.Done()
		b.drain()
		return nil
	}
	remove := b.session.AddHandler(b.gatewayHandler(ctx, h))
	defer remove()
	if err := b.session.Open(); err != nil {
		return permanent(redact(fmt.Errorf("discord: open gateway: %w", err), b.cfg.Token))
	}
	b.log.Info("discord: gateway connected")
	<-ctx.Done()
	err := b.session.Close()
	b.drain()
	if err != nil {
		return fmt.Errorf("discord: close gateway: %w", err)
	}
	return nil
}

// drain waits a little for interactions still being answered.
func (b *Bot) drain() {
	done := make(chan struct{})
	go func() { b.inflight.Wait(); close(done) }()
	t := time.NewTimer(10 * time.Second)
	defer t.Stop()
	select {
	case <-done:
	case <-t.C:
		b.log.Warn("discord: shutdown with interactions still in flight")
	}
}

// ensureAppID looks the application id up when it was not configured.
func (b *Bot) ensureAppID(ctx context.Context) (string, error) {
	if id := b.applicationID(); id != "" {
		return id, nil
	}
	body, err := b.session.RequestWithBucketID("GET", discordgo.EndpointOAuth2Application("@me"), nil,
		discordgo.EndpointOAuth2Application(""), discordgo.WithContext(ctx))
	if err != nil {
		return "", fmt.Errorf("discord: look up application: %w", err)
	}
	var app discordgo.Application
	if err := json.Unmarshal(body, &app); err != nil || app.ID == "" {
		return "", fmt.Errorf("discord: look up application: no id in answer")
	}
	b.mu.Lock()
	b.appID = app.ID
	b.mu.Unlock()
	return app.ID, nil
}

// Send implements bot.Platform: it posts r to the channel chat.ChatID. A reply
// longer than one message is sent as several; the id returned is the first
// message's (also when a later part fails, together with the error).
func (b *Bot) Send(ctx context.Context, chat briefings.Chat, r *bot.Reply) (string, error) {
	if r == nil {
		return "", &bot.SendError{Platform: Name, Kind: bot.SendFatal, Err: errors.New("discord: nil reply")}
	}
	msgs := b.render(r)
	first := ""
	for i, m := range msgs {
		st, err := b.session.ChannelMessageSendComplex(chat.ChatID, m.send(), discordgo.WithContext(ctx), discordgo.WithRetryOnRatelimit(false))
		if err != nil {
			return first, classify(redact(fmt.Errorf("discord: send part %d/%d: %w", i+1, len(msgs), err), b.cfg.Token))
		}
		if i == 0 && st != nil {
			first = st.ID
		}
	}
	return first, nil
}

// Edit implements bot.Platform: it replaces the message messageID with r.
// Only one message can be edited; a reply longer than one message keeps its
// first part.
func (b *Bot) Edit(ctx context.Context, chat briefings.Chat, messageID string, r *bot.Reply) error {
	if r == nil {
		return &bot.SendError{Platform: Name, Kind: bot.SendFatal, Err: errors.New("discord: nil reply")}
	}
	msgs := b.render(r)
	if len(msgs) > 1 {
		b.log.Warn("discord: edit keeps the first part of a long reply", slog.String("chat_id", chat.ChatID), slog.Int("parts", len(msgs)))
	}
	_, err := b.session.ChannelMessageEditComplex(msgs[0].edit(chat.ChatID, messageID), discordgo.WithContext(ctx), discordgo.WithRetryOnRatelimit(false))
	if err != nil {
		return classify(redact(fmt.Errorf("discord: edit: %w", err), b.cfg.Token))
	}
	return nil
}
