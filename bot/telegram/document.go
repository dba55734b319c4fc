package telegram

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"strconv"
	"strings"

	tgbotapi "github.com/go-telegram-bot-api/telegram-bot-api/v5"

	"github.com/sitrep/sitrep/bot"
	"github.com/sitrep/sitrep/briefings"
)

// MaxDocument is the largest file the bot reads from a chat (an OPML list).
const MaxDocument = 4 << 20

// handleDocument answers a file sent in a private chat: an OPML list
// (.opml or .xml) is imported as /importopml with the file; other files
// and files in groups are not the bot's to read.
func (b *Bot) handleDocument(ctx context.Context, h bot.Handler, m *tgbotapi.Message) {
	d := m.Document
	name := strings.ToLower(d.FileName)
	if chatKind(m.Chat.Type) != briefings.ChatPrivate || m.From == nil ||
		!strings.HasSuffix(name, ".opml") && !strings.HasSuffix(name, ".xml") {
		return
	}
	req := &bot.Request{
		Chat:     briefings.Chat{Platform: Name, ChatID: strconv.FormatInt(m.Chat.ID, 10)},
		ChatKind: briefings.ChatPrivate, CanManage: true, Text: "/importopml",
		UserID: strconv.FormatInt(m.From.ID, 10), UserName: displayName(m.From), Locale: m.From.LanguageCode,
	}
	req.IsAdmin = b.cfg.Admins[req.UserID]
	if req.IsAdmin {
		// Only an admin's file is downloaded; the router refuses the others.
		data, err := b.download(ctx, d)
		if err != nil {
			b.log.Warn("telegram: document download failed", slog.String("chat_id", req.Chat.ChatID), slog.Any("error", err))
			data = nil
		}
		req.Attachment = &bot.Attachment{Name: d.FileName, Data: data}
	}
	reply := h.Handle(ctx, req)
	if reply == nil {
		return
	}
	to := target{id: m.Chat.ID}
	if _, err := b.reply(ctx, to, reply); err != nil {
		b.log.Warn("telegram reply failed", slog.String("chat_id", req.Chat.ChatID), slog.Any("error", err))
	}
}

// download fetches a document's content (getFile, then the file URL), at
// most MaxDocument bytes. Errors never carry the token.
func (b *Bot) download(ctx context.Context, d *tgbotapi.Document) ([]byte, error) {
	if d.FileSize > MaxDocument {
		return nil, fmt.Errorf("telegram: the file is over %d MB", MaxDocument>>20)
	}
	f, err := b.with(ctx).GetFile(tgbotapi.FileConfig{FileID: d.FileID})
	if err != nil {
		return nil, redact(fmt.Errorf("telegram: getFile: %w", err), b.cfg.Token)
	}
	u := strings.TrimSuffix(b.cfg.APIEndpoint, "/") + "/file/bot" + b.cfg.Token + "/" + f.FilePath
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
	if err != nil {
		return nil, redact(fmt.Errorf("telegram: file: %w", err), b.cfg.Token)
	}
	res, err := b.cfg.Client.Do(req)
	if err != nil {
		return nil, redact(fmt.Errorf("telegram: file: %w", err), b.cfg.Token)
	}
	defer res.Body.Close()
	if res.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("telegram: file: HTTP %d", res.StatusCode)
	}
	data, err := io.ReadAll(io.LimitReader(res.Body, MaxDocument+1))
	if err != nil {
		return nil, redact(fmt.Errorf("telegram: file: %w", err), b.cfg.Token)
	}
	if len(data) > MaxDocument {
		return nil, fmt.Errorf("telegram: the file is over %d MB", MaxDocument>>20)
	}
	return data, nil
}
