package outbox

import (
	"context"
	"sync"
	"time"
)

// Budget is one bot's send budget on one platform: the global rate (this
// process's share of it when several processes send for the bot) and each
// chat's rate. The dispatcher and the platform adapter's interactive
// replies (command replies, button edits, callback answers) both take from
// it, so replies during a fan-out do not push the bot over the platform's
// limits, and a reply does not wait behind the fan-out: a reply reserves
// the next free slot (Wait), while the dispatcher only takes a slot that is
// free now, so replies go first. It implements bot.Pacer.
type Budget struct {
	now func() time.Time

	mu     sync.Mutex
	limits Limits // as paced (headroom taken off)
	global Rate   // limits.Global shared by the peers
	peers  int
	g      gcra
	recent []time.Time // the last global slots, oldest first (see window)
	hold   time.Time   // the platform asked the whole bot to wait
	chats  map[string]*chatBucket

	// observe, when set (tests), is told of every global slot given out:
	// when, and to which chat ("" for the global rate only). These are the
	// times the budget lets messages go, before any delay on the way.
	observe func(at time.Time, chat string)
}

type chatBucket struct {
	rate Rate
	lim  gcra
	hold time.Time // the platform asked this chat to wait (retry_after)
}

// maxChatBuckets bounds the chats a budget remembers; idle ones go first.
const maxChatBuckets = 100000

// NewBudget returns a budget that paces headroom under limits (see
// Options.Headroom: 0 takes DefaultHeadroom, a negative value none) by the
// clock now (nil: time.Now), which must be the dispatcher's (Options.Now).
func NewBudget(limits Limits, headroom float64, now func() time.Time) *Budget {
	if headroom == 0 {
		headroom = DefaultHeadroom
	}
	if now == nil {
		now = time.Now
	}
	return newBudget(limits.WithHeadroom(min(headroom, 0.5)), now)
}

// newBudget paces at limits exactly.
func newBudget(limits Limits, now func() time.Time) *Budget {
	return &Budget{now: now, limits: limits, global: limits.Global, peers: 1, chats: map[string]*chatBucket{}}
}

// setPeers shares the global rate between n dispatchers (processes).
func (b *Budget) setPeers(n int) {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.peers = max(n, 1)
	b.global = b.limits.Global.shared(b.peers)
}

func (b *Budget) chatLocked(id string) *chatBucket {
	c := b.chats[id]
	if c == nil {
		if len(b.chats) >= maxChatBuckets {
			b.forgetLocked(b.now())
		}
		r := b.limits.Private
		if b.limits.IsGroup != nil && b.limits.IsGroup(id) {
			r = b.limits.Group
		}
		c = &chatBucket{rate: r}
		b.chats[id] = c
	}
	return c
}

func later(a, b time.Time) time.Time {
	if b.After(a) {
		return b
	}
	return a
}

// chatNext is the earliest time a message to chat id may go by the chat's
// own rate and hold.
func (b *Budget) chatNext(now time.Time, id string) time.Time {
	b.mu.Lock()
	defer b.mu.Unlock()
	c := b.chatLocked(id)
	return later(c.lim.next(now, c.rate), c.hold)
}

// globalNext is the earliest time any message may go by the global rate
// and hold.
func (b *Budget) globalNext(now time.Time) time.Time {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.globalNextLocked(now)
}

// globalNextLocked is globalNext. Besides the rate's token bucket, no more
// slots than the rate holds whole in a second (29 at 29.1/s) are given out
// in any one second: a bucket at 29.1/s lets 30 fall into a second now and
// then, and a request that left a little late (a busy machine, a slow
// handler) then makes 31 arrive within one second, which a platform
// counting per second refuses.
func (b *Budget) globalNextLocked(now time.Time) time.Time {
	t := later(b.g.next(now, b.global), b.hold)
	if n := b.window(); n > 0 && len(b.recent) >= n {
		t = later(t, b.recent[len(b.recent)-n].Add(time.Second))
	}
	return t
}

// window is how many slots any one second may hold (0: no such cap).
func (b *Budget) window() int {
	if b.global.Unlimited() {
		return 0
	}
	n := int(float64(time.Second)/float64(b.global.Every) + 1e-6) // PerSecond rounds Every up
	if n < 2 {
		return 0 // the bucket alone spaces slow rates a second apart
	}
	return n
}

// noteLocked records a global slot at t.
func (b *Budget) noteLocked(t time.Time) {
	n := b.window()
	if n == 0 {
		return
	}
	b.recent = append(b.recent, t)
	if len(b.recent) > 2*n {
		b.recent = append(b.recent[:0], b.recent[len(b.recent)-n:]...)
	}
}

// take spends a slot now on a message to chat id (the dispatcher's send).
func (b *Budget) take(now time.Time, id string) {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.g.takeOnGrid(now, b.global)
	b.noteLocked(now)
	c := b.chatLocked(id)
	c.lim.take(now, c.rate)
	if b.observe != nil {
		b.observe(now, id)
	}
}

// reserveChat takes chat id's next slot and returns when it is.
func (b *Budget) reserveChat(now time.Time, id string) time.Time {
	b.mu.Lock()
	defer b.mu.Unlock()
	c := b.chatLocked(id)
	at := later(c.lim.next(now, c.rate), c.hold)
	c.lim.take(at, c.rate)
	return at
}

// reserveGlobal takes the next global slot and returns when it is.
func (b *Budget) reserveGlobal(now time.Time) time.Time {
	b.mu.Lock()
	defer b.mu.Unlock()
	at := b.globalNextLocked(now)
	b.g.take(at, b.global)
	b.noteLocked(at)
	return at
}

// Wait blocks until a message to chat id may go, and spends its slots:
// the chat's first, then a global one (so waiting for a busy chat does not
// hold global slots others could use). id "" counts against the global
// rate only (a callback answer).
//
// A caller that wakes up well after its slot (the machine was busy, so
// others slept past theirs too) takes a new one instead of going at once:
// late senders released together would arrive together, more in one second
// than the platform takes.
func (b *Budget) Wait(ctx context.Context, id string) error {
	if id != "" {
		if err := sleepUntil(ctx, b.now, b.reserveChat(b.now(), id)); err != nil {
			return err
		}
	}
	for {
		at := b.reserveGlobal(b.now())
		if err := sleepUntil(ctx, b.now, at); err != nil {
			return err
		}
		if b.now().Sub(at) <= b.lateness() {
			b.sent(at, id)
			return nil
		}
	}
}

// sent records that Wait let a message to chat id go at its global slot
// at: the chat's next slot is a chat interval after at. The chat slot Wait
// took first may be long past by then (the global rate was busy), and the
// platform counts the chat's rate from the messages it receives.
func (b *Budget) sent(at time.Time, id string) {
	b.mu.Lock()
	defer b.mu.Unlock()
	if id != "" {
		c := b.chatLocked(id)
		if !c.rate.Unlimited() {
			if next := at.Add(c.rate.Every); c.lim.tat.Before(next) {
				c.lim.tat = next
			}
		}
	}
	if b.observe != nil {
		b.observe(at, id)
	}
}

// lateness is how late after its global slot a reply may still go.
func (b *Budget) lateness() time.Duration {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.global.Unlimited() {
		return time.Hour
	}
	return b.global.Every / 2
}

// Hold keeps chat id (id "": the whole bot) quiet until until, as the
// platform asked (a 429's retry_after).
func (b *Budget) Hold(id string, until time.Time) {
	b.mu.Lock()
	defer b.mu.Unlock()
	if id == "" {
		b.hold = later(b.hold, until)
		return
	}
	c := b.chatLocked(id)
	c.hold = later(c.hold, until)
}

// idleChat reports whether chat id's bucket is full and unheld at now.
func (b *Budget) idleChat(now time.Time, id string) bool {
	b.mu.Lock()
	defer b.mu.Unlock()
	c := b.chats[id]
	return c == nil || c.lim.idle(now) && !c.hold.After(now)
}

// forget drops the buckets of idle chats (they carry no state).
func (b *Budget) forget(now time.Time) {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.forgetLocked(now)
}

func (b *Budget) forgetLocked(now time.Time) {
	for id, c := range b.chats {
		if c.lim.idle(now) && !c.hold.After(now) {
			delete(b.chats, id)
		}
	}
}

// sleepUntil waits until t by the clock now, or until ctx ends.
func sleepUntil(ctx context.Context, now func() time.Time, t time.Time) error {
	d := t.Sub(now())
	if d <= 0 {
		return ctx.Err()
	}
	timer := time.NewTimer(d)
	defer timer.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-timer.C:
		return nil
	}
}
