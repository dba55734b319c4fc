package telegram_test

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"testing"
	"time"

	tgbotapi "github.com/go-telegram-bot-api/telegram-bot-api/v5"

	"github.com/sitrep/sitrep/bot"
	"github.com/sitrep/sitrep/bot/telegram"
	"github.com/sitrep/sitrep/bot/telegram/telegramtest"
	"github.com/sitrep/sitrep/briefings"
	"github.com/sitrep/sitrep/briefings/locale"
)

var (
	alice = telegramtest.User{ID: 1001, UserName: "alice"}
	bob   = telegramtest.User{ID: 1002, UserName: "bob"}
)

// newBot builds a Bot on the fake; edit adjusts the config.
func newBot(t *testing.T, f *telegramtest.Fake, edit func(*telegram.Config)) (*telegram.Bot, *logBuffer) {
	t.Helper()
	logs := newLogBuffer()
	cfg := telegram.Config{Token: f.Token, APIEndpoint: f.URL, Logger: logs.logger(), Admins: map[string]bool{"1001": true}}
	if edit != nil {
		edit(&cfg)
	}
	b, err := telegram.New(t.Context(), cfg)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if strings.Contains(logs.String(), f.Token) {
			t.Errorf("token in the logs:\n%s", logs.String())
		}
	})
	return b, logs
}

// run runs b until the test ends and checks that Run returns promptly.
func run(t *testing.T, b *telegram.Bot, h bot.Handler) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- b.Run(ctx, h) }()
	t.Cleanup(func() {
		cancel()
		select {
		case err := <-done:
			if err != nil {
				t.Errorf("Run: %v", err)
			}
		case <-time.After(telegramtest.WaitTimeout):
			t.Error("Run did not return after cancel")
		}
	})
}

func TestSetMyCommands(t *testing.T) {
	f := telegramtest.NewFake(t)
	b, _ := newBot(t, f, nil)
	run(t, b, &chatHandler{})
	calls := f.WaitCalls(t, "setMyCommands", 2)
	var sawPublic, sawAdmin bool
	for _, c := range calls {
		var cmds []tgbotapi.BotCommand
		if err := json.Unmarshal([]byte(c.Params.Get("commands")), &cmds); err != nil {
			t.Fatal(err)
		}
		names := map[string]bool{}
		for _, c := range cmds {
			names[c.Command] = true
			if c.Command != strings.ToLower(c.Command) || len([]rune(c.Description)) > 256 || c.Description == "" {
				t.Errorf("bad command %+v", c)
			}
		}
		var scope tgbotapi.BotCommandScope
		_ = json.Unmarshal([]byte(c.Params.Get("scope")), &scope)
		switch {
		case scope.Type == "" || scope.Type == "default":
			sawPublic = true
			if names["addsource"] || names["stats"] || !names["digest"] || !names["subscribe"] || !names["start"] {
				t.Errorf("public menu: %v", names)
			}
		case scope.Type == "chat" && scope.ChatID == 1001:
			sawAdmin = true
			if !names["addsource"] || !names["removesource"] || !names["stats"] || !names["digest"] {
				t.Errorf("admin menu: %v", names)
			}
		default:
			t.Errorf("unexpected scope %+v", scope)
		}
		if len(cmds) == 0 {
			t.Error("empty menu")
		}
	}
	if !sawPublic || !sawAdmin {
		t.Errorf("public %v admin %v", sawPublic, sawAdmin)
	}
}

func TestConversationOnFake(t *testing.T) {
	f := telegramtest.NewFake(t)
	b, _ := newBot(t, f, func(c *telegram.Config) { c.PollTimeout = 30 })
	h := &chatHandler{}
	run(t, b, h)
	chat := telegramtest.Chat{ID: 1001, Type: "private"}

	f.PushMessage(chat, alice, "/start")
	msgs := f.WaitMessages(t, "1001", 1)
	start := msgs[0]
	if start.ParseMode != "HTML" || !strings.Contains(start.Text, "<b>Welcome to sitrep</b>") || !strings.Contains(start.Text, "war &amp; diplomacy") {
		t.Errorf("start message %+v", start)
	}
	kb, ok := start.Keyboard()
	if !ok || len(kb.InlineKeyboard) != 2 || *kb.InlineKeyboard[1][0].CallbackData != "/latest" {
		t.Fatalf("start keyboard %+v", kb)
	}
	req := h.requests()[0]
	if req.Chat != (briefings.Chat{Platform: "telegram", ChatID: "1001"}) || req.UserID != "1001" || req.ChatKind != "private" ||
		!req.IsAdmin || !req.CanManage || req.Text != "/start" || req.UserName != "alice" {
		t.Errorf("request %+v", req)
	}

	// "Latest" on the welcome is a new request: a new message, the welcome
	// stays; the callback is answered.
	f.PushCallback(chat, alice, start.MessageID, "/latest")
	msgs = f.WaitMessages(t, "1001", 2)
	f.WaitCalls(t, "answerCallbackQuery", 1)
	page1 := msgs[1]
	if msgs[0].Edits != 0 || !strings.Contains(page1.Text, "page 1") {
		t.Fatalf("after /latest: %+v", msgs)
	}
	if got := h.requests()[1]; got.Callback != "/latest" || got.Text != "" || got.UserID != "1001" || !got.CanManage {
		t.Errorf("callback request %+v", got)
	}

	// "Next" on the list pages it in place.
	f.PushCallback(chat, alice, page1.MessageID, "/latest -p2")
	page2 := f.WaitMessage(t, "1001", page1.MessageID, func(m telegramtest.SentMessage) bool { return m.Edits == 1 })
	if !strings.Contains(page2.Text, "page 2") {
		t.Fatalf("after page 2: %+v", page2)
	}
	if kb, _ := page2.Keyboard(); len(kb.InlineKeyboard) != 1 || *kb.InlineKeyboard[0][1].CallbackData != "/latest -p3" {
		t.Errorf("page keyboard %+v", kb)
	}

	// The same page again: "message is not modified" is fine, still answered.
	f.PushCallback(chat, alice, page1.MessageID, "/latest -p2")
	// A button-only action (a settings toggle) edits in place even on a
	// message the bot no longer remembers.
	f.PushCallback(chat, alice, start.MessageID, "/toggle energy")
	toggled := f.WaitMessage(t, "1001", start.MessageID, func(m telegramtest.SentMessage) bool { return m.Edits == 1 })
	if !strings.Contains(toggled.Text, "Toggled energy") {
		t.Errorf("toggle: %+v", toggled)
	}
	if msgs := f.Messages("1001"); len(msgs) != 2 || msgs[1].Edits != 1 {
		t.Errorf("repeated page changed messages: %+v", msgs)
	}
	f.WaitCalls(t, "answerCallbackQuery", 4)

	// A refusal pops up as an alert and leaves the message alone.
	f.PushCallback(chat, alice, page1.MessageID, "/deny")
	answers := f.WaitCalls(t, "answerCallbackQuery", 5)
	if a := answers[4].Params; a.Get("show_alert") != "true" || a.Get("text") != "Only group admins may change this." {
		t.Errorf("alert answer %v", a)
	}
	if msgs := f.Messages("1001"); len(msgs) != 2 || msgs[1].Edits != 1 {
		t.Errorf("messages after deny %+v", msgs)
	}

	// Plain text in a private chat reaches the router.
	f.PushMessage(chat, alice, "hello")
	msgs = f.WaitMessages(t, "1001", 3)
	if !strings.Contains(msgs[2].Text, "Unknown command hello") {
		t.Errorf("plain text reply %q", msgs[2].Text)
	}
}

func TestGroupCommands(t *testing.T) {
	f := telegramtest.NewFake(t)
	b, _ := newBot(t, f, nil)
	h := &chatHandler{}
	run(t, b, h)
	group := telegramtest.Chat{ID: -100500, Type: "supergroup", Title: "Briefings"}
	f.SetMember(group.ID, alice.ID, "administrator")

	f.PushMessage(group, bob, "/digest@some_other_bot")
	f.PushMessage(group, bob, "just chatting")
	f.PushMessage(group, alice, "/subscribe@"+telegramtest.FakeBotUsername+" 08:00 Europe/Kyiv")
	f.PushMessage(group, bob, "/subscribe@"+strings.ToUpper(telegramtest.FakeBotUsername)+" 09:00")
	f.PushMessage(group, bob, "/echo@"+telegramtest.FakeBotUsername+" hi")
	msgs := f.WaitMessages(t, "-100500", 3)
	reqs := h.requests()
	if len(reqs) != 3 {
		t.Fatalf("router saw %d requests: %+v", len(reqs), reqs)
	}
	if reqs[0].Text != "/subscribe 08:00 Europe/Kyiv" || !reqs[0].CanManage || reqs[0].ChatKind != "group" || reqs[0].UserID != "1001" {
		t.Errorf("admin request %+v", reqs[0])
	}
	if reqs[1].Text != "/subscribe 09:00" || reqs[1].CanManage || reqs[1].IsAdmin {
		t.Errorf("member request %+v", reqs[1])
	}
	if reqs[2].Text != "/echo hi" {
		t.Errorf("echo request %+v", reqs[2])
	}
	if !strings.Contains(msgs[0].Text, "manage=true") || !strings.Contains(msgs[1].Text, "manage=false") {
		t.Errorf("replies %q / %q", msgs[0].Text, msgs[1].Text)
	}
	// getChatMember once per user (cached), and not for /echo.
	if n := len(f.Calls("getChatMember")); n != 2 {
		t.Errorf("getChatMember called %d times", n)
	}
	f.PushMessage(group, alice, "/subscribe 07:00")
	f.WaitMessages(t, "-100500", 4)
	if n := len(f.Calls("getChatMember")); n != 2 {
		t.Errorf("getChatMember not cached: %d calls", n)
	}
}

func TestSendLongReply(t *testing.T) {
	f := telegramtest.NewFake(t)
	b, _ := newBot(t, f, nil)
	id, err := b.Send(t.Context(), briefings.Chat{Platform: "telegram", ChatID: "555"}, longDigest(80))
	if err != nil {
		t.Fatal(err)
	}
	msgs := f.Messages("555")
	if len(msgs) < 3 {
		t.Fatalf("%d parts", len(msgs))
	}
	if strings.Count(id, ",") != len(msgs)-1 {
		t.Errorf("id %q for %d messages", id, len(msgs))
	}
	var all strings.Builder
	for i, m := range msgs {
		checkHTMLPart(t, m.Text)
		if !m.DisablePreview || m.ParseMode != "HTML" {
			t.Errorf("part %d: preview/parse mode %+v", i, m)
		}
		if _, has := m.Keyboard(); has != (i == len(msgs)-1) {
			t.Errorf("part %d: keyboard %v", i, has)
		}
		all.WriteString(m.Text)
	}
	for _, want := range []string{"Story 1:", "Story 80:", "&lt;in&gt;", "5 &lt; 7 &amp; 9 &gt; 3", `href="https://news.example.org/story/80?a=1&amp;b=2"`} {
		if !strings.Contains(all.String(), want) {
			t.Errorf("missing %q", want)
		}
	}

	// Editing the long message with a shorter one deletes surplus parts.
	if err := b.Edit(t.Context(), briefings.Chat{Platform: "telegram", ChatID: "555"}, id, bot.Text("Revised: 59 drones")); err != nil {
		t.Fatal(err)
	}
	msgs = f.Messages("555")
	if msgs[0].Text != "Revised: 59 drones" || msgs[0].Edits != 1 {
		t.Errorf("edited %+v", msgs[0])
	}
	for _, m := range msgs[1:] {
		if !m.Deleted {
			t.Errorf("surplus message %d kept", m.MessageID)
		}
	}
	// Editing to the same content succeeds ("message is not modified").
	first, _, _ := strings.Cut(id, ",")
	if err := b.Edit(t.Context(), briefings.Chat{Platform: "telegram", ChatID: "555"}, first, bot.Text("Revised: 59 drones")); err != nil {
		t.Errorf("unchanged edit: %v", err)
	}
	// A reply that needs more messages than exist cannot be an edit.
	var se *bot.SendError
	if err := b.Edit(t.Context(), briefings.Chat{Platform: "telegram", ChatID: "555"}, first, longDigest(80)); !errors.As(err, &se) || se.Kind != bot.SendFatal {
		t.Errorf("growing edit: %v", err)
	}
}

func TestSendErrors(t *testing.T) {
	f := telegramtest.NewFake(t)
	b, logs := newBot(t, f, nil)
	chat := briefings.Chat{Platform: "telegram", ChatID: "42"}
	tests := []struct {
		name  string
		fail  telegramtest.APIError
		kind  string
		after int
		newID string
	}{
		{"flood", telegramtest.APIError{Code: 429, Description: "Too Many Requests: retry after 17", RetryAfter: 17}, bot.SendRateLimited, 17, ""},
		{"blocked", telegramtest.APIError{Code: 403, Description: "Forbidden: bot was blocked by the user"}, bot.SendBlocked, 0, ""},
		{"kicked", telegramtest.APIError{Code: 403, Description: "Forbidden: bot was kicked from the supergroup chat"}, bot.SendBlocked, 0, ""},
		{"deactivated", telegramtest.APIError{Code: 403, Description: "Forbidden: user is deactivated"}, bot.SendBlocked, 0, ""},
		{"not found", telegramtest.APIError{Code: 400, Description: "Bad Request: chat not found"}, bot.SendNotFound, 0, ""},
		{"migrated", telegramtest.APIError{Code: 400, Description: "Bad Request: group chat was upgraded to a supergroup chat", MigrateTo: -1009876543210}, bot.SendMigrated, 0, "-1009876543210"},
		{"bad request", telegramtest.APIError{Code: 400, Description: "Bad Request: can't parse entities: unsupported start tag"}, bot.SendFatal, 0, ""},
		{"server error", telegramtest.APIError{Code: 500, Description: "Internal Server Error"}, bot.SendRetry, 0, ""},
		{"proxy page", telegramtest.APIError{Code: 502, Raw: "<html>bad gateway</html>"}, bot.SendRetry, 0, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f.FailNext("sendMessage", tt.fail)
			_, err := b.Send(t.Context(), chat, bot.Text("Air attack overnight"))
			var se *bot.SendError
			if !errors.As(err, &se) {
				t.Fatalf("error %v is not a SendError", err)
			}
			if se.Platform != "telegram" || se.Kind != tt.kind || se.RetryAfter != tt.after || se.NewChatID != tt.newID {
				t.Errorf("got %+v, want kind %s retry_after %d new id %q", se, tt.kind, tt.after, tt.newID)
			}
			if strings.Contains(err.Error(), f.Token) {
				t.Errorf("token in error %q", err)
			}
			// The same classification for edits.
			f.FailNext("editMessageText", tt.fail)
			err = b.Edit(t.Context(), chat, "1", bot.Text("x"))
			if !errors.As(err, &se) || se.Kind != tt.kind {
				t.Errorf("edit: %v", err)
			}
		})
	}
	// Requests the adapter refuses before calling Telegram.
	for _, c := range []struct {
		chat  briefings.Chat
		reply *bot.Reply
	}{
		{briefings.Chat{Platform: "discord", ChatID: "1"}, bot.Text("x")},
		{briefings.Chat{Platform: "telegram", ChatID: "abc"}, bot.Text("x")},
		{chat, &bot.Reply{}},
		{chat, &bot.Reply{Title: "x", Buttons: [][]bot.Button{{{Label: "too long", Data: strings.Repeat("d", 65)}}}}},
	} {
		var se *bot.SendError
		if _, err := b.Send(t.Context(), c.chat, c.reply); !errors.As(err, &se) || se.Kind != bot.SendFatal {
			t.Errorf("Send(%v, %+v) = %v, want fatal", c.chat, c.reply, err)
		}
	}
	if strings.Contains(logs.String(), f.Token) {
		t.Error("token logged")
	}
}

func TestTokenNeverLeaks(t *testing.T) {
	// A dead endpoint: the transport error names the URL, which holds the token.
	dead := httptest.NewServer(http.NotFoundHandler())
	url := dead.URL
	dead.Close()
	_, err := telegram.New(t.Context(), telegram.Config{Token: telegramtest.FakeToken, APIEndpoint: url})
	if err == nil {
		t.Fatal("New on a dead endpoint succeeded")
	}
	if strings.Contains(err.Error(), telegramtest.FakeToken) || !strings.Contains(err.Error(), "<redacted>") {
		t.Errorf("New error %q", err)
	}
	for e := err; e != nil; e = errors.Unwrap(e) {
		if strings.Contains(e.Error(), telegramtest.FakeToken) {
			t.Errorf("token in wrapped error %q", e)
		}
	}

	// A wrong token.
	f := telegramtest.NewFake(t)
	if _, err := telegram.New(t.Context(), telegram.Config{Token: "1:wrong", APIEndpoint: f.URL}); err == nil || strings.Contains(err.Error(), "1:wrong") {
		t.Errorf("wrong token: %v", err)
	}

	// Polling against an API that went away logs the failure without the token.
	b, logs := newBot(t, f, func(c *telegram.Config) { c.PollTimeout = 1 })
	f.Close()
	ctx, cancel := context.WithCancel(t.Context())
	done := make(chan error, 1)
	go func() { done <- b.Run(ctx, &chatHandler{}) }()
	for !strings.Contains(logs.String(), "getUpdates failed") {
		select {
		case <-logs.ch:
		case <-time.After(telegramtest.WaitTimeout):
			t.Fatalf("no poll failure logged:\n%s", logs.String())
		}
	}
	cancel()
	if err := <-done; err != nil {
		t.Errorf("Run: %v", err)
	}
	out := logs.String()
	if strings.Contains(out, telegramtest.FakeToken) || !strings.Contains(out, "<redacted>") {
		t.Errorf("logs:\n%s", out)
	}
	var se *bot.SendError
	_, err = b.Send(t.Context(), briefings.Chat{Platform: "telegram", ChatID: "1"}, bot.Text("x"))
	if !errors.As(err, &se) || se.Kind != bot.SendRetry || strings.Contains(err.Error(), telegramtest.FakeToken) {
		t.Errorf("send to a dead API: %v", err)
	}
}

func TestWebhook(t *testing.T) {
	f := telegramtest.NewFake(t)
	const secret = "s3cret_Value-1"
	b, _ := newBot(t, f, func(c *telegram.Config) {
		c.WebhookURL = "https://bot.example.org/telegram/webhook"
		c.WebhookSecret = secret
	})
	h := &chatHandler{}
	run(t, b, h)
	set := f.WaitCalls(t, "setWebhook", 1)[0].Params
	if set.Get("url") != "https://bot.example.org/telegram/webhook" || set.Get("secret_token") != secret {
		t.Errorf("setWebhook params %v", set)
	}
	if len(f.Calls("getUpdates")) != 0 {
		t.Error("polling in webhook mode")
	}

	srv := httptest.NewServer(b.WebhookHandler(h))
	defer srv.Close()
	update := `{"update_id":9,"message":{"message_id":3,"date":1,"text":"/echo@` + telegramtest.FakeBotUsername + ` from webhook",` +
		`"entities":[{"type":"bot_command","offset":0,"length":21}],` +
		`"chat":{"id":77,"type":"private"},"from":{"id":77,"is_bot":false,"first_name":"Ann"}}}`
	post := func(secretHeader string) int {
		req, _ := http.NewRequest(http.MethodPost, srv.URL, strings.NewReader(update))
		req.Header.Set("Content-Type", "application/json")
		if secretHeader != "" {
			req.Header.Set(telegram.SecretHeader, secretHeader)
		}
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		return resp.StatusCode
	}
	if code := post(""); code != http.StatusUnauthorized {
		t.Errorf("no secret: %d", code)
	}
	if code := post("wrong"); code != http.StatusUnauthorized {
		t.Errorf("bad secret: %d", code)
	}
	if code := post(secret + "x"); code != http.StatusUnauthorized {
		t.Errorf("longer secret: %d", code)
	}
	if n := len(h.requests()); n != 0 {
		t.Fatalf("rejected updates reached the router: %d", n)
	}
	if code := post(secret); code != http.StatusOK {
		t.Fatalf("good secret: %d", code)
	}
	// The handler answers after the reply is sent.
	msgs := f.Messages("77")
	if len(msgs) != 1 || msgs[0].Text != "/echo from webhook" {
		t.Errorf("webhook reply %+v", msgs)
	}
	resp, err := http.Get(srv.URL)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusMethodNotAllowed {
		t.Errorf("GET: %d", resp.StatusCode)
	}
}

func TestWebhookSecretRequired(t *testing.T) {
	f := telegramtest.NewFake(t)
	for _, s := range []string{"", "bad secret!"} {
		if _, err := telegram.New(t.Context(), telegram.Config{Token: f.Token, APIEndpoint: f.URL, WebhookURL: "https://x.example/hook", WebhookSecret: s}); err == nil {
			t.Errorf("secret %q accepted", s)
		}
	}
}

func TestPollBacksOffOnRateLimit(t *testing.T) {
	f := telegramtest.NewFake(t)
	b, logs := newBot(t, f, nil)
	f.FailNext("getUpdates", telegramtest.APIError{Code: 502, Raw: "bad gateway"})
	run(t, b, &chatHandler{})
	// After the failure the loop recovers and serves commands.
	f.PushMessage(telegramtest.Chat{ID: 5, Type: "private"}, alice, "/echo again")
	if m := f.WaitMessages(t, "5", 1); m[0].Text != "/echo again" {
		t.Errorf("reply %q", m[0].Text)
	}
	if !strings.Contains(logs.String(), "getUpdates failed") {
		t.Error("failure not logged")
	}
}

func TestHandlerPanicIsContained(t *testing.T) {
	f := telegramtest.NewFake(t)
	b, logs := newBot(t, f, nil)
	run(t, b, panicky{&chatHandler{}})
	chat := telegramtest.Chat{ID: 6, Type: "private"}
	f.PushMessage(chat, alice, "/panic")
	f.PushMessage(chat, alice, "/echo still here")
	if m := f.WaitMessages(t, "6", 1); m[0].Text != "/echo still here" {
		t.Errorf("reply %q", m[0].Text)
	}
	if !strings.Contains(logs.String(), "panic") {
		t.Error("panic not logged")
	}
}

type panicky struct{ *chatHandler }

func (p panicky) Handle(ctx context.Context, req *bot.Request) *bot.Reply {
	if req.Text == "/panic" {
		panic("router bug")
	}
	return p.chatHandler.Handle(ctx, req)
}

func TestShutdownConfirmsOffset(t *testing.T) {
	f := telegramtest.NewFake(t)
	b, _ := newBot(t, f, func(c *telegram.Config) { c.PollTimeout = 30 })
	ctx, cancel := context.WithCancel(t.Context())
	done := make(chan error, 1)
	go func() { done <- b.Run(ctx, &chatHandler{}) }()
	id := f.PushMessage(telegramtest.Chat{ID: 9, Type: "private"}, alice, "/echo once")
	f.WaitMessages(t, "9", 1)
	cancel()
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	calls := f.Calls("getUpdates")
	last := calls[len(calls)-1].Params
	if last.Get("offset") != strconv.Itoa(id+1) || last.Get("timeout") != "" {
		t.Errorf("last getUpdates %v, want offset %d without timeout", last, id+1)
	}
	// A restarted bot does not see the handled update again.
	b2, _ := newBot(t, f, nil)
	h := &chatHandler{}
	run(t, b2, h)
	f.PushMessage(telegramtest.Chat{ID: 9, Type: "private"}, alice, "/echo twice")
	msgs := f.WaitMessages(t, "9", 2)
	if len(msgs) != 2 || msgs[1].Text != "/echo twice" || len(h.requests()) != 1 {
		t.Errorf("after restart: %+v, %d requests", msgs, len(h.requests()))
	}
}

func TestGroupCallbackAndChannelPost(t *testing.T) {
	f := telegramtest.NewFake(t)
	b, _ := newBot(t, f, nil)
	h := &chatHandler{}
	run(t, b, h)
	group := telegramtest.Chat{ID: -100700, Type: "group", Title: "Desk"}
	f.SetMember(group.ID, alice.ID, "creator")
	f.PushCallback(group, bob, 55, "/subscribe 08:00")
	f.PushCallback(group, alice, 55, "/subscribe 09:00")
	f.WaitMessages(t, "-100700", 2)
	reqs := h.requests()
	if len(reqs) != 2 || reqs[0].CanManage || !reqs[1].CanManage || reqs[0].ChatKind != "group" || reqs[1].Callback != "/subscribe 09:00" {
		t.Errorf("group callbacks %+v", reqs)
	}

	// A command posted in a channel: only channel admins can post there.
	f.Push(tgbotapi.Update{ChannelPost: &tgbotapi.Message{MessageID: 3, Date: 1, Text: "/echo@" + telegramtest.FakeBotUsername + " from channel",
		Chat: &tgbotapi.Chat{ID: -100800, Type: "channel", Title: "Briefings"}}})
	f.Push(tgbotapi.Update{ChannelPost: &tgbotapi.Message{MessageID: 4, Date: 1, Text: "an ordinary post",
		Chat: &tgbotapi.Chat{ID: -100800, Type: "channel"}}})
	f.Push(tgbotapi.Update{ChannelPost: &tgbotapi.Message{MessageID: 5, Date: 1, Text: "/echo last",
		Chat: &tgbotapi.Chat{ID: -100800, Type: "channel"}}})
	msgs := f.WaitMessages(t, "-100800", 2)
	if msgs[0].Text != "/echo from channel" || msgs[1].Text != "/echo last" {
		t.Errorf("channel replies %+v", msgs)
	}
	reqs = h.requests()
	if r := reqs[2]; r.ChatKind != "channel" || !r.CanManage || r.UserID != "" || len(reqs) != 4 {
		t.Errorf("channel request %+v (%d requests)", r, len(reqs))
	}
}

func TestAPIEndpointForms(t *testing.T) {
	f := telegramtest.NewFake(t)
	for _, ep := range []string{f.URL, f.URL + "/", f.URL + "/bot%s/%s"} {
		b, err := telegram.New(t.Context(), telegram.Config{Token: f.Token, APIEndpoint: ep})
		if err != nil {
			t.Errorf("endpoint %q: %v", ep, err)
			continue
		}
		if b.Username() != telegramtest.FakeBotUsername || b.Name() != "telegram" {
			t.Errorf("endpoint %q: %q %q", ep, b.Username(), b.Name())
		}
	}
	for _, ep := range []string{"127.0.0.1:9000", "ftp://127.0.0.1", "http://"} {
		if _, err := telegram.New(t.Context(), telegram.Config{Token: f.Token, APIEndpoint: ep}); err == nil {
			t.Errorf("endpoint %q accepted", ep)
		}
	}
	if _, err := telegram.New(t.Context(), telegram.Config{APIEndpoint: f.URL}); err == nil {
		t.Error("empty token accepted")
	}
}

// With a catalogue the menu is set again per language: Telegram shows a
// user the list of their app's language_code.
func TestSetMyCommandsPerLanguage(t *testing.T) {
	f := telegramtest.NewFake(t)
	cat, err := locale.New()
	if err != nil {
		t.Fatal(err)
	}
	b, _ := newBot(t, f, func(c *telegram.Config) { c.Catalogue, c.Lang = cat, locale.English })
	run(t, b, &chatHandler{})
	calls := f.WaitCalls(t, "setMyCommands", 2+len(cat.Langs()))
	byLang := map[string]map[string]string{}
	for _, c := range calls {
		var scope tgbotapi.BotCommandScope
		_ = json.Unmarshal([]byte(c.Params.Get("scope")), &scope)
		if scope.Type == "chat" {
			continue
		}
		var cmds []tgbotapi.BotCommand
		if err := json.Unmarshal([]byte(c.Params.Get("commands")), &cmds); err != nil {
			t.Fatal(err)
		}
		m := map[string]string{}
		for _, c := range cmds {
			m[c.Command] = c.Description
		}
		byLang[c.Params.Get("language_code")] = m
	}
	if got := byLang["uk"]["search"]; got != "Пошук у збережених статтях" {
		t.Errorf("Ukrainian menu: search is %q (%v)", got, byLang["uk"])
	}
	if got := byLang["en"]["search"]; got != "Search stored articles" || byLang[""]["search"] != got {
		t.Errorf("English and default menus: %q, %q", got, byLang[""]["search"])
	}
	if _, ok := byLang["uk"]["stats"]; ok {
		t.Error("an admin command in the public Ukrainian menu")
	}
}
