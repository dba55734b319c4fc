package outbox

import (
	"context"
	"fmt"
	"log/slog"
	"os"
	"slices"
	"strconv"
	"sync"
	"testing"
	"time"

	"github.com/sitrep/sitrep/bot"
	"github.com/sitrep/sitrep/bot/telegram"
	"github.com/sitrep/sitrep/bot/telegram/telegramtest"
	"github.com/sitrep/sitrep/briefings"
	"github.com/sitrep/sitrep/briefings/store/storetest"
)

// echo answers every command with its own text.
type echo struct{}

func (echo) Handle(_ context.Context, req *bot.Request) *bot.Reply {
	return bot.Text("re: " + req.Text)
}

// fanOutRun is a digest fan-out to chats through the real Telegram adapter
// and the dispatcher, against a Telegram fake that refuses anything over
// its limits, while users each send a command every `every`; the adapter's
// replies and the dispatcher's sends share one budget.
type fanOutRun struct {
	chats, users int
	every        time.Duration

	latencies  []time.Duration // of every reply
	fanOut     time.Duration   // from the dispatcher's start to the last chat's digest
	replied    int
	tooMany    int
	tooManyBot int     // of tooMany, over the bot's global rate
	slots      slotLog // the slots the shared budget gave out
	requests   int     // sendMessage requests that reached the fake
}

func (r *fanOutRun) run(tb testing.TB) {
	f := telegramtest.NewFake(tb)
	f.SetLimits(telegramtest.TelegramLimits())
	budget := NewBudget(TelegramLimits(), 0, nil)
	budget.observe = r.slots.add
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	tg, err := telegram.New(ctx, telegram.Config{Token: f.Token, APIEndpoint: f.URL, Pacer: budget, PollTimeout: 1,
		Workers: r.users + 1})
	if err != nil {
		tb.Fatal(err)
	}
	st := storetest.Open(tb)
	seedDeliveries(tb, st, r.chats, func(i int) string { return strconv.Itoa(i + 1) })
	d := NewDispatcher(st, map[briefings.Platform]bot.Platform{"telegram": tg}, Options{
		Budgets: map[briefings.Platform]*Budget{"telegram": budget}, Logger: slog.New(slog.DiscardHandler)})
	var wg sync.WaitGroup
	wg.Go(func() { _ = tg.Run(ctx, echo{}) })
	start := time.Now()
	wg.Go(func() { _ = d.Run(ctx) })
	done := make(chan struct{})
	var mu sync.Mutex
	for u := range r.users {
		wg.Go(func() { r.user(f, u, done, &mu) })
	}
	for !r.allHave(f) {
		time.Sleep(20 * time.Millisecond)
		if time.Since(start) > 30*time.Minute {
			tb.Fatalf("the fan-out did not end")
		}
	}
	r.fanOut = time.Since(start)
	close(done)
	cancel()
	wg.Wait()
	r.tooMany, r.tooManyBot = f.TooMany(), f.TooManyForBot()
	r.requests = len(f.Calls("sendMessage"))
}

// user sends a command every r.every until done and records how long each
// reply took.
func (r *fanOutRun) user(f *telegramtest.Fake, u int, done chan struct{}, mu *sync.Mutex) {
	id := int64(800000 + u)
	chat := strconv.FormatInt(id, 10)
	tick := time.NewTicker(r.every)
	defer tick.Stop()
	for n := 1; ; n++ {
		asked := time.Now()
		f.PushMessage(telegramtest.Chat{ID: id, Type: "private"}, telegramtest.User{ID: id, UserName: fmt.Sprint("u", u)}, fmt.Sprint("/echo ", n))
		for f.Sent(chat) < n {
			select {
			case <-done:
				return
			case <-time.After(5 * time.Millisecond):
			}
		}
		took := time.Since(asked)
		mu.Lock()
		r.latencies = append(r.latencies, took)
		r.replied++
		mu.Unlock()
		select {
		case <-done:
			return
		case <-tick.C:
		}
	}
}

func (r *fanOutRun) allHave(f *telegramtest.Fake) bool {
	for i := r.chats; i >= 1; i-- { // the last chats fill last
		if f.Sent(strconv.Itoa(i)) == 0 {
			return false
		}
	}
	return true
}

func (r *fanOutRun) percentile(p int) time.Duration {
	s := slices.Clone(r.latencies)
	slices.Sort(s)
	if len(s) == 0 {
		return 0
	}
	return s[min(len(s)-1, len(s)*p/100)]
}

// TestRepliesDuringFanOut is the scaled-down run of
// BenchmarkRepliesDuringFanOut that runs with the tests: a 300-chat fan-out
// while 10 users send a command every 2 s. Replies and the fan-out pace from
// one budget, so together they keep Telegram's limits, and users are answered
// while the fan-out runs, not after it.
//
// The limits are checked at the slots the budget gave out, as in
// TestFanOutRespectsLimitsLoopback: on a loaded machine the fake's server
// can read requests sent on time in a bunch and refuse one, which says
// nothing of the pacing (the benchmark counts the 429s of a real run). Every
// request that reached the fake must have had a slot, so a reply or send
// that goes around the budget still fails the test.
func TestRepliesDuringFanOut(t *testing.T) {
	if testing.Short() {
		t.Skip("a 300-chat fan-out takes 12 s")
	}
	r := &fanOutRun{chats: 300, users: 10, every: 2 * time.Second}
	if n, err := strconv.Atoi(os.Getenv("SITREP_FANOUT_CHATS")); err == nil {
		r.chats, r.users = n, 20
	}
	r.run(t)
	t.Logf("fan-out %.1f s, %d replies, p50 %v, p99 %v, %d refused (%d over the global rate)", r.fanOut.Seconds(), r.replied,
		r.percentile(50), r.percentile(99), r.tooMany, r.tooManyBot)
	if over := r.slots.flooded(telegramtest.TelegramLimits()); len(over) != 0 {
		t.Errorf("replies and the fan-out went over the limits together at %d slot(s): %v", len(over), over)
	}
	if slots := r.slots.len(); r.requests > slots {
		t.Errorf("%d messages reached Telegram on %d slots: a message went around the budget", r.requests, slots)
	}
	// Each user asked every 2 s during the fan-out and was answered while
	// it ran (a reply waiting behind the fan-out would hold its user until
	// the end, and the user would have asked once).
	if want := int(r.fanOut/r.every) * r.users / 2; r.replied < want {
		t.Errorf("%d replies during a %.0f s fan-out with %d users asking every %v: replies waited behind it", r.replied,
			r.fanOut.Seconds(), r.users, r.every)
	}
}

// BenchmarkRepliesDuringFanOut: a 3,000-chat digest fan-out against the
// strict Telegram fake while 20 users each send a command every 2 s.
// Reports the replies' p50 and p99 latency, the fan-out's rate and its share
// of the rate the replies leave it (30/s less the replies' rate), and the
// 429s Telegram answered.
//
//	go test -run '^$' -bench RepliesDuringFanOut -benchtime 1x ./bot/outbox/
func BenchmarkRepliesDuringFanOut(b *testing.B) {
	for b.Loop() {
		r := &fanOutRun{chats: 3000, users: 20, every: 2 * time.Second}
		r.run(b)
		fanRate := float64(r.chats) / r.fanOut.Seconds()
		replyRate := float64(r.replied) / r.fanOut.Seconds()
		b.ReportMetric(float64(r.percentile(50).Milliseconds()), "reply_p50_ms")
		b.ReportMetric(float64(r.percentile(99).Milliseconds()), "reply_p99_ms")
		b.ReportMetric(fanRate, "fanout_msgs/s")
		b.ReportMetric(100*fanRate/(30-replyRate), "%_of_rate_left")
		b.ReportMetric(float64(r.tooMany), "429s")
		b.ReportMetric(float64(r.tooManyBot), "429s_global")
		b.ReportMetric(float64(r.replied), "replies")
	}
}

// flooded replays the slots, in time order, through the strict Telegram
// fake's flood control and returns those it would refuse.
func (l *slotLog) flooded(limits telegramtest.Limits) []string {
	l.mu.Lock()
	s := slices.Clone(l.slots)
	l.mu.Unlock()
	slices.SortStableFunc(s, func(a, b slot) int { return a.at.Compare(b.at) })
	flood := telegramtest.NewFlood(limits)
	var out []string
	for i, x := range s {
		if ok, _ := flood.Take(x.chat, x.at); !ok {
			out = append(out, fmt.Sprintf("#%d chat %s at +%v", i, x.chat, x.at.Sub(s[0].at)))
		}
	}
	return out
}
