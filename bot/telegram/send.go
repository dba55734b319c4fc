package telegram

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	tgbotapi "github.com/go-telegram-bot-api/telegram-bot-api/v5"

	"github.com/sitrep/sitrep/bot"
	"github.com/sitrep/sitrep/briefings"
)

// Telegram limits.
const (
	MaxMessage      = 4096 // sendMessage text
	MaxCallbackData = 64   // bytes of callback_data
	maxAlertText    = 200  // answerCallbackQuery text
)

// target is a chat to send to: a numeric id or a public @channelname.
type target struct {
	id       int64
	username string
}

func parseTarget(chat briefings.Chat) (target, error) {
	if chat.Platform != "" && chat.Platform != Name {
		return target{}, fmt.Errorf("telegram: chat of platform %q", chat.Platform)
	}
	if strings.HasPrefix(chat.ChatID, "@") && len(chat.ChatID) > 1 {
		return target{username: chat.ChatID}, nil
	}
	id, err := strconv.ParseInt(chat.ChatID, 10, 64)
	if err != nil || id == 0 {
		return target{}, fmt.Errorf("telegram: bad chat id %q", chat.ChatID)
	}
	return target{id: id}, nil
}

// keyboard builds the inline keyboard of r. Invalid buttons (no label, no
// data or URL, callback data over 64 bytes) are left out and reported.
func keyboard(rows [][]bot.Button) (*tgbotapi.InlineKeyboardMarkup, error) {
	var out [][]tgbotapi.InlineKeyboardButton
	var errs []error
	for _, row := range rows {
		var kr []tgbotapi.InlineKeyboardButton
		for _, btn := range row {
			switch {
			case strings.TrimSpace(btn.Label) == "":
				errs = append(errs, errors.New("button without a label"))
			case btn.Data != "" && len(btn.Data) > MaxCallbackData:
				errs = append(errs, fmt.Errorf("button %q: callback data of %d bytes (max %d)", btn.Label, len(btn.Data), MaxCallbackData))
			case btn.Data != "" && !utf8.ValidString(btn.Data):
				errs = append(errs, fmt.Errorf("button %q: callback data is not UTF-8", btn.Label))
			case btn.Data != "":
				kr = append(kr, tgbotapi.NewInlineKeyboardButtonData(btn.Label, btn.Data))
			case btn.URL != "":
				kr = append(kr, tgbotapi.NewInlineKeyboardButtonURL(btn.Label, btn.URL))
			default:
				errs = append(errs, fmt.Errorf("button %q has neither data nor URL", btn.Label))
			}
		}
		if len(kr) > 0 {
			out = append(out, kr)
		}
	}
	var err error
	if len(errs) > 0 {
		err = fmt.Errorf("telegram: keyboard: %w", errors.Join(errs...))
	}
	if len(out) == 0 {
		return nil, err
	}
	m := tgbotapi.NewInlineKeyboardMarkup(out...)
	return &m, err
}

// render returns the HTML parts of r.
func (b *Bot) render(r *bot.Reply) ([]string, error) {
	parts := b.chunks(r)
	var out []string
	for _, p := range parts {
		if strings.TrimSpace(p) != "" {
			out = append(out, p)
		}
	}
	if len(out) == 0 {
		return nil, errors.New("telegram: empty reply")
	}
	return out, nil
}

// sendParts sends parts as consecutive messages, the keyboard on the last.
// It returns the ids of the messages sent, also on error. interactive:
// see try.
func (b *Bot) sendParts(ctx context.Context, to target, parts []string, kb *tgbotapi.InlineKeyboardMarkup, noPreview, interactive bool) ([]int, error) {
	ids := make([]int, 0, len(parts))
	for i, p := range parts {
		msg := tgbotapi.MessageConfig{Text: p, ParseMode: tgbotapi.ModeHTML, DisableWebPagePreview: noPreview}
		msg.ChatID, msg.ChannelUsername = to.id, to.username
		if i == len(parts)-1 && kb != nil {
			msg.ReplyMarkup = *kb
		}
		err := b.try(ctx, to.key(), interactive, func() error {
			m, err := b.with(ctx).Send(msg)
			if err != nil {
				return redact(err, b.cfg.Token)
			}
			ids = append(ids, m.MessageID)
			return nil
		})
		if err != nil {
			return ids, err
		}
	}
	return ids, nil
}

// editPart replaces the text (and keyboard) of one message. interactive:
// see try.
func (b *Bot) editPart(ctx context.Context, to target, id int, text string, kb *tgbotapi.InlineKeyboardMarkup, noPreview, interactive bool) error {
	e := tgbotapi.EditMessageTextConfig{Text: text, ParseMode: tgbotapi.ModeHTML, DisableWebPagePreview: noPreview}
	e.ChatID, e.ChannelUsername, e.MessageID, e.ReplyMarkup = to.id, to.username, id, kb
	return b.try(ctx, to.key(), interactive, func() error {
		_, err := b.request(ctx, e)
		if err != nil && notModified(err) {
			return nil
		}
		return err
	})
}

// key names the chat for the pacer.
func (t target) key() string {
	if t.username != "" {
		return t.username
	}
	return strconv.FormatInt(t.id, 10)
}

// maxReplyBackoff caps the pause between tries of a reply that failed for a
// passing reason.
const maxReplyBackoff = 10 * time.Second

// try runs call, one Bot API request that sends or edits a message in chat
// (chat "": a request that counts against the bot's global rate only).
// An interactive request, a reply to a person, first waits for the bot's
// budget (Config.Pacer, shared with the outbox dispatcher) and is tried
// again while it fails for a passing reason: after retry_after for a 429
// (the chat is held in the budget meanwhile, for the outbox too), after a
// growing pause for a 5xx or a network error, until ctx ends. A reply is
// not dropped because Telegram was busy. The outbox's own sends are paced
// and retried by the dispatcher: one plain try. call's error must be
// redacted.
func (b *Bot) try(ctx context.Context, chat string, interactive bool, call func() error) error {
	if !interactive {
		return call()
	}
	pace := b.cfg.Pacer
	backoff := time.Duration(0)
	for {
		if pace != nil {
			if err := pace.Wait(ctx, chat); err != nil {
				return err
			}
		}
		err := call()
		if err == nil {
			return nil
		}
		wait := time.Duration(0)
		switch se := classify(err); se.Kind {
		case bot.SendRateLimited:
			wait = time.Duration(se.RetryAfter) * time.Second
			if pace != nil {
				pace.Hold(chat, b.cfg.Now().Add(wait))
				wait = 0 // Wait honours the hold
			}
		case bot.SendRetry:
			backoff = min(nextBackoff(backoff), maxReplyBackoff)
			wait = backoff
		default:
			return err
		}
		b.log.Debug("telegram reply will be tried again", slog.String("chat_id", chat), slog.Duration("wait", wait), slog.Any("error", err))
		if ctx.Err() != nil || !sleep(ctx, wait) {
			return err
		}
	}
}

func joinIDs(ids []int) string {
	s := make([]string, len(ids))
	for i, id := range ids {
		s[i] = strconv.Itoa(id)
	}
	return strings.Join(s, ",")
}

// Send delivers r to chat. A reply longer than one message is sent as
// several; the returned id then lists them all, comma separated ("17,18"),
// which Edit accepts. Errors are *bot.SendError.
func (b *Bot) Send(ctx context.Context, chat briefings.Chat, r *bot.Reply) (string, error) {
	to, err := parseTarget(chat)
	if err != nil {
		return "", &bot.SendError{Platform: Name, Kind: bot.SendFatal, Err: err}
	}
	kb, err := keyboard(r.Buttons)
	if err != nil {
		return "", &bot.SendError{Platform: Name, Kind: bot.SendFatal, Err: err}
	}
	var ids []int
	if r.Document != nil {
		ids, err = b.sendDocument(ctx, to, r, kb, false)
	} else if r.Photo != nil {
		ids, err = b.sendPhoto(ctx, to, r, kb, false)
	} else {
		var parts []string
		if parts, err = b.render(r); err != nil {
			return "", &bot.SendError{Platform: Name, Kind: bot.SendFatal, Err: err}
		}
		ids, err = b.sendParts(ctx, to, parts, kb, r.NoPreview, false)
	}
	if err != nil {
		return joinIDs(ids), classify(fmt.Errorf("telegram: send: %w", err))
	}
	return joinIDs(ids), nil
}

// Edit replaces the message(s) Send returned as messageID with r. Telegram's
// "message is not modified" counts as success. If r needs more messages
// than were sent, Edit fails with kind fatal; surplus old messages are
// deleted.
func (b *Bot) Edit(ctx context.Context, chat briefings.Chat, messageID string, r *bot.Reply) error {
	to, err := parseTarget(chat)
	if err != nil {
		return &bot.SendError{Platform: Name, Kind: bot.SendFatal, Err: err}
	}
	var ids []int
	for _, s := range strings.Split(messageID, ",") {
		id, err := strconv.Atoi(strings.TrimSpace(s))
		if err != nil || id <= 0 {
			return &bot.SendError{Platform: Name, Kind: bot.SendFatal, Err: fmt.Errorf("telegram: bad message id %q", messageID)}
		}
		ids = append(ids, id)
	}
	if r.Photo != nil {
		return &bot.SendError{Platform: Name, Kind: bot.SendFatal, Err: errors.New("telegram: edit: a reply with a photo is sent, not edited")}
	}
	parts, err := b.render(r)
	if err != nil {
		return &bot.SendError{Platform: Name, Kind: bot.SendFatal, Err: err}
	}
	if len(parts) > len(ids) {
		return &bot.SendError{Platform: Name, Kind: bot.SendFatal,
			Err: fmt.Errorf("telegram: edit: reply needs %d messages, %d were sent", len(parts), len(ids))}
	}
	kb, err := keyboard(r.Buttons)
	if err != nil {
		return &bot.SendError{Platform: Name, Kind: bot.SendFatal, Err: err}
	}
	for i, id := range ids {
		if i >= len(parts) {
			del := tgbotapi.DeleteMessageConfig{ChatID: to.id, ChannelUsername: to.username, MessageID: id}
			if _, err := b.request(ctx, del); err != nil {
				b.log.Warn("telegram delete surplus message failed", slog.Int("message_id", id), slog.Any("error", err))
			}
			continue
		}
		var k *tgbotapi.InlineKeyboardMarkup
		if i == len(parts)-1 {
			k = kb
		}
		if err := b.editPart(ctx, to, id, parts[i], k, r.NoPreview, false); err != nil {
			return classify(fmt.Errorf("telegram: edit: %w", err))
		}
	}
	return nil
}

// plainText flattens r for places without markup (callback alerts).
func plainText(r *bot.Reply) string {
	var sb strings.Builder
	add := func(s string) {
		if s = strings.TrimSpace(s); s != "" {
			if sb.Len() > 0 {
				sb.WriteByte('\n')
			}
			sb.WriteString(s)
		}
	}
	add(r.Title)
	for _, p := range r.Paragraphs {
		add(p.Heading)
		for _, line := range p.Lines {
			var l strings.Builder
			for _, sp := range line {
				l.WriteString(sp.Text)
			}
			add(l.String())
		}
	}
	return sb.String()
}

// truncate cuts s to at most n runes, marking the cut with an ellipsis.
func truncate(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return string(r[:n-1]) + "…"
}
