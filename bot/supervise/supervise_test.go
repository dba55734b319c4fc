package supervise

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"net/http/httptest"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	dto "github.com/prometheus/client_model/go"

	"github.com/sitrep/sitrep/bot"
	"github.com/sitrep/sitrep/briefings"
)

func quiet() *slog.Logger { return slog.New(slog.DiscardHandler) }

// waitState waits until the component's state satisfies cond (a safety
// net of a minute, not a measure).
func waitState(t *testing.T, s *Supervisor, name string, cond func(State) bool) State {
	t.Helper()
	deadline := time.Now().Add(time.Minute)
	for {
		s.mu.Lock()
		ch := s.change
		s.mu.Unlock()
		st := s.States()[name]
		if cond(st) {
			return st
		}
		select {
		case <-ch:
		case <-time.After(time.Until(deadline)):
			t.Fatalf("%s: state %v", name, st)
		}
	}
}

func TestBackoffDoublesWithJitter(t *testing.T) {
	r := 0.0
	s := New(Options{Logger: quiet(), BaseBackoff: time.Second, MaxBackoff: 10 * time.Second, Rand: func() float64 { return r }})
	for n, want := range map[int]time.Duration{1: 500 * time.Millisecond, 2: time.Second, 3: 2 * time.Second, 4: 4 * time.Second, 5: 5 * time.Second, 9: 5 * time.Second} {
		if got := s.Backoff(n); got != want {
			t.Errorf("Backoff(%d) with no jitter = %v, want %v", n, got, want)
		}
	}
	r = 0.5
	if got := s.Backoff(3); got != 3*time.Second {
		t.Errorf("Backoff(3) at half jitter = %v, want 3s", got)
	}
	r = 0.999999
	if got := s.Backoff(20); got > 10*time.Second || got < 9*time.Second {
		t.Errorf("Backoff(20) = %v, want just under the 10s cap", got)
	}
}

// TestTransientFailureRestartsOnlyThatComponent: a component that fails
// (connection refused at start, then a panic) is restarted with growing
// delays while another one keeps serving, never restarted.
func TestTransientFailureRestartsOnlyThatComponent(t *testing.T) {
	reg := prometheus.NewRegistry()
	s := New(Options{Logger: quiet(), BaseBackoff: 20 * time.Millisecond, MaxBackoff: time.Second, Rand: func() float64 { return 0 }, Registry: reg})
	var flakyRuns, steadyRuns atomic.Int32
	var mu sync.Mutex
	var starts []time.Time
	s.Add(Component{Name: "discord", Serves: true, Run: func(ctx context.Context, up func()) error {
		mu.Lock()
		starts = append(starts, time.Now())
		mu.Unlock()
		switch flakyRuns.Add(1) {
		case 1, 2:
			return errors.New("dial tcp 127.0.0.1:9: connect: connection refused")
		case 3:
			panic("boom")
		}
		up()
		<-ctx.Done()
		return nil
	}})
	s.Add(Component{Name: "telegram", Serves: true, Run: func(ctx context.Context, up func()) error {
		steadyRuns.Add(1)
		up()
		<-ctx.Done()
		return nil
	}})
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- s.Run(ctx) }()
	st := waitState(t, s, "discord", func(st State) bool { return st.Status == Retrying })
	if !strings.Contains(st.String(), "retrying since ") || !strings.Contains(st.String(), "connection refused") {
		t.Errorf("retrying state reads %q", st)
	}
	st = waitState(t, s, "discord", func(st State) bool { return st.Status == OK })
	if st.Restarts != 3 {
		t.Errorf("restarts %d, want 3", st.Restarts)
	}
	if tg := s.States()["telegram"]; tg.Status != OK || steadyRuns.Load() != 1 {
		t.Errorf("the other component: %v after %d runs", tg, steadyRuns.Load())
	}
	if v := gauge(t, reg, "sitrep_component_up", "discord"); v != 1 {
		t.Errorf("discord up gauge %v", v)
	}
	cancel()
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	// Delays grow: 10ms, 20ms, 40ms (no jitter); each gap at least its delay.
	for i, min := range []time.Duration{10 * time.Millisecond, 20 * time.Millisecond, 40 * time.Millisecond} {
		if gap := starts[i+1].Sub(starts[i]); gap < min {
			t.Errorf("restart %d after %v, want at least %v", i+1, gap, min)
		}
	}
}

// TestPermanentFailureStops: a refused token stops its component with the
// fix in its state; the bot goes on while another platform serves, and
// gives up (an error naming both) when none is left.
func TestPermanentFailureStops(t *testing.T) {
	s := New(Options{Logger: quiet(), BaseBackoff: 10 * time.Millisecond})
	var tgRuns atomic.Int32
	stopDiscord := make(chan struct{})
	s.Add(Component{Name: "telegram", Serves: true, Run: func(ctx context.Context, up func()) error {
		tgRuns.Add(1)
		return bot.Permanent(errors.New("telegram: getMe: Unauthorized"), "set telegram.token to the token @BotFather gave")
	}})
	s.Add(Component{Name: "discord", Serves: true, Run: func(ctx context.Context, up func()) error {
		up()
		select {
		case <-ctx.Done():
			return nil
		case <-stopDiscord:
			return bot.Permanent(errors.New("discord: register commands: HTTP 401 Unauthorized"), "set discord.token")
		}
	}})
	s.Add(Component{Name: "http", Run: func(ctx context.Context, up func()) error { up(); <-ctx.Done(); return nil }})
	done := make(chan error, 1)
	go func() { done <- s.Run(context.Background()) }()
	st := waitState(t, s, "telegram", func(st State) bool { return st.Status == Stopped })
	if st.String() != "stopped: telegram: getMe: Unauthorized: set telegram.token to the token @BotFather gave" {
		t.Errorf("stopped state reads %q", st)
	}
	waitState(t, s, "discord", func(st State) bool { return st.Status == OK })
	// the server reports itself up on its own goroutine: wait for it, or
	// Run may end before it has
	waitState(t, s, "http", func(st State) bool { return st.Status == OK })
	select {
	case err := <-done:
		t.Fatalf("gave up with a platform still serving: %v", err)
	default:
	}
	if !s.CanDeliver() {
		t.Error("cannot deliver with discord ok")
	}
	close(stopDiscord)
	err := <-done
	if err == nil || !strings.Contains(err.Error(), "nothing left to serve") || !strings.Contains(err.Error(), "telegram.token") ||
		!strings.Contains(err.Error(), "discord.token") {
		t.Fatalf("Run = %v", err)
	}
	if tgRuns.Load() != 1 {
		t.Errorf("a permanent failure was retried: %d runs", tgRuns.Load())
	}
	if s.States()["http"].Status != OK {
		t.Errorf("http: %v", s.States()["http"])
	}
}

// backoffLog records the backoff of every "restarting" log line.
type backoffLog struct {
	mu    sync.Mutex
	waits []time.Duration
}

func (b *backoffLog) Enabled(context.Context, slog.Level) bool { return true }
func (b *backoffLog) Handle(_ context.Context, r slog.Record) error {
	r.Attrs(func(a slog.Attr) bool {
		if a.Key == "backoff" {
			b.mu.Lock()
			b.waits = append(b.waits, a.Value.Duration())
			b.mu.Unlock()
		}
		return true
	})
	return nil
}
func (b *backoffLog) WithAttrs([]slog.Attr) slog.Handler { return b }
func (b *backoffLog) WithGroup(string) slog.Handler      { return b }

// TestStableRunResetsBackoff: a failure after a long healthy run waits the
// first delay again, not the next one of the old series.
func TestStableRunResetsBackoff(t *testing.T) {
	now := time.Unix(0, 0)
	var mu sync.Mutex
	clock := func() time.Time { mu.Lock(); defer mu.Unlock(); return now }
	advance := func(d time.Duration) { mu.Lock(); now = now.Add(d); mu.Unlock() }
	logs := &backoffLog{}
	s := New(Options{Logger: slog.New(logs), Now: clock, BaseBackoff: time.Millisecond, MaxBackoff: time.Hour, StableAfter: time.Minute,
		Rand: func() float64 { return 0 }})
	var runs atomic.Int32
	s.Add(Component{Name: "c", Serves: true, Run: func(ctx context.Context, up func()) error {
		n := runs.Add(1)
		if n <= 3 {
			return errors.New("transient")
		}
		up()
		switch n {
		case 4:
			advance(2 * time.Minute) // up for two minutes, then a failure
			return errors.New("transient after a stable run")
		case 5:
			return errors.New("transient right after starting")
		}
		<-ctx.Done()
		return nil
	}})
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	go s.Run(ctx)
	waitState(t, s, "c", func(st State) bool { return st.Status == OK && runs.Load() == 6 })
	logs.mu.Lock()
	defer logs.mu.Unlock()
	want := []time.Duration{500 * time.Microsecond, time.Millisecond, 2 * time.Millisecond, 500 * time.Microsecond, time.Millisecond}
	if fmt.Sprint(logs.waits) != fmt.Sprint(want) {
		t.Errorf("backoffs %v, want %v (the series starts again after a stable run)", logs.waits, want)
	}
}

func TestHealthJSON(t *testing.T) {
	s := New(Options{Logger: quiet(), BaseBackoff: time.Hour})
	release := make(chan struct{})
	s.Add(Component{Name: "telegram", Serves: true, Run: func(ctx context.Context, up func()) error {
		return errors.New("getMe: connection refused")
	}})
	s.Add(Component{Name: "discord", Serves: true, Run: func(ctx context.Context, up func()) error {
		up()
		select {
		case <-ctx.Done():
		case <-release:
			return errors.New("gateway closed")
		}
		return nil
	}})
	s.Add(Component{Name: "dispatcher", Required: true, Run: func(ctx context.Context, up func()) error { up(); <-ctx.Done(); return nil }})
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	go s.Run(ctx)
	waitState(t, s, "telegram", func(st State) bool { return st.Status == Retrying })
	waitState(t, s, "discord", func(st State) bool { return st.Status == OK })
	waitState(t, s, "dispatcher", func(st State) bool { return st.Status == OK })
	dbErr := error(nil)
	db := Check{Name: "database", Probe: func(context.Context) error { return dbErr }}
	get := func() (int, Health) {
		rec := httptest.NewRecorder()
		s.Handler(db).ServeHTTP(rec, httptest.NewRequest("GET", "/healthz", nil))
		var h Health
		if err := json.Unmarshal(rec.Body.Bytes(), &h); err != nil {
			t.Fatalf("not JSON: %v %s", err, rec.Body)
		}
		return rec.Code, h
	}
	code, h := get()
	if code != 200 || h.Status != "degraded" || h.Components["discord"] != "ok" || h.Components["database"] != "ok" ||
		!strings.HasPrefix(h.Components["telegram"], "retrying since ") || !strings.HasSuffix(h.Components["telegram"], ": getMe: connection refused") {
		t.Errorf("one platform retrying: %d %+v", code, h)
	}
	dbErr = errors.New("connection refused")
	if code, h = get(); code != 503 || h.Status != "down" || h.Components["database"] != "unavailable: connection refused" {
		t.Errorf("database down: %d %+v", code, h)
	}
	dbErr = nil
	close(release) // discord fails too: no platform can deliver
	waitState(t, s, "discord", func(st State) bool { return st.Status == Retrying })
	if code, h = get(); code != 503 || h.Status != "down" {
		t.Errorf("no platform up: %d %+v", code, h)
	}
}

// TestPlatformUnavailableWhileDown: the outbox's stand-in for an adapter
// answers SendUnavailable while the adapter is down and passes sends on
// while it is up.
func TestPlatformUnavailableWhileDown(t *testing.T) {
	p := NewPlatform(briefings.PlatformTelegram)
	chat := briefings.Chat{Platform: briefings.PlatformTelegram, ChatID: "1"}
	_, err := p.Send(context.Background(), chat, bot.Text("x"))
	var se *bot.SendError
	if !errors.As(err, &se) || se.Kind != bot.SendUnavailable {
		t.Fatalf("down: %v", err)
	}
	a := &countPlatform{}
	p.Set(a)
	if id, err := p.Send(context.Background(), chat, bot.Text("x")); err != nil || id != "1" || p.Edit(context.Background(), chat, "1", bot.Text("y")) != nil {
		t.Fatalf("up: %q %v", id, err)
	}
	p.Set(nil)
	if err := p.Edit(context.Background(), chat, "1", bot.Text("z")); !errors.As(err, &se) || se.Kind != bot.SendUnavailable {
		t.Fatalf("down again: %v", err)
	}
}

type countPlatform struct{ n int }

func (c *countPlatform) Name() briefings.Platform                     { return briefings.PlatformTelegram }
func (c *countPlatform) Run(ctx context.Context, _ bot.Handler) error { <-ctx.Done(); return nil }
func (c *countPlatform) Send(context.Context, briefings.Chat, *bot.Reply) (string, error) {
	c.n++
	return "1", nil
}
func (c *countPlatform) Edit(context.Context, briefings.Chat, string, *bot.Reply) error { return nil }

func gauge(t *testing.T, reg *prometheus.Registry, name, component string) float64 {
	t.Helper()
	mfs, err := reg.Gather()
	if err != nil {
		t.Fatal(err)
	}
	for _, mf := range mfs {
		if mf.GetName() != name {
			continue
		}
		for _, m := range mf.GetMetric() {
			if labelOf(m, "component") == component {
				return m.GetGauge().GetValue()
			}
		}
	}
	t.Fatalf("no %s{component=%q}", name, component)
	return 0
}

func labelOf(m *dto.Metric, name string) string {
	for _, l := range m.GetLabel() {
		if l.GetName() == name {
			return l.GetValue()
		}
	}
	return ""
}
