package discord

import (
	"github.com/sitrep/sitrep/bot"
	"github.com/sitrep/sitrep/bot/render"
)

// renderChunks renders a plain reply as escaped Discord markdown in messages
// of at most limit characters.
func renderChunks(r *bot.Reply, limit int) []string {
	return render.Chunks(r, render.FormatDiscord, limit)
}
