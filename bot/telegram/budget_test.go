package telegram_test

import (
	"fmt"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/sitrep/sitrep/bot/outbox"
	"github.com/sitrep/sitrep/bot/telegram"
	"github.com/sitrep/sitrep/bot/telegram/telegramtest"
)

// TestBurstOfCommandsAllAnswered: 300 users send a command in the same
// second to a Telegram that refuses anything over 30 messages a second.
// Paced by the bot's budget, every one gets its reply, about ten seconds
// for the last, and Telegram refuses none; nothing is dropped.
func TestBurstOfCommandsAllAnswered(t *testing.T) {
	if testing.Short() {
		t.Skip("300 replies at 30 a second take 10 s")
	}
	const users = 300
	f := telegramtest.NewFake(t)
	f.SetLimits(telegramtest.TelegramLimits())
	budget := outbox.NewBudget(outbox.TelegramLimits(), 0, nil)
	b, _ := newBot(t, f, func(c *telegram.Config) { c.Pacer = budget })
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
	if n := f.TooMany(); n != 0 {
		t.Errorf("Telegram refused %d replies: the bot went over its limits", n)
	}
	for i := range users {
		if n := len(f.Messages(strconv.Itoa(5000 + i))); n != 1 {
			t.Errorf("user %d got %d replies", i, n)
		}
	}
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
