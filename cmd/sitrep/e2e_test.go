package main

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net"
	"net/http"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/sitrep/sitrep/bot/telegram/telegramtest"
	"github.com/sitrep/sitrep/briefings"
)

// e2eWait bounds every wait of the end-to-end test. The due-digest job runs
// once a minute, so the scheduled digest may take that long to come.
const e2eWait = 2 * time.Minute

// syncBuffer is a log sink shared by the bot's goroutines and the test. It
// signals ready once a line containing readyMark was written.
type syncBuffer struct {
	mu        sync.Mutex
	buf       bytes.Buffer
	readyMark string
	ready     chan struct{}
	once      sync.Once
}

func newSyncBuffer(readyMark string) *syncBuffer {
	return &syncBuffer{readyMark: readyMark, ready: make(chan struct{})}
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	n, err := s.buf.Write(p)
	hit := s.readyMark != "" && strings.Contains(s.buf.String(), s.readyMark)
	s.mu.Unlock()
	if hit {
		s.once.Do(func() { close(s.ready) })
	}
	return n, err
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.buf.String()
}

// startRun runs m with args in the background until the test ends, and
// returns once the bot is ready (logs saw its ready mark). At the end it
// stops the run, wants it and m.Close to succeed, and prints the logs of a
// failed test.
func startRun(t *testing.T, m *Main, logs *syncBuffer, args ...string) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- m.Run(ctx, args) }()
	t.Cleanup(func() {
		cancel()
		if err := <-done; err != nil {
			t.Errorf("run: %v", err)
		}
		if err := m.Close(); err != nil {
			t.Errorf("close: %v", err)
		}
		if t.Failed() {
			t.Logf("logs:\n%s", logs.String())
		}
	})
	waitReady(t, logs, done)
}

// waitReady waits until the bot run in the background is ready (logs saw
// its ready mark); a run that ends first, or one not ready within e2eWait,
// fails the test. done has room for the run's one result: a result read
// here goes back, so the cleanup that waits for the run ends too.
func waitReady(t *testing.T, logs *syncBuffer, done chan error) {
	t.Helper()
	select {
	case <-logs.ready:
	case err := <-done:
		done <- err
		t.Fatalf("run ended before it was ready: %v", err)
	case <-time.After(e2eWait):
		t.Fatalf("run not ready after %s", e2eWait)
	}
}

func freeAddr(t *testing.T) string {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	return l.Addr().String()
}

var htmlTagRE = regexp.MustCompile(`<(/?)([a-z-]+)[^>]*>`)

// checkTelegramHTML checks one part of a reply: within Telegram's 4,096
// characters, valid UTF-8, tags balanced and nested, no raw < or > in text.
func checkTelegramHTML(t *testing.T, i int, part string) {
	t.Helper()
	if n := utf8.RuneCountInString(part); n > 4096 {
		t.Errorf("part %d: %d characters", i, n)
	}
	if !utf8.ValidString(part) {
		t.Errorf("part %d: not UTF-8", i)
	}
	var stack []string
	for _, m := range htmlTagRE.FindAllStringSubmatch(part, -1) {
		if m[1] == "" {
			stack = append(stack, m[2])
			continue
		}
		if len(stack) == 0 || stack[len(stack)-1] != m[2] {
			t.Errorf("part %d: unbalanced </%s> (open %v)", i, m[2], stack)
			return
		}
		stack = stack[:len(stack)-1]
	}
	if len(stack) > 0 {
		t.Errorf("part %d: unclosed tags %v", i, stack)
	}
	if text := htmlTagRE.ReplaceAllString(part, ""); strings.ContainsAny(text, "<>") {
		t.Errorf("part %d: raw < or > in text", i)
	}
}

// waitFor polls cond every 20ms until it holds or e2eWait passes.
func waitFor(t *testing.T, what string, cond func() bool) {
	t.Helper()
	deadline := time.NewTimer(e2eWait)
	defer deadline.Stop()
	tick := time.NewTicker(20 * time.Millisecond)
	defer tick.Stop()
	for !cond() {
		select {
		case <-tick.C:
		case <-deadline.C:
			t.Fatalf("timed out after %s waiting for %s", e2eWait, what)
		}
	}
}

// collect reads the bot's new messages to chat until one satisfies last;
// it returns them all, oldest first.
func collect(t *testing.T, emu *telegramtest.Emulator, chat int64, what string, last func(telegramtest.BotMessage) bool) []telegramtest.BotMessage {
	t.Helper()
	var got []telegramtest.BotMessage
	waitFor(t, what, func() bool {
		got = append(got, emu.BotMessages(t, chat)...)
		for _, m := range got {
			if last(m) {
				return true
			}
		}
		return false
	})
	return got
}

func httpGet(t *testing.T, url string) (int, string) {
	t.Helper()
	c := &http.Client{Timeout: 30 * time.Second}
	resp, err := c.Get(url)
	if err != nil {
		t.Fatalf("GET %s: %v", url, err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b)
}

// TestRunTelegramEndToEnd runs `sitrep run --demo` with its real wiring
// against the telegram-test-api emulator and talks to it as users would:
// private commands, a long digest, a subscription stored per chat, inline
// buttons, a group command with @botname, and a scheduled digest that
// travels the due-digest job, the outbox and the dispatcher and arrives
// exactly once. The HTTP server answers /healthz and /metrics.
func TestRunTelegramEndToEnd(t *testing.T) {
	if testing.Short() {
		t.Skip("end-to-end run waits for the once-a-minute due-digest job; skipped with -short")
	}
	emu := telegramtest.StartEmulator(t)
	addr := freeAddr(t)
	env := map[string]string{
		"SITREP_TELEGRAM_TOKEN":        emu.Token,
		"SITREP_TELEGRAM_API_ENDPOINT": emu.URL,
		"SITREP_HTTP_ADDR":             addr,
		"SITREP_LOG_LEVEL":             "debug",
	}
	logs := newSyncBuffer("http server listening")
	var out bytes.Buffer
	m := &Main{
		Stdin: strings.NewReader(""), Stdout: &out, Stderr: logs,
		Getenv: func(k string) string { return env[k] },
		Now:    time.Now,
		// The due-digest job normally runs every minute; the test need not wait.
		JobEvery: time.Second,
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	done := make(chan error, 1)
	go func() { done <- m.Run(ctx, []string{"run", "--demo"}) }()
	stopped := false
	t.Cleanup(func() {
		if !stopped {
			cancel()
			<-done
		}
		if err := m.Close(); err != nil {
			t.Errorf("close: %v", err)
		}
		if strings.Contains(logs.String(), emu.Token) {
			t.Errorf("the bot token appears in the logs")
		}
		if t.Failed() {
			t.Logf("logs:\n%s", logs.String())
		}
	})
	// The HTTP server starts after the store is open and the demo seeded;
	// its log line, seen through logs.ready, orders those writes before the
	// test's reads of m.Store and m.Now.
	select {
	case <-logs.ready:
	case err := <-done:
		stopped = true
		t.Fatalf("run ended before it was ready: %v", err)
	case <-time.After(e2eWait):
		t.Fatalf("run not ready after %s", e2eWait)
	}
	st, now := m.Store, m.Now

	// The HTTP server: health and metrics.
	base := "http://" + addr
	var code int
	var body string
	waitFor(t, "/healthz", func() bool {
		c := &http.Client{Timeout: 5 * time.Second}
		resp, err := c.Get(base + "/healthz")
		if err != nil {
			return false
		}
		resp.Body.Close()
		return true
	})
	// Every component reports ok once Telegram is connected.
	waitFor(t, "/healthz ok", func() bool {
		code, body = httpGet(t, base+"/healthz")
		var h struct {
			Status     string
			Components map[string]string
		}
		return code == 200 && json.Unmarshal([]byte(body), &h) == nil && h.Status == "ok" &&
			h.Components["telegram"] == "ok" && h.Components["dispatcher"] == "ok" && h.Components["database"] == "ok"
	})

	// A subscription first (the due-digest job runs a minute after start;
	// the rest of the conversation happens while it waits).
	bob := telegramtest.User{ID: 5201, UserName: "bob"}
	bobChat := telegramtest.Chat{ID: 5201, Type: "private"}
	emu.SendMessage(t, bobChat, bob, "/subscribe 08:00 Europe/Kyiv")
	subMsg := collect(t, emu, bobChat.ID, "subscribe reply", func(m telegramtest.BotMessage) bool { return true })[0]
	if !strings.Contains(subMsg.Text, "Subscribed") || !strings.Contains(subMsg.Text, "daily at 08:00 Europe/Kyiv") {
		t.Fatalf("subscribe reply: %q", subMsg.Text)
	}
	if subMsg.Keyboard == nil {
		t.Fatalf("subscribe reply has no buttons")
	}
	bobKey := briefings.Chat{Platform: "telegram", ChatID: "5201"}
	sub, err := st.GetSubscription(ctx, bobKey)
	if err != nil {
		t.Fatalf("subscription not stored: %v", err)
	}
	if sub.Schedule != "08:00" || sub.TimeZone != "Europe/Kyiv" || !sub.Active || !sub.NextDueAt.After(now()) {
		t.Fatalf("stored subscription: %+v (demo now %s)", sub, now())
	}
	if h, mi, _ := sub.NextDueAt.In(mustLoc(t, "Europe/Kyiv")).Clock(); h != 8 || mi != 0 {
		t.Errorf("next slot %s is not 08:00 in Kyiv", sub.NextDueAt)
	}

	// Buttons: "Settings" on the subscribe reply sends the settings with
	// topic toggles; a toggle edits that message in place and is stored.
	settingsData := ""
	for _, row := range subMsg.Keyboard.InlineKeyboard {
		for _, b := range row {
			if b.CallbackData != nil && *b.CallbackData == "/settings" {
				settingsData = *b.CallbackData
			}
		}
	}
	if settingsData == "" {
		t.Fatalf("no Settings button: %+v", subMsg.Keyboard)
	}
	emu.SendCallback(t, bobChat, bob, subMsg.MessageID, settingsData)
	settings := collect(t, emu, bobChat.ID, "settings reply", func(m telegramtest.BotMessage) bool { return true })[0]
	if !strings.Contains(settings.Text, "Daily digest") || !strings.Contains(settings.Text, "08:00 Europe/Kyiv") || settings.Keyboard == nil {
		t.Fatalf("settings: %+v", settings)
	}
	toggle := ""
	for _, row := range settings.Keyboard.InlineKeyboard {
		for _, b := range row {
			if b.CallbackData != nil && *b.CallbackData == "/toggle diplomacy" {
				toggle = *b.CallbackData
			}
		}
	}
	if toggle == "" {
		t.Fatalf("no diplomacy toggle: %+v", settings.Keyboard)
	}
	emu.SendCallback(t, bobChat, bob, settings.MessageID, toggle)
	waitFor(t, "settings edited in place", func() bool {
		for _, h := range emu.BotHistory(t) {
			if h.MessageID == settings.MessageID && strings.Contains(h.Text, "diplomacy") && strings.Contains(h.Text, "Daily digest") {
				return true
			}
		}
		return false
	})
	if sub, err = st.GetSubscription(ctx, bobKey); err != nil || len(sub.Topics) != 1 || sub.Topics[0] != "diplomacy" {
		t.Fatalf("toggle not stored: %+v %v", sub, err)
	}

	// Make the subscription due: its slot a minute ago on the demo clock.
	slot := now().Add(-time.Minute).Truncate(time.Second)
	sub.NextDueAt = slot
	if err := st.UpsertSubscription(ctx, sub); err != nil {
		t.Fatal(err)
	}

	// Private commands: /start, /help, a long /digest.
	alice := telegramtest.User{ID: 5101, UserName: "alice"}
	aliceChat := telegramtest.Chat{ID: 5101, Type: "private"}
	emu.SendMessage(t, aliceChat, alice, "/start")
	start := collect(t, emu, aliceChat.ID, "welcome", func(m telegramtest.BotMessage) bool { return true })[0]
	if start.ParseMode != "HTML" || !strings.Contains(start.Text, "<b>Welcome to sitrep</b>") || start.Keyboard == nil {
		t.Errorf("welcome: %+v", start)
	}
	emu.SendMessage(t, aliceChat, alice, "/help")
	help := collect(t, emu, aliceChat.ID, "help", func(m telegramtest.BotMessage) bool { return true })[0]
	for _, want := range []string{"/digest", "/subscribe", "/alerts"} {
		if !strings.Contains(help.Text, want) {
			t.Errorf("help lacks %s: %q", want, help.Text)
		}
	}
	if strings.Contains(help.Text, "/addsource") {
		t.Errorf("help shows admin commands to a non-admin")
	}
	emu.SendMessage(t, aliceChat, alice, "/digest 7d")
	// The last part of a digest carries no keyboard for 7d; mark the end with
	// a command whose reply is known (replies in one chat keep their order).
	emu.SendMessage(t, aliceChat, alice, "/latest 1")
	msgs := collect(t, emu, aliceChat.ID, "digest parts", func(m telegramtest.BotMessage) bool {
		return strings.Contains(m.Text, "Latest 1 article")
	})
	parts := msgs[:len(msgs)-1]
	if len(parts) < 2 {
		t.Fatalf("a 7-day demo digest should need several messages, got %d", len(parts))
	}
	t.Logf("/digest 7d sent in %d parts", len(parts))
	if !strings.Contains(parts[0].Text, "Briefing") {
		t.Errorf("first part: %.200q", parts[0].Text)
	}
	for i, p := range parts {
		checkTelegramHTML(t, i, p.Text)
		if p.ParseMode != "HTML" || !p.DisablePreview {
			t.Errorf("part %d: parse mode %q, preview off %v", i, p.ParseMode, p.DisablePreview)
		}
	}

	// A group: a command for another bot is ignored; ours with @botname is
	// answered.
	carol := telegramtest.User{ID: 5301, UserName: "carol"}
	group := telegramtest.Chat{ID: -5302, Type: "group", Title: "Newsroom"}
	emu.SendMessage(t, group, carol, "/help@OtherBot")
	emu.SendMessage(t, group, carol, "/latest@"+telegramtest.EmulatorBotUsername+" 2")
	g := collect(t, emu, group.ID, "group reply", func(m telegramtest.BotMessage) bool { return true })
	if len(g) != 1 || !strings.Contains(g[0].Text, "Latest 2 articles") {
		t.Errorf("group replies: %+v", g)
	}

	// The scheduled digest: the due-digest job enqueues it, the dispatcher
	// sends it to bob's chat, the subscription moves on to its next slot.
	var digestParts []telegramtest.BotMessage
	collect(t, emu, bobChat.ID, "the scheduled digest", func(m telegramtest.BotMessage) bool {
		if strings.Contains(m.Text, "Briefing") {
			digestParts = append(digestParts, m)
			return true
		}
		return false
	})
	waitFor(t, "the outbox to settle and the subscription to advance", func() bool {
		ds, err := st.DeliveryStats(ctx)
		if err != nil {
			t.Fatal(err)
		}
		s, err := st.GetSubscription(ctx, bobKey)
		if err != nil {
			t.Fatal(err)
		}
		return ds.Pending == 0 && ds.Sending == 0 && ds.Sent >= 1 && s.NextDueAt.After(slot)
	})
	ds, _ := st.DeliveryStats(ctx)
	if ds.Sent != 1 || ds.Dead != 0 {
		t.Errorf("outbox: %+v, want one sent digest", ds)
	}
	if sub, err = st.GetSubscription(ctx, bobKey); err != nil || !sub.NextDueAt.After(now()) || !sub.Active {
		t.Errorf("subscription after its slot: %+v %v", sub, err)
	}
	briefingsSent := 0
	for _, h := range emu.BotHistory(t) {
		if h.ChatID == "5201" && strings.Contains(h.Text, "Briefing") {
			briefingsSent++
			checkTelegramHTML(t, 0, h.Text)
		}
	}
	if briefingsSent != 1 {
		t.Errorf("scheduled digest arrived %d times, want once", briefingsSent)
	}

	code, body = httpGet(t, base+"/metrics")
	if code != 200 || !strings.Contains(body, "go_goroutines") || !strings.Contains(body, "sitrep_outbox_sent_total") ||
		!strings.Contains(body, "sitrep_outbox_dispatchers 1") {
		t.Errorf("/metrics: %d %.300q", code, body)
	}

	cancel()
	stopped = true
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("run returned %v after cancel, want nil", err)
		}
	case <-time.After(e2eWait):
		t.Fatalf("run did not return within %s of cancel", e2eWait)
	}
	if _, err := (&http.Client{Timeout: 2 * time.Second}).Get(base + "/healthz"); err == nil {
		t.Errorf("HTTP server still answers after run returned")
	}
}

func mustLoc(t *testing.T, name string) *time.Location {
	t.Helper()
	loc, err := time.LoadLocation(name)
	if err != nil {
		t.Skipf("time zone data: %v", err)
	}
	return loc
}
