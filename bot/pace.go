package bot

import (
	"context"
	"time"
)

// Pacer spaces a bot's messages under its platform's rate limits. The
// outbox dispatcher and the adapter's interactive replies share one (one
// budget per bot token), so replies and broadcasts together stay under the
// limits and replies go first.
type Pacer interface {
	// Wait blocks until a message to chatID may go, and counts it; chatID
	// "" counts against the bot's global rate only (a callback answer).
	Wait(ctx context.Context, chatID string) error
	// Hold keeps chatID (or, for "", every chat) quiet until until, as the
	// platform asked with a 429's retry_after.
	Hold(chatID string, until time.Time)
}
