package outbox

import (
	"container/heap"
	"slices"
	"time"

	"github.com/sitrep/sitrep/briefings"
)

// sched is the dispatcher's in-memory plan: claimed rows queued per chat,
// each platform's Budget (global and per-chat rates, shared with the
// adapter's replies), and one send in flight per chat (so a chat's messages
// go out in order). Among chats that may send, alerts go before digests.
// It is driven by the caller's clock and has no goroutines, so tests step
// it with a fake clock.
type sched struct {
	budgets map[briefings.Platform]*Budget
	peers   int // dispatchers sharing each platform's global rate (this one included)
	plats   map[briefings.Platform]*platState
	chats   map[string]*chatState
	queued  int // rows waiting (not in flight)
	busy    int // rows in flight
}

// Priority classes of queued rows: alerts, then everything else.
const (
	classAlert = iota
	classOther
	numClasses
)

func classOf(d *briefings.Delivery) int {
	if d.Kind == briefings.DeliveryAlert {
		return classAlert
	}
	return classOther
}

type platState struct {
	b     *Budget
	heaps [numClasses]chatHeap // idle chats with rows, by their head row's class
	hold  time.Time            // no send before (the platform's adapter is down)
}

type chatState struct {
	key      string
	platform briefings.Platform
	chatID   string
	rows     []queued
	busy     bool
	at       time.Time // heap key: earliest send time by the chat's rate and hold
	class    int       // the heap the chat is in
	index    int       // in that heap; -1 when in none
}

type queued struct {
	d         *briefings.Delivery
	claimedAt time.Time
}

// newSched paces each platform at limits exactly (the caller takes any
// headroom off); platforms not named get their DefaultLimits.
func newSched(limits map[briefings.Platform]Limits) *sched {
	b := make(map[briefings.Platform]*Budget, len(limits))
	for name, l := range limits {
		b[name] = newBudget(l, time.Now)
	}
	return newSchedBudgets(b)
}

func newSchedBudgets(budgets map[briefings.Platform]*Budget) *sched {
	return &sched{budgets: budgets, peers: 1, plats: map[briefings.Platform]*platState{}, chats: map[string]*chatState{}}
}

// setPeers shares every platform's global rate between n dispatchers: a
// bot's limit is the platform's, however many processes send for it.
func (s *sched) setPeers(n int) {
	s.peers = max(n, 1)
	for _, b := range s.budgets {
		b.setPeers(s.peers)
	}
}

func chatKey(c briefings.Chat) string { return string(c.Platform) + "\x00" + c.ChatID }

func (s *sched) plat(name briefings.Platform) *platState {
	p := s.plats[name]
	if p == nil {
		b := s.budgets[name]
		if b == nil {
			b = newBudget(DefaultLimits(name), time.Now)
			b.setPeers(s.peers)
			s.budgets[name] = b
		}
		p = &platState{b: b}
		s.plats[name] = p
	}
	return p
}

func (s *sched) chat(c briefings.Chat) *chatState {
	k := chatKey(c)
	cs := s.chats[k]
	if cs == nil {
		cs = &chatState{key: k, platform: c.Platform, chatID: c.ChatID, index: -1}
		s.chats[k] = cs
	}
	return cs
}

// add queues a claimed row: an alert after the chat's queued alerts and
// before its other rows, anything else at the end.
func (s *sched) add(now time.Time, d *briefings.Delivery) {
	cs := s.chat(d.Chat)
	q := queued{d: d, claimedAt: now}
	i := len(cs.rows)
	if classOf(d) == classAlert {
		for i > 0 && classOf(cs.rows[i-1].d) != classAlert {
			i--
		}
	}
	cs.rows = slices.Insert(cs.rows, i, q)
	s.queued++
	s.push(now, cs)
}

// push puts an idle chat with rows on its platform's heap for its head
// row's class (or refreshes it there).
func (s *sched) push(now time.Time, cs *chatState) {
	if cs.busy || len(cs.rows) == 0 {
		return
	}
	p := s.plat(cs.platform)
	cs.at = p.b.chatNext(now, cs.chatID)
	class := classOf(cs.rows[0].d)
	if cs.index >= 0 && cs.class != class {
		heap.Remove(&p.heaps[cs.class], cs.index)
	}
	cs.class = class
	if cs.index >= 0 {
		heap.Fix(&p.heaps[class], cs.index)
	} else {
		heap.Push(&p.heaps[class], cs)
	}
}

// pop returns the next row that may be sent at now, spending its slots in
// the budget and marking its chat busy: the first ready chat of the highest
// class. When none may, it returns nil and the earliest time one may (zero
// when nothing is queued).
func (s *sched) pop(now time.Time) (d *briefings.Delivery, wake time.Time) {
	soonest := func(t time.Time) {
		if wake.IsZero() || t.Before(wake) {
			wake = t
		}
	}
	for _, p := range s.plats {
		g := later(p.b.globalNext(now), p.hold)
		for class := range numClasses {
			h := &p.heaps[class]
			for len(*h) > 0 {
				cs := (*h)[0]
				if t := later(cs.at, g); t.After(now) {
					soonest(t)
					break
				}
				// A reply may have taken the chat's slot since it was queued.
				if c := p.b.chatNext(now, cs.chatID); c.After(now) {
					cs.at = c
					heap.Fix(h, cs.index)
					continue
				}
				heap.Pop(h)
				p.b.take(now, cs.chatID)
				cs.busy = true
				q := cs.rows[0]
				cs.rows = cs.rows[1:]
				s.queued--
				s.busy++
				return q.d, time.Time{}
			}
		}
	}
	return nil, wake
}

// holdPlatform sends nothing on the platform before until.
func (s *sched) holdPlatform(name briefings.Platform, until time.Time) {
	if p := s.plat(name); until.After(p.hold) {
		p.hold = until
	}
}

// done ends a chat's send; hold (if later than now) delays the chat's next
// send, its replies' too (retry_after for that chat only).
func (s *sched) done(now time.Time, c briefings.Chat, hold time.Time) {
	cs := s.chats[chatKey(c)]
	if cs == nil {
		return
	}
	if cs.busy {
		cs.busy = false
		s.busy--
	}
	if hold.After(now) {
		s.plat(c.Platform).b.Hold(c.ChatID, hold)
	}
	s.push(now, cs)
}

// takeChat removes and returns every queued row of a chat (paused or
// migrated chats release their rows to the store).
func (s *sched) takeChat(c briefings.Chat) []*briefings.Delivery {
	cs := s.chats[chatKey(c)]
	if cs == nil {
		return nil
	}
	var out []*briefings.Delivery
	for _, q := range cs.rows {
		out = append(out, q.d)
	}
	s.queued -= len(cs.rows)
	cs.rows = nil
	if cs.index >= 0 {
		heap.Remove(&s.plat(cs.platform).heaps[cs.class], cs.index)
	}
	return out
}

// shed removes and returns queued rows, whole chats from the back of each
// platform's heap (roughly those that would go last), until at most keep
// rows are queued. Chats with a send in flight are in no heap and stay.
func (s *sched) shed(keep int) []*briefings.Delivery {
	var out []*briefings.Delivery
	for class := numClasses - 1; class >= 0; class-- { // the lowest class first
		for _, p := range s.plats {
			h := p.heaps[class]
			for s.queued > keep && len(h) > 0 {
				cs := h[len(h)-1]
				out = append(out, s.takeChat(briefings.Chat{Platform: cs.platform, ChatID: cs.chatID})...)
				h = p.heaps[class]
			}
		}
	}
	return out
}

// stale removes and returns queued rows that should go back to the store:
// claimed longer than maxHold ago, or in a chat that may not send before
// now+maxHold (their claim lease would run out while they wait). It also
// forgets idle chats whose buckets are full, which bounds memory.
func (s *sched) stale(now time.Time, maxHold time.Duration) []*briefings.Delivery {
	var out []*briefings.Delivery
	for k, cs := range s.chats {
		if len(cs.rows) > 0 && !cs.busy {
			if cs.at.After(now.Add(maxHold)) {
				out = append(out, s.takeChat(briefings.Chat{Platform: cs.platform, ChatID: cs.chatID})...)
				continue
			}
			keep := cs.rows[:0]
			for _, q := range cs.rows {
				if now.Sub(q.claimedAt) > maxHold {
					out = append(out, q.d)
					s.queued--
				} else {
					keep = append(keep, q)
				}
			}
			cs.rows = keep
			if len(cs.rows) == 0 && cs.index >= 0 {
				heap.Remove(&s.plat(cs.platform).heaps[cs.class], cs.index)
			} else if cs.index >= 0 && classOf(cs.rows[0].d) != cs.class {
				s.push(now, cs)
			}
		}
		if len(cs.rows) == 0 && !cs.busy && s.plat(cs.platform).b.idleChat(now, cs.chatID) {
			delete(s.chats, k)
		}
	}
	for _, b := range s.budgets {
		b.forget(now)
	}
	return out
}

// all removes and returns every queued row (shutdown).
func (s *sched) all() []*briefings.Delivery {
	var out []*briefings.Delivery
	for _, cs := range s.chats {
		out = append(out, s.takeChat(briefings.Chat{Platform: cs.platform, ChatID: cs.chatID})...)
	}
	return out
}

// chatHeap orders chats by their earliest send time.
type chatHeap []*chatState

func (h chatHeap) Len() int           { return len(h) }
func (h chatHeap) Less(i, j int) bool { return h[i].at.Before(h[j].at) }
func (h chatHeap) Swap(i, j int) {
	h[i], h[j] = h[j], h[i]
	h[i].index = i
	h[j].index = j
}
func (h *chatHeap) Push(x any) {
	cs := x.(*chatState)
	cs.index = len(*h)
	*h = append(*h, cs)
}
func (h *chatHeap) Pop() any {
	old := *h
	n := len(old)
	cs := old[n-1]
	old[n-1] = nil
	cs.index = -1
	*h = old[:n-1]
	return cs
}
