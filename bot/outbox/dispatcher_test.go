package outbox

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	dto "github.com/prometheus/client_model/go"

	"github.com/sitrep/sitrep/bot"
	"github.com/sitrep/sitrep/bot/supervise"
	"github.com/sitrep/sitrep/briefings"
	"github.com/sitrep/sitrep/briefings/store"
	"github.com/sitrep/sitrep/briefings/store/storetest"
)

// scriptPlatform answers per chat with scripted errors, then success.
type scriptPlatform struct {
	mu     sync.Mutex
	errs   map[string][]error
	sent   []string // chat ids, in order
	edited []string // message ids edited
	n      int
}

func (p *scriptPlatform) Name() briefings.Platform                     { return "telegram" }
func (p *scriptPlatform) Run(ctx context.Context, _ bot.Handler) error { <-ctx.Done(); return nil }
func (p *scriptPlatform) next(chat string) error {
	if q := p.errs[chat]; len(q) > 0 {
		p.errs[chat] = q[1:]
		return q[0]
	}
	return nil
}
func (p *scriptPlatform) Send(_ context.Context, c briefings.Chat, _ *bot.Reply) (string, error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if err := p.next(c.ChatID); err != nil {
		return "", err
	}
	p.n++
	p.sent = append(p.sent, c.ChatID)
	return fmt.Sprintf("m%d", p.n), nil
}
func (p *scriptPlatform) Edit(_ context.Context, c briefings.Chat, id string, _ *bot.Reply) error {
	p.mu.Lock()
	defer p.mu.Unlock()
	if err := p.next(c.ChatID); err != nil {
		return err
	}
	p.edited = append(p.edited, id)
	return nil
}

func sendErr(kind string) error {
	return &bot.SendError{Platform: "telegram", Kind: kind, Err: errors.New("platform said " + kind)}
}

func enqueue(t testing.TB, st briefings.Store, key, chat, editOf string, at time.Time) {
	t.Helper()
	p, _ := EncodePayload(bot.Text("hello " + key))
	if _, err := st.Enqueue(context.Background(), &briefings.Delivery{DedupeKey: key, Chat: briefings.Chat{Platform: "telegram", ChatID: chat},
		Kind: briefings.DeliveryAlert, Payload: p, EditOf: editOf, NextAttemptAt: at, CreatedAt: at}); err != nil {
		t.Fatal(err)
	}
}

// claimOne claims the single due row for key at now.
func claimOne(t *testing.T, st *store.DB, now time.Time) *briefings.Delivery {
	t.Helper()
	rows, err := st.Claim(context.Background(), "", now, now.Add(time.Minute), 1)
	if err != nil || len(rows) != 1 {
		t.Fatalf("claim: %v %v", rows, err)
	}
	return rows[0]
}

func TestDeliverOutcomes(t *testing.T) {
	ctx := context.Background()
	st := storetest.Open(t)
	now := time.Date(2026, 5, 1, 10, 0, 0, 0, time.UTC)
	clock := func() time.Time { return now }
	reg := prometheus.NewRegistry()
	p := &scriptPlatform{errs: map[string][]error{
		"blocked":  {sendErr(bot.SendBlocked)},
		"gone":     {sendErr(bot.SendNotFound)},
		"migr":     {&bot.SendError{Platform: "telegram", Kind: bot.SendMigrated, NewChatID: "-100777", Err: errors.New("group upgraded")}},
		"flaky":    {sendErr(bot.SendRetry), sendErr(bot.SendRetry), sendErr(bot.SendRetry)},
		"limited":  {&bot.SendError{Platform: "telegram", Kind: bot.SendRateLimited, RetryAfter: 7, Err: errors.New("429")}},
		"rejected": {sendErr(bot.SendFatal)},
	}}
	d := NewDispatcher(st, map[briefings.Platform]bot.Platform{"telegram": p}, Options{
		Now: clock, Registry: reg, MaxAttempts: 3, BaseBackoff: 4 * time.Second, Rand: func() float64 { return 0.5 },
		Logger: slog.New(slog.DiscardHandler),
	})
	for _, chat := range []string{"blocked", "gone", "migr"} {
		if err := st.UpsertSubscription(ctx, &briefings.Subscription{Chat: briefings.Chat{Platform: "telegram", ChatID: chat}, Schedule: "08:00", Active: true, NextDueAt: now}); err != nil {
			t.Fatal(err)
		}
	}

	// Blocked: chat paused, row dead with the reason.
	enqueue(t, st, "k-blocked", "blocked", "", now)
	d.deliver(ctx, claimOne(t, st, now))
	if s, _ := st.GetSubscription(ctx, briefings.Chat{Platform: "telegram", ChatID: "blocked"}); s.Active || s.PausedReason != "blocked by the user" {
		t.Errorf("blocked chat not paused: %+v", s)
	}
	// Not found: paused as gone.
	enqueue(t, st, "k-gone", "gone", "", now)
	d.deliver(ctx, claimOne(t, st, now))
	if s, _ := st.GetSubscription(ctx, briefings.Chat{Platform: "telegram", ChatID: "gone"}); s.Active || s.PausedReason != "chat not found" {
		t.Errorf("missing chat not paused: %+v", s)
	}
	// Migrated: the chat moves and the message goes to the new id at once.
	enqueue(t, st, "k-migr", "migr", "", now)
	res := d.deliver(ctx, claimOne(t, st, now))
	if res.migrate == nil || res.migrate.ChatID != "-100777" || p.sent[len(p.sent)-1] != "-100777" {
		t.Errorf("migration not followed: %+v sent=%v", res, p.sent)
	}
	if _, err := st.GetSubscription(ctx, briefings.Chat{Platform: "telegram", ChatID: "-100777"}); err != nil {
		t.Errorf("subscription not migrated: %v", err)
	}
	// Rate limited: back to pending after retry_after, hold for that chat.
	enqueue(t, st, "k-limited", "limited", "", now)
	res = d.deliver(ctx, claimOne(t, st, now))
	if !res.hold.Equal(now.Add(7 * time.Second)) {
		t.Errorf("hold %v, want +7s", res.hold)
	}
	if rows, _ := st.Claim(ctx, "", now.Add(6*time.Second), now.Add(time.Minute), 10); len(rows) != 0 {
		t.Errorf("rate-limited row claimable before retry_after")
	}
	d.deliver(ctx, claimOne(t, st, now.Add(7*time.Second)))
	// Fatal: dead at once with the platform's reason.
	enqueue(t, st, "k-rejected", "rejected", "", now)
	d.deliver(ctx, claimOne(t, st, now))
	// Transient: backoff with full jitter (rand 0.5 -> half the cap), dead after MaxAttempts.
	enqueue(t, st, "k-flaky", "flaky", "", now)
	d.deliver(ctx, claimOne(t, st, now)) // attempt 1: cap 4s -> 2s
	if rows, _ := st.Claim(ctx, "", now.Add(1999*time.Millisecond), now.Add(time.Minute), 10); len(rows) != 0 {
		t.Errorf("retry claimable before its backoff")
	}
	now = now.Add(2 * time.Second)
	d.deliver(ctx, claimOne(t, st, now)) // attempt 2: cap 8s -> 4s
	now = now.Add(4 * time.Second)
	d.deliver(ctx, claimOne(t, st, now)) // attempt 3 = MaxAttempts: dead

	stats, err := d.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]int{
		"blocked by the user": 1, "chat not found": 1,
		"rejected: platform said fatal":                        1,
		"gave up after 3 attempts: retry: platform said retry": 1,
	}
	if stats.Dead != 4 || stats.Sent != 2 || fmt.Sprint(stats.DeadReasons) != fmt.Sprint(want) {
		t.Errorf("stats %+v, want 4 dead %v and 2 sent", stats, want)
	}
	if v := metricValue(t, d.Metrics().QueueDepth.WithLabelValues("dead")); v != 4 {
		t.Errorf("queue depth gauge dead = %v", v)
	}
	if v := metricValue(t, d.Metrics().Failed.WithLabelValues("telegram", "rate_limited")); v != 1 {
		t.Errorf("failed{rate_limited} = %v", v)
	}
	if v := metricValue(t, d.Metrics().Sent.WithLabelValues("telegram", "alert")); v != 2 {
		t.Errorf("sent = %v", v)
	}
}

func TestDeliverEditsRevision(t *testing.T) {
	ctx := context.Background()
	st := storetest.Open(t)
	now := time.Date(2026, 5, 1, 10, 0, 0, 0, time.UTC)
	p := &scriptPlatform{errs: map[string][]error{}}
	d := NewDispatcher(st, map[briefings.Platform]bot.Platform{"telegram": p}, Options{Now: func() time.Time { return now }, Logger: slog.New(slog.DiscardHandler), Rand: func() float64 { return 0 }})
	enqueue(t, st, "alert:telegram:9:ev", "9", "", now)
	enqueue(t, st, "alert:telegram:9:ev:rev:x", "9", "alert:telegram:9:ev", now.Add(time.Second))
	d.deliver(ctx, claimOne(t, st, now))
	d.deliver(ctx, claimOne(t, st, now.Add(time.Second)))
	if len(p.sent) != 1 || len(p.edited) != 1 || p.edited[0] != "m1" {
		t.Fatalf("sent %v edited %v, want one send and an edit of m1", p.sent, p.edited)
	}
	// A revision whose original is gone is sent as a message of its own.
	enqueue(t, st, "alert:telegram:9:other:rev:y", "9", "alert:telegram:9:other", now)
	d.deliver(ctx, claimOne(t, st, now.Add(2*time.Minute)))
	if len(p.sent) != 2 {
		t.Fatalf("orphan revision not sent as a message: %v", p.sent)
	}
}

// TestRevisionWaitsForItsOriginal: an original retried under faults keeps
// its revision waiting, attempts not spent, however many retries it takes;
// the revision then edits it, so the reader never gets the stale original
// after the revision. A dead original lets its revision go on its own.
func TestRevisionWaitsForItsOriginal(t *testing.T) {
	ctx := context.Background()
	st := storetest.Open(t)
	now := time.Date(2026, 5, 1, 10, 0, 0, 0, time.UTC)
	retries := make([]error, 6)
	for i := range retries {
		retries[i] = sendErr(bot.SendRetry)
	}
	p := &scriptPlatform{errs: map[string][]error{"5": retries, "6": {sendErr(bot.SendFatal)}}}
	d := NewDispatcher(st, map[briefings.Platform]bot.Platform{"telegram": p}, Options{Now: func() time.Time { return now },
		Logger: slog.New(slog.DiscardHandler), Rand: func() float64 { return 0 }, MaxAttempts: 8})
	enqueue(t, st, "alert:5:ev", "5", "", now)
	enqueue(t, st, "alert:5:ev:rev:a", "5", "alert:5:ev", now)
	for range 6 { // the original fails six times; each time the revision looks and waits
		rows, err := st.Claim(ctx, "", now, now.Add(time.Minute), 10)
		if err != nil || len(rows) == 0 || rows[0].DedupeKey != "alert:5:ev" {
			t.Fatalf("the original is not claimed first: %v %v", rows, err)
		}
		for _, r := range rows {
			d.deliver(ctx, r)
		}
		now = now.Add(time.Second)
	}
	rev, err := st.DeliveryByKey(ctx, "alert:5:ev:rev:a")
	if err != nil || rev.Status != briefings.StatusPending || rev.Attempts != 0 {
		t.Fatalf("revision while its original is retried: %+v %v", rev, err)
	}
	for range 3 {
		rows, _ := st.Claim(ctx, "", now, now.Add(time.Minute), 10)
		for _, r := range rows {
			d.deliver(ctx, r)
		}
		now = now.Add(time.Second)
	}
	if len(p.sent) != 1 || len(p.edited) != 1 || p.edited[0] != "m1" {
		t.Fatalf("sent %v edited %v: want the original sent once, then edited", p.sent, p.edited)
	}
	// A dead original: its revision is sent as a message of its own.
	enqueue(t, st, "alert:6:ev", "6", "", now)
	enqueue(t, st, "alert:6:ev:rev:a", "6", "alert:6:ev", now)
	for range 2 {
		rows, _ := st.Claim(ctx, "", now, now.Add(time.Minute), 10)
		for _, r := range rows {
			d.deliver(ctx, r)
		}
		now = now.Add(time.Second)
	}
	if len(p.sent) != 2 || p.sent[1] != "6" {
		t.Fatalf("sent %v: want the revision of the dead original sent to chat 6", p.sent)
	}
}

// TestRunDeliversAllOnce runs the whole loop (worker pool, notify, claims).
func TestRunDeliversAllOnce(t *testing.T) {
	st := storetest.Open(t)
	api := newFakeAPI(t, nil)
	now := time.Now()
	for i := range 300 {
		enqueue(t, st, fmt.Sprint("k", i), fmt.Sprint(i%50), "", now) // 50 chats, 6 messages each
	}
	d := NewDispatcher(st, map[briefings.Platform]bot.Platform{"telegram": newHTTPPlatform(api.srv.URL)}, Options{NoLimits: true, Logger: slog.New(slog.DiscardHandler)})
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- d.Run(ctx) }()
	wait, cancelWait := context.WithTimeout(context.Background(), time.Minute)
	defer cancelWait()
	if err := api.waitFor(wait, nil, func() bool { return api.n.Load() >= 300 }); err != nil {
		t.Fatal(err)
	}
	// One more after the first batch: Notify wakes the loop.
	enqueue(t, st, "late", "late", "", time.Now())
	d.Notify()
	if err := api.waitFor(wait, nil, func() bool { return api.n.Load() >= 301 }); err != nil {
		t.Fatal(err)
	}
	cancel()
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	// Per-chat order: each chat's messages arrive in enqueue order.
	last := map[string]int{}
	api.mu.Lock()
	defer api.mu.Unlock()
	for _, m := range api.got {
		var k int
		fmt.Sscanf(strings.TrimPrefix(m.Text, "hello k"), "%d", &k)
		if m.ChatID != "late" && k < last[m.ChatID] {
			t.Errorf("chat %s: k%d after k%d", m.ChatID, k, last[m.ChatID])
		}
		last[m.ChatID] = k
	}
	if len(api.got) != 301 {
		t.Fatalf("%d messages, want 301", len(api.got))
	}
}

// TestTwoDispatchersPostgres: two dispatchers with their own connection
// pools on one PostgreSQL database send each delivery exactly once.
func TestTwoDispatchersPostgres(t *testing.T) {
	dsn := storetest.PostgresDSN(t)
	ctx := context.Background()
	a, b := openShared(t, dsn), openShared(t, dsn)
	const n = 1000
	now := time.Now()
	for i := range n {
		enqueue(t, a, fmt.Sprint("pg", i), fmt.Sprint(i), "", now)
	}
	api := newFakeAPI(t, nil)
	runCtx, cancel := context.WithCancel(ctx)
	var wg sync.WaitGroup
	for _, st := range []*store.DB{a, b} {
		d := NewDispatcher(st, map[briefings.Platform]bot.Platform{"telegram": newHTTPPlatform(api.srv.URL)}, Options{NoLimits: true, ClaimBatch: 20, Logger: slog.New(slog.DiscardHandler)})
		wg.Add(1)
		go func() { defer wg.Done(); d.Run(runCtx) }()
	}
	wait, cancelWait := context.WithTimeout(ctx, 2*time.Minute)
	defer cancelWait()
	if err := api.waitFor(wait, nil, func() bool { return api.distinct() == n }); err != nil {
		t.Fatal(err)
	}
	cancel()
	wg.Wait()
	if got := api.n.Load(); got != n {
		t.Fatalf("%d sends for %d deliveries", got, n)
	}
	stats, err := a.DeliveryStats(ctx)
	if err != nil || stats.Sent != n {
		t.Fatalf("stats %+v %v", stats, err)
	}
}

func metricValue(t *testing.T, m prometheus.Metric) float64 {
	t.Helper()
	var out dto.Metric
	if err := m.Write(&out); err != nil {
		t.Fatal(err)
	}
	switch {
	case out.Gauge != nil:
		return out.Gauge.GetValue()
	case out.Counter != nil:
		return out.Counter.GetValue()
	}
	t.Fatalf("not a gauge or counter")
	return 0
}

// TestUnavailablePlatformHoldsMessages: while a platform's adapter is down
// (restarting after a fault, or not run by this process) its messages wait:
// no attempt is spent however long the outage, the platform pauses, and the
// message goes out once the adapter is back.
func TestUnavailablePlatformHoldsMessages(t *testing.T) {
	ctx := context.Background()
	st := storetest.Open(t)
	now := time.Date(2026, 5, 1, 10, 0, 0, 0, time.UTC)
	tg := supervise.NewPlatform(briefings.PlatformTelegram)
	d := NewDispatcher(st, map[briefings.Platform]bot.Platform{"telegram": tg}, Options{Now: func() time.Time { return now },
		Logger: slog.New(slog.DiscardHandler), MaxAttempts: 3})
	enqueue(t, st, "alert:1:ev", "1", "", now)
	for i := range 20 { // an outage of twenty tries
		res := d.deliver(ctx, claimOne(t, st, now))
		if !res.holdAll.Equal(now.Add(unavailableHold)) {
			t.Fatalf("try %d: platform hold %v", i, res.holdAll)
		}
		now = now.Add(unavailableHold)
	}
	row, err := st.DeliveryByKey(ctx, "alert:1:ev")
	if err != nil || row.Status != briefings.StatusPending || row.Attempts != 0 {
		t.Fatalf("after the outage: %+v %v", row, err)
	}
	p := &scriptPlatform{errs: map[string][]error{}}
	tg.Set(p)
	d.deliver(ctx, claimOne(t, st, now))
	if row, _ = st.DeliveryByKey(ctx, "alert:1:ev"); row.Status != briefings.StatusSent || len(p.sent) != 1 {
		t.Fatalf("adapter back: %+v, sent %v", row, p.sent)
	}
	// A platform this process does not run at all: the same.
	enqueue(t, st, "alert:d:ev", "d", "", now)
	rows, _ := st.Claim(ctx, "", now, now.Add(time.Minute), 10)
	for _, r := range rows {
		r.Chat.Platform = briefings.PlatformDiscord
		if res := d.deliver(ctx, r); res.holdAll.IsZero() {
			t.Errorf("no hold for a platform not run here")
		}
	}
	if row, _ = st.DeliveryByKey(ctx, "alert:d:ev"); row.Attempts != 0 || row.Status != briefings.StatusPending {
		t.Errorf("row of a platform not run here: %+v", row)
	}
}

// A row of a payload version this binary does not know is left for a newer
// dispatcher (retried, not dead-lettered); a payload that is not one at all
// is dead at once. A row in the format of the previous version is sent.
func TestDeliverPayloadVersions(t *testing.T) {
	ctx := context.Background()
	st := storetest.Open(t)
	now := time.Date(2026, 5, 1, 10, 0, 0, 0, time.UTC)
	p := &scriptPlatform{errs: map[string][]error{}}
	d := NewDispatcher(st, map[briefings.Platform]bot.Platform{"telegram": p}, Options{Now: func() time.Time { return now },
		Logger: slog.New(slog.DiscardHandler), Rand: func() float64 { return 0 }})
	for key, payload := range map[string]string{"newer": `{"v":9,"title":"later"}`, "broken": `{"title":`, "v0": payloadV0} {
		if _, err := st.Enqueue(ctx, &briefings.Delivery{DedupeKey: key, Chat: briefings.Chat{Platform: "telegram", ChatID: key},
			Kind: briefings.DeliveryAlert, Payload: []byte(payload), NextAttemptAt: now, CreatedAt: now}); err != nil {
			t.Fatal(err)
		}
		d.deliver(ctx, claimOne(t, st, now))
	}
	status := func(key string) string {
		row, err := st.DeliveryByKey(ctx, key)
		if err != nil {
			t.Fatal(err)
		}
		return row.Status
	}
	if s := status("newer"); s != briefings.StatusPending {
		t.Errorf("newer payload: %s, want pending for a newer dispatcher", s)
	}
	if s := status("broken"); s != briefings.StatusDead {
		t.Errorf("broken payload: %s, want dead", s)
	}
	if s := status("v0"); s != briefings.StatusSent || len(p.sent) != 1 || p.sent[0] != "v0" {
		t.Errorf("version 0 payload: %s, sent %v", s, p.sent)
	}
}
