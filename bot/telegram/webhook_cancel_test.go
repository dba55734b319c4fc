package telegram_test

import (
	"context"
	"net/http"
	"net/http/httptest"
	"net/http/httputil"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/sitrep/sitrep/bot/telegram"
	"github.com/sitrep/sitrep/bot/telegram/telegramtest"
)

// TestWebhookRunEndsCleanlyWhileRegistering cancels Run while its
// setWebhook call is still waiting for Telegram's answer. Shutting down is
// not a failure: Run returns nil, as it does once the webhook is set.
func TestWebhookRunEndsCleanlyWhileRegistering(t *testing.T) {
	f := telegramtest.NewFake(t)
	target, err := url.Parse(f.URL)
	if err != nil {
		t.Fatal(err)
	}
	fwd := httputil.NewSingleHostReverseProxy(target)
	arrived := make(chan struct{}, 1)
	release := make(chan struct{})
	// In front of the fake: setWebhook is held until the caller gives up.
	proxy := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if strings.HasSuffix(r.URL.Path, "/setWebhook") {
			select {
			case arrived <- struct{}{}:
			default:
			}
			select {
			case <-r.Context().Done():
			case <-release:
			}
			return
		}
		fwd.ServeHTTP(w, r)
	}))
	defer proxy.Close()
	defer close(release)

	b, err := telegram.New(t.Context(), telegram.Config{Token: f.Token, APIEndpoint: proxy.URL,
		WebhookURL: "https://bot.example.org/telegram/webhook", WebhookSecret: "s3cret_Value-1"})
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- b.Run(ctx, &chatHandler{}) }()
	select {
	case <-arrived:
	case err := <-done:
		t.Fatalf("Run returned before registering the webhook: %v", err)
	case <-time.After(telegramtest.WaitTimeout):
		t.Fatal("setWebhook never called")
	}
	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("Run after cancel during setWebhook: %v, want nil", err)
		}
	case <-time.After(telegramtest.WaitTimeout):
		t.Error("Run did not return after cancel")
	}
}
