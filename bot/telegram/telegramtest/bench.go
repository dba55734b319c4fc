package telegramtest

import (
	"context"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/sitrep/sitrep/bot"
	"github.com/sitrep/sitrep/bot/telegram"
)

// Target is a Bot API a round trip runs against: *Fake or *Emulator.
type Target interface {
	Endpoint() string
	BotToken() string
	// Send delivers a user's message or command to the bot.
	Send(tb testing.TB, chat Chat, user User, text string)
}

// Endpoint is the fake's API base URL.
func (f *Fake) Endpoint() string { return f.URL }

// BotToken is the fake's token.
func (f *Fake) BotToken() string { return f.Token }

// Send pushes a user's message.
func (f *Fake) Send(_ testing.TB, chat Chat, user User, text string) { f.PushMessage(chat, user, text) }

// Endpoint is the emulator's API base URL.
func (e *Emulator) Endpoint() string { return e.URL }

// BotToken is the token the emulator knows the bot by.
func (e *Emulator) BotToken() string { return e.Token }

// Send sends a user's message through the emulator's client API.
func (e *Emulator) Send(tb testing.TB, chat Chat, user User, text string) {
	e.SendMessage(tb, chat, user, text)
}

// RoundTrip runs a real telegram.Bot with h against tg and measures, b.N
// times, the time from sending command as a user to the bot's reply being
// sent in full (every part accepted by the API). h must reply to command
// (an error reply counts too). Every iteration uses a new private chat and
// user.
// It reports the median and 99th percentile as p50-ms and p99-ms.
func RoundTrip(b *testing.B, tg Target, h bot.Handler, command string) {
	b.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	type result struct {
		cmd string
		err error
	}
	replied := make(chan result, 1)
	bt, err := telegram.New(ctx, telegram.Config{
		Token:       tg.BotToken(),
		APIEndpoint: tg.Endpoint(),
		PollIdle:    time.Millisecond, // only for servers that do not long-poll
		Observe: func(cmd string, _ time.Duration, err error) {
			replied <- result{cmd, err}
		},
	})
	if err != nil {
		b.Fatal(err)
	}
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		if err := bt.Run(ctx, h); err != nil {
			b.Error(err)
		}
	}()
	defer wg.Wait()
	defer cancel()

	// Each command comes from its own user in a private chat, as a real
	// load would, so per-user rate limits in the handler do not turn the
	// measurement into one of refusals.
	next := int64(700000)
	once := func() time.Duration {
		next++
		chat := Chat{ID: next, Type: "private"}
		user := User{ID: next, UserName: "bench"}
		start := time.Now()
		tg.Send(b, chat, user, command)
		select {
		case r := <-replied:
			if r.err != nil {
				b.Fatalf("reply to %s: %v", r.cmd, r.err)
			}
		case <-time.After(WaitTimeout):
			b.Fatalf("no reply to %q within %s", command, WaitTimeout)
		}
		return time.Since(start)
	}
	once() // warm up: connections, caches
	lat := make([]time.Duration, 0, b.N)
	b.ResetTimer()
	for range b.N {
		lat = append(lat, once())
	}
	b.StopTimer()
	slices.Sort(lat)
	b.ReportMetric(ms(percentile(lat, 50)), "p50-ms")
	b.ReportMetric(ms(percentile(lat, 99)), "p99-ms")
}

func percentile(sorted []time.Duration, p int) time.Duration {
	if len(sorted) == 0 {
		return 0
	}
	i := (len(sorted)*p + 99) / 100
	return sorted[min(max(i-1, 0), len(sorted)-1)]
}

func ms(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) }
