// Package outbox delivers what the bot promised to send: it claims due
// deliveries rows, sends them through the platform adapters under each
// platform's rate limits (globally and per chat), retries with backoff,
// follows migrations, pauses chats that blocked the bot, dead-letters what
// cannot be sent, and exports delivery metrics. It also turns new attack
// reports into per-chat alerts (EnqueueAlerts).
package outbox

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"math"
	"math/rand/v2"
	"sync"
	"sync/atomic"
	"time"
	"unicode/utf8"

	"github.com/prometheus/client_golang/prometheus"

	"github.com/sitrep/sitrep/bot"
	"github.com/sitrep/sitrep/briefings"
)

// Options configure a Dispatcher. Zero values take the defaults shown.
type Options struct {
	Logger *slog.Logger
	Now    func() time.Time // time.Now
	// Registry receives the metrics (nil: not registered). Metrics, when set,
	// is used instead of creating new ones.
	Registry prometheus.Registerer
	Metrics  *Metrics

	Workers      int           // concurrent sends: 16
	MaxInFlight  int           // rows claimed and not finished: 512
	ClaimBatch   int           // rows per Claim: 200
	Lease        time.Duration // claim lease: 2m
	Poll         time.Duration // claim poll when not notified: 1s
	MaxAttempts  int           // dead-letter after: 8
	BaseBackoff  time.Duration // first retry delay cap: 2s
	MaxBackoff   time.Duration // 15m
	DrainTimeout time.Duration // in-flight sends on shutdown: 10s
	// Rand returns a float in [0,1) for jitter: math/rand/v2.Float64.
	Rand func() float64
	// Limits per platform name; a platform missing here gets DefaultLimits.
	// NoLimits lifts every limit (benchmarks, console).
	Limits   map[briefings.Platform]Limits
	NoLimits bool
	// Budgets, per platform, are send budgets this dispatcher shares with
	// the platform's adapter (its command replies): for those platforms
	// they replace Limits and Headroom (NewBudget takes both).
	Budgets map[briefings.Platform]*Budget
	// Headroom is the fraction of every rate in Limits the dispatcher
	// leaves unused: 0.03 (it paces Telegram's 30/s at 29.1/s); negative:
	// none. A sender at exactly the limit has no slack left once one
	// request is delayed on the way, and the next on-time one is refused.
	Headroom float64
	// MaxRetryAfter caps a platform's retry_after: 1h.
	MaxRetryAfter time.Duration
	// PeerEvery is how often a dispatcher renews its presence lease in the
	// store and counts the live dispatchers sharing the database: 2s. Each
	// paces at 1/n of every platform's global rate, since the platforms
	// limit the bot, not the process. The lease lasts 3*PeerEvery: a
	// dispatcher that stops (or is killed) is no longer counted after that,
	// and the rows it had claimed go to the live ones (Store.Claim takes
	// over the rows of claimers without a live lease). A dispatcher whose
	// own lease is about to lapse (the database unreachable for two beats)
	// starts no send and claims nothing until it is renewed.
	PeerEvery time.Duration
}

// PeerLeasePrefix names the dispatchers' presence leases.
const PeerLeasePrefix = "dispatcher:"

// DefaultHeadroom is Options.Headroom's default.
const DefaultHeadroom = 0.03

// Dispatcher sends outbox rows. Several dispatchers (processes) may share a
// database: Claim gives each row to one of them.
type Dispatcher struct {
	st         briefings.Store
	platforms  map[briefings.Platform]bot.Platform
	o          Options
	log        *slog.Logger
	m          *Metrics
	notify     chan struct{}
	randMu     sync.Mutex
	shareRates bool // count the peers and split the global rates with them
	peers      atomic.Int32
	budgets    map[briefings.Platform]*Budget

	presMu    sync.Mutex
	presName  string    // this dispatcher's presence lease: the claimer of its rows
	presUntil time.Time // the lease is held until then (zero: not yet)
}

// NewDispatcher returns a dispatcher over st sending through platforms (by name).
func NewDispatcher(st briefings.Store, platforms map[briefings.Platform]bot.Platform, o Options) *Dispatcher {
	if o.Logger == nil {
		o.Logger = slog.Default()
	}
	if o.Now == nil {
		o.Now = time.Now
	}
	if o.Rand == nil {
		o.Rand = rand.Float64
	}
	defInt := func(p *int, v int) {
		if *p <= 0 {
			*p = v
		}
	}
	defDur := func(p *time.Duration, v time.Duration) {
		if *p <= 0 {
			*p = v
		}
	}
	defInt(&o.Workers, 16)
	defInt(&o.MaxInFlight, 512)
	defInt(&o.ClaimBatch, 200)
	defInt(&o.MaxAttempts, 8)
	defDur(&o.Lease, 2*time.Minute)
	defDur(&o.Poll, time.Second)
	defDur(&o.BaseBackoff, 2*time.Second)
	defDur(&o.MaxBackoff, 15*time.Minute)
	defDur(&o.DrainTimeout, 10*time.Second)
	defDur(&o.MaxRetryAfter, time.Hour)
	defDur(&o.PeerEvery, 2*time.Second)
	if o.NoLimits {
		o.Limits = map[briefings.Platform]Limits{}
		for name := range platforms {
			o.Limits[name] = Limits{}
		}
	}
	if o.Limits == nil {
		o.Limits = map[briefings.Platform]Limits{}
	}
	for name := range platforms {
		if _, ok := o.Limits[name]; !ok {
			o.Limits[name] = DefaultLimits(name)
		}
	}
	if o.Headroom == 0 {
		o.Headroom = DefaultHeadroom
	}
	if o.Headroom > 0.5 {
		o.Headroom = 0.5
	}
	paced := make(map[briefings.Platform]Limits, len(o.Limits))
	for name, l := range o.Limits {
		paced[name] = l.WithHeadroom(o.Headroom)
	}
	o.Limits = paced
	m := o.Metrics
	if m == nil {
		m = NewMetrics(o.Registry)
	}
	d := &Dispatcher{st: st, platforms: platforms, o: o, log: o.Logger, m: m, notify: make(chan struct{}, 1),
		shareRates: !o.NoLimits, presName: newPresenceName(), budgets: map[briefings.Platform]*Budget{}}
	for name, l := range o.Limits {
		d.budgets[name] = newBudget(l, o.Now)
	}
	for name, b := range o.Budgets {
		if !o.NoLimits {
			d.budgets[name] = b
			d.o.Limits[name] = b.limits
		}
	}
	d.peers.Store(1)
	return d
}

// newPresenceName returns a fresh presence lease name.
func newPresenceName() string { return PeerLeasePrefix + briefings.NewLeaseHolder() }

// presence returns the presence lease name and whether this dispatcher may
// claim and start sends at now: its lease is held for at least one more
// beat, so no other dispatcher takes its rows while a send is starting.
func (d *Dispatcher) presence(now time.Time) (name string, present bool) {
	d.presMu.Lock()
	defer d.presMu.Unlock()
	return d.presName, now.Before(d.presUntil.Add(-d.o.PeerEvery))
}

// Peers is the number of dispatchers this one last counted sharing the
// platforms' rates, itself included.
func (d *Dispatcher) Peers() int { return int(d.peers.Load()) }

// beatResult is what a beat tells the loop.
type beatResult struct {
	peers  int  // live dispatchers sharing the rates, this one included
	lapsed bool // the presence lease had lapsed: rows held may be another's now
}

// beat renews this dispatcher's presence lease and counts the live
// dispatchers (1 when the rates are not shared); peers is 0 when the store
// cannot tell. A renewal after the lease expired takes a new name: the rows
// claimed under the old one may have been taken over, so they are another
// dispatcher's or nobody's, and lapsed says so.
func (d *Dispatcher) beat(ctx context.Context) beatResult {
	ctx, cancel := context.WithTimeout(ctx, 10*time.Second)
	defer cancel()
	now := d.o.Now()
	d.presMu.Lock()
	name, until := d.presName, d.presUntil
	d.presMu.Unlock()
	lapsed := !until.IsZero() && !now.Before(until)
	if lapsed {
		name = newPresenceName()
	}
	until = now.Add(3 * d.o.PeerEvery)
	if _, err := d.st.TryLease(ctx, name, name, now, until); err != nil {
		d.log.Warn("outbox: presence lease", slog.Any("error", err))
		return beatResult{}
	}
	d.presMu.Lock()
	d.presName, d.presUntil = name, until
	d.presMu.Unlock()
	if lapsed {
		d.log.Warn("outbox: presence lease lapsed; rows claimed before are left to the others", slog.String("dispatcher", name))
	}
	if !d.shareRates {
		return beatResult{peers: 1, lapsed: lapsed}
	}
	n, err := d.st.LiveLeases(ctx, PeerLeasePrefix, now)
	if err != nil {
		d.log.Warn("outbox: count peers", slog.Any("error", err))
		return beatResult{lapsed: lapsed}
	}
	return beatResult{peers: max(n, 1), lapsed: lapsed}
}

// claimAhead is how many seconds of its share of the rates a dispatcher
// sharing them with others claims ahead.
const claimAhead = 4 * time.Second

// claimBounds returns, for n dispatchers sharing the rates, the most rows
// this one holds claimed and unfinished (MaxInFlight alone) and the least
// room worth a claim: a quarter of that (or a full batch), rather than one
// row per freed slot.
func (d *Dispatcher) claimBounds(n int) (maxHeld, minClaim int) {
	maxHeld = d.o.MaxInFlight
	if perSec := d.sharedRate(n); n > 1 && perSec > 0 {
		maxHeld = min(maxHeld, max(2*d.o.Workers, int(math.Ceil(perSec*claimAhead.Seconds()))))
	}
	return maxHeld, max(1, min(d.o.ClaimBatch, maxHeld/4))
}

// sharedRate is the sends per second this dispatcher may make, summed over
// its platforms, when n share them; 0 when any platform is unlimited.
func (d *Dispatcher) sharedRate(n int) float64 {
	total := 0.0
	for name := range d.platforms {
		l, ok := d.o.Limits[name]
		if !ok || l.Global.Unlimited() {
			return 0
		}
		total += float64(time.Second) / float64(l.Global.shared(n).Every)
	}
	return total
}

// leave gives up this dispatcher's presence lease, so the others take its
// share of the rate at their next beat (and any row it still held).
func (d *Dispatcher) leave() {
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	name, _ := d.presence(d.o.Now())
	if err := d.st.ReleaseLease(ctx, name, name); err != nil {
		d.log.Warn("outbox: release presence lease", slog.Any("error", err))
	}
}

// Metrics returns the dispatcher's metrics (FeedFetchErrors is for the feed refresher).
func (d *Dispatcher) Metrics() *Metrics { return d.m }

// Notify wakes the dispatcher to claim now (call after an enqueue).
func (d *Dispatcher) Notify() {
	select {
	case d.notify <- struct{}{}:
	default:
	}
}

// Stats returns the outbox figures and updates the queue depth gauge.
func (d *Dispatcher) Stats(ctx context.Context) (briefings.DeliveryStats, error) {
	s, err := d.st.DeliveryStats(ctx)
	if err != nil {
		return s, fmt.Errorf("outbox: stats: %w", err)
	}
	d.m.setDepth(s)
	return s, nil
}

// result is what a worker reports to the loop.
type result struct {
	d       *briefings.Delivery
	hold    time.Time       // chat may not send before (retry_after)
	holdAll time.Time       // the platform may not send before (its adapter is down)
	drop    *briefings.Chat // chat paused: release its queued rows
	migrate *briefings.Chat // chat moved to this id
}

// release returns claimed, unsent rows to pending, due now. Without a live
// presence lease it leaves them alone: they may be another dispatcher's by
// now, and they are anyone's at the next claim anyway.
func (d *Dispatcher) release(rows []*briefings.Delivery, why string) {
	if len(rows) == 0 {
		return
	}
	if _, present := d.presence(d.o.Now()); !present {
		return
	}
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	now := d.o.Now()
	for _, r := range rows {
		if err := d.st.Release(ctx, r.ID, why, now); err != nil {
			d.log.Error("outbox: release", slog.Int64("delivery_id", r.ID), slog.Any("error", err))
		}
	}
}

// unavailableHold is how long a platform whose adapter is down sends
// nothing before one message tries again.
const unavailableHold = 5 * time.Second

// dbCtx is for store writes after a send: they must happen even when the
// send context was cancelled mid-shutdown.
func dbCtx() (context.Context, context.CancelFunc) {
	return context.WithTimeout(context.Background(), 30*time.Second)
}

// deliver sends one row and records the outcome in the store.
func (d *Dispatcher) deliver(ctx context.Context, row *briefings.Delivery) result {
	res := result{d: row}
	log := d.log.With(slog.Int64("delivery_id", row.ID), slog.String("platform", string(row.Chat.Platform)), slog.String("chat_id", row.Chat.ChatID))
	p, ok := d.platforms[row.Chat.Platform]
	var extID string
	var err error
	if !ok {
		err = &bot.SendError{Platform: row.Chat.Platform, Kind: bot.SendUnavailable, Err: errors.New("platform not running in this process")}
	} else {
		extID, err = d.send(ctx, p, row)
	}
	wctx, cancel := dbCtx()
	defer cancel()
	now := d.o.Now()
	var wait *waitOriginal
	switch {
	case err == nil:
		d.markSent(wctx, log, row, extID, now)
		if !row.CreatedAt.IsZero() {
			d.m.Latency.WithLabelValues(string(row.Chat.Platform), row.Kind).Observe(now.Sub(row.CreatedAt).Seconds())
		}
	case errors.As(err, &wait):
		// Not an attempt: the row is handed back until its original is sent.
		if e := d.st.Release(wctx, row.ID, "waiting for the original message", wait.after(now, d.o.Poll)); e != nil {
			log.Error("outbox: release", slog.Any("error", e))
		}
	case ctx.Err() != nil:
		// Cancelled by shutdown: not the row's fault; due again at once.
		_ = d.st.MarkRetry(wctx, row.ID, "interrupted by shutdown", now)
	default:
		d.failed(ctx, wctx, log, p, &res, err, now)
	}
	return res
}

// markSent records a row as sent.
func (d *Dispatcher) markSent(wctx context.Context, log *slog.Logger, row *briefings.Delivery, extID string, now time.Time) {
	if e := d.st.MarkSent(wctx, row.ID, extID, now); e != nil {
		log.Error("outbox: mark sent", slog.Any("error", e))
	}
	d.m.Sent.WithLabelValues(string(row.Chat.Platform), row.Kind).Inc()
}

// failed records a failed send by its kind: held for an adapter that is
// down or a rate limit, the chat paused, followed to its new id, dead, or
// retried.
func (d *Dispatcher) failed(ctx, wctx context.Context, log *slog.Logger, p bot.Platform, res *result, err error, now time.Time) {
	row := res.d
	var se *bot.SendError
	if !errors.As(err, &se) {
		se = &bot.SendError{Platform: row.Chat.Platform, Kind: bot.SendRetry, Err: err}
	}
	if se.Kind == bot.SendUnavailable {
		// The adapter is down (restarting, or not run here): the message
		// waits, no attempt spent, and the platform pauses a while.
		res.holdAll = now.Add(unavailableHold)
		if e := d.st.Release(wctx, row.ID, "platform unavailable", res.holdAll); e != nil {
			log.Error("outbox: release", slog.Any("error", e))
		}
		return
	}
	d.m.Failed.WithLabelValues(string(row.Chat.Platform), se.Kind).Inc()
	switch se.Kind {
	case bot.SendRateLimited:
		wait := time.Duration(se.RetryAfter) * time.Second
		if wait <= 0 {
			wait = time.Second
		}
		wait = min(wait, d.o.MaxRetryAfter)
		res.hold = now.Add(wait)
		log.Warn("outbox: rate limited", slog.Duration("retry_after", wait))
		if e := d.st.MarkRetry(wctx, row.ID, "rate limited", res.hold); e != nil {
			log.Error("outbox: mark retry", slog.Any("error", e))
		}
	case bot.SendBlocked, bot.SendNotFound:
		reason := "blocked by the user"
		if se.Kind == bot.SendNotFound {
			reason = "chat not found"
		}
		log.Warn("outbox: chat refused delivery, pausing", slog.String("reason", reason), slog.Any("error", err))
		if e := d.st.PauseChat(wctx, row.Chat, reason); e != nil {
			log.Error("outbox: pause chat", slog.Any("error", e))
		}
		d.dead(wctx, log, row, reason)
		c := row.Chat
		res.drop = &c
	case bot.SendMigrated:
		d.migrated(ctx, wctx, log, p, res, se, err)
	case bot.SendFatal:
		d.dead(wctx, log, row, "rejected: "+short(se.Err))
	default:
		d.retry(wctx, log, row, err)
	}
}

// migrated moves the chat (a Telegram group upgraded to a supergroup) and
// sends the row to its new id at once.
func (d *Dispatcher) migrated(ctx, wctx context.Context, log *slog.Logger, p bot.Platform, res *result, se *bot.SendError, err error) {
	row := res.d
	to := briefings.Chat{Platform: row.Chat.Platform, ChatID: se.NewChatID}
	log.Info("outbox: chat migrated", slog.String("new_chat_id", se.NewChatID))
	if se.NewChatID == "" || se.NewChatID == row.Chat.ChatID {
		d.retry(wctx, log, row, err)
		return
	}
	if e := d.st.MigrateChat(wctx, row.Chat, to); e != nil {
		log.Error("outbox: migrate chat", slog.Any("error", e))
	}
	res.migrate = &to
	moved := *row
	moved.Chat = to
	extID, err2 := d.send(ctx, p, &moved)
	if err2 != nil {
		d.retry(wctx, log, row, err2)
		return
	}
	d.markSent(wctx, log, row, extID, d.o.Now())
}

// send delivers (or, for a revision, edits) one row.
func (d *Dispatcher) send(ctx context.Context, p bot.Platform, row *briefings.Delivery) (string, error) {
	r, err := DecodePayload(row.Payload)
	if err != nil {
		kind := bot.SendFatal
		if errors.Is(err, errNewerPayload) {
			kind = bot.SendRetry // for a dispatcher of the newer version
		}
		return "", &bot.SendError{Platform: p.Name(), Kind: kind, Err: err}
	}
	if row.EditOf != "" {
		orig, err := d.st.DeliveryByKey(ctx, row.EditOf)
		switch {
		case err != nil && briefings.ErrorCode(err) != briefings.ENOTFOUND:
			return "", err
		case err == nil && orig.Status == briefings.StatusSent && orig.ExternalID != "":
			if err := p.Edit(ctx, row.Chat, orig.ExternalID, r); err != nil {
				return "", err
			}
			return orig.ExternalID, nil
		case err == nil && (orig.Status == briefings.StatusPending || orig.Status == briefings.StatusSending):
			// The original is still on its way (retried under a fault):
			// the revision waits for it, or the reader would get the
			// revision and then the stale original.
			return "", &waitOriginal{key: row.EditOf, next: orig.NextAttemptAt, sending: orig.Status == briefings.StatusSending}
		}
		// The original is gone (dead-lettered, pruned): the revision is
		// sent as a message of its own.
	}
	return p.Send(ctx, row.Chat, r)
}

// waitOriginal is send's answer for a revision whose original is not sent.
type waitOriginal struct {
	key     string
	next    time.Time // the original's next attempt (or lease end when sending)
	sending bool
}

func (w *waitOriginal) Error() string { return fmt.Sprintf("outbox: original %q not sent yet", w.key) }

// after is when the revision looks again: at the original's next attempt
// (claims take rows in due order, so the original goes first), or soon
// when the original is being sent now.
func (w *waitOriginal) after(now time.Time, poll time.Duration) time.Time {
	if w.sending || !w.next.After(now) {
		return now.Add(max(poll, time.Second))
	}
	return w.next
}

func (d *Dispatcher) retry(ctx context.Context, log *slog.Logger, row *briefings.Delivery, err error) {
	attempt := max(row.Attempts, 1)
	if attempt >= d.o.MaxAttempts {
		d.dead(ctx, log, row, fmt.Sprintf("gave up after %d attempts: %s", attempt, short(err)))
		return
	}
	next := d.o.Now().Add(d.Backoff(attempt))
	log.Info("outbox: send failed, will retry", slog.Int("attempt", attempt), slog.Time("next_attempt_at", next), slog.Any("error", err))
	if e := d.st.MarkRetry(ctx, row.ID, short(err), next); e != nil {
		log.Error("outbox: mark retry", slog.Any("error", e))
	}
}

func (d *Dispatcher) dead(ctx context.Context, log *slog.Logger, row *briefings.Delivery, reason string) {
	log.Warn("outbox: dead letter", slog.String("reason", reason))
	d.m.Failed.WithLabelValues(string(row.Chat.Platform), "dead").Inc()
	if e := d.st.MarkDead(ctx, row.ID, reason); e != nil {
		log.Error("outbox: mark dead", slog.Any("error", e))
	}
}

// Backoff is the delay before retry number attempt (1-based): exponential
// with full jitter, uniform in [0, min(MaxBackoff, BaseBackoff*2^(attempt-1))],
// at least 100ms.
func (d *Dispatcher) Backoff(attempt int) time.Duration {
	ceil := float64(d.o.BaseBackoff) * math.Pow(2, float64(max(attempt, 1)-1))
	ceil = min(ceil, float64(d.o.MaxBackoff))
	d.randMu.Lock()
	f := d.o.Rand()
	d.randMu.Unlock()
	return max(time.Duration(f*ceil), 100*time.Millisecond)
}

// short is an error message cut for storage and dead-letter grouping.
func short(err error) string {
	if err == nil {
		return ""
	}
	var se *bot.SendError
	msg := err.Error()
	if errors.As(err, &se) && se.Err != nil {
		msg = se.Kind + ": " + se.Err.Error()
	}
	if len(msg) > 160 {
		cut := 160
		for cut > 0 && !utf8.RuneStart(msg[cut]) {
			cut--
		}
		msg = msg[:cut]
	}
	return msg
}
