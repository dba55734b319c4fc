package discord

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/bwmarrin/discordgo"

	"github.com/sitrep/sitrep/bot"
	"github.com/sitrep/sitrep/briefings"
)

// chainOf returns err and every error reachable from it through Unwrap
// (single and multiple), depth first.
func chainOf(err error) []error {
	if err == nil {
		return nil
	}
	out := []error{err}
	switch u := err.(type) {
	case interface{ Unwrap() error }:
		out = append(out, chainOf(u.Unwrap())...)
	case interface{ Unwrap() []error }:
		for _, e := range u.Unwrap() {
			out = append(out, chainOf(e)...)
		}
	}
	return out
}

// assertNoSecret fails when any error of err's chain shows one of secrets:
// in its message, or in the request, response or URL fields of the error
// types errors.As hands out (url.Error, discordgo's REST and rate-limit
// errors), including the Authorization header.
func assertNoSecret(t *testing.T, err error, secrets ...string) {
	t.Helper()
	has := func(s string) bool {
		for _, sec := range secrets {
			if strings.Contains(s, sec) {
				return true
			}
		}
		return false
	}
	reqLeaks := func(r *http.Request) bool {
		return r != nil && (has(r.URL.String()) || has(r.Header.Get("Authorization")))
	}
	for k, e := range chainOf(err) {
		if has(e.Error()) {
			t.Errorf("chain[%d] %T: message shows a secret: %q", k, e, e.Error())
		}
		switch v := e.(type) {
		case *url.Error:
			if has(v.URL) {
				t.Errorf("chain[%d] url.Error URL shows a secret: %q", k, v.URL)
			}
		case *discordgo.RESTError:
			if reqLeaks(v.Request) || (v.Response != nil && reqLeaks(v.Response.Request)) {
				t.Errorf("chain[%d] RESTError request shows a secret", k)
			}
			if has(string(v.ResponseBody)) {
				t.Errorf("chain[%d] RESTError body shows a secret: %s", k, v.ResponseBody)
			}
		case *discordgo.RateLimitError:
			if v.RateLimit != nil && has(v.URL) {
				t.Errorf("chain[%d] RateLimitError URL shows a secret: %q", k, v.URL)
			}
		}
	}
	var ue *url.Error
	if errors.As(err, &ue) && has(ue.URL) {
		t.Errorf("errors.As url.Error shows a secret: %q", ue.URL)
	}
	var rest *discordgo.RESTError
	if errors.As(err, &rest) && (reqLeaks(rest.Request) || has(string(rest.ResponseBody))) {
		t.Error("errors.As RESTError shows a secret")
	}
	var rl *discordgo.RateLimitError
	if errors.As(err, &rl) && rl.RateLimit != nil && has(rl.URL) {
		t.Errorf("errors.As RateLimitError shows a secret: %q", rl.URL)
	}
}

// TestRedactWalksTheChain makes real failures of interaction webhook calls
// (a 400 whose body echoes the URL, a 429, a refused connection), redacts
// them and checks the whole Unwrap / errors.As chain, not only the message.
func TestRedactWalksTheChain(t *testing.T) {
	const tok = "secret-interaction-token"
	f := newFakeDiscord(t)
	b := newTestBot(t, f, nil)
	call := func() error {
		_, err := b.session.WebhookExecute("app1", tok, true, &discordgo.WebhookParams{Content: "x"},
			discordgo.WithContext(context.Background()), discordgo.WithRetryOnRatelimit(false))
		return fmt.Errorf("discord: follow-up: %w", err)
	}
	cases := map[string]func() error{
		"400 echoing the URL": func() error {
			f.setFail(func(h hit) *failure {
				return &failure{Status: 400, Body: `{"message":"Invalid Webhook Token for /webhooks/app1/` + tok + `","code":50027}`}
			})
			return call()
		},
		"429": func() error {
			f.setFail(func(h hit) *failure {
				return &failure{Status: 429, Body: `{"message":"You are being rate limited.","retry_after":0.2,"global":false}`}
			})
			return call()
		},
		"connection refused": func() error {
			dead, err := New(Config{Token: "test-token", AppID: "app1", APIBase: "http://127.0.0.1:1/api", Logger: discardLogger()})
			if err != nil {
				t.Fatal(err)
			}
			_, err = dead.session.WebhookExecute("app1", tok, true, &discordgo.WebhookParams{Content: "x"})
			return fmt.Errorf("discord: follow-up: %w", err)
		},
	}
	for name, mk := range cases {
		t.Run(name, func(t *testing.T) {
			raw := mk()
			if !strings.Contains(fmt.Sprintf("%v %+v", raw, chainOf(raw)), tok) && name != "429" {
				t.Fatalf("the raw error does not show the token; the case tests nothing: %v", raw)
			}
			red := redact(raw, tok)
			assertNoSecret(t, red, tok, "test-token")
			if !strings.Contains(red.Error(), "[redacted]") {
				t.Errorf("no redaction marker: %q", red)
			}
			// The chain keeps what classify and callers look for.
			var rest *discordgo.RESTError
			var rl *discordgo.RateLimitError
			var ue *url.Error
			switch name {
			case "400 echoing the URL":
				if !errors.As(red, &rest) || rest.Response == nil || rest.Response.StatusCode != 400 || rest.Message == nil || rest.Message.Code != 50027 {
					t.Errorf("REST error lost: %#v", rest)
				}
			case "429":
				if !errors.As(red, &rl) || rl.RetryAfter <= 0 {
					t.Errorf("rate limit error lost: %v", red)
				}
			case "connection refused":
				if !errors.As(red, &ue) {
					t.Errorf("url.Error lost: %v", red)
				}
			}
		})
	}
}

// TestRedactKeepsSentinels: a cancelled call stays errors.Is
// context.Canceled, an error without secrets is returned as it is, and a
// SendError keeps its kind.
func TestRedactKeepsSentinels(t *testing.T) {
	wrapped := fmt.Errorf("discord: call https://discord.com/api/webhooks/1/tok9: %w", context.Canceled)
	red := redact(wrapped, "tok9")
	if !errors.Is(red, context.Canceled) {
		t.Error("redaction lost context.Canceled")
	}
	assertNoSecret(t, red, "tok9")
	plain := errors.New("plain")
	if redact(plain, "tok9") != plain {
		t.Error("an error without secrets was rewrapped")
	}
	if redact(nil, "tok9") != nil {
		t.Error("redact(nil) != nil")
	}
	se := &bot.SendError{Platform: "discord", Kind: bot.SendRetry, Err: wrapped}
	var got *bot.SendError
	if !errors.As(redact(se, "tok9"), &got) || got.Kind != bot.SendRetry {
		t.Errorf("SendError lost: %v", got)
	}
	assertNoSecret(t, redact(se, "tok9"), "tok9")
}

// TestSendErrorsCarryNoToken: a failed Send hands the dispatcher an error
// whose chain (down to the HTTP request discordgo keeps) has no bot token.
func TestSendErrorsCarryNoToken(t *testing.T) {
	f := newFakeDiscord(t)
	f.setFail(func(h hit) *failure { return &failure{Status: 500, Body: `{"message":"boom","code":0}`} })
	b := newTestBot(t, f, nil)
	_, err := b.Send(context.Background(), briefings.Chat{Platform: "discord", ChatID: "chan1"}, bot.Text("hi"))
	var se *bot.SendError
	if !errors.As(err, &se) || se.Kind != bot.SendRetry {
		t.Fatalf("err = %v", err)
	}
	assertNoSecret(t, err, "test-token")
}
