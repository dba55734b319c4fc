package discord

import (
	"context"
	"crypto/ed25519"
	"encoding/hex"
	"encoding/json"
	"errors"
	"io"
	"log/slog"
	"net/http"
	"time"

	"github.com/bwmarrin/discordgo"

	"github.com/sitrep/sitrep/bot"
	"github.com/sitrep/sitrep/briefings/locale"
)

// interactionTTL is how long an interaction token stays valid.
const interactionTTL = 15 * time.Minute

// maxInteractionBody bounds what the HTTP endpoint reads.
const maxInteractionBody = 1 << 20

// respondFunc sends the first response to an interaction: over REST in
// gateway mode, as the HTTP response body in HTTP interactions mode.
type respondFunc func(ctx context.Context, resp *discordgo.InteractionResponse) error

// gatewayHandler returns the INTERACTION_CREATE handler of the gateway
// session. discordgo runs each event handler in its own goroutine.
func (b *Bot) gatewayHandler(ctx context.Context, h bot.Handler) func(*discordgo.Session, *discordgo.InteractionCreate) {
	return func(s *discordgo.Session, ic *discordgo.InteractionCreate) {
		if ic == nil || ic.Interaction == nil {
			return
		}
		i := ic.Interaction
		b.inflight.Add(1)
		defer b.inflight.Done()
		// The work outlives a shutdown signal by design (a deferred reply
		// should still arrive) but never the interaction token.
		wctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), interactionTTL)
		defer cancel()
		b.handleInteraction(wctx, h, i, func(ctx context.Context, resp *discordgo.InteractionResponse) error {
			return b.session.InteractionRespond(i, resp, discordgo.WithContext(ctx))
		})
	}
}

// InteractionsHandler returns the HTTP interactions endpoint (mounted at
// /discord/interactions). It verifies Discord's ed25519 signature over
// timestamp+body and answers 401 to a missing or bad one, PONG to PING, and
// every other interaction with its response as the HTTP body. Work that
// outlasts Discord's 3-second window is answered with a deferred response
// and finished by editing the original response over REST.
func (b *Bot) InteractionsHandler(h bot.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		i, ok := b.readInteraction(w, r)
		if !ok {
			return
		}
		if i.Type == discordgo.InteractionPing {
			writeJSON(w, &discordgo.InteractionResponse{Type: discordgo.InteractionResponsePong})
			return
		}
		if i.AppID != "" {
			b.mu.Lock()
			if b.appID == "" {
				b.appID = i.AppID
			}
			b.mu.Unlock()
		}
		b.answerHTTP(w, r, h, i)
	})
}

// readInteraction reads a signed interaction from an HTTP request, or
// answers the request with the error and returns false.
func (b *Bot) readInteraction(w http.ResponseWriter, r *http.Request) (*discordgo.Interaction, bool) {
	if r.Method != http.MethodPost {
		w.Header().Set("Allow", http.MethodPost)
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return nil, false
	}
	if b.pubKey == nil {
		http.Error(w, "interactions endpoint not configured", http.StatusNotFound)
		return nil, false
	}
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, maxInteractionBody))
	if err != nil {
		http.Error(w, "request too large", http.StatusRequestEntityTooLarge)
		return nil, false
	}
	if !verify(b.pubKey, r.Header.Get("X-Signature-Ed25519"), r.Header.Get("X-Signature-Timestamp"), body) {
		http.Error(w, "invalid request signature", http.StatusUnauthorized)
		return nil, false
	}
	var i discordgo.Interaction
	if err := json.Unmarshal(body, &i); err != nil {
		http.Error(w, "bad interaction", http.StatusBadRequest)
		return nil, false
	}
	return &i, true
}

// answerHTTP handles an interaction whose first response travels back on
// this HTTP request; the rest of the work may continue after it.
func (b *Bot) answerHTTP(w http.ResponseWriter, r *http.Request, h bot.Handler, i *discordgo.Interaction) {
	type answer struct {
		resp    *discordgo.InteractionResponse
		written chan error
	}
	answers := make(chan answer)
	done := make(chan struct{})
	gone := make(chan struct{}) // closed when this HTTP exchange is over
	defer close(gone)
	wctx, cancel := context.WithTimeout(context.WithoutCancel(r.Context()), interactionTTL)
	b.inflight.Add(1)
	go func() {
		defer b.inflight.Done()
		defer cancel()
		defer close(done)
		b.handleInteraction(wctx, h, i, func(ctx context.Context, resp *discordgo.InteractionResponse) error {
			a := answer{resp: resp, written: make(chan error, 1)}
			select {
			case answers <- a:
				return <-a.written
			case <-gone:
				return errors.New("discord: interaction request gone before the answer")
			case <-ctx.Done():
				return ctx.Err()
			}
		})
	}()
	select {
	case a := <-answers:
		err := writeJSON(w, a.resp)
		if f, ok := w.(http.Flusher); ok && err == nil {
			f.Flush()
		}
		a.written <- err
	case <-done:
		// Nothing to say; Discord still needs an answer.
		writeJSON(w, &discordgo.InteractionResponse{Type: discordgo.InteractionResponseChannelMessageWithSource,
			Data: message{Content: b.text(i, "discord.done", "Done."), Flags: discordgo.MessageFlagsEphemeral}.responseData()})
	case <-r.Context().Done():
		b.log.Warn("discord: interaction request gone before the answer")
	}
}

// text is one of the adapter's own messages (not a command's reply) in the
// language of the interaction's user, else of its server, else English;
// fallback without a catalogue.
func (b *Bot) text(i *discordgo.Interaction, key, fallback string) string {
	cat := b.cfg.Catalogue
	if cat == nil {
		return fallback
	}
	l, ok := cat.Match(string(i.Locale))
	if !ok && i.GuildLocale != nil {
		l, ok = cat.Match(string(*i.GuildLocale))
	}
	if !ok {
		l = locale.English
	}
	return cat.For(l).T(key)
}

func writeJSON(w http.ResponseWriter, v any) error {
	buf, err := json.Marshal(v)
	if err != nil {
		http.Error(w, "internal error", http.StatusInternalServerError)
		return err
	}
	w.Header().Set("Content-Type", "application/json")
	_, err = w.Write(buf)
	return err
}

// verify checks Discord's signature: ed25519 over timestamp || body.
func verify(key ed25519.PublicKey, sigHex, timestamp string, body []byte) bool {
	if sigHex == "" || timestamp == "" {
		return false
	}
	sig, err := hex.DecodeString(sigHex)
	if err != nil || len(sig) != ed25519.SignatureSize {
		return false
	}
	msg := make([]byte, 0, len(timestamp)+len(body))
	msg = append(msg, timestamp...)
	msg = append(msg, body...)
	return ed25519.Verify(key, msg, sig)
}

// handleInteraction answers one interaction; gateway and HTTP mode share it.
// It calls respond exactly once (unless the interaction is of a kind the bot
// ignores) and then, for deferred work, edits the original response.
func (b *Bot) handleInteraction(ctx context.Context, h bot.Handler, i *discordgo.Interaction, respond respondFunc) {
	log := b.log.With(slog.String("interaction_id", i.ID), slog.String("chat_id", i.ChannelID))
	switch i.Type {
	case discordgo.InteractionPing:
		b.respond(ctx, log, i, respond, &discordgo.InteractionResponse{Type: discordgo.InteractionResponsePong})
	case discordgo.InteractionApplicationCommandAutocomplete:
		choices := autocomplete(i.ApplicationCommandData())
		b.respond(ctx, log, i, respond, &discordgo.InteractionResponse{
			Type: discordgo.InteractionApplicationCommandAutocompleteResult,
			Data: &discordgo.InteractionResponseData{Choices: choices},
		})
	case discordgo.InteractionApplicationCommand:
		name := i.ApplicationCommandData().Name
		b.answer(ctx, log, h, i, respond, false, slow(name))
	case discordgo.InteractionMessageComponent:
		b.answer(ctx, log, h, i, respond, true, false)
	default:
		b.respond(ctx, log, i, respond, &discordgo.InteractionResponse{
			Type: discordgo.InteractionResponseChannelMessageWithSource,
			Data: message{Content: b.text(i, "discord.unsupported", "That is not something sitrep can handle."), Flags: discordgo.MessageFlagsEphemeral}.responseData(),
		})
	}
}

func (b *Bot) respond(ctx context.Context, log *slog.Logger, i *discordgo.Interaction, respond respondFunc, resp *discordgo.InteractionResponse) bool {
	if err := respond(ctx, resp); err != nil {
		log.Warn("discord: interaction response failed", slog.Any("error", redact(err, i.Token, b.cfg.Token)))
		return false
	}
	return true
}

// answer runs the handler for a command or a button press. A fast reply is
// the interaction response itself (a new message for a command, the message
// updated in place for a button). A slow one (known slow commands at once,
// anything else after deferAfter) gets a deferred response first and then
// an edit of the original response. Error replies are shown only to the
// requester.
func (b *Bot) answer(ctx context.Context, log *slog.Logger, h bot.Handler, i *discordgo.Interaction, respond respondFunc, component, slow bool) {
	req := b.request(i)
	replies := make(chan *bot.Reply, 1)
	go func() {
		defer func() {
			if p := recover(); p != nil {
				log.Error("discord: handler panic", slog.Any("panic", p))
				replies <- bot.ErrorReply(b.text(i, "error.internal", "Something went wrong; please try again later."))
			}
		}()
		if a := attachmentOf(i); a != nil && req.IsAdmin {
			// Only an admin's file is downloaded; the router refuses the others.
			data, err := b.download(ctx, a)
			if err != nil {
				log.Warn("discord: attachment download failed", slog.Any("error", redact(err, i.Token, b.cfg.Token)))
				data = nil
			}
			req.Attachment = &bot.Attachment{Name: a.Filename, Data: data}
		}
		replies <- h.Handle(ctx, req)
	}()

	var reply *bot.Reply
	deferred := false
	if slow {
		deferred = true
	} else {
		t := time.NewTimer(b.deferAfter)
		select {
		case reply = <-replies:
		case <-t.C:
			deferred = true
		case <-ctx.Done():
			t.Stop()
			return
		}
		t.Stop()
	}

	// A reply with a picture is delivered as an edit of a deferred response:
	// an HTTP-mode response body is JSON and cannot carry the upload.
	if !deferred && (reply == nil || reply.Photo == nil) {
		resp, rest := b.immediate(i, reply, component)
		if !b.respond(ctx, log, i, respond, resp) {
			return
		}
		for _, m := range rest {
			if err := b.followUp(ctx, i, m); err != nil {
				log.Warn("discord: follow-up failed", slog.Any("error", redact(err, i.Token, b.cfg.Token)))
				return
			}
		}
		return
	}

	typ := discordgo.InteractionResponseDeferredChannelMessageWithSource
	if component {
		typ = discordgo.InteractionResponseDeferredMessageUpdate
	}
	// A deferred response carries no message, only the mention policy.
	if !b.respond(ctx, log, i, respond, &discordgo.InteractionResponse{Type: typ, Data: &discordgo.InteractionResponseData{AllowedMentions: noMentions()}}) {
		return
	}
	if reply == nil {
		select {
		case reply = <-replies:
		case <-ctx.Done():
			log.Warn("discord: deferred command did not finish in time")
			return
		}
	}
	if err := b.finishDeferred(ctx, i, reply, component); err != nil {
		log.Warn("discord: deferred reply failed", slog.Any("error", redact(err, i.Token, b.cfg.Token)))
	}
}

// immediate builds the direct response to a command or button press, and
// the messages that follow it when the reply is longer than one message.
func (b *Bot) immediate(i *discordgo.Interaction, reply *bot.Reply, component bool) (*discordgo.InteractionResponse, []message) {
	if reply == nil {
		if component {
			// Acknowledge the press, leave the message as it is.
			return &discordgo.InteractionResponse{Type: discordgo.InteractionResponseDeferredMessageUpdate}, nil
		}
		return &discordgo.InteractionResponse{Type: discordgo.InteractionResponseChannelMessageWithSource,
			Data: message{Content: b.text(i, "discord.done", "Done."), Flags: discordgo.MessageFlagsEphemeral}.responseData()}, nil
	}
	msgs := b.renderInteraction(reply)
	if component && !reply.Error {
		// Edit in place; ephemerality cannot change on an update.
		m := msgs[0]
		m.Flags &^= discordgo.MessageFlagsEphemeral
		if len(msgs) > 1 {
			m.Components = msgs[len(msgs)-1].Components
		}
		return &discordgo.InteractionResponse{Type: discordgo.InteractionResponseUpdateMessage, Data: m.responseData()}, nil
	}
	return &discordgo.InteractionResponse{Type: discordgo.InteractionResponseChannelMessageWithSource, Data: msgs[0].responseData()}, msgs[1:]
}

// renderInteraction renders a reply for an interaction: errors are shown to
// the requester only.
func (b *Bot) renderInteraction(reply *bot.Reply) []message {
	msgs := b.render(reply)
	if reply.Error {
		for k := range msgs {
			msgs[k].Flags |= discordgo.MessageFlagsEphemeral
		}
	}
	return msgs
}

// finishDeferred delivers the reply to a deferred interaction. The deferred
// response was public, so an ephemeral reply replaces it: the placeholder is
// deleted and the reply sent as an ephemeral follow-up.
func (b *Bot) finishDeferred(ctx context.Context, i *discordgo.Interaction, reply *bot.Reply, component bool) error {
	appID := b.interactionAppID(i)
	if reply == nil {
		if component {
			return nil
		}
		return b.withRetry(ctx, func(opts ...discordgo.RequestOption) error {
			return b.session.WebhookMessageDelete(appID, i.Token, "@original", opts...)
		})
	}
	msgs := b.renderInteraction(reply)
	ephemeral := msgs[0].Flags&discordgo.MessageFlagsEphemeral != 0
	rest := msgs
	switch {
	case component && reply.Error:
		// Leave the message with the buttons alone; tell the presser.
	case ephemeral && !component:
		if err := b.withRetry(ctx, func(opts ...discordgo.RequestOption) error {
			return b.session.WebhookMessageDelete(appID, i.Token, "@original", opts...)
		}); err != nil {
			return err
		}
	default:
		first := msgs[0]
		if component && len(msgs) > 1 {
			first.Components = msgs[len(msgs)-1].Components
			rest = nil
		} else {
			rest = msgs[1:]
		}
		if err := b.withRetry(ctx, func(opts ...discordgo.RequestOption) error {
			_, err := b.session.WebhookMessageEdit(appID, i.Token, "@original", first.webhookEdit(), opts...)
			return err
		}); err != nil {
			return err
		}
	}
	for _, m := range rest {
		if err := b.followUp(ctx, i, m); err != nil {
			return err
		}
	}
	return nil
}

// followUp posts one more message for an interaction.
func (b *Bot) followUp(ctx context.Context, i *discordgo.Interaction, m message) error {
	appID := b.interactionAppID(i)
	return b.withRetry(ctx, func(opts ...discordgo.RequestOption) error {
		_, err := b.session.WebhookExecute(appID, i.Token, true, m.webhookParams(), opts...)
		return err
	})
}

func (b *Bot) interactionAppID(i *discordgo.Interaction) string {
	if i.AppID != "" {
		return i.AppID
	}
	return b.applicationID()
}

// withRetry runs an interaction webhook call. It waits out a 429 when
// Discord asks for at most 10 s (the session itself never sleeps on a 429:
// ShouldRetryOnRateLimit is off), and retries a 404 with a short pause: in
// HTTP mode the first response may still be on its way to Discord when the
// edit or follow-up is made. Four attempts at most.
func (b *Bot) withRetry(ctx context.Context, call func(...discordgo.RequestOption) error) error {
	var err error
	for attempt := 0; attempt < 4; attempt++ {
		err = call(discordgo.WithContext(ctx), discordgo.WithRetryOnRatelimit(false))
		if err == nil || attempt == 3 {
			return err
		}
		var wait time.Duration
		var rl *discordgo.RateLimitError
		var rest *discordgo.RESTError
		switch {
		case errors.As(err, &rl) && rl.RetryAfter <= 10*time.Second:
			wait = rl.RetryAfter
		case errors.As(err, &rest) && rest.Response != nil && rest.Response.StatusCode == http.StatusNotFound:
			wait = time.Duration(250<<attempt) * time.Millisecond
		default:
			return err
		}
		t := time.NewTimer(wait)
		select {
		case <-t.C:
		case <-ctx.Done():
			t.Stop()
			return ctx.Err()
		}
	}
	return err
}
