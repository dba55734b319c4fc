package telegram

import (
	"context"
	"fmt"
	"log/slog"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode"

	tgbotapi "github.com/go-telegram-bot-api/telegram-bot-api/v5"

	"github.com/sitrep/sitrep/bot"
	"github.com/sitrep/sitrep/briefings"
)

// chatKind maps Telegram's chat types to bot.Request.ChatKind.
func chatKind(t string) briefings.ChatKind {
	switch t {
	case "private":
		return briefings.ChatPrivate
	case "channel":
		return briefings.ChatChannel
	default: // group, supergroup
		return briefings.ChatGroup
	}
}

// normalizeCommand turns "/Digest@sitrep_bot 7d" into "/digest 7d". ok is
// false for a command addressed to another bot. isCmd reports whether text is
// a command at all.
func normalizeCommand(text, botName string) (out string, isCmd, ok bool) {
	if !strings.HasPrefix(text, "/") {
		return text, false, true
	}
	end := strings.IndexFunc(text, unicode.IsSpace)
	if end < 0 {
		end = len(text)
	}
	word, rest := text[1:end], text[end:]
	name, addressee, hasAt := strings.Cut(word, "@")
	if name == "" {
		return text, false, true
	}
	if hasAt && !strings.EqualFold(addressee, botName) {
		return "", true, false
	}
	return "/" + strings.ToLower(name) + rest, true, true
}

// updateTimeout bounds the handling of one update, reply included.
const updateTimeout = 2 * time.Minute

// handleUpdate answers one update. Panics in the handler are logged, not fatal.
func (b *Bot) handleUpdate(ctx context.Context, h bot.Handler, u tgbotapi.Update) {
	// A hung connection must not stall the chat's queue for ever.
	ctx, cancel := context.WithTimeout(ctx, updateTimeout)
	defer cancel()
	defer func() {
		if p := recover(); p != nil {
			b.log.Error("telegram handler panic", slog.Int("update_id", u.UpdateID), slog.Any("panic", p))
		}
	}()
	switch {
	case u.CallbackQuery != nil:
		b.handleCallback(ctx, h, u.CallbackQuery)
	case u.Message != nil:
		b.handleMessage(ctx, h, u.Message)
	case u.ChannelPost != nil:
		b.handleMessage(ctx, h, u.ChannelPost)
	}
}

func (b *Bot) handleMessage(ctx context.Context, h bot.Handler, m *tgbotapi.Message) {
	if m.Chat != nil && m.Text == "" && m.Document != nil {
		b.handleDocument(ctx, h, m)
		return
	}
	if m.Chat == nil || m.Text == "" || m.From != nil && m.From.IsBot && m.From.ID == b.api.Self.ID {
		return
	}
	text, isCmd, ok := normalizeCommand(m.Text, b.username)
	ct := chatKind(m.Chat.Type)
	if !ok || !isCmd && ct != briefings.ChatPrivate {
		// Another bot's command, or group chatter: not ours to answer.
		return
	}
	req := &bot.Request{
		Chat:     briefings.Chat{Platform: Name, ChatID: strconv.FormatInt(m.Chat.ID, 10)},
		ChatKind: ct,
		Text:     text,
	}
	if m.From != nil {
		req.UserID = strconv.FormatInt(m.From.ID, 10)
		req.UserName = displayName(m.From)
		req.IsAdmin = b.cfg.Admins[req.UserID]
		req.Locale = m.From.LanguageCode
	}
	req.CanManage = b.canManage(ctx, m.Chat, m.From, m.SenderChat, commandManages(text))
	start := b.cfg.Now()
	reply := h.Handle(ctx, req)
	if reply == nil {
		return
	}
	to := target{id: m.Chat.ID}
	ids, err := b.reply(ctx, to, reply)
	b.remember(m.Chat.ID, ids, reply, text)
	b.logReply(req, start, len(ids), err)
}

// remember notes which command produced a message with buttons, so a button
// press on it can tell a page change from a new request.
func (b *Bot) remember(chatID int64, ids []int, r *bot.Reply, line string) {
	if len(ids) > 0 && len(r.Buttons) > 0 {
		b.origins.put(chatID, ids[len(ids)-1], commandName(line))
	}
}

// commandName is the command word of a line, without "/" ("digest").
func commandName(line string) string {
	word, _, _ := strings.Cut(strings.TrimSpace(line), " ")
	return strings.ToLower(strings.TrimPrefix(word, "/"))
}

// listedCommand reports whether name is a user-facing command (as opposed to
// a button-only action such as a settings toggle).
func listedCommand(name string) bool {
	c, ok := bot.LookupCommand(name)
	return ok && !c.Hidden
}

func (b *Bot) logReply(req *bot.Request, start time.Time, messages int, err error) {
	line, kind := req.Text, "text"
	if req.Callback != "" {
		line, kind = req.Callback, "callback"
	}
	cmd, _, _ := strings.Cut(line, " ")
	if !strings.HasPrefix(cmd, "/") {
		cmd = kind
	}
	took := b.cfg.Now().Sub(start)
	if b.cfg.Observe != nil {
		b.cfg.Observe(cmd, took, err)
	}
	attrs := []any{slog.String("chat_id", req.Chat.ChatID), slog.String("command", cmd),
		slog.Int("messages", messages), slog.Duration("took", took)}
	if err != nil {
		b.log.Warn("telegram reply failed", append(attrs, slog.Any("error", err))...)
		return
	}
	b.log.Debug("telegram reply sent", attrs...)
}

// reply sends an interactive reply; invalid buttons are dropped and logged.
func (b *Bot) reply(ctx context.Context, to target, r *bot.Reply) ([]int, error) {
	kb, kerr := keyboard(r.Buttons)
	if kerr != nil {
		b.log.Error("telegram reply has invalid buttons", slog.Any("error", kerr))
	}
	if r.Document != nil {
		return b.sendDocument(ctx, to, r, kb, true)
	}
	if r.Photo != nil {
		return b.sendPhoto(ctx, to, r, kb, true)
	}
	parts, err := b.render(r)
	if err != nil {
		return nil, err
	}
	return b.sendParts(ctx, to, parts, kb, r.NoPreview, true)
}

func (b *Bot) handleCallback(ctx context.Context, h bot.Handler, cq *tgbotapi.CallbackQuery) {
	// Always answer, so the button stops spinning; answerCallbackQuery
	// returns true, not a Message: Request, never Send.
	answered := false
	answer := func(c tgbotapi.CallbackConfig) {
		answered = true
		// Within Telegram's time for an answer: the button stops spinning.
		actx, cancel := context.WithTimeout(ctx, 15*time.Second)
		defer cancel()
		if err := b.try(actx, "", true, func() error { _, err := b.request(actx, c); return err }); err != nil {
			b.log.Warn("telegram answerCallbackQuery failed", slog.Any("error", err))
		}
	}
	defer func() {
		if !answered {
			answer(tgbotapi.NewCallback(cq.ID, ""))
		}
	}()
	if cq.From == nil || cq.Message == nil || cq.Message.Chat == nil || cq.Data == "" {
		return
	}
	m := cq.Message
	req := &bot.Request{
		Chat:     briefings.Chat{Platform: Name, ChatID: strconv.FormatInt(m.Chat.ID, 10)},
		ChatKind: chatKind(m.Chat.Type),
		UserID:   strconv.FormatInt(cq.From.ID, 10),
		UserName: displayName(cq.From),
		Callback: cq.Data,
		Locale:   cq.From.LanguageCode,
	}
	req.IsAdmin = b.cfg.Admins[req.UserID]
	req.CanManage = b.canManage(ctx, m.Chat, cq.From, nil, true)
	start := b.cfg.Now()
	reply := h.Handle(ctx, req)
	if reply == nil {
		return
	}
	if reply.Error {
		// A refusal ("only admins may change this") pops up over the chat and
		// leaves the message as it was.
		answer(tgbotapi.NewCallbackWithAlert(cq.ID, truncate(plainText(reply), maxAlertText)))
		return
	}
	answer(tgbotapi.NewCallback(cq.ID, "")) // before a possibly long send
	to := target{id: m.Chat.ID}
	parts, err := b.render(reply)
	// Edit the message that carried the button when the press pages or
	// refreshes it: the same command that produced the message ("More" on a
	// search, another period of a digest) or a button-only action (a settings
	// toggle). Anything else ("Latest briefing" on the welcome) is a new
	// message, and so is a reply too long for one message.
	name := commandName(cq.Data)
	origin, known := b.origins.get(m.Chat.ID, m.MessageID)
	inPlace := known && origin == name || !listedCommand(name)
	if err == nil && reply.Photo == nil && len(parts) == 1 && m.MessageID != 0 && inPlace {
		kb, kerr := keyboard(reply.Buttons)
		if kerr != nil {
			b.log.Error("telegram reply has invalid buttons", slog.Any("error", kerr))
		}
		err = b.editPart(ctx, to, m.MessageID, parts[0], kb, reply.NoPreview, true)
		if err == nil {
			b.remember(m.Chat.ID, []int{m.MessageID}, reply, cq.Data)
			b.logReply(req, start, 1, nil)
			return
		}
		// Too old or not editable: fall back to a new message.
		b.log.Debug("telegram edit in place failed, sending anew", slog.Any("error", err))
	}
	ids, err := b.reply(ctx, to, reply)
	b.remember(m.Chat.ID, ids, reply, cq.Data)
	b.logReply(req, start, len(ids), err)
}

func displayName(u *tgbotapi.User) string {
	if u.UserName != "" {
		return u.UserName
	}
	return strings.TrimSpace(u.FirstName + " " + u.LastName)
}

// commandManages reports whether a command line may change chat settings
// (so CanManage is worth an API call in groups).
func commandManages(text string) bool {
	word, _, _ := strings.Cut(text, " ")
	if c, ok := bot.LookupCommand(strings.TrimPrefix(word, "/")); ok {
		return c.Access == bot.ChatManagers
	}
	return strings.HasPrefix(word, "/") // unknown command: let the router decide with the truth
}

// canManage: always in private chats and channels (only admins post there);
// in groups, for the chat's administrators, including anonymous ones posting
// as the group. need=false skips the API call and returns false.
func (b *Bot) canManage(ctx context.Context, chat *tgbotapi.Chat, from *tgbotapi.User, senderChat *tgbotapi.Chat, need bool) bool {
	switch chatKind(chat.Type) {
	case briefings.ChatPrivate, briefings.ChatChannel:
		return true
	}
	if senderChat != nil && senderChat.ID == chat.ID {
		return true // anonymous group administrator
	}
	if from == nil || !need {
		return false
	}
	if v, ok := b.members.get(chat.ID, from.ID); ok {
		return v
	}
	cfg := tgbotapi.GetChatMemberConfig{ChatConfigWithUser: tgbotapi.ChatConfigWithUser{ChatID: chat.ID, UserID: from.ID}}
	member, err := b.with(ctx).GetChatMember(cfg)
	if err != nil {
		b.log.Warn("telegram getChatMember failed", slog.String("chat_id", strconv.FormatInt(chat.ID, 10)),
			slog.Any("error", redact(err, b.cfg.Token)))
		return false
	}
	admin := member.IsCreator() || member.IsAdministrator()
	b.members.put(chat.ID, from.ID, admin)
	return admin
}

// memberCache remembers group admin status briefly.
type memberCache struct {
	now func() time.Time
	ttl time.Duration
	mu  sync.Mutex
	m   map[string]memberEntry
}

type memberEntry struct {
	admin bool
	at    time.Time
}

const memberCacheMax = 10000

func newMemberCache(now func() time.Time, ttl time.Duration) *memberCache {
	return &memberCache{now: now, ttl: ttl, m: map[string]memberEntry{}}
}

func memberKey(chatID, userID int64) string { return fmt.Sprint(chatID, "/", userID) }

func (c *memberCache) get(chatID, userID int64) (bool, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	e, ok := c.m[memberKey(chatID, userID)]
	if !ok || c.now().Sub(e.at) >= c.ttl {
		return false, false
	}
	return e.admin, true
}

func (c *memberCache) put(chatID, userID int64, admin bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if len(c.m) >= memberCacheMax {
		clear(c.m)
	}
	c.m[memberKey(chatID, userID)] = memberEntry{admin: admin, at: c.now()}
}

// originCache maps a bot message (chat/message id) to the command that
// produced it. Bounded; forgotten entries only mean a new message instead of
// an edit.
type originCache struct {
	mu sync.Mutex
	m  map[string]string
}

const originCacheMax = 20000

func newOriginCache() *originCache { return &originCache{m: map[string]string{}} }

func (c *originCache) put(chatID int64, msgID int, name string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if len(c.m) >= originCacheMax {
		clear(c.m)
	}
	c.m[fmt.Sprint(chatID, "/", msgID)] = name
}

func (c *originCache) get(chatID int64, msgID int) (string, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	v, ok := c.m[fmt.Sprint(chatID, "/", msgID)]
	return v, ok
}
