package telegramtest

import (
	"net/http"
	"net/url"
	"strings"
	"time"
)

// Limits make the fake a strict Telegram: messages (sendMessage, sendPhoto,
// sendDocument, editMessageText) over a rate are refused with 429 and a retry_after, as
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
	f.flood = NewFlood(l)
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
	if f.flood == nil || (method != "sendMessage" && method != "sendPhoto" && method != "sendDocument" && method != "editMessageText") {
		return false
	}
	ok, botWide := f.flood.Take(p.Get("chat_id"), now)
	if !ok {
		f.tooMany++
		if botWide {
			f.tooManyBot++
		}
	}
	return !ok
}

// Flood is the strict fake's flood control: the messages of the last window
// of the bot and of each chat, judged against Limits. Tests also replay the
// times a pacer let messages go through it, to check the pacing itself
// where a loaded machine delivers requests sent on time in a bunch.
type Flood struct {
	limits Limits
	window map[string][]time.Time // recent messages by "bot" and chat
}

// NewFlood starts a flood control with no messages yet.
func NewFlood(l Limits) *Flood { return &Flood{limits: l, window: map[string][]time.Time{}} }

// Take counts a message to chat at now when the limits allow it (ok), and
// otherwise says whether the bot's global rate (botWide) or the chat's refused
// it. Messages must be taken in time order.
func (f *Flood) Take(chat string, now time.Time) (ok, botWide bool) {
	chatKey, chatMax, chatWin := "chat:"+chat, f.limits.PerChatSecond, time.Second
	if strings.HasPrefix(chat, "-") {
		chatMax, chatWin = f.limits.PerGroupMinute, time.Minute
	}
	if f.full("bot", f.limits.PerSecond, time.Second, now) {
		return false, true
	}
	if f.full(chatKey, chatMax, chatWin, now) {
		return false, false
	}
	f.window["bot"] = append(f.window["bot"], now)
	f.window[chatKey] = append(f.window[chatKey], now)
	return true, false
}

// full reports whether key already has max messages in the window before
// now (forgetting older ones); max 0 never is.
func (f *Flood) full(key string, max int, win time.Duration, now time.Time) bool {
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
