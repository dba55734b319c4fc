package schedule

import (
	"bytes"
	"context"
	"log/slog"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/sitrep/sitrep/briefings"
	"github.com/sitrep/sitrep/briefings/store/storetest"
)

// leaseStore is a briefings.Store with only leases (other methods panic).
type leaseStore struct {
	briefings.Store
	mu     sync.Mutex
	leases map[string]struct {
		holder string
		until  time.Time
	}
}

func (s *leaseStore) TryLease(_ context.Context, name, holder string, now, until time.Time) (bool, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.leases == nil {
		s.leases = map[string]struct {
			holder string
			until  time.Time
		}{}
	}
	l, ok := s.leases[name]
	if ok && l.holder != holder && l.until.After(now) {
		return false, nil
	}
	s.leases[name] = struct {
		holder string
		until  time.Time
	}{holder, until}
	return true, nil
}

// TestChainRecoversAndSkipsOverlap: the Jobs chain recovers a panicking run
// (and the next run still happens: Recover sits inside SkipIfStillRunning, so
// the guard is released) and skips a run while the previous one is going.
func TestChainRecoversAndSkipsOverlap(t *testing.T) {
	var logs bytes.Buffer
	var calls atomic.Int32
	started := make(chan struct{})
	release := make(chan struct{})
	j, err := NewJobs(JobsOptions{
		Store:  &leaseStore{},
		Logger: slog.New(slog.NewTextHandler(&logs, &slog.HandlerOptions{Level: slog.LevelDebug})),
		Now:    func() time.Time { return time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC) },
		RefreshFeeds: func(context.Context) error {
			switch calls.Add(1) {
			case 1:
				panic("feed parser exploded")
			case 2:
				close(started)
				<-release
			}
			return nil
		},
	})
	if err != nil {
		t.Fatal(err)
	}
	j.RunNow(JobFeedRefresh) // panics inside; must be recovered
	if !strings.Contains(logs.String(), "panic") {
		t.Errorf("panic not logged: %s", logs.String())
	}
	done := make(chan struct{})
	go func() { j.RunNow(JobFeedRefresh); close(done) }() // the next run still happens
	<-started
	j.RunNow(JobFeedRefresh) // overlaps the running one: skipped, returns at once
	if n := calls.Load(); n != 2 {
		t.Errorf("calls = %d while run 2 in flight, want 2 (overlap skipped)", n)
	}
	close(release)
	<-done
	j.RunNow(JobFeedRefresh)
	if n := calls.Load(); n != 3 {
		t.Errorf("calls = %d, want 3", n)
	}
	if !strings.Contains(logs.String(), "skip") {
		t.Errorf("skip not logged")
	}
}

// TestJobsLeaseOnce: two runners (processes) on one store: only the lease
// holder runs the job until the lease expires.
func TestJobsLeaseOnce(t *testing.T) {
	st := &leaseStore{}
	now := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	clock := func() time.Time { return now }
	var a, b atomic.Int32
	mk := func(holder string, n *atomic.Int32) *Jobs {
		j, err := NewJobs(JobsOptions{Store: st, Holder: holder, Now: clock, Logger: slog.New(slog.DiscardHandler),
			SourceHealth: func(context.Context) error { n.Add(1); return nil }})
		if err != nil {
			t.Fatal(err)
		}
		return j
	}
	ja, jb := mk("a", &a), mk("b", &b)
	ja.RunNow(JobSourceHealth)
	jb.RunNow(JobSourceHealth)
	ja.RunNow(JobSourceHealth)
	if a.Load() != 2 || b.Load() != 0 {
		t.Fatalf("a=%d b=%d, want 2 and 0", a.Load(), b.Load())
	}
	now = now.Add(time.Hour) // a's lease ran out (a died)
	jb.RunNow(JobSourceHealth)
	if b.Load() != 1 {
		t.Fatalf("b did not take the expired lease")
	}
}

func TestJobsStartStop(t *testing.T) {
	ran := make(chan struct{}, 1)
	j, err := NewJobs(JobsOptions{Store: &leaseStore{}, Logger: slog.New(slog.DiscardHandler),
		ScanAlerts: func(context.Context, time.Time) (int, error) {
			select {
			case ran <- struct{}{}:
			default:
			}
			return 0, nil
		}, AlertEvery: time.Hour})
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	j.Start(ctx)
	j.WakeAlerts() // local ingestion wakes the scan without waiting for the tick
	<-ran
	cancel()
	j.Stop()
}

// TestChannelPollFollowsNextDue: the channel poll runs again when the
// channel it polled says the next one is due, not a PollEvery later (an
// hour here): five polls come one after another, 20 ms apart.
func TestChannelPollFollowsNextDue(t *testing.T) {
	var polls atomic.Int32
	five := make(chan struct{})
	j, err := NewJobs(JobsOptions{Store: &leaseStore{}, Logger: slog.New(slog.DiscardHandler), PollEvery: time.Hour,
		PollChannels: func(context.Context) (time.Time, error) {
			if polls.Add(1) == 5 {
				close(five)
			}
			return time.Now().Add(20 * time.Millisecond), nil
		}})
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	j.Start(ctx)
	<-five // without the next-due timer, the second poll would come an hour later
	cancel()
	j.Stop()
}

// TestJobsOnStore runs the due-digest and retention jobs through the runner
// on a real SQLite store.
func TestJobsOnStore(t *testing.T) {
	ctx := context.Background()
	st := storetest.Open(t)
	now := time.Date(2026, 10, 25, 6, 0, 10, 0, time.UTC)
	addSub(t, st, "1", "08:00", "Europe/Kyiv", nil, time.Date(2026, 10, 25, 6, 0, 0, 0, time.UTC))
	woken := 0
	var builds atomic.Int32
	j, err := NewJobs(JobsOptions{
		Store: st, Now: func() time.Time { return now }, Logger: slog.New(slog.DiscardHandler),
		BuildDigest: countingBuild(&builds), AfterEnqueue: func() { woken++ },
		Retention: 24 * time.Hour,
	})
	if err != nil {
		t.Fatal(err)
	}
	j.RunNow(JobDueDigests)
	if woken != 1 || builds.Load() != 1 {
		t.Fatalf("woken %d builds %d", woken, builds.Load())
	}
	rows := claimAll(t, st, now)
	if len(rows) != 1 {
		t.Fatalf("%d deliveries", len(rows))
	}
	if err := st.MarkSent(ctx, rows[0].ID, "m1", now); err != nil {
		t.Fatal(err)
	}
	now = now.Add(48 * time.Hour)
	j.RunNow(JobRetention)
	if stats, err := st.DeliveryStats(ctx); err != nil || stats.Sent != 0 {
		t.Fatalf("retention kept sent rows: %+v %v", stats, err)
	}
}
