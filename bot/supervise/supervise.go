// Package supervise runs the bot's long-running components (each platform
// adapter, the HTTP server, the scheduler, the outbox dispatcher) so that a
// passing fault restarts the one component it hit, with exponential backoff
// and jitter, while the others keep serving. A permanent fault
// (bot.PermanentError: a token the platform refuses) stops that component
// with one error that says what to fix. The supervisor gives up only when no
// component that talks to people is left. It reports every component's
// state for /healthz and as a gauge per component.
package supervise

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"math"
	"math/rand/v2"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/prometheus/client_golang/prometheus"

	"github.com/sitrep/sitrep/bot"
)

// Component is one long-running part of the bot.
type Component struct {
	Name string
	// Run serves until ctx ends, then returns nil. It calls up once it is
	// serving (connected, registered, listening). An error that is
	// bot.IsPermanent stops the component for good; any other error, a
	// panic, or a return before ctx ends restarts it after a backoff.
	Run func(ctx context.Context, up func()) error
	// Serves marks a component that talks to people (a platform adapter):
	// when every such component has stopped for good, Run gives up.
	Serves bool
	// Required marks a component without which nothing is delivered (the
	// outbox dispatcher): while it is not ok, health reports 503.
	Required bool
}

// Status values of a component.
const (
	Starting = "starting"
	OK       = "ok"
	Retrying = "retrying"
	Stopped  = "stopped"
)

// State is a component's state.
type State struct {
	Status   string
	Since    time.Time // when Status began
	Reason   string    // why it is retrying or stopped
	Restarts int
}

// String is the state as /healthz shows it: "ok", "starting",
// "retrying since 2026-12-07T10:00:00Z: reason", "stopped: reason".
func (s State) String() string {
	switch s.Status {
	case Retrying:
		return fmt.Sprintf("retrying since %s: %s", s.Since.UTC().Format(time.RFC3339), s.Reason)
	case Stopped:
		return "stopped: " + s.Reason
	}
	return s.Status
}

// Options configure a Supervisor. Zero values take the defaults shown.
type Options struct {
	Logger      *slog.Logger
	Now         func() time.Time // time.Now
	Rand        func() float64   // jitter in [0,1): math/rand/v2.Float64
	BaseBackoff time.Duration    // first restart delay: 1s
	MaxBackoff  time.Duration    // longest restart delay: 5m
	// StableAfter is how long a component must have been up for its next
	// failure to count as the first again: 1m.
	StableAfter time.Duration
	// Registry receives sitrep_component_up and
	// sitrep_component_restarts_total (nil: not registered).
	Registry prometheus.Registerer
}

// Supervisor runs components. Add them, then Run.
type Supervisor struct {
	o        Options
	log      *slog.Logger
	up       *prometheus.GaugeVec
	restarts *prometheus.CounterVec

	mu     sync.Mutex
	comps  []*comp
	change chan struct{} // closed and replaced on every state change
}

type comp struct {
	Component
	state State
}

// New returns a supervisor.
func New(o Options) *Supervisor {
	if o.Logger == nil {
		o.Logger = slog.Default()
	}
	if o.Now == nil {
		o.Now = time.Now
	}
	if o.Rand == nil {
		o.Rand = rand.Float64
	}
	if o.BaseBackoff <= 0 {
		o.BaseBackoff = time.Second
	}
	if o.MaxBackoff <= 0 {
		o.MaxBackoff = 5 * time.Minute
	}
	if o.StableAfter <= 0 {
		o.StableAfter = time.Minute
	}
	s := &Supervisor{o: o, log: o.Logger, change: make(chan struct{}),
		up: prometheus.NewGaugeVec(prometheus.GaugeOpts{Name: "sitrep_component_up",
			Help: "1 while the component serves, 0 while it starts, retries after a failure or has stopped."}, []string{"component"}),
		restarts: prometheus.NewCounterVec(prometheus.CounterOpts{Name: "sitrep_component_restarts_total",
			Help: "Restarts of the component after a failure."}, []string{"component"}),
	}
	if o.Registry != nil {
		o.Registry.MustRegister(s.up, s.restarts)
	}
	return s
}

// Add adds a component; call it before Run.
func (s *Supervisor) Add(c Component) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.comps = append(s.comps, &comp{Component: c, state: State{Status: Starting, Since: s.o.Now()}})
	s.up.WithLabelValues(c.Name).Set(0)
	s.restarts.WithLabelValues(c.Name)
}

// Backoff is the delay before restart number n (1-based): BaseBackoff
// doubled per restart up to MaxBackoff, of which a random half is taken
// off (jitter), so components failing together do not retry together.
func (s *Supervisor) Backoff(n int) time.Duration {
	d := min(float64(s.o.BaseBackoff)*math.Pow(2, float64(max(n, 1)-1)), float64(s.o.MaxBackoff))
	return time.Duration(d/2 + d/2*s.o.Rand())
}

// Run runs every component until ctx ends (nil) or until every component
// that Serves has stopped for good: then it stops the others and returns an
// error naming each with its reason.
func (s *Supervisor) Run(ctx context.Context) error {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	var wg sync.WaitGroup
	s.mu.Lock()
	comps := append([]*comp(nil), s.comps...)
	s.mu.Unlock()
	for _, c := range comps {
		wg.Add(1)
		go func() {
			defer wg.Done()
			s.keep(ctx, c)
		}()
	}
	var err error
	for {
		s.mu.Lock()
		ch := s.change
		s.mu.Unlock()
		if msg, gone := s.nothingToServe(); gone {
			err = fmt.Errorf("supervise: nothing left to serve: %s", msg)
			break
		}
		select {
		case <-ctx.Done():
		case <-ch:
			continue
		}
		break
	}
	cancel()
	wg.Wait()
	return err
}

// nothingToServe reports whether components that serve exist and all have
// stopped, with their reasons.
func (s *Supervisor) nothingToServe() (string, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	var reasons []string
	serving := 0
	for _, c := range s.comps {
		if !c.Serves {
			continue
		}
		serving++
		if c.state.Status != Stopped {
			return "", false
		}
		reason := c.state.Reason
		if !strings.HasPrefix(reason, c.Name+":") {
			reason = c.Name + ": " + reason
		}
		reasons = append(reasons, reason)
	}
	return strings.Join(reasons, "; "), serving > 0
}

// keep runs c, restarting it after transient failures, until ctx ends or a
// permanent failure stops it.
func (s *Supervisor) keep(ctx context.Context, c *comp) {
	failures := 0
	for ctx.Err() == nil {
		start := s.o.Now()
		var upAt time.Time
		err := s.runOnce(ctx, c, func() {
			upAt = s.o.Now()
			s.set(c, State{Status: OK, Since: upAt})
		})
		if ctx.Err() != nil {
			return
		}
		if err == nil {
			err = errors.New("stopped unexpectedly")
		}
		if bot.IsPermanent(err) {
			s.log.Error("component stopped: "+err.Error(), slog.String("component", c.Name))
			s.set(c, State{Status: Stopped, Since: s.o.Now(), Reason: err.Error()})
			return
		}
		if !upAt.IsZero() && s.o.Now().Sub(upAt) >= s.o.StableAfter {
			failures = 0
		}
		failures++
		wait := s.Backoff(failures)
		s.log.Warn("component failed, restarting", slog.String("component", c.Name), slog.Any("error", err),
			slog.Duration("backoff", wait), slog.Duration("ran", s.o.Now().Sub(start)))
		since := s.o.Now()
		if prev := s.state(c); prev.Status == Retrying {
			since = prev.Since // retrying since the first failure of the run of failures
		}
		s.set(c, State{Status: Retrying, Since: since, Reason: err.Error(), Restarts: s.state(c).Restarts + 1})
		s.restarts.WithLabelValues(c.Name).Inc()
		t := time.NewTimer(wait)
		select {
		case <-ctx.Done():
			t.Stop()
			return
		case <-t.C:
		}
	}
}

// runOnce runs c once, turning a panic into an error.
func (s *Supervisor) runOnce(ctx context.Context, c *comp, up func()) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("panic: %v", r)
		}
	}()
	return c.Run(ctx, up)
}

func (s *Supervisor) state(c *comp) State {
	s.mu.Lock()
	defer s.mu.Unlock()
	return c.state
}

func (s *Supervisor) set(c *comp, st State) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if st.Restarts == 0 {
		st.Restarts = c.state.Restarts
	}
	c.state = st
	v := 0.0
	if st.Status == OK {
		v = 1
	}
	s.up.WithLabelValues(c.Name).Set(v)
	close(s.change)
	s.change = make(chan struct{})
}

// States returns every component's state by name.
func (s *Supervisor) States() map[string]State {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := make(map[string]State, len(s.comps))
	for _, c := range s.comps {
		out[c.Name] = c.state
	}
	return out
}

// CanDeliver reports whether the bot can deliver: every Required component
// is ok and, when there are components that serve, at least one of them is.
func (s *Supervisor) CanDeliver() bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	serving, ok := 0, 0
	for _, c := range s.comps {
		if c.Required && c.state.Status != OK {
			return false
		}
		if c.Serves {
			serving++
			if c.state.Status == OK {
				ok++
			}
		}
	}
	return serving == 0 || ok > 0
}

// Names returns the components' names, sorted.
func (s *Supervisor) Names() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []string
	for _, c := range s.comps {
		out = append(out, c.Name)
	}
	sort.Strings(out)
	return out
}
