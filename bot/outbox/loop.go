package outbox

import (
	"context"
	"log/slog"
	"sync"
	"time"

	"github.com/sitrep/sitrep/briefings"
)

// Run sends until ctx ends. On cancel it stops claiming, releases queued
// rows to the store (due now, so a restart sends them at once), and lets
// in-flight sends finish within DrainTimeout.
//
// One loop owns the scheduler: it hands due rows to the workers, applies
// their results, asks the claimer for rows when there is room, and sleeps
// until the next of these. Claims, stats and the peer count run beside it,
// so a slow database never delays a send slot of the rate limiters.
func (d *Dispatcher) Run(ctx context.Context) error {
	l := d.newLoop()
	// Count the others before the first send, so a process joining a
	// fan-out never adds a full rate on top of theirs.
	d.m.Dispatchers.Set(1)
	l.setPeers(d.beat(ctx).peers)
	defer d.leave()
	l.waitForPeers()
	// Sends outlive ctx by at most DrainTimeout.
	sendCtx, cancelSends := context.WithCancel(context.WithoutCancel(ctx))
	defer cancelSends()
	defer l.startWorkers(sendCtx)()
	defer l.startBackground(ctx)()
	defer l.timer.Stop()
	for ctx.Err() == nil {
		l.step(ctx)
	}
	l.shutdown(ctx, cancelSends)
	return nil
}

// loop is the state of one Run.
type loop struct {
	d *Dispatcher
	s *sched
	// maxHeld bounds the rows claimed and not finished. Alone, MaxInFlight.
	// Sharing the rates with others, no more than this dispatcher's share
	// sends in claimAhead: rows claimed here wait for this process's tokens
	// while another process could send them, so a hoarding dispatcher
	// would halve a two-process fan-out.
	maxHeld, minClaim int
	sendAfter         time.Time // send nothing before (joining others)

	jobs     chan *briefings.Delivery
	results  chan result
	claimReq chan int
	claimRes chan claimed
	peersCh  chan beatResult

	timer      *time.Timer
	nextClaim  time.Time // zero: claim at once
	claiming   bool
	nextStale  time.Time
	maxHold    time.Duration
	migrations map[string]string // chat key -> new chat id
	held       map[int64]bool    // rows queued or in flight here
	// settled are the rows finished (sent, retried, dead) or handed back
	// while the claim under way runs. That claim may have read them from
	// the store before they settled (their claim leases ran out while they
	// were sent or queued: a slow send, a loaded machine), so its answer
	// holds stale copies: queued again, a sent row would go out twice from
	// one live process, and a row handed back (pending in the store, anyone's)
	// would be sent here and by the dispatcher that claims it next. A row
	// the claim took after it was handed back stays claimed here unsent and
	// comes back when that claim lease ends: late, never twice.
	settled map[int64]bool
}

// claimed is what one Claim returned.
type claimed struct {
	rows    []*briefings.Delivery
	n       int
	err     error
	claimer string // the presence lease they were claimed under
}

func (d *Dispatcher) newLoop() *loop {
	l := &loop{d: d, s: newSchedBudgets(d.budgets),
		jobs: make(chan *briefings.Delivery), results: make(chan result, d.o.Workers),
		claimReq: make(chan int), claimRes: make(chan claimed, 1), peersCh: make(chan beatResult, 1),
		timer: time.NewTimer(0), nextStale: d.o.Now().Add(time.Second), maxHold: d.o.Lease / 2,
		migrations: map[string]string{}, held: map[int64]bool{}, settled: map[int64]bool{},
	}
	l.maxHeld, l.minClaim = d.claimBounds(1)
	return l
}

// setPeers shares the rates between n dispatchers (n > 0).
func (l *loop) setPeers(n int) {
	if n <= 0 || n == l.s.peers {
		return
	}
	l.d.log.Info("outbox: dispatchers sharing the platforms' rates", slog.Int("dispatchers", n))
	l.s.setPeers(n)
	l.d.peers.Store(int32(n))
	l.d.m.Dispatchers.Set(float64(n))
	l.maxHeld, l.minClaim = l.d.claimBounds(n)
}

// waitForPeers: joining others, send nothing for a beat and a fifth (the
// fifth for their beat's own queries): by then each of them has counted
// this one and slowed to its new share, so the bot's total does not go over
// a limit while they learn of it.
func (l *loop) waitForPeers() {
	if l.s.peers > 1 {
		l.sendAfter = l.d.o.Now().Add(l.d.o.PeerEvery * 6 / 5)
	}
}

// startWorkers starts the senders; the function returned stops them once
// their jobs are done.
func (l *loop) startWorkers(sendCtx context.Context) (stop func()) {
	var wg sync.WaitGroup
	for range l.d.o.Workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for job := range l.jobs {
				l.results <- l.d.deliver(sendCtx, job)
			}
		}()
	}
	return func() {
		close(l.jobs)
		wg.Wait()
	}
}

// startBackground starts the claimer, the stats refresher and the peer
// counter; the function returned stops them.
func (l *loop) startBackground(ctx context.Context) (stop func()) {
	statsCtx, stopStats := context.WithCancel(ctx)
	var bg sync.WaitGroup
	bg.Add(3)
	go func() {
		defer bg.Done()
		l.claimer(ctx)
	}()
	go func() {
		defer bg.Done()
		l.refreshStats(statsCtx)
	}()
	go func() {
		defer bg.Done()
		l.countPeers(statsCtx)
	}()
	return func() {
		stopStats()
		close(l.claimReq)
		bg.Wait()
	}
}

// claimer claims the rows the loop asks for.
func (l *loop) claimer(ctx context.Context) {
	d := l.d
	for n := range l.claimReq {
		// Not cancelled with ctx: a claim cut off mid-way could leave
		// rows claimed that we never see (until their lease ends).
		now := d.o.Now()
		claimer, present := d.presence(now)
		if !present {
			l.claimRes <- claimed{n: n, claimer: claimer} // nothing: no claim without a live presence
			continue
		}
		cctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 30*time.Second)
		rows, err := d.st.Claim(cctx, claimer, now, now.Add(d.o.Lease), n)
		cancel()
		l.claimRes <- claimed{rows, n, err, claimer}
	}
}

// refreshStats updates the queue metrics every 10 seconds.
func (l *loop) refreshStats(ctx context.Context) {
	t := time.NewTicker(10 * time.Second)
	defer t.Stop()
	for {
		if _, err := l.d.Stats(ctx); err != nil && ctx.Err() == nil {
			l.d.log.Warn("outbox: stats", slog.Any("error", err))
		}
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
	}
}

// countPeers renews the presence lease every PeerEvery and tells the loop
// how many dispatchers share the rates.
func (l *loop) countPeers(ctx context.Context) {
	t := time.NewTicker(l.d.o.PeerEvery)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
		if b := l.d.beat(ctx); b.peers > 0 || b.lapsed {
			select {
			case old := <-l.peersCh: // replace a count the loop has not taken
				b.lapsed = b.lapsed || old.lapsed
			default:
			}
			l.peersCh <- b
		}
	}
}

// step is one turn of the loop: claim when there is room, give back rows
// waiting too long, hand out what may go, and wait for the next event.
func (l *loop) step(ctx context.Context) {
	now := l.d.o.Now()
	room := l.maxHeld - l.s.queued - l.s.busy
	if !l.claiming && !now.Before(l.nextClaim) && (room >= l.minClaim || (room > 0 && l.s.queued+l.s.busy == 0)) {
		l.claiming = true
		l.claimReq <- min(room, l.d.o.ClaimBatch)
	}
	if !now.Before(l.nextStale) {
		l.giveBack(l.s.stale(now, l.maxHold), "deferred")
		l.nextStale = now.Add(time.Second)
	}
	wake := l.handOut(now)
	// Sleep until the next event.
	next := l.nextStale
	if !l.claiming && l.nextClaim.Before(next) && room >= l.minClaim {
		next = l.nextClaim
	}
	if !wake.IsZero() && wake.Before(next) && l.s.busy < l.d.o.Workers {
		next = wake
	}
	l.wait(ctx, next)
}

// handOut gives every row that may go now to free workers. It returns when
// the next row may go (zero: none queued, or all workers busy).
func (l *loop) handOut(now time.Time) (wake time.Time) {
	_, present := l.d.presence(now)
	for l.s.busy < l.d.o.Workers && present {
		if now.Before(l.sendAfter) {
			return l.sendAfter
		}
		job, w := l.s.pop(now)
		if job == nil {
			return w
		}
		select {
		case l.jobs <- job:
		case r := <-l.results: // a worker is finishing; take its result first
			l.apply(l.d.o.Now(), r)
			l.jobs <- job
		}
	}
	return time.Time{}
}

// wait sleeps until next or an event: a send's result, claimed rows, a
// peer count, a notification, or ctx's end.
func (l *loop) wait(ctx context.Context, next time.Time) {
	l.timer.Reset(max(next.Sub(l.d.o.Now()), 0))
	select {
	case <-ctx.Done():
	case r := <-l.results:
		l.apply(l.d.o.Now(), r)
	case c := <-l.claimRes:
		l.addClaimed(ctx, c)
	case b := <-l.peersCh:
		l.peersCounted(b)
	case <-l.d.notify:
		l.nextClaim = time.Time{}
	case <-l.timer.C:
	}
	if !l.timer.Stop() {
		select {
		case <-l.timer.C:
		default:
		}
	}
}

// forget drops a row held here: it was finished or handed back.
func (l *loop) forget(id int64) {
	delete(l.held, id)
	if l.claiming {
		l.settled[id] = true
	}
}

// giveBack releases rows held here to the store.
func (l *loop) giveBack(rows []*briefings.Delivery, why string) {
	for _, r := range rows {
		l.forget(r.ID)
	}
	l.d.release(rows, why)
}

// apply records a send's result in the scheduler.
func (l *loop) apply(now time.Time, r result) {
	l.forget(r.d.ID)
	if r.migrate != nil {
		l.migrations[chatKey(r.d.Chat)] = r.migrate.ChatID
	}
	if !r.holdAll.IsZero() {
		l.s.holdPlatform(r.d.Chat.Platform, r.holdAll)
	}
	l.s.done(now, r.d.Chat, r.hold)
	if r.drop != nil || r.migrate != nil {
		// Pending rows moved/paused in the store; hand ours back too.
		l.giveBack(l.s.takeChat(r.d.Chat), "chat changed")
	}
}

// addClaimed queues claimed rows and sets when to claim next.
func (l *loop) addClaimed(ctx context.Context, c claimed) {
	l.claiming = false
	defer clear(l.settled)
	now := l.d.o.Now()
	if c.err != nil && ctx.Err() == nil {
		l.d.log.Error("outbox: claim", slog.Any("error", c.err))
	}
	if name, _ := l.d.presence(now); name != c.claimer {
		// Claimed under a presence that lapsed meanwhile: the rows are
		// anyone's once a live dispatcher claims again.
		c.rows = nil
	}
	for _, r := range c.rows {
		if l.held[r.ID] || l.settled[r.ID] {
			// Still ours (its lease ran out while it waited or was sent),
			// or settled since this claim read it (see loop.settled).
			continue
		}
		l.held[r.ID] = true
		if to, ok := l.migrations[chatKey(r.Chat)]; ok {
			r.Chat.ChatID = to
		}
		l.s.add(now, r)
	}
	if len(c.rows) == c.n && c.err == nil {
		l.nextClaim = now // more may be due: claim again when there is room
	} else {
		l.nextClaim = now.Add(l.d.o.Poll)
	}
}

// peersCounted takes a peer count: rows held under a lapsed presence are
// forgotten, and rows beyond a smaller share go back for the others.
func (l *loop) peersCounted(b beatResult) {
	if b.lapsed {
		// Rows queued here were claimed under the lapsed presence and may
		// be another dispatcher's now: forget them unsent.
		for _, r := range l.s.all() {
			delete(l.held, r.ID)
		}
	}
	l.setPeers(b.peers)
	if l.s.queued+l.s.busy > l.maxHeld {
		// Others joined: what this one holds beyond its new share goes
		// back for them to claim, or a fan-out claimed alone would go on
		// at this one's share only.
		l.giveBack(l.s.shed(max(l.maxHeld-l.s.busy, 0)), "shared with another dispatcher")
		l.nextClaim = l.d.o.Now().Add(l.d.o.Poll)
	}
}

// shutdown hands queued rows back, then drains in-flight sends, cancelling
// them after DrainTimeout.
func (l *loop) shutdown(ctx context.Context, cancelSends func()) {
	if l.claiming { // a claim is under way: take its rows to hand them back
		l.addClaimed(ctx, <-l.claimRes)
	}
	l.giveBack(l.s.all(), "released on shutdown")
	drain := time.NewTimer(l.d.o.DrainTimeout)
	defer drain.Stop()
	for l.s.busy > 0 {
		select {
		case r := <-l.results:
			l.s.done(l.d.o.Now(), r.d.Chat, time.Time{})
			l.giveBack(l.s.takeChat(r.d.Chat), "released on shutdown")
		case <-drain.C:
			l.d.log.Warn("outbox: drain timeout, cancelling in-flight sends", slog.Int("in_flight", l.s.busy))
			cancelSends()
			drain.Reset(time.Hour)
		}
	}
	l.d.log.Info("outbox: dispatcher stopped")
}
