package main

import (
	"context"
	"crypto/ed25519"
	"encoding/hex"
	"encoding/json"
	"io"
	"net"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/sitrep/sitrep/bot"
	"github.com/sitrep/sitrep/bot/outbox"
	"github.com/sitrep/sitrep/bot/telegram/telegramtest"
	"github.com/sitrep/sitrep/briefings"
)

// discordREST is a small stand-in for Discord's REST API in HTTP
// interactions mode: command registration and channel messages.
type discordREST struct {
	mu   sync.Mutex
	sent map[string][]string // channel -> message contents
}

func (d *discordREST) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	body, _ := io.ReadAll(r.Body)
	w.Header().Set("Content-Type", "application/json")
	switch {
	case r.Method == http.MethodPut && strings.HasSuffix(r.URL.Path, "/commands"):
		io.WriteString(w, "[]")
	case r.Method == http.MethodPost && strings.HasPrefix(r.URL.Path, "/api/v9/channels/"):
		var m struct {
			Content string `json:"content"`
		}
		_ = json.Unmarshal(body, &m)
		ch := strings.Split(strings.TrimPrefix(r.URL.Path, "/api/v9/channels/"), "/")[0]
		d.mu.Lock()
		d.sent[ch] = append(d.sent[ch], m.Content)
		n := len(d.sent[ch])
		d.mu.Unlock()
		json.NewEncoder(w).Encode(map[string]any{"id": ch + "-" + string(rune('0'+n)), "channel_id": ch})
	default:
		w.WriteHeader(http.StatusNotFound)
		io.WriteString(w, `{"message":"404: Not Found","code":0}`)
	}
}

func (d *discordREST) messages(ch string) []string {
	d.mu.Lock()
	defer d.mu.Unlock()
	return append([]string(nil), d.sent[ch]...)
}

// health reads /healthz.
func health(t *testing.T, base string) (int, map[string]string) {
	t.Helper()
	code, body := httpGet(t, base+"/healthz")
	var h struct {
		Status     string
		Components map[string]string
	}
	if err := json.Unmarshal([]byte(body), &h); err != nil {
		t.Fatalf("/healthz is not JSON: %v %q", err, body)
	}
	h.Components["_status"] = h.Status
	return code, h.Components
}

// waitHealth waits until the bot's /healthz on addr answers and ok accepts
// its status code and components, and returns that answer; a bot that stops
// meanwhile fails the test at once.
func waitHealth(t *testing.T, what string, done chan error, addr string, ok func(code int, c map[string]string) bool) (int, map[string]string) {
	t.Helper()
	var code int
	var c map[string]string
	waitFor(t, what, func() bool {
		select {
		case err := <-done:
			done <- err // for the cleanup
			t.Fatalf("the bot stopped: %v", err)
		default:
		}
		if _, err := net.Dial("tcp", addr); err != nil {
			return false
		}
		code, c = health(t, "http://"+addr)
		return ok(code, c)
	})
	return code, c
}

// startBot runs `sitrep run` with env until the test ends.
func startBot(t *testing.T, env map[string]string) (done chan error, logs *syncBuffer, m *Main) {
	t.Helper()
	env["SITREP_DB"] = t.TempDir() + "/sitrep.db"
	logs = newSyncBuffer("")
	m = &Main{Stdin: strings.NewReader(""), Stdout: io.Discard, Stderr: logs, Getenv: func(k string) string { return env[k] },
		Now: time.Now, JobEvery: time.Second}
	ctx, cancel := context.WithCancel(context.Background())
	done = make(chan error, 1)
	go func() { done <- m.Run(ctx, []string{"run"}) }()
	t.Cleanup(func() {
		cancel()
		select {
		case <-done:
		case <-time.After(e2eWait):
			t.Error("the bot did not stop")
		}
		m.Close()
		if t.Failed() {
			t.Logf("logs:\n%s", logs.String())
		}
	})
	return done, logs, m
}

// TestPassingFaultKeepsTheBotUp: the Discord API refuses connections when
// the bot starts. The bot keeps running: Telegram answers commands, /healthz
// shows Discord retrying; a Discord message queued meanwhile waits (no
// attempt spent) and goes out once the API is reachable and the adapter's
// restart succeeds.
func TestPassingFaultKeepsTheBotUp(t *testing.T) {
	if testing.Short() {
		t.Skip("waits for a restart with backoff")
	}
	tg := telegramtest.NewFake(t)
	discordAddr := freeAddr(t) // nothing listens there yet: connection refused
	pub, _, _ := ed25519.GenerateKey(nil)
	addr := freeAddr(t)
	base := "http://" + addr
	env := map[string]string{
		"SITREP_TELEGRAM_TOKEN": tg.Token, "SITREP_TELEGRAM_API_ENDPOINT": tg.URL,
		"SITREP_DISCORD_TOKEN": "discord-test-token", "SITREP_DISCORD_APP_ID": "4242",
		"SITREP_DISCORD_PUBLIC_KEY": hex.EncodeToString(pub), "SITREP_DISCORD_API_BASE": "http://" + discordAddr + "/api",
		"SITREP_HTTP_ADDR": addr,
	}
	done, _, m := startBot(t, env)
	waitHealth(t, "discord retrying and telegram ok", done, addr, func(code int, c map[string]string) bool {
		return code == 200 && c["telegram"] == "ok" && strings.HasPrefix(c["discord"], "retrying since ") &&
			strings.Contains(c["discord"], "connection refused")
	})
	// Telegram serves meanwhile.
	tg.PushMessage(telegramtest.Chat{ID: 77, Type: "private"}, telegramtest.User{ID: 77, UserName: "u"}, "/help")
	waitFor(t, "the /help reply", func() bool { return len(tg.Messages("77")) > 0 })
	// A Discord alert queued during the outage.
	payload, _ := outbox.EncodePayload(bot.Text("Air attack alert for the channel"))
	if _, err := m.Store.Enqueue(context.Background(), &briefings.Delivery{DedupeKey: "alert:discord:c1:e1",
		Chat: briefings.Chat{Platform: briefings.PlatformDiscord, ChatID: "c1"}, Kind: briefings.DeliveryAlert, Payload: payload}); err != nil {
		t.Fatal(err)
	}
	// The API comes back.
	ln, err := net.Listen("tcp", discordAddr)
	if err != nil {
		t.Skipf("the reserved port was taken meanwhile: %v", err)
	}
	api := &discordREST{sent: map[string][]string{}}
	srv := &http.Server{Handler: api}
	go srv.Serve(ln)
	t.Cleanup(func() { srv.Close() })
	back := time.Now()
	waitFor(t, "discord ok", func() bool { _, c := health(t, base); return c["discord"] == "ok" && c["_status"] == "ok" })
	upAfter := time.Since(back)
	waitFor(t, "the queued Discord alert", func() bool { return len(api.messages("c1")) == 1 })
	// The dispatcher records the send after Discord answered it: wait for
	// the record, then check it was the row's first real attempt.
	var row *briefings.Delivery
	waitFor(t, "the alert recorded as sent", func() bool {
		r, err := m.Store.DeliveryByKey(context.Background(), "alert:discord:c1:e1")
		if err != nil {
			t.Fatal(err)
		}
		row = r
		return r.Status != briefings.StatusSending && r.Status != briefings.StatusPending
	})
	sentAfter := time.Since(back)
	if row.Status != briefings.StatusSent || row.Attempts > 1 {
		t.Errorf("alert row %s after %d attempt(s), last error %q: want sent at its first real attempt", row.Status, row.Attempts, row.LastError)
	}
	if n := len(api.messages("c1")); n != 1 {
		t.Errorf("the channel got %d messages, want the alert once", n)
	}
	_, metrics := httpGet(t, base+"/metrics")
	for _, want := range []string{`sitrep_component_up{component="discord"} 1`, `sitrep_component_up{component="telegram"} 1`,
		`sitrep_component_restarts_total{component="discord"}`} {
		if !strings.Contains(metrics, want) {
			t.Errorf("/metrics lacks %s", want)
		}
	}
	restarts := "?"
	for _, l := range strings.Split(metrics, "\n") {
		if v, ok := strings.CutPrefix(l, `sitrep_component_restarts_total{component="discord"} `); ok {
			restarts = v
		}
	}
	t.Logf("supervision: Discord's API back, the adapter ok %.1f s later, the alert queued meanwhile sent %.1f s later; %s restart(s) of discord",
		upAfter.Seconds(), sentAfter.Seconds(), restarts)
}

// TestRefusedTokenStopsThatAdapterOnly: Telegram refuses the token; the bot
// stops that adapter with one error naming the fix and goes on serving
// Discord; /healthz says so.
func TestRefusedTokenStopsThatAdapterOnly(t *testing.T) {
	tg := telegramtest.NewFake(t)
	api := &discordREST{sent: map[string][]string{}}
	dsrv := newLoopback(t, api)
	pub, _, _ := ed25519.GenerateKey(nil)
	addr := freeAddr(t)
	env := map[string]string{
		"SITREP_TELEGRAM_TOKEN": "123:refused", "SITREP_TELEGRAM_API_ENDPOINT": tg.URL,
		"SITREP_DISCORD_TOKEN": "discord-test-token", "SITREP_DISCORD_APP_ID": "4242",
		"SITREP_DISCORD_PUBLIC_KEY": hex.EncodeToString(pub), "SITREP_DISCORD_API_BASE": dsrv + "/api",
		"SITREP_HTTP_ADDR": addr,
	}
	done, logs, _ := startBot(t, env)
	code, c := waitHealth(t, "telegram stopped, discord ok", done, addr, func(_ int, c map[string]string) bool {
		return c["discord"] == "ok" && strings.HasPrefix(c["telegram"], "stopped: ")
	})
	if code != 200 || c["_status"] != "degraded" || !strings.Contains(c["telegram"], "set telegram.token (SITREP_TELEGRAM_TOKEN)") {
		t.Errorf("/healthz %d %v", code, c)
	}
	if n := strings.Count(logs.String(), "set telegram.token"); n != 1 {
		t.Errorf("the fix is logged %d times, want once", n)
	}
	if strings.Contains(logs.String(), "123:refused") {
		t.Error("the refused token is in the logs")
	}
}

// TestNothingLeftToServeExits: the only platform refuses its token: the
// bot exits non-zero with the fix, instead of running with nobody to talk
// to (and instead of retrying a token that cannot work).
func TestNothingLeftToServeExits(t *testing.T) {
	tg := telegramtest.NewFake(t)
	env := map[string]string{"SITREP_TELEGRAM_TOKEN": "123:refused", "SITREP_TELEGRAM_API_ENDPOINT": tg.URL}
	done, _, _ := startBot(t, env)
	select {
	case err := <-done:
		if err == nil || !strings.Contains(err.Error(), "nothing left to serve") || !strings.Contains(err.Error(), "set telegram.token") {
			t.Fatalf("run ended with %v", err)
		}
		done <- err // for the cleanup
	case <-time.After(e2eWait):
		t.Fatal("the bot kept running with no platform left")
	}
}

func newLoopback(t *testing.T, h http.Handler) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	srv := &http.Server{Handler: h}
	go srv.Serve(ln)
	t.Cleanup(func() { srv.Close() })
	return "http://" + ln.Addr().String()
}
