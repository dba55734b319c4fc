package telegram

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"

	tgbotapi "github.com/go-telegram-bot-api/telegram-bot-api/v5"

	"github.com/sitrep/sitrep/bot"
	"github.com/sitrep/sitrep/bot/render"
)

// MaxCaption is Telegram's limit for a photo caption.
const MaxCaption = 1024

// sendPhoto sends r's photo (sendPhoto, uploaded as multipart form data)
// with r's text as its caption when it fits one; otherwise the caption is
// the photo's alt text (or the title) and the text follows as messages. The
// keyboard goes on the last message. It returns the ids of the messages
// sent, also on error.
func (b *Bot) sendPhoto(ctx context.Context, to target, r *bot.Reply, kb *tgbotapi.InlineKeyboardMarkup, interactive bool) ([]int, error) {
	if len(r.Photo.PNG) == 0 {
		return nil, &bot.SendError{Platform: Name, Kind: bot.SendFatal, Err: errors.New("telegram: photo without an image")}
	}
	caption, rest := photoCaption(r, r.Photo.Alt)
	name := r.Photo.Name
	if name == "" {
		name = "chart.png"
	}
	p := tgbotapi.NewPhoto(to.id, tgbotapi.FileBytes{Name: name, Bytes: r.Photo.PNG})
	p.ChannelUsername = to.username
	p.Caption, p.ParseMode = caption, tgbotapi.ModeHTML
	if kb != nil && len(rest) == 0 {
		p.ReplyMarkup = *kb
	}
	return b.sendUpload(ctx, to, p, rest, kb, r.NoPreview, interactive)
}

// sendDocument sends r's document (sendDocument, multipart) with r's text
// as its caption when it fits, else the title, the text following; the
// keyboard goes on the last message. It returns the ids sent, also on error.
func (b *Bot) sendDocument(ctx context.Context, to target, r *bot.Reply, kb *tgbotapi.InlineKeyboardMarkup, interactive bool) ([]int, error) {
	if len(r.Document.Data) == 0 {
		return nil, &bot.SendError{Platform: Name, Kind: bot.SendFatal, Err: errors.New("telegram: document without data")}
	}
	caption, rest := photoCaption(r, "")
	d := tgbotapi.NewDocument(to.id, tgbotapi.FileBytes{Name: r.Document.Name, Bytes: r.Document.Data})
	d.ChannelUsername = to.username
	d.Caption, d.ParseMode = caption, tgbotapi.ModeHTML
	if kb != nil && len(rest) == 0 {
		d.ReplyMarkup = *kb
	}
	return b.sendUpload(ctx, to, d, rest, kb, r.NoPreview, interactive)
}

// sendUpload uploads c, a photo or document with its caption, chat and
// keyboard set, then sends rest (the text the caption could not hold) as
// messages, kb on the last. It returns the ids of the messages sent, also on
// error.
func (b *Bot) sendUpload(ctx context.Context, to target, c tgbotapi.Chattable, rest []string, kb *tgbotapi.InlineKeyboardMarkup, noPreview, interactive bool) ([]int, error) {
	var m tgbotapi.Message
	err := b.try(ctx, to.key(), interactive, func() error {
		var err error
		m, err = b.upload(ctx, c)
		return err
	})
	if err != nil {
		return nil, err
	}
	ids := []int{m.MessageID}
	if len(rest) == 0 {
		return ids, nil
	}
	more, err := b.sendParts(ctx, to, rest, kb, noPreview, interactive)
	return append(ids, more...), err
}

// photoCaption is r's text as one caption of at most MaxCaption characters,
// or, when it is longer, a short caption (alt, else the title) and the text
// as message parts. It serves documents too.
func photoCaption(r *bot.Reply, alt string) (caption string, rest []string) {
	text := *r
	text.Photo, text.Document, text.Buttons = nil, nil, nil
	if parts := render.Chunks(&text, render.FormatHTML, MaxCaption); len(parts) <= 1 {
		if len(parts) == 1 {
			caption = parts[0]
		}
		return caption, nil
	}
	short := &bot.Reply{Title: r.Title}
	if alt != "" {
		short = bot.Text(alt)
	}
	if parts := render.Chunks(short, render.FormatHTML, MaxCaption); len(parts) > 0 {
		caption = parts[0]
	}
	return caption, render.Chunks(&text, render.FormatHTML, MaxMessage)
}

// upload sends a config that uploads a file and returns the Message sent.
// It calls Request rather than Send: tgbotapi's multipart path leaves the
// error code out of the *tgbotapi.Error it returns, so the code is taken
// from the API response, where the classification of the failure needs it.
func (b *Bot) upload(ctx context.Context, c tgbotapi.Chattable) (tgbotapi.Message, error) {
	var m tgbotapi.Message
	resp, err := b.with(ctx).Request(c)
	if err != nil {
		var ae *tgbotapi.Error
		if errors.As(err, &ae) && ae.Code == 0 && resp != nil {
			ae.Code = resp.ErrorCode
		}
		return m, redact(err, b.cfg.Token)
	}
	if err := json.Unmarshal(resp.Result, &m); err != nil {
		return m, fmt.Errorf("telegram: upload: decode message: %w", err)
	}
	return m, nil
}
