package outbox

import (
	"container/heap"
	"time"

	"github.com/sitrep/sitrep/briefings"
)

// sched is the dispatcher's in-memory plan: claimed rows queued per chat,
// per-platform and per-chat token buckets, and one send in flight per chat
// (so a chat's messages go out in order). It is driven by the caller's clock
// and has no goroutines, so tests step it with a fake clock.
type sched struct {
	limits map[briefings.Platform]Limits
	peers  int // dispatchers sharing each platform's global rate (this one included)
	plats  map[briefings.Platform]*platState
	chats  map[string]*chatState
	queued int // rows waiting (not in flight)
	busy   int // rows in flight
}

type platState struct {
	limits Limits
	global gcra
	heap   chatHeap
	hold   time.Time // no send before (the platform's adapter is down)
}

type chatState struct {
	key      string
	platform briefings.Platform
	chatID   string
	rate     Rate
	rows     []queued
	busy     bool
	hold     time.Time // no send before (retry_after)
	lim      gcra
	at       time.Time // heap key: earliest send time
	index    int       // in platform heap; -1 when not there
}

type queued struct {
	d         *briefings.Delivery
	claimedAt time.Time
}

func newSched(limits map[briefings.Platform]Limits) *sched {
	return &sched{limits: limits, peers: 1, plats: map[briefings.Platform]*platState{}, chats: map[string]*chatState{}}
}

// setPeers shares every platform's global rate between n dispatchers: a
// bot's limit is the platform's, however many processes send for it.
func (s *sched) setPeers(n int) {
	s.peers = max(n, 1)
	for name, p := range s.plats {
		p.limits.Global = s.base(name).Global.shared(s.peers)
	}
}

func (s *sched) base(name briefings.Platform) Limits {
	if l, ok := s.limits[name]; ok {
		return l
	}
	return DefaultLimits(name)
}

func chatKey(c briefings.Chat) string { return string(c.Platform) + "\x00" + c.ChatID }

func (s *sched) plat(name briefings.Platform) *platState {
	p := s.plats[name]
	if p == nil {
		l := s.base(name)
		l.Global = l.Global.shared(s.peers)
		p = &platState{limits: l}
		s.plats[name] = p
	}
	return p
}

func (s *sched) chat(c briefings.Chat) *chatState {
	k := chatKey(c)
	cs := s.chats[k]
	if cs == nil {
		l := s.plat(c.Platform).limits
		r := l.Private
		if l.IsGroup != nil && l.IsGroup(c.ChatID) {
			r = l.Group
		}
		cs = &chatState{key: k, platform: c.Platform, chatID: c.ChatID, rate: r, index: -1}
		s.chats[k] = cs
	}
	return cs
}

// add queues a claimed row.
func (s *sched) add(now time.Time, d *briefings.Delivery) {
	cs := s.chat(d.Chat)
	cs.rows = append(cs.rows, queued{d: d, claimedAt: now})
	s.queued++
	s.push(now, cs)
}

// push puts an idle chat with rows on its platform's heap (or refreshes it).
func (s *sched) push(now time.Time, cs *chatState) {
	if cs.busy || len(cs.rows) == 0 {
		return
	}
	at := cs.lim.next(now, cs.rate)
	if cs.hold.After(at) {
		at = cs.hold
	}
	cs.at = at
	p := s.plat(cs.platform)
	if cs.index >= 0 {
		heap.Fix(&p.heap, cs.index)
	} else {
		heap.Push(&p.heap, cs)
	}
}

// pop returns the next row that may be sent at now, taking its tokens and
// marking its chat busy. When none may, it returns nil and the earliest time
// one may (zero when nothing is queued).
func (s *sched) pop(now time.Time) (d *briefings.Delivery, wake time.Time) {
	for _, p := range s.plats {
		if len(p.heap) == 0 {
			continue
		}
		cs := p.heap[0]
		t := cs.at
		if g := p.global.next(now, p.limits.Global); g.After(t) {
			t = g
		}
		if p.hold.After(t) {
			t = p.hold
		}
		if t.After(now) {
			if wake.IsZero() || t.Before(wake) {
				wake = t
			}
			continue
		}
		heap.Pop(&p.heap)
		p.global.takeOnGrid(now, p.limits.Global)
		cs.lim.take(now, cs.rate)
		cs.busy = true
		q := cs.rows[0]
		cs.rows = cs.rows[1:]
		s.queued--
		s.busy++
		return q.d, time.Time{}
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
// send (retry_after for that chat only).
func (s *sched) done(now time.Time, c briefings.Chat, hold time.Time) {
	cs := s.chats[chatKey(c)]
	if cs == nil {
		return
	}
	if cs.busy {
		cs.busy = false
		s.busy--
	}
	if hold.After(cs.hold) {
		cs.hold = hold
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
		heap.Remove(&s.plat(cs.platform).heap, cs.index)
	}
	return out
}

// shed removes and returns queued rows, whole chats from the back of each
// platform's heap (roughly those that would go last), until at most keep
// rows are queued. Chats with a send in flight are in no heap and stay.
func (s *sched) shed(keep int) []*briefings.Delivery {
	var out []*briefings.Delivery
	for _, p := range s.plats {
		for s.queued > keep && len(p.heap) > 0 {
			cs := p.heap[len(p.heap)-1]
			out = append(out, s.takeChat(briefings.Chat{Platform: cs.platform, ChatID: cs.chatID})...)
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
				heap.Remove(&s.plat(cs.platform).heap, cs.index)
			}
		}
		if len(cs.rows) == 0 && !cs.busy && !cs.hold.After(now) && cs.lim.idle(now) {
			delete(s.chats, k)
		}
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
