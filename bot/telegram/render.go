package telegram

import (
	"github.com/sitrep/sitrep/bot"
	"github.com/sitrep/sitrep/bot/render"
)

// renderChunks renders r in Telegram's HTML parse mode, split into messages
// of at most MaxMessage characters with every part's tags balanced.
func renderChunks(r *bot.Reply) []string {
	return render.Chunks(r, render.FormatHTML, MaxMessage)
}
