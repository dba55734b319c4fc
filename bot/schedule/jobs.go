package schedule

import (
	"context"
	"fmt"
	"log/slog"
	"sync"
	"time"

	"github.com/robfig/cron/v3"

	"github.com/sitrep/sitrep/briefings"
)

// Job names (also the lease names, prefixed "job:").
const (
	JobFeedRefresh  = "feed_refresh"
	JobChannelPoll  = "channel_poll"
	JobDueDigests   = "due_digests"
	JobAlertScan    = "alert_scan"
	JobRetention    = "retention"
	JobSourceHealth = "source_health"
)

// DefaultPollEvery is the longest the channel poll waits before it looks
// for due channels again (new sources, another process's polls).
const DefaultPollEvery = 2 * time.Second

// JobsOptions configures the job runner. Nil funcs disable their job.
type JobsOptions struct {
	Store  briefings.Store
	Logger *slog.Logger
	Now    func() time.Time
	// Holder identifies this runner in leases; default briefings.NewLeaseHolder().
	Holder string

	// RefreshFeeds fetches due sources.
	RefreshFeeds func(ctx context.Context) error
	RefreshEvery time.Duration // default 1m

	// PollChannels polls the channel sources that are due and returns when
	// the next one is due (zero when it does not know). It runs on a timer
	// of its own, apart from the feeds, at that time (or PollEvery later at
	// most, default DefaultPollEvery): a post waits for its channel's
	// interval, not for a tick, and a slow feed never delays it.
	PollChannels func(ctx context.Context) (next time.Time, err error)
	PollEvery    time.Duration

	// BuildDigest renders digests for EnqueueDue; DigestsEvery default 1m.
	BuildDigest  BuildFunc
	DigestsEvery time.Duration
	// WeeklyChart renders the weekly chart of the week's first digest
	// (nil: none is sent).
	WeeklyChart ChartFunc
	Grace       time.Duration // default DefaultGrace
	// AfterEnqueue is called when digests or alerts were enqueued (wake the dispatcher).
	AfterEnqueue func()

	// ScanAlerts enqueues alerts for new attack reports (returns how many).
	ScanAlerts func(ctx context.Context, now time.Time) (int, error)
	AlertEvery time.Duration // default 5s

	// Retention prunes articles and delivered rows older than this (0: off).
	Retention      time.Duration
	RetentionEvery time.Duration // default 1h

	// SourceHealth checks sources (e.g. logs or alerts on failing ones).
	SourceHealth func(ctx context.Context) error
	HealthEvery  time.Duration // default 5m

	// Timeout bounds one run of any job; default 5m.
	Timeout time.Duration
}

// Jobs runs the bot's periodic jobs on robfig/cron with a chain that skips a
// run while the previous one is still going and recovers panics (Recover
// inside SkipIfStillRunning, so a panic never leaves the skip guard held).
// Each job takes a lease so it runs once across processes.
type Jobs struct {
	o      JobsOptions
	log    *slog.Logger
	cron   *cron.Cron
	jobs   map[string]cron.Job // wrapped by the chain
	wakeCh chan struct{}
	mu     sync.Mutex
	ctx    context.Context
	cancel context.CancelFunc
	wg     sync.WaitGroup
}

// CronLogger adapts slog to cron.Logger.
type CronLogger struct{ L *slog.Logger }

// Info logs cron's routine messages at debug level.
func (c CronLogger) Info(msg string, kv ...any) { c.L.Debug("cron: "+msg, kv...) }

// Error logs cron's errors (including recovered panics).
func (c CronLogger) Error(err error, msg string, kv ...any) {
	c.L.Error("cron: "+msg, append([]any{slog.Any("error", err)}, kv...)...)
}

// Chain is the job wrapper chain used by Jobs.
func Chain(log *slog.Logger) cron.Chain {
	l := CronLogger{L: log}
	return cron.NewChain(cron.SkipIfStillRunning(l), cron.Recover(l))
}

// NewJobs builds the runner; call Start to run it.
func NewJobs(o JobsOptions) (*Jobs, error) {
	if o.Store == nil {
		return nil, fmt.Errorf("schedule: jobs need a store")
	}
	o.defaults()
	j := &Jobs{o: o, log: o.Logger, jobs: map[string]cron.Job{}, wakeCh: make(chan struct{}, 1)}
	j.cron = cron.New(cron.WithLogger(CronLogger{L: o.Logger}), cron.WithChain(cron.SkipIfStillRunning(CronLogger{L: o.Logger}), cron.Recover(CronLogger{L: o.Logger})))
	add := func(name string, every time.Duration, run func(ctx context.Context, now time.Time) error) {
		id := j.cron.Schedule(cron.Every(every), cron.FuncJob(func() { j.runLeased(name, every, run) }))
		// The entry's WrappedJob carries the chain; RunNow and wake-ups use
		// it too, so they share the skip-if-still-running guard.
		j.jobs[name] = j.cron.Entry(id).WrappedJob
	}
	if o.RefreshFeeds != nil {
		add(JobFeedRefresh, o.RefreshEvery, func(ctx context.Context, _ time.Time) error { return o.RefreshFeeds(ctx) })
	}
	if o.BuildDigest != nil {
		add(JobDueDigests, o.DigestsEvery, func(ctx context.Context, now time.Time) error {
			job := DueJob{Grace: o.Grace, Build: o.BuildDigest, Chart: o.WeeklyChart, Log: o.Logger}
			n, skipped, err := job.Run(ctx, o.Store, now)
			if n > 0 || skipped > 0 {
				o.Logger.Info("schedule: due digests", slog.Int("enqueued", n), slog.Int("skipped", skipped))
			}
			if n > 0 && o.AfterEnqueue != nil {
				o.AfterEnqueue()
			}
			return err
		})
	}
	if o.ScanAlerts != nil {
		add(JobAlertScan, o.AlertEvery, func(ctx context.Context, now time.Time) error {
			n, err := o.ScanAlerts(ctx, now)
			if n > 0 && o.AfterEnqueue != nil {
				o.AfterEnqueue()
			}
			return err
		})
	}
	if o.Retention > 0 {
		add(JobRetention, o.RetentionEvery, func(ctx context.Context, now time.Time) error {
			before := now.Add(-o.Retention)
			na, err := o.Store.PruneArticles(ctx, before)
			if err != nil {
				return err
			}
			nd, err := o.Store.PruneDeliveries(ctx, before)
			if err != nil {
				return err
			}
			o.Logger.Info("schedule: retention", slog.Int("articles", na), slog.Int("deliveries", nd))
			return nil
		})
	}
	if o.SourceHealth != nil {
		add(JobSourceHealth, o.HealthEvery, func(ctx context.Context, _ time.Time) error { return o.SourceHealth(ctx) })
	}
	return j, nil
}

// defaults fills the options left zero.
func (o *JobsOptions) defaults() {
	if o.Logger == nil {
		o.Logger = slog.Default()
	}
	if o.Now == nil {
		o.Now = time.Now
	}
	if o.Holder == "" {
		o.Holder = briefings.NewLeaseHolder()
	}
	for _, d := range []struct {
		p *time.Duration
		v time.Duration
	}{
		{&o.RefreshEvery, time.Minute}, {&o.PollEvery, DefaultPollEvery}, {&o.DigestsEvery, time.Minute},
		{&o.Grace, DefaultGrace}, {&o.AlertEvery, 5 * time.Second}, {&o.RetentionEvery, time.Hour},
		{&o.HealthEvery, 5 * time.Minute}, {&o.Timeout, 5 * time.Minute},
	} {
		if *d.p <= 0 {
			*d.p = d.v
		}
	}
}

// runLeased runs one job if this process holds (or takes) its lease.
func (j *Jobs) runLeased(name string, every time.Duration, run func(ctx context.Context, now time.Time) error) {
	j.mu.Lock()
	base := j.ctx
	j.mu.Unlock()
	if base == nil {
		base = context.Background()
	}
	if base.Err() != nil {
		return
	}
	ctx, cancel := context.WithTimeout(base, j.o.Timeout)
	defer cancel()
	now := j.o.Now()
	lease := max(2*every, 30*time.Second)
	ok, err := j.o.Store.TryLease(ctx, "job:"+name, j.o.Holder, now, now.Add(lease))
	if err != nil {
		j.log.Error("schedule: lease", slog.String("job", name), slog.Any("error", err))
		return
	}
	if !ok {
		j.log.Debug("schedule: lease held elsewhere", slog.String("job", name))
		return
	}
	if err := run(ctx, now); err != nil {
		j.log.Error("schedule: job failed", slog.String("job", name), slog.Any("error", err))
	}
}

// Start runs the jobs until ctx ends (or Stop).
func (j *Jobs) Start(ctx context.Context) {
	j.mu.Lock()
	j.ctx, j.cancel = context.WithCancel(ctx)
	c := j.ctx
	j.mu.Unlock()
	j.cron.Start()
	if j.o.PollChannels != nil {
		j.wg.Add(1)
		go j.pollLoop(c)
	}
	if job, ok := j.jobs[JobAlertScan]; ok {
		j.wg.Add(1)
		go func() {
			defer j.wg.Done()
			for {
				select {
				case <-c.Done():
					return
				case <-j.wakeCh:
					job.Run()
				}
			}
		}()
	}
	j.wg.Add(1)
	go func() {
		defer j.wg.Done()
		<-c.Done()
		<-j.cron.Stop().Done()
	}()
}

// pollLoop polls the channels each time the next one is due (PollEvery at
// most apart), under the channel_poll lease, until c ends.
func (j *Jobs) pollLoop(c context.Context) {
	defer j.wg.Done()
	for {
		var next time.Time
		j.runLeased(JobChannelPoll, j.o.PollEvery, func(ctx context.Context, _ time.Time) (err error) {
			defer func() {
				if p := recover(); p != nil {
					err = fmt.Errorf("schedule: channel poll panicked: %v", p)
				}
			}()
			next, err = j.o.PollChannels(ctx)
			return err
		})
		wait := j.o.PollEvery
		if !next.IsZero() {
			// A 10 ms floor keeps a source that stays due from spinning.
			wait = min(max(next.Sub(j.o.Now()), 10*time.Millisecond), j.o.PollEvery)
		}
		t := time.NewTimer(wait)
		select {
		case <-c.Done():
			t.Stop()
			return
		case <-t.C:
		}
	}
}

// Stop stops scheduling and waits for running jobs.
func (j *Jobs) Stop() {
	j.mu.Lock()
	cancel := j.cancel
	j.mu.Unlock()
	if cancel != nil {
		cancel()
	}
	j.wg.Wait()
}

// WakeAlerts runs the alert scan soon (after local ingestion stored reports);
// coalesces with a pending wake-up.
func (j *Jobs) WakeAlerts() {
	select {
	case j.wakeCh <- struct{}{}:
	default:
	}
}

// RunNow runs the named job through its chain (skip-if-running, recover,
// lease) and waits for it; false when there is no such job.
func (j *Jobs) RunNow(name string) bool {
	job, ok := j.jobs[name]
	if ok {
		job.Run()
	}
	return ok
}
