package outbox

import (
	"context"
	"log/slog"
	"sync"
	"testing"
	"time"

	"github.com/sitrep/sitrep/bot"
	"github.com/sitrep/sitrep/briefings"
	"github.com/sitrep/sitrep/briefings/store"
	"github.com/sitrep/sitrep/briefings/store/storetest"
)

// stepClock is a clock the test moves by hand.
type stepClock struct {
	mu  sync.Mutex
	now time.Time
}

func (c *stepClock) Now() time.Time { c.mu.Lock(); defer c.mu.Unlock(); return c.now }
func (c *stepClock) Add(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.now = c.now.Add(d)
}

// gatedReleaseStore holds each Release until the test opens the gate, and
// reports it done.
type gatedReleaseStore struct {
	*store.DB
	gate     chan struct{}
	released chan int64
}

func (s *gatedReleaseStore) Release(ctx context.Context, id int64, why string, next time.Time) error {
	<-s.gate
	err := s.DB.Release(ctx, id, why, next)
	s.released <- id
	return err
}

// TestClaimAnswerAfterRowSettled: a claim under way while the loop settles
// rows it holds (one sent, one handed back) may have taken those rows from
// the store before they settled: their claim leases had run out (a slow
// send, a long wait in the queue, as under load), and the store gives a row
// with an expired lease to any claim, this dispatcher's own included. When
// the claim's answer reaches the loop, it must not queue those rows again:
// the sent one would go out twice from one process with no crash at all,
// and the handed-back one is pending in the store, so another dispatcher
// may claim and send it too. The test is the loop's worker and claimer, so
// it chooses the order of events; the clock is moved by hand.
func TestClaimAnswerAfterRowSettled(t *testing.T) {
	ctx := context.Background()
	db := storetest.Open(t)
	clk := &stepClock{now: time.Now().UTC().Truncate(time.Millisecond)}
	enqueue(t, db, "a", "1", "", clk.Now())
	enqueue(t, db, "b", "2", "", clk.Now())
	st := &gatedReleaseStore{DB: db, gate: make(chan struct{}), released: make(chan int64, 4)}
	p := &scriptPlatform{errs: map[string][]error{}}
	const lease = time.Second
	d := NewDispatcher(st, map[briefings.Platform]bot.Platform{"telegram": p}, Options{
		Logger: slog.New(slog.DiscardHandler), Now: clk.Now, NoLimits: true, Workers: 1, Lease: lease})
	if b := d.beat(ctx); b.peers != 1 { // presence for 3 beats (6 s of the clock)
		t.Fatalf("beat: %+v", b)
	}
	l := d.newLoop()
	// Unbuffered: a send to the loop returns once the loop has taken it.
	l.jobs, l.results = make(chan *briefings.Delivery), make(chan result)
	l.claimReq, l.claimRes = make(chan int), make(chan claimed)
	openGate := sync.OnceFunc(func() { close(st.gate) })
	runCtx, stop := context.WithCancel(ctx)
	done := make(chan struct{})
	go func() {
		defer close(done)
		for runCtx.Err() == nil {
			l.step(runCtx)
		}
	}()
	defer func() {
		stop()
		openGate()
		for { // unblock a step waiting to hand out a row or ask for a claim
			select {
			case <-done:
				return
			case <-l.jobs:
			case <-l.claimReq:
			}
		}
	}()
	claim := func() claimed {
		t.Helper()
		n := <-l.claimReq
		name, _ := d.presence(clk.Now())
		rows, err := db.Claim(ctx, name, clk.Now(), clk.Now().Add(lease), n)
		if err != nil {
			t.Fatal(err)
		}
		return claimed{rows: rows, n: n, claimer: name}
	}
	job := func() *briefings.Delivery {
		t.Helper()
		r := <-l.jobs
		got, err := db.GetDelivery(ctx, r.ID)
		if err != nil || got.Status != briefings.StatusSending {
			t.Fatalf("row %s handed to a worker while the store has it %s (%v)", r.DedupeKey, got.Status, err)
		}
		return r
	}

	c1 := claim()
	l.claimRes <- c1
	a := job() // one worker: "a" is sent, "b" waits in the queue
	if a.DedupeKey != "a" || len(c1.rows) != 2 {
		t.Fatalf("first claim %d rows, first job %s", len(c1.rows), a.DedupeKey)
	}

	// Both claim leases run out. The loop asks for a claim, then hands "b"
	// back (queued too long); the claim reads the store before that.
	clk.Add(2 * lease)
	d.Notify()
	c2 := claim()
	if len(c2.rows) != 2 {
		t.Fatalf("second claim got %d rows, want both (their leases ran out)", len(c2.rows))
	}
	openGate()
	if id := <-st.released; id != c1.rows[1].ID {
		t.Fatalf("released row %d, want b", id)
	}
	// "a" is sent and recorded, and the loop takes the result.
	l.results <- d.deliver(ctx, a)
	// Now the claim's answer arrives.
	l.claimRes <- c2
	d.Notify()
	select {
	case r := <-l.jobs:
		t.Fatalf("row %s (%s in the store) handed out again from a claim that predates its settling", r.DedupeKey, status(t, db, r.ID))
	case n := <-l.claimReq:
		// "b" is pending and due: the next claim takes it, and it goes once.
		rows, err := db.Claim(ctx, c2.claimer, clk.Now(), clk.Now().Add(lease), n)
		if err != nil || len(rows) != 1 || rows[0].DedupeKey != "b" {
			t.Fatalf("third claim: %d rows (%v), want b", len(rows), err)
		}
		l.claimRes <- claimed{rows: rows, n: n, claimer: c2.claimer}
	}
	b := job()
	l.results <- d.deliver(ctx, b)
	p.mu.Lock()
	defer p.mu.Unlock()
	if len(p.sent) != 2 || p.sent[0] != "1" || p.sent[1] != "2" {
		t.Fatalf("sent to chats %v, want [1 2]", p.sent)
	}
}

func status(t *testing.T, db *store.DB, id int64) string {
	t.Helper()
	d, err := db.GetDelivery(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	return d.Status
}
