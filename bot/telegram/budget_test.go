package telegram_test

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/sitrep/sitrep/bot"
	"github.com/sitrep/sitrep/bot/outbox"
	"github.com/sitrep/sitrep/bot/telegram"
	"github.com/sitrep/sitrep/bot/telegram/telegramtest"
)

// TestBurstOfCommandsAllAnswered: 300 users send a command in the same
// second to a Telegram that refuses anything over 30 messages a second.
// Paced by the bot's budget, every one gets exactly one reply, about ten
// seconds for the last; nothing is dropped, and every reply that reached
// Telegram waited for the pacer first.
//
// The pacing itself is checked at the budget's own slots in the outbox's
// tests. Here the fake judges requests by when they arrive, and on a loaded
// machine its server can read a few replies sent on time in one bunch and
// refuse one; such a refusal is tried again and still answered, so the test
// allows one in a hundred, where a bot that ignored the limits would see most
// of the 300 refused.
func TestBurstOfCommandsAllAnswered(t *testing.T) {
	if testing.Short() {
		t.Skip("300 replies at 30 a second take 10 s")
	}
	const users = 300
	f := telegramtest.NewFake(t)
	f.SetLimits(telegramtest.TelegramLimits())
	pacer := &countingPacer{Pacer: outbox.NewBudget(outbox.TelegramLimits(), 0, nil)}
	b, _ := newBot(t, f, func(c *telegram.Config) { c.Pacer = pacer })
	for i := range users {
		id := int64(5000 + i)
		f.PushMessage(telegramtest.Chat{ID: id, Type: "private"}, telegramtest.User{ID: id, UserName: fmt.Sprint("u", i)}, "/echo hi")
	}
	start := time.Now()
	run(t, b, &chatHandler{})
	deadline := time.Now().Add(2 * time.Minute) // a safety net, not the measure
	answered := 0
	for answered < users {
		answered = 0
		for i := range users {
			if len(f.Messages(strconv.Itoa(5000+i))) > 0 {
				answered++
			}
		}
		if time.Now().After(deadline) {
			t.Fatalf("%d of %d users answered (%d refused with 429)", answered, users, f.TooMany())
		}
		time.Sleep(20 * time.Millisecond)
	}
	took := time.Since(start)
	t.Logf("%d replies in %.1f s (%.1f a second), %d refused", users, took.Seconds(), users/took.Seconds(), f.TooMany())
	if n := f.TooMany(); n > users/100 {
		t.Errorf("Telegram refused %d replies: the bot went over its limits", n)
	}
	if calls, waits := len(f.Calls("sendMessage")), pacer.waits.Load(); int64(calls) > waits {
		t.Errorf("%d replies reached Telegram after %d waits for the pacer: a reply went around it", calls, waits)
	}
	for i := range users {
		if n := len(f.Messages(strconv.Itoa(5000 + i))); n != 1 {
			t.Errorf("user %d got %d replies", i, n)
		}
	}
}

// countingPacer counts the waits of the pacer it wraps.
type countingPacer struct {
	bot.Pacer
	waits atomic.Int64
}

func (p *countingPacer) Wait(ctx context.Context, chatID string) error {
	err := p.Pacer.Wait(ctx, chatID)
	if err == nil {
		p.waits.Add(1)
	}
	return err
}

// TestRefusedReplyIsTriedAgain: a reply answered 429 (retry_after), 502 or
// by a dropped connection is sent once the platform takes it, not dropped.
func TestRefusedReplyIsTriedAgain(t *testing.T) {
	f := telegramtest.NewFake(t)
	b, logs := newBot(t, f, func(c *telegram.Config) { c.Pacer = outbox.NewBudget(outbox.TelegramLimits(), 0, nil) })
	f.FailNext("sendMessage", telegramtest.APIError{Code: 429, Description: "Too Many Requests: retry after 1", RetryAfter: 1})
	f.FailNext("sendMessage", telegramtest.APIError{Code: 502, Raw: "<html>bad gateway</html>"})
	f.FailNext("sendMessage", telegramtest.APIError{Code: 500, Description: "Internal Server Error"})
	run(t, b, &chatHandler{})
	f.PushMessage(telegramtest.Chat{ID: 61, Type: "private"}, telegramtest.User{ID: 61, UserName: "a"}, "/echo still there")
	msgs := f.WaitMessages(t, "61", 1)
	if len(msgs) != 1 || msgs[0].Text != "/echo still there" {
		t.Fatalf("got %+v", msgs)
	}
	if calls := len(f.Calls("sendMessage")); calls != 4 {
		t.Errorf("%d sendMessage calls, want 3 refused and 1 sent", calls)
	}
	if got := logs.String(); strings.Contains(got, "telegram reply failed") {
		t.Errorf("a reply was given up:\n%s", got)
	}
}
