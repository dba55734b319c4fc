package telegram

import (
	"context"
	"log/slog"
	"strconv"
	"strings"

	tgbotapi "github.com/go-telegram-bot-api/telegram-bot-api/v5"

	"github.com/sitrep/sitrep/bot"
)

const maxCommandDescription = 256

// menu returns the command menu from the command table: everyone's
// commands, and with admin=true also the admins' ones.
func menu(admin bool) []tgbotapi.BotCommand {
	var out []tgbotapi.BotCommand
	for _, c := range bot.Commands() {
		if c.Hidden || c.Access == bot.Admins && !admin {
			continue
		}
		desc := strings.TrimSpace(c.Help.Summary)
		if desc == "" {
			desc = c.Name
		}
		out = append(out, tgbotapi.BotCommand{Command: strings.ToLower(c.Name), Description: truncate(desc, maxCommandDescription)})
	}
	return out
}

// setCommands registers the command menu: the public commands for everyone,
// and the full list in each admin's private chat. Failures are logged only.
func (b *Bot) setCommands(ctx context.Context) {
	if _, err := b.request(ctx, tgbotapi.NewSetMyCommands(menu(false)...)); err != nil {
		b.log.Warn("telegram setMyCommands failed", slog.Any("error", err))
	}
	for id, ok := range b.cfg.Admins {
		if !ok {
			continue
		}
		uid, err := strconv.ParseInt(id, 10, 64)
		if err != nil {
			continue
		}
		cfg := tgbotapi.NewSetMyCommandsWithScope(tgbotapi.NewBotCommandScopeChat(uid), menu(true)...)
		if _, err := b.request(ctx, cfg); err != nil {
			// Typically the admin has not opened a chat with the bot yet.
			b.log.Warn("telegram setMyCommands for admin failed", slog.String("user_id", id), slog.Any("error", err))
		}
	}
}
