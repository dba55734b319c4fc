package telegram

import (
	"context"
	"log/slog"
	"strconv"
	"strings"

	tgbotapi "github.com/go-telegram-bot-api/telegram-bot-api/v5"

	"github.com/sitrep/sitrep/bot"
	"github.com/sitrep/sitrep/briefings/locale"
)

const maxCommandDescription = 256

// menu returns the command menu from the command table in pr's language
// (nil: the table's English): everyone's commands, and with admin=true also
// the admins' ones.
func menu(pr *locale.Printer, admin bool) []tgbotapi.BotCommand {
	var out []tgbotapi.BotCommand
	for _, c := range bot.Commands() {
		if c.Hidden || c.Access == bot.Admins && !admin {
			continue
		}
		desc := strings.TrimSpace(bot.CommandHelp(pr, c).Summary)
		if desc == "" {
			desc = c.Name
		}
		out = append(out, tgbotapi.BotCommand{Command: strings.ToLower(c.Name), Description: truncate(desc, maxCommandDescription)})
	}
	return out
}

// setCommands registers the command menu: the public commands for everyone
// in the default language, then for the users of each language the
// catalogue has (Telegram picks by the user's language_code), and the full
// list in each admin's private chat. Failures are logged only.
func (b *Bot) setCommands(ctx context.Context) {
	def := b.printer("")
	if _, err := b.request(ctx, tgbotapi.NewSetMyCommands(menu(def, false)...)); err != nil {
		b.log.Warn("telegram setMyCommands failed", slog.Any("error", err))
	}
	if b.cfg.Catalogue != nil {
		for _, l := range b.cfg.Catalogue.Langs() {
			cfg := tgbotapi.NewSetMyCommandsWithScopeAndLanguage(tgbotapi.NewBotCommandScopeDefault(), string(l),
				menu(b.cfg.Catalogue.For(l), false)...)
			if _, err := b.request(ctx, cfg); err != nil {
				b.log.Warn("telegram setMyCommands failed", slog.String("language", string(l)), slog.Any("error", err))
			}
		}
	}
	for id, ok := range b.cfg.Admins {
		if !ok {
			continue
		}
		uid, err := strconv.ParseInt(id, 10, 64)
		if err != nil {
			continue
		}
		cfg := tgbotapi.NewSetMyCommandsWithScope(tgbotapi.NewBotCommandScopeChat(uid), menu(def, true)...)
		if _, err := b.request(ctx, cfg); err != nil {
			// Typically the admin has not opened a chat with the bot yet.
			b.log.Warn("telegram setMyCommands for admin failed", slog.String("user_id", id), slog.Any("error", err))
		}
	}
}

// printer is the catalogue's printer of a language code, the configured
// default language's when the code is "" or not in the catalogue; nil
// without a catalogue.
func (b *Bot) printer(code string) *locale.Printer {
	cat := b.cfg.Catalogue
	if cat == nil {
		return nil
	}
	if l, ok := cat.Match(code); ok {
		return cat.For(l)
	}
	return cat.For(b.cfg.Lang)
}
