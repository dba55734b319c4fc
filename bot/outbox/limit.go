package outbox

import (
	"math"
	"strings"
	"time"

	"github.com/sitrep/sitrep/briefings"
)

// Rate is a token bucket: one token every Every, up to Burst banked.
// The zero Rate is unlimited.
type Rate struct {
	Every time.Duration
	Burst int
}

// PerSecond returns a rate of n per second with burst 1.
// The interval is rounded up, so n sends never fit in less than a second.
func PerSecond(n float64) Rate {
	return Rate{Every: time.Duration(math.Ceil(float64(time.Second) / n)), Burst: 1}
}

// PerMinute returns a rate of n per minute with burst 1.
func PerMinute(n float64) Rate {
	return Rate{Every: time.Duration(math.Ceil(float64(time.Minute) / n)), Burst: 1}
}

// Unlimited reports whether r does not limit.
func (r Rate) Unlimited() bool { return r.Every <= 0 }

// under returns r slowed by the fraction h (0.03: 3 % fewer sends), with
// the interval rounded up.
func (r Rate) under(h float64) Rate {
	if r.Unlimited() || h <= 0 {
		return r
	}
	r.Every = time.Duration(math.Ceil(float64(r.Every) / (1 - h)))
	return r
}

// shared returns r split between n senders: each gets 1/n of it.
func (r Rate) shared(n int) Rate {
	if r.Unlimited() || n <= 1 {
		return r
	}
	r.Every *= time.Duration(n)
	return r
}

// Limits are one platform's send limits.
type Limits struct {
	Global  Rate // all sends of the bot
	Private Rate // per private chat (or per channel on Discord)
	Group   Rate // per group chat
	// IsGroup tells group chats from private ones; nil: none is a group.
	IsGroup func(chatID string) bool
}

// WithHeadroom returns l with every rate slowed by the fraction h, so
// that a sender pacing at exactly the documented figures still stays under
// them when network jitter bunches its requests at the server.
func (l Limits) WithHeadroom(h float64) Limits {
	l.Global, l.Private, l.Group = l.Global.under(h), l.Private.under(h), l.Group.under(h)
	return l
}

// TelegramLimits are Telegram's documented limits: about 30 messages/s per
// bot, 1/s per chat, 20/min per group (negative chat ids are groups).
func TelegramLimits() Limits {
	return Limits{
		Global:  PerSecond(30),
		Private: PerSecond(1),
		Group:   PerMinute(20),
		IsGroup: func(id string) bool { return strings.HasPrefix(id, "-") },
	}
}

// DiscordLimits: 50 requests/s global; per-channel buckets are kept by
// discordgo itself, so channels get a 5/s guard only.
func DiscordLimits() Limits {
	return Limits{Global: PerSecond(50), Private: PerSecond(5)}
}

// DefaultLimits returns the limits for a platform name.
func DefaultLimits(platform briefings.Platform) Limits {
	switch platform {
	case briefings.PlatformTelegram:
		return TelegramLimits()
	case briefings.PlatformDiscord:
		return DiscordLimits()
	}
	return Limits{}
}

// gcra is a token bucket kept as a theoretical arrival time (GCRA): cheap,
// exact, and driven by the caller's clock.
type gcra struct {
	tat time.Time
}

// next is the earliest time a send may happen under r.
func (g *gcra) next(now time.Time, r Rate) time.Time {
	if r.Unlimited() {
		return now
	}
	tol := time.Duration(max(r.Burst, 1)-1) * r.Every
	t := g.tat.Add(-tol)
	if t.Before(now) {
		return now
	}
	return t
}

// take consumes one token at time at (>= next).
func (g *gcra) take(at time.Time, r Rate) {
	if r.Unlimited() {
		return
	}
	if g.tat.Before(at) {
		g.tat = at
	}
	g.tat = g.tat.Add(r.Every)
}

// takeOnGrid is take for a sender whose clock wakes a little late: when it
// sends less than half an interval after its slot, the next slot stays on
// the original grid (t0 + k*Every) instead of restarting from the late
// send, so wake-up latency does not eat into the rate. It never sends ahead
// of the grid, so any window holds at most one message more than the rate
// allows at burst 1.
func (g *gcra) takeOnGrid(at time.Time, r Rate) {
	if r.Unlimited() {
		return
	}
	if late := at.Sub(g.tat); late >= r.Every/2 {
		g.tat = at
	}
	g.tat = g.tat.Add(r.Every)
}

// idle reports whether the bucket is full at now (so it can be forgotten).
func (g *gcra) idle(now time.Time) bool { return !g.tat.After(now) }
