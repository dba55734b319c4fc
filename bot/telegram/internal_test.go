package telegram

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"

	tgbotapi "github.com/go-telegram-bot-api/telegram-bot-api/v5"

	"github.com/sitrep/sitrep/bot"
	"github.com/sitrep/sitrep/briefings"
)

func TestNormalizeCommand(t *testing.T) {
	tests := []struct {
		in         string
		out        string
		isCmd, ok_ bool
	}{
		{"/start", "/start", true, true},
		{"/digest 7d", "/digest 7d", true, true},
		{"/digest@sitrep_bot 7d", "/digest 7d", true, true},
		{"/Digest@SITREP_BOT", "/digest", true, true},
		{"/digest@other_bot 7d", "", true, false},
		{"/summary@sitrep_bot\nwhat happened", "/summary\nwhat happened", true, true},
		{"hello there", "hello there", false, true},
		{"/", "/", false, true},
		{"/@sitrep_bot", "/@sitrep_bot", false, true},
		{"/subscribe 08:00 Europe/Kyiv", "/subscribe 08:00 Europe/Kyiv", true, true},
	}
	for _, tt := range tests {
		out, isCmd, ok := normalizeCommand(tt.in, "sitrep_bot")
		if out != tt.out || isCmd != tt.isCmd || ok != tt.ok_ {
			t.Errorf("normalizeCommand(%q) = %q, %v, %v; want %q, %v, %v", tt.in, out, isCmd, ok, tt.out, tt.isCmd, tt.ok_)
		}
	}
}

func FuzzNormalizeCommand(f *testing.F) {
	for _, s := range []string{"/start", "/digest@sitrep_bot 7d", "/x@y", "plain", "/\u00e9t\u00e9@bot arg", "/a@b@c d", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		out, isCmd, ok := normalizeCommand(s, "sitrep_bot")
		if !ok {
			if !isCmd || out != "" {
				t.Fatalf("ignored %q but returned %q, isCmd=%v", s, out, isCmd)
			}
			return
		}
		if !isCmd && out != s {
			t.Fatalf("non-command %q changed to %q", s, out)
		}
		if isCmd {
			word, _, _ := strings.Cut(out, " ")
			if strings.Contains(strings.Fields(word + " x")[0], "@") {
				t.Fatalf("command %q keeps an addressee: %q", s, out)
			}
			if !strings.HasPrefix(out, "/") {
				t.Fatalf("command %q normalized to %q", s, out)
			}
		}
	})
}

func TestChatKind(t *testing.T) {
	for in, want := range map[string]briefings.ChatKind{"private": "private", "group": "group", "supergroup": "group", "channel": "channel"} {
		if got := chatKind(in); got != want {
			t.Errorf("chatKind(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestClassify(t *testing.T) {
	tests := []struct {
		name  string
		err   error
		kind  string
		after int
		newID string
	}{
		{"rate limited", &tgbotapi.Error{Code: 429, Message: "Too Many Requests: retry after 7", ResponseParameters: tgbotapi.ResponseParameters{RetryAfter: 7}}, bot.SendRateLimited, 7, ""},
		{"rate limited without parameter", &tgbotapi.Error{Code: 429, Message: "Too Many Requests"}, bot.SendRateLimited, 1, ""},
		{"blocked", &tgbotapi.Error{Code: 403, Message: "Forbidden: bot was blocked by the user"}, bot.SendBlocked, 0, ""},
		{"kicked", &tgbotapi.Error{Code: 403, Message: "Forbidden: bot was kicked from the group chat"}, bot.SendBlocked, 0, ""},
		{"deactivated", &tgbotapi.Error{Code: 403, Message: "Forbidden: user is deactivated"}, bot.SendBlocked, 0, ""},
		{"chat not found", &tgbotapi.Error{Code: 400, Message: "Bad Request: chat not found"}, bot.SendNotFound, 0, ""},
		{"migrated", &tgbotapi.Error{Code: 400, Message: "Bad Request: group chat was upgraded to a supergroup chat", ResponseParameters: tgbotapi.ResponseParameters{MigrateToChatID: -1001234567890}}, bot.SendMigrated, 0, "-1001234567890"},
		{"bad markup", &tgbotapi.Error{Code: 400, Message: "Bad Request: can't parse entities"}, bot.SendFatal, 0, ""},
		{"server error", &tgbotapi.Error{Code: 502, Message: "Bad Gateway"}, bot.SendRetry, 0, ""},
		{"http 503", &statusError{Code: 503}, bot.SendRetry, 0, ""},
		{"http 429 page", &statusError{Code: 429, RetryAfter: 12}, bot.SendRateLimited, 12, ""},
		{"http 404 page", &statusError{Code: 404}, bot.SendFatal, 0, ""},
		{"network", &url.Error{Op: "Post", URL: "http://x", Err: errors.New("connection refused")}, bot.SendRetry, 0, ""},
		{"cancelled", context.Canceled, bot.SendRetry, 0, ""},
		{"wrapped value error", fmt.Errorf("x: %w", tgbotapi.Error{Code: 403, Message: "Forbidden"}), bot.SendBlocked, 0, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			se := classify(tt.err)
			if se.Kind != tt.kind || se.RetryAfter != tt.after || se.NewChatID != tt.newID || se.Platform != "telegram" {
				t.Errorf("classify = %+v, want kind %s retry_after %d new id %q", se, tt.kind, tt.after, tt.newID)
			}
			if !errors.Is(se, tt.err) {
				t.Errorf("classified error lost its cause %v", tt.err)
			}
		})
	}
	if classify(nil) != nil {
		t.Error("classify(nil) != nil")
	}
}

func TestNotModified(t *testing.T) {
	if !notModified(&tgbotapi.Error{Code: 400, Message: "Bad Request: message is not modified: specified new message content"}) {
		t.Error("not modified not recognised")
	}
	if notModified(&tgbotapi.Error{Code: 400, Message: "Bad Request: message to edit not found"}) {
		t.Error("other 400 taken for not modified")
	}
}

func TestRedact(t *testing.T) {
	const token = "123:SECRET-token"
	raw := &url.Error{Op: "Post", URL: "http://127.0.0.1:1/bot" + token + "/getMe", Err: context.Canceled}
	err := redact(fmt.Errorf("call: %w", raw), token)
	for e := err; e != nil; e = errors.Unwrap(e) {
		if strings.Contains(e.Error(), token) {
			t.Fatalf("token in error chain: %q", e.Error())
		}
	}
	if !strings.Contains(err.Error(), "<redacted>") {
		t.Errorf("no redaction marker in %q", err)
	}
	if !errors.Is(err, context.Canceled) {
		t.Error("redaction lost context.Canceled")
	}
	plain := errors.New("nothing secret")
	if redact(plain, token) != plain {
		t.Error("an error without the token was rewrapped")
	}
	if redact(nil, token) != nil {
		t.Error("redact(nil) != nil")
	}
}

func TestKeyboard(t *testing.T) {
	long := strings.Repeat("x", MaxCallbackData+1)
	kb, err := keyboard([][]bot.Button{
		{{Label: "Next", Data: "page:2"}, {Label: "Source", URL: "https://example.org/a"}},
		{{Label: "Too long", Data: long}, {Label: "", Data: "x"}, {Label: "Nothing"}},
		{{Label: "Exactly 64", Data: strings.Repeat("y", MaxCallbackData)}},
	})
	if err == nil {
		t.Fatal("invalid buttons not reported")
	}
	for _, want := range []string{"65 bytes", "without a label", "neither data nor URL"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error %q lacks %q", err, want)
		}
	}
	if kb == nil || len(kb.InlineKeyboard) != 2 || len(kb.InlineKeyboard[0]) != 2 || len(kb.InlineKeyboard[1]) != 1 {
		t.Fatalf("keyboard = %+v", kb)
	}
	if got := *kb.InlineKeyboard[0][0].CallbackData; got != "page:2" {
		t.Errorf("callback data %q", got)
	}
	if kb, err := keyboard(nil); kb != nil || err != nil {
		t.Errorf("keyboard(nil) = %v, %v", kb, err)
	}
}

func TestMenu(t *testing.T) {
	public, admin := menu(nil, false), menu(nil, true)
	if len(admin) <= len(public) {
		t.Fatalf("admin menu %d entries, public %d", len(admin), len(public))
	}
	for _, c := range public {
		if c.Command == "addsource" || c.Command == "removesource" || c.Command == "stats" {
			t.Errorf("admin command %q in the public menu", c.Command)
		}
	}
	for _, c := range admin {
		if c.Command != strings.ToLower(c.Command) || len([]rune(c.Description)) > maxCommandDescription || c.Description == "" {
			t.Errorf("bad menu entry %+v", c)
		}
	}
}

func TestDispatcherOrderPerChat(t *testing.T) {
	d := newDispatcher(2)
	var mu sync.Mutex
	got := map[string][]int{}
	for i := range 200 {
		key := fmt.Sprint("chat", i%5)
		d.submit(key, func() {
			mu.Lock()
			got[key] = append(got[key], i)
			mu.Unlock()
		})
	}
	d.wait()
	for key, seq := range got {
		if len(seq) != 40 {
			t.Errorf("%s: %d jobs ran", key, len(seq))
		}
		for j := 1; j < len(seq); j++ {
			if seq[j] < seq[j-1] {
				t.Fatalf("%s out of order: %v", key, seq)
			}
		}
	}
}

func TestDispatcherBounded(t *testing.T) {
	d := newDispatcher(3)
	var mu sync.Mutex
	running, peak := 0, 0
	release := make(chan struct{})
	started := make(chan struct{}, 10)
	for i := range 10 {
		d.submit(fmt.Sprint(i), func() {
			mu.Lock()
			running++
			peak = max(peak, running)
			mu.Unlock()
			started <- struct{}{}
			<-release
			mu.Lock()
			running--
			mu.Unlock()
		})
	}
	for range 3 {
		<-started
	}
	close(release)
	d.wait()
	if peak != 3 {
		t.Errorf("peak concurrency %d, want 3", peak)
	}
}

func TestMemberCacheExpires(t *testing.T) {
	now := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	c := newMemberCache(func() time.Time { return now }, time.Minute)
	c.put(-100, 7, true)
	if v, ok := c.get(-100, 7); !ok || !v {
		t.Fatal("fresh entry missing")
	}
	if _, ok := c.get(-100, 8); ok {
		t.Fatal("unknown user cached")
	}
	now = now.Add(time.Minute)
	if _, ok := c.get(-100, 7); ok {
		t.Fatal("expired entry returned")
	}
}

func TestPlainTextAndTruncate(t *testing.T) {
	r := &bot.Reply{Title: "Not allowed", Paragraphs: []bot.Paragraph{{Lines: [][]bot.Span{{{Text: "Only "}, {Text: "admins", Bold: true}, {Text: " may."}}}}}}
	if got := plainText(r); got != "Not allowed\nOnly admins may." {
		t.Errorf("plainText = %q", got)
	}
	if got := truncate("абвгд", 3); got != "аб…" {
		t.Errorf("truncate = %q", got)
	}
	if got := truncate("abc", 3); got != "abc" {
		t.Errorf("truncate = %q", got)
	}
}

func TestValidSecret(t *testing.T) {
	for s, ok := range map[string]bool{"abc_DEF-123": true, "": false, "has space": false, strings.Repeat("a", 257): false, "ünï": false} {
		if err := validSecret(s); (err == nil) != ok {
			t.Errorf("validSecret(%q) = %v", s, err)
		}
	}
}

func TestConfigHidesSecrets(t *testing.T) {
	c := Config{Token: "123:TOKEN", WebhookSecret: "hook_secret", APIEndpoint: "http://127.0.0.1:9"}
	var sb strings.Builder
	log := slog.New(slog.NewTextHandler(&sb, nil))
	log.Info("config", slog.Any("telegram", c))
	for _, out := range []string{sb.String(), fmt.Sprint(c), fmt.Sprintf("%+v", c)} {
		if strings.Contains(out, "TOKEN") || strings.Contains(out, "hook_secret") {
			t.Errorf("secret in %q", out)
		}
	}
}
