package telegramtest

import (
	"net/http"
	"net/url"
	"strings"
	"time"
)

// Limits make the fake a strict Telegram: messages (sendMessage, sendPhoto,
// editMessageText) over a rate are refused with 429 and a retry_after, as
// Telegram's flood control does. Zero fields do not limit.
type Limits struct {
	PerSecond      int // all messages of the bot in any one-second window (Telegram: 30)
	PerChatSecond  int // messages to one private chat in any one-second window (1)
	PerGroupMinute int // messages to one group (negative chat id) in any one-minute window (20)
}

// TelegramLimits are the limits Telegram documents for a bot.
func TelegramLimits() Limits { return Limits{PerSecond: 30, PerChatSecond: 1, PerGroupMinute: 20} }

// SetLimits makes the fake strict (see Limits).
func (f *Fake) SetLimits(l Limits) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.limits = &l
	f.window = map[string][]time.Time{}
}

// TooMany is how many messages the fake refused with 429 under its limits.
func (f *Fake) TooMany() int {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.tooMany
}

// TooManyForBot is how many of TooMany went over the bot's global rate
// (the rest went over a chat's).
func (f *Fake) TooManyForBot() int {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.tooManyBot
}

// overLimitLocked reports whether a message to chat now would go over the
// limits, and counts it when not.
func (f *Fake) overLimitLocked(method string, p url.Values, now time.Time) bool {
	if f.limits == nil || (method != "sendMessage" && method != "sendPhoto" && method != "editMessageText") {
		return false
	}
	chat := p.Get("chat_id")
	chatKey, chatMax, chatWin := "chat:"+chat, f.limits.PerChatSecond, time.Second
	if strings.HasPrefix(chat, "-") {
		chatMax, chatWin = f.limits.PerGroupMinute, time.Minute
	}
	if f.fullLocked("bot", f.limits.PerSecond, time.Second, now) {
		f.tooMany++
		f.tooManyBot++
		return true
	}
	if f.fullLocked(chatKey, chatMax, chatWin, now) {
		f.tooMany++
		return true
	}
	f.window["bot"] = append(f.window["bot"], now)
	f.window[chatKey] = append(f.window[chatKey], now)
	return false
}

// fullLocked reports whether key already has max messages in the window
// before now (forgetting older ones); max 0 never is.
func (f *Fake) fullLocked(key string, max int, win time.Duration, now time.Time) bool {
	if max <= 0 {
		return false
	}
	ts := f.window[key]
	for len(ts) > 0 && now.Sub(ts[0]) >= win {
		ts = ts[1:]
	}
	f.window[key] = ts
	return len(ts) >= max
}

// refuseFlood answers a message over the limits.
func refuseFlood(w http.ResponseWriter) {
	apiErr(w, http.StatusTooManyRequests, "Too Many Requests: retry after 1", map[string]any{"retry_after": 1})
}
