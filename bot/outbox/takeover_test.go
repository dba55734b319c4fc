package outbox

import (
	"context"
	"errors"
	"log/slog"
	"path/filepath"
	"strconv"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/sitrep/sitrep/bot"

	"github.com/sitrep/sitrep/briefings"
	"github.com/sitrep/sitrep/briefings/store"
	"github.com/sitrep/sitrep/briefings/store/storetest"
)

// Fast takeover: a dispatcher killed mid fan-out leaves rows claimed under
// its presence lease; a live dispatcher (the restarted process, or a peer on
// PostgreSQL) sends them once that lease lapses (3 beats, 6 s), not when
// their 2-minute claim lease ends. The tests run the children as a bot
// does (Telegram's limits, default lease and beat) and check the order of
// events, not a stopwatch: every chat has its alert before the killed
// process's claim leases end, with at most one duplicate (the one send in
// flight at the kill). The recovery time is logged (go test -v -run
// Takeover ./bot/outbox/).

// claimLeaseEnd returns the earliest claim-lease end among the rows still
// being sent and how many rows are not sent yet.
func claimLeaseEnd(t *testing.T, dsn string, n int) (time.Time, int) {
	t.Helper()
	ctx := context.Background()
	st, err := store.Open(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	var end time.Time
	unsent := 0
	for id := int64(1); id <= int64(n); id++ {
		d, err := st.GetDelivery(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		if d.Status != briefings.StatusSent {
			unsent++
		}
		if d.Status == briefings.StatusSending && (end.IsZero() || d.NextAttemptAt.Before(end)) {
			end = d.NextAttemptAt
		}
	}
	return end, unsent
}

// checkTakeover waits for every chat's alert and checks it came before the
// killed process's claim leases ended, with at most one duplicate.
func checkTakeover(t *testing.T, api *fakeAPI, dsn string, n int, from time.Time, leaseEnd time.Time, unsent int, exited <-chan struct{}) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 4*time.Minute)
	defer cancel()
	if err := api.waitFor(ctx, exited, func() bool { return api.distinct() == n }); err != nil {
		t.Fatal(err)
	}
	done := time.Now()
	if leaseEnd.IsZero() {
		t.Fatal("no row was claimed at the kill: the test took no takeover")
	}
	if !done.Before(leaseEnd) {
		t.Errorf("the fan-out finished %.1f s after the kill, when the killed process's claim leases ended (%.1f s): no takeover",
			done.Sub(from).Seconds(), leaseEnd.Sub(from).Seconds())
	}
	st, err := store.Open(context.Background(), dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	// The dispatcher records each send after the API answered it: wait
	// until no row is left pending or sending, then count.
	var stats briefings.DeliveryStats
	for {
		if stats, err = st.DeliveryStats(ctx); err != nil {
			t.Fatalf("store stats: %v", err)
		}
		if stats.Pending+stats.Sending == 0 {
			break
		}
		select {
		case <-ctx.Done():
			t.Fatalf("rows still unsettled %+v after every chat had its alert", stats)
		case <-exited:
			t.Fatalf("the dispatcher exited with rows unsettled: %+v", stats)
		case <-time.After(20 * time.Millisecond):
		}
	}
	dups := int(api.n.Load()) - n
	t.Logf("takeover: %d of %d chats unsent at the kill; every chat had its alert %.1f s later; %d duplicate(s)",
		unsent, n, done.Sub(from).Seconds(), dups)
	if dups > 1 {
		t.Errorf("%d duplicates after one kill, want at most 1", dups)
	}
	if stats.Sent != n || stats.Dead != 0 {
		t.Errorf("store stats %+v, want %d sent", stats, n)
	}
	taken := 0
	for id := int64(1); id <= int64(n); id++ {
		// The fake never fails a send, and a row handed back gets its
		// attempt back: a second attempt is a claim taken over.
		if d, err := st.GetDelivery(context.Background(), id); err == nil && d.Attempts >= 2 {
			taken++
		}
	}
	t.Logf("takeover: %d rows sent on a second claim (taken over from the killed process)", taken)
	if taken == 0 {
		t.Error("no row was taken over from the killed process")
	}
}

// TestTakeoverAfterSIGKILLRestart: SIGKILL after 47 of 150 alerts, restart
// at once.
func TestTakeoverAfterSIGKILLRestart(t *testing.T) {
	if testing.Short() {
		t.Skip("re-executes the test binary")
	}
	const n = 150
	dbPath := filepath.Join(t.TempDir(), "outbox.db")
	seedFanOutKind(t, dbPath, n, briefings.DeliveryAlert)
	api := newFakeAPI(t, nil)
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	c := startChild(t, dbPath, api.srv.URL, envPaced+"=1")
	if err := api.waitFor(ctx, c.exited, func() bool { return api.n.Load() >= 47 }); err != nil {
		t.Fatal(err)
	}
	_ = c.cmd.Process.Signal(syscall.SIGKILL)
	<-c.exited
	leaseEnd, unsent := claimLeaseEnd(t, dbPath, n)
	restart := time.Now()
	c = startChild(t, dbPath, api.srv.URL, envPaced+"=1")
	defer func() { _ = c.cmd.Process.Signal(syscall.SIGTERM); <-c.exited }()
	checkTakeover(t, api, dbPath, n, restart, leaseEnd, unsent, c.exited)
}

// TestTakeoverTwoProcessesPostgres: two dispatchers share a 150-chat alert
// fan-out on PostgreSQL; one is killed and not restarted; the survivor sends
// the rest.
func TestTakeoverTwoProcessesPostgres(t *testing.T) {
	if testing.Short() {
		t.Skip("re-executes the test binary")
	}
	dsn := storetest.PostgresDSN(t)
	const n = 150
	seedFanOutKind(t, dsn, n, briefings.DeliveryAlert)
	api := newFakeAPI(t, nil)
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	victim := startChild(t, dsn, api.srv.URL+"/victim", envPaced+"=1")
	survivor := startChild(t, dsn, api.srv.URL, envPaced+"=1")
	defer func() { _ = survivor.cmd.Process.Signal(syscall.SIGTERM); <-survivor.exited }()
	// Kill the victim mid fan-out, once both send (so it holds its share).
	if err := api.waitFor(ctx, victim.exited, func() bool {
		return api.n.Load() >= 47 && api.fromPath("/victim/send") >= 5 && api.fromPath("/send") >= 5
	}); err != nil {
		t.Fatal(err)
	}
	_ = victim.cmd.Process.Signal(syscall.SIGKILL)
	<-victim.exited
	kill := time.Now()
	leaseEnd, unsent := claimLeaseEnd(t, dsn, n)
	checkTakeover(t, api, dsn, n, kill, leaseEnd, unsent, survivor.exited)
}

// leaseFailStore makes TryLease fail while fail is set: a dispatcher that
// cannot reach the database to renew its presence.
type leaseFailStore struct {
	*store.DB
	fail atomic.Bool
}

func (s *leaseFailStore) TryLease(ctx context.Context, name, holder string, now, until time.Time) (bool, error) {
	if s.fail.Load() {
		return false, errors.New("database unreachable")
	}
	return s.DB.TryLease(ctx, name, holder, now, until)
}

// TestNoSendWithoutPresence: a dispatcher that cannot renew its presence
// lease stops sending before the lease lapses, so the dispatcher that takes
// its rows over never sends one it sends too: every chat gets its message
// exactly once.
func TestNoSendWithoutPresence(t *testing.T) {
	const n = 60
	db := storetest.Open(t)
	seedDeliveries(t, db, n, strconv.Itoa)
	p := &scriptPlatform{errs: map[string][]error{}}
	o := func() Options {
		return Options{Logger: slog.New(slog.DiscardHandler), Workers: 1, PeerEvery: 200 * time.Millisecond,
			Poll: 50 * time.Millisecond, Limits: map[briefings.Platform]Limits{"telegram": {Global: PerSecond(20)}}}
	}
	sent := func() int { p.mu.Lock(); defer p.mu.Unlock(); return len(p.sent) }
	waitUntil := func(what string, cond func() bool) {
		t.Helper()
		deadline := time.Now().Add(time.Minute) // a safety net, not the measure
		for !cond() {
			if time.Now().After(deadline) {
				t.Fatalf("gave up waiting for %s (%d sent)", what, sent())
			}
			time.Sleep(10 * time.Millisecond)
		}
	}
	run := func(st briefings.Store) (stop func()) {
		d := NewDispatcher(st, map[briefings.Platform]bot.Platform{"telegram": p}, o())
		ctx, cancel := context.WithCancel(context.Background())
		done := make(chan error, 1)
		go func() { done <- d.Run(ctx) }()
		return func() { cancel(); <-done }
	}
	a := &leaseFailStore{DB: db}
	stopA := run(a)
	waitUntil("a's first sends", func() bool { return sent() >= 5 })
	a.fail.Store(true) // a holds most rows and can no longer renew
	stopB := run(db)
	waitUntil("every chat", func() bool {
		p.mu.Lock()
		defer p.mu.Unlock()
		seen := map[string]bool{}
		for _, c := range p.sent {
			seen[c] = true
		}
		return len(seen) == n
	})
	stopA()
	stopB()
	count := map[string]int{}
	for _, c := range p.sent {
		count[c]++
	}
	for c, k := range count {
		if k != 1 {
			t.Errorf("chat %s got %d messages", c, k)
		}
	}
	if stats, err := db.DeliveryStats(context.Background()); err != nil || stats.Sent != n {
		t.Errorf("stats %+v %v", stats, err)
	}
}
