package outbox

import (
	"context"
	"fmt"
	"log/slog"
	"math/rand/v2"
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
	"strconv"
	"syscall"
	"testing"
	"time"

	"github.com/sitrep/sitrep/bot"
	"github.com/sitrep/sitrep/briefings"
	"github.com/sitrep/sitrep/briefings/store"
)

const (
	envHelper = "SITREP_OUTBOX_HELPER"
	envDB     = "SITREP_OUTBOX_HELPER_DB"
	envAPI    = "SITREP_OUTBOX_HELPER_API"
	// envPaced set to 1 runs the helper as a bot runs: Telegram's limits
	// (shared with the other dispatchers on the database), the default
	// claim lease (2 minutes) and presence beat.
	envPaced = "SITREP_OUTBOX_HELPER_PACED"
)

// TestHelperProcess is the child "bot process" of the crash tests: it runs
// a Dispatcher over the SQLite file in $SITREP_OUTBOX_HELPER_DB sending to the
// fake API at $SITREP_OUTBOX_HELPER_API until SIGTERM (graceful) or SIGKILL.
func TestHelperProcess(t *testing.T) {
	if os.Getenv(envHelper) != "1" {
		t.Skip("helper process for the crash tests")
	}
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGTERM, os.Interrupt)
	defer stop()
	st, err := store.Open(context.Background(), os.Getenv(envDB))
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	defer st.Close()
	o := Options{
		Logger:   slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: slog.LevelWarn})),
		NoLimits: true,
		// One send in flight: a kill can leave at most one message sent
		// but not yet marked sent.
		Workers: 1,
		Lease:   time.Second, // rows claimed by a killed child come back quickly
		Poll:    100 * time.Millisecond,
	}
	if os.Getenv(envPaced) == "1" {
		o = Options{Logger: o.Logger, Workers: 1}
	}
	d := NewDispatcher(st, map[briefings.Platform]bot.Platform{"telegram": newHTTPPlatform(os.Getenv(envAPI))}, o)
	if err := d.Run(ctx); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	os.Exit(0)
}

type child struct {
	cmd    *exec.Cmd
	exited chan struct{}
}

func startChild(t *testing.T, dbPath, api string, env ...string) *child {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^TestHelperProcess$", "-test.count=1")
	cmd.Env = append(append(os.Environ(), envHelper+"=1", envDB+"="+dbPath, envAPI+"="+api), env...)
	cmd.Stderr = os.Stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	c := &child{cmd: cmd, exited: make(chan struct{})}
	go func() { _ = cmd.Wait(); close(c.exited) }()
	t.Cleanup(func() { // a test that stops early leaves no child running
		_ = cmd.Process.Kill()
		<-c.exited
	})
	return c
}

// waitCtx is the crash tests' guard against a child that stops sending: it
// ends shortly before the test binary's own deadline (go test -timeout), so
// the test reports its counts instead of panicking, and a slow machine is
// given all the time the run has rather than a fixed budget.
func waitCtx(t *testing.T) context.Context {
	ctx := t.Context()
	if dl, ok := t.Deadline(); ok {
		var cancel context.CancelFunc
		ctx, cancel = context.WithDeadline(ctx, dl.Add(-time.Until(dl)/20))
		t.Cleanup(cancel)
	}
	return ctx
}

// settle runs children until the store has every row sent. The last child
// is stopped once every chat has its message, but a chat may have it from a
// killed child that died before recording the send: that row is still
// claimed under the dead child, or queued in the last child and handed back
// at SIGTERM. Each such row goes once more (its kill's one duplicate), so a
// child runs until the API has received that many more messages, then stops
// gracefully (recording its sends).
func settle(t *testing.T, ctx context.Context, api *fakeAPI, dbPath string) briefings.DeliveryStats {
	t.Helper()
	for {
		st, err := store.Open(context.Background(), dbPath)
		if err != nil {
			t.Fatal(err)
		}
		stats, err := st.DeliveryStats(context.Background())
		st.Close()
		if err != nil {
			t.Fatal(err)
		}
		unsent := int64(stats.Pending + stats.Sending)
		if unsent == 0 {
			return stats
		}
		t.Logf("%d rows sent by a killed child but not recorded: sending them again", unsent)
		target := api.n.Load() + unsent
		c := startChild(t, dbPath, api.srv.URL)
		if err := api.waitFor(ctx, c.exited, func() bool { return api.n.Load() >= target }); err != nil {
			t.Fatal(err)
		}
		_ = c.cmd.Process.Signal(syscall.SIGTERM)
		<-c.exited
	}
}

// seedFanOut enqueues one digest to each of n chats.
func seedFanOut(t *testing.T, dbPath string, n int) {
	seedFanOutKind(t, dbPath, n, briefings.DeliveryDigest)
}

// seedFanOutKind enqueues one message of kind to each of n chats.
func seedFanOutKind(t *testing.T, dbPath string, n int, kind string) {
	t.Helper()
	ctx := context.Background()
	st, err := store.Open(ctx, dbPath)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	now := time.Now()
	for i := range n {
		p, _ := EncodePayload(bot.Text(kind + " for chat " + strconv.Itoa(i+1)))
		if _, err := st.Enqueue(ctx, &briefings.Delivery{
			DedupeKey: fmt.Sprintf("%s:%d:1", kind, i+1), Chat: briefings.Chat{Platform: "telegram", ChatID: strconv.Itoa(i + 1)},
			Kind: kind, Payload: p, Status: briefings.StatusPending, NextAttemptAt: now, CreatedAt: now,
		}); err != nil {
			t.Fatal(err)
		}
	}
}

func TestCrashSafetySIGKILL(t *testing.T) {
	if testing.Short() {
		t.Skip("re-executes the test binary")
	}
	const n = 1000
	dbPath := filepath.Join(t.TempDir(), "outbox.db")
	seedFanOut(t, dbPath, n)
	api := newFakeAPI(t, nil)
	seed := uint64(time.Now().UnixNano())
	rng := rand.New(rand.NewPCG(seed, 1))
	t.Logf("seed %d", seed)
	ctx := waitCtx(t)

	const kills = 5
	for k := range kills {
		c := startChild(t, dbPath, api.srv.URL)
		// Kill after a random number of further deliveries (not after a sleep).
		target := api.n.Load() + int64(20+rng.IntN(150))
		if err := api.waitFor(ctx, c.exited, func() bool { return api.n.Load() >= target }); err != nil {
			t.Fatalf("kill %d: %v", k+1, err)
		}
		_ = c.cmd.Process.Signal(syscall.SIGKILL)
		<-c.exited
		t.Logf("kill %d after %d messages received", k+1, api.n.Load())
	}
	c := startChild(t, dbPath, api.srv.URL)
	if err := api.waitFor(ctx, c.exited, func() bool { return api.distinct() == n }); err != nil {
		t.Fatal(err)
	}
	_ = c.cmd.Process.Signal(syscall.SIGTERM)
	<-c.exited
	stats := settle(t, ctx, api, dbPath)

	total := int(api.n.Load())
	dups := total - n
	t.Logf("%d recipients, %d messages received, %d duplicates, %d kills", api.distinct(), total, dups, kills)
	if api.distinct() != n {
		t.Fatalf("%d of %d recipients got the message", api.distinct(), n)
	}
	if dups > kills {
		t.Fatalf("%d duplicates after %d kills: more than one per crash", dups, kills)
	}
	if stats.Sent != n || stats.Dead != 0 {
		t.Fatalf("store stats %+v, want %d sent", stats, n)
	}
}

func TestGracefulSIGTERM(t *testing.T) {
	if testing.Short() {
		t.Skip("re-executes the test binary")
	}
	const n = 300
	dbPath := filepath.Join(t.TempDir(), "outbox.db")
	seedFanOut(t, dbPath, n)
	// Sends take a little while, so some are in flight when the signal lands.
	api := newFakeAPI(t, nil, func(f *fakeAPI) { f.delay = 2 * time.Millisecond })
	ctx := waitCtx(t)

	c := startChild(t, dbPath, api.srv.URL)
	if err := api.waitFor(ctx, c.exited, func() bool { return api.n.Load() >= 100 }); err != nil {
		t.Fatal(err)
	}
	_ = c.cmd.Process.Signal(syscall.SIGTERM)
	<-c.exited
	if code := c.cmd.ProcessState.ExitCode(); code != 0 {
		t.Fatalf("child exit code %d after SIGTERM", code)
	}
	// Drained: nothing is left claimed; unsent rows are pending and due now.
	st, err := store.Open(context.Background(), dbPath)
	if err != nil {
		t.Fatal(err)
	}
	stats, err := st.DeliveryStats(context.Background())
	st.Close()
	if err != nil {
		t.Fatal(err)
	}
	if stats.Sending != 0 || stats.Sent != int(api.n.Load()) || stats.Sent+stats.Pending != n {
		t.Fatalf("after SIGTERM: %+v with %d received", stats, api.n.Load())
	}
	c = startChild(t, dbPath, api.srv.URL)
	if err := api.waitFor(ctx, c.exited, func() bool { return api.distinct() == n }); err != nil {
		t.Fatal(err)
	}
	_ = c.cmd.Process.Signal(syscall.SIGTERM)
	<-c.exited
	if got := api.n.Load(); got != n {
		t.Fatalf("%d messages for %d recipients: graceful shutdown duplicated", got, n)
	}
}
