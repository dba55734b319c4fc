package telegram_test

import (
	"strings"
	"testing"
	"time"

	"github.com/sitrep/sitrep/bot/telegram"
	"github.com/sitrep/sitrep/bot/telegram/telegramtest"
)

// TestEmulatorConversation drives the real bot through telegram-test-api as
// users would: private commands, buttons, a long digest, a group command.
func TestEmulatorConversation(t *testing.T) {
	emu := telegramtest.StartEmulator(t)
	logs := newLogBuffer()
	b, err := telegram.New(t.Context(), telegram.Config{
		Token: emu.Token, APIEndpoint: emu.URL, Logger: logs.logger(),
		PollIdle: 5 * time.Millisecond, Admins: map[string]bool{"2001": true},
	})
	if err != nil {
		t.Fatal(err)
	}
	if b.Username() != telegramtest.EmulatorBotUsername {
		t.Fatalf("username %q", b.Username())
	}
	h := &chatHandler{}
	run(t, b, h)
	t.Cleanup(func() {
		if strings.Contains(logs.String(), emu.Token) {
			t.Errorf("token in logs")
		}
	})
	chat := telegramtest.Chat{ID: 2001, Type: "private"}
	carol := telegramtest.User{ID: 2001, UserName: "carol"}

	// /start: welcome with a one-tap setup keyboard.
	emu.SendMessage(t, chat, carol, "/start")
	start := emu.WaitBotMessages(t, chat.ID, 1)[0]
	if start.ParseMode != "HTML" || !strings.Contains(start.Text, "<b>Welcome to sitrep</b>") || !strings.Contains(start.Text, "&amp;") {
		t.Errorf("start: %+v", start)
	}
	if start.Keyboard == nil || len(start.Keyboard.InlineKeyboard) != 2 {
		t.Fatalf("start keyboard: %+v", start.Keyboard)
	}
	if r := h.requests()[0]; r.Text != "/start" || r.ChatKind != "private" || !r.IsAdmin || !r.CanManage || r.Chat.ChatID != "2001" {
		t.Errorf("start request %+v", r)
	}

	// /subscribe with arguments.
	emu.SendMessage(t, chat, carol, "/subscribe 08:00 Europe/Kyiv air_attacks")
	sub := emu.WaitBotMessages(t, chat.ID, 1)[0]
	if sub.Text != "Subscribed: 08:00 Europe/Kyiv air_attacks (manage=true)." {
		t.Errorf("subscribe reply %q", sub.Text)
	}

	// The one-tap setup button on the welcome: a new message, the welcome stays.
	emu.SendCallback(t, chat, carol, start.MessageID, "/subscribe 08:00 Europe/Kyiv")
	if got := emu.WaitBotMessages(t, chat.ID, 1)[0]; got.Text != "Subscribed: 08:00 Europe/Kyiv (manage=true)." {
		t.Errorf("button subscribe reply %q", got.Text)
	}
	if r := h.requests()[2]; r.Callback != "/subscribe 08:00 Europe/Kyiv" || !r.CanManage {
		t.Errorf("callback request %+v", r)
	}
	// "Latest", then "Next" on the list: the list pages in place.
	emu.SendCallback(t, chat, carol, start.MessageID, "/latest")
	list := emu.WaitBotMessages(t, chat.ID, 1)[0]
	if !strings.Contains(list.Text, "page 1") || list.Keyboard == nil {
		t.Fatalf("latest: %+v", list)
	}
	emu.SendCallback(t, chat, carol, list.MessageID, "/latest -p2")
	emu.WaitBotHistory(t, "the list edited to page 2", func(h []telegramtest.BotMessage) bool {
		for _, m := range h {
			if m.MessageID == list.MessageID && strings.Contains(m.Text, "page 2") {
				return m.Keyboard != nil && len(m.Keyboard.InlineKeyboard) == 1
			}
		}
		return false
	})
	if got := emu.BotMessages(t, chat.ID); len(got) != 0 {
		t.Errorf("paging sent new messages: %+v", got)
	}
	for _, m := range emu.BotHistory(t) {
		if m.MessageID == start.MessageID && !strings.Contains(m.Text, "Welcome") {
			t.Errorf("welcome message changed: %q", m.Text)
		}
	}

	// /digest: a long reply split into parts, tags balanced in each, the
	// keyboard on the last, previews off. /echo marks the end (replies to one
	// chat keep their order).
	emu.SendMessage(t, chat, carol, "/digest")
	emu.SendMessage(t, chat, carol, "/echo end")
	var parts []telegramtest.BotMessage
	for len(parts) == 0 || parts[len(parts)-1].Text != "/echo end" {
		parts = append(parts, emu.WaitBotMessages(t, chat.ID, 1)...)
	}
	parts = parts[:len(parts)-1]
	if len(parts) < 2 {
		t.Fatalf("digest in %d part(s)", len(parts))
	}
	t.Logf("digest sent in %d parts", len(parts))
	var all strings.Builder
	for i, p := range parts {
		checkHTMLPart(t, p.Text)
		if !p.DisablePreview || p.ParseMode != "HTML" {
			t.Errorf("part %d: %+v", i, p)
		}
		if (p.Keyboard != nil) != (i == len(parts)-1) {
			t.Errorf("part %d keyboard %v", i, p.Keyboard != nil)
		}
		all.WriteString(p.Text)
	}
	for _, want := range []string{"Story 1:", "Story 60:", "&lt;in&gt;"} {
		if !strings.Contains(all.String(), want) {
			t.Errorf("digest lacks %q", want)
		}
	}

	// A group: a command for another bot is ignored, ours with @botname is
	// answered with the suffix stripped.
	group := telegramtest.Chat{ID: -2002, Type: "group", Title: "Newsroom"}
	emu.SendMessage(t, group, carol, "/digest@OtherBot")
	emu.SendMessage(t, group, carol, "/echo@"+telegramtest.EmulatorBotUsername+" hello group")
	got := emu.WaitBotMessages(t, group.ID, 1)
	if len(got) != 1 || got[0].Text != "/echo hello group" {
		t.Errorf("group replies %+v", got)
	}
	last := h.requests()[len(h.requests())-1]
	if last.ChatKind != "group" || last.Chat.ChatID != "-2002" || last.Text != "/echo hello group" {
		t.Errorf("group request %+v", last)
	}
	for _, r := range h.requests() {
		if strings.Contains(r.Text, "OtherBot") || r.Chat.ChatID == "-2002" && strings.HasPrefix(r.Text, "/digest") {
			t.Errorf("command for another bot reached the router: %+v", r)
		}
	}
}
