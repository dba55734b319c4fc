package telegram_test

import (
	"context"
	"errors"
	"net"
	"strings"
	"testing"
	"time"

	"github.com/sitrep/sitrep/bot"
	"github.com/sitrep/sitrep/bot/telegram"
	"github.com/sitrep/sitrep/bot/telegram/telegramtest"
)

// TestStartFailuresClassified: a token Telegram refuses is permanent, with
// the fix in the error and no token; an unreachable or failing API is not.
func TestStartFailuresClassified(t *testing.T) {
	f := telegramtest.NewFake(t)
	_, err := telegram.New(t.Context(), telegram.Config{Token: "123:wrong-token", APIEndpoint: f.URL})
	if !bot.IsPermanent(err) || !strings.Contains(err.Error(), "telegram.token") || strings.Contains(err.Error(), "wrong-token") {
		t.Errorf("refused token: permanent=%v %v", bot.IsPermanent(err), err)
	}
	// 403 from getMe: Telegram (or the proxy in front of it) refuses this
	// bot; retrying with the same token cannot mend it.
	f.FailNext("getMe", telegramtest.APIError{Code: 403, Description: "Forbidden"})
	if _, err := telegram.New(t.Context(), telegram.Config{Token: f.Token, APIEndpoint: f.URL}); !bot.IsPermanent(err) ||
		!strings.Contains(err.Error(), "telegram.token") || strings.Contains(err.Error(), f.Token) {
		t.Errorf("403 at start: permanent=%v %v", bot.IsPermanent(err), err)
	}
	f.FailNext("getMe", telegramtest.APIError{Code: 403, Raw: "<html>403 Forbidden</html>"})
	if _, err := telegram.New(t.Context(), telegram.Config{Token: f.Token, APIEndpoint: f.URL}); !bot.IsPermanent(err) {
		t.Errorf("403 page at start: permanent=%v %v", bot.IsPermanent(err), err)
	}
	f.FailNext("getMe", telegramtest.APIError{Code: 502, Raw: "<html>bad gateway</html>"})
	if _, err := telegram.New(t.Context(), telegram.Config{Token: f.Token, APIEndpoint: f.URL}); err == nil || bot.IsPermanent(err) {
		t.Errorf("502 at start: %v", err)
	}
	f.FailNext("getMe", telegramtest.APIError{Code: 429, Description: "Too Many Requests: retry after 3", RetryAfter: 3})
	if _, err := telegram.New(t.Context(), telegram.Config{Token: f.Token, APIEndpoint: f.URL}); err == nil || bot.IsPermanent(err) {
		t.Errorf("429 at start: %v", err)
	}
	ln, _ := net.Listen("tcp", "127.0.0.1:0")
	addr := ln.Addr().String()
	ln.Close()
	if _, err := telegram.New(t.Context(), telegram.Config{Token: f.Token, APIEndpoint: "http://" + addr}); err == nil || bot.IsPermanent(err) {
		t.Errorf("connection refused: %v", err)
	}
}

// TestPollStopsOnRevokedToken: getUpdates answered 401 (the token was
// revoked while the bot ran) ends Run with a permanent error instead of
// polling forever.
func TestPollStopsOnRevokedToken(t *testing.T) {
	f := telegramtest.NewFake(t)
	b, _ := newBot(t, f, func(c *telegram.Config) { c.PollTimeout = 1 })
	for range 3 { // deleteWebhook may or may not come first: fail the polls
		f.FailNext("getUpdates", telegramtest.APIError{Code: 401, Description: "Unauthorized"})
	}
	ctx, cancel := context.WithTimeout(t.Context(), time.Minute)
	defer cancel()
	err := b.Run(ctx, &chatHandler{})
	if !bot.IsPermanent(err) || ctx.Err() != nil {
		t.Fatalf("Run = %v (ctx %v)", err, ctx.Err())
	}
	var pe *bot.PermanentError
	if !errors.As(err, &pe) || !strings.Contains(pe.Fix, "@BotFather") {
		t.Errorf("fix %+v", pe)
	}
}

// TestUnansweredStartIsATimeout: a Telegram API that takes the connection
// and never answers getMe (a hung proxy) ends telegram.New with a transient
// error once the request timeout passes, so the supervisor restarts the
// adapter, instead of leaving it starting for ever.
func TestUnansweredStartIsATimeout(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	hold := make(chan struct{})
	defer close(hold)
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			go func() { <-hold; c.Close() }() // reads nothing, answers nothing
		}
	}()
	defer ln.Close()
	done := make(chan error, 1)
	go func() {
		_, err := telegram.New(context.Background(), telegram.Config{Token: "123:hung", APIEndpoint: "http://" + ln.Addr().String(),
			RequestTimeout: 200 * time.Millisecond})
		done <- err
	}()
	select {
	case err := <-done:
		if err == nil || bot.IsPermanent(err) || strings.Contains(err.Error(), "hung") {
			t.Errorf("unanswered getMe: %v (permanent %v)", err, bot.IsPermanent(err))
		}
	case <-time.After(time.Minute): // a hang guard, not the measure
		t.Fatal("telegram.New still waiting for getMe a minute later")
	}
}
