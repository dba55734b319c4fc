package main

import (
	"io"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/sitrep/sitrep/bot/telegram/telegramtest"
)

// TestRunTelegramInEachLanguage runs the bot on Telegram (the Go fake of the
// Bot API, which records setMyCommands; the npm emulator has none) over the
// demo corpus: a user whose app is in Ukrainian gets the bot in Ukrainian,
// attack figures included, written from the reports whatever language they
// were read in; a user in English gets it in English; the command menu is
// set per language.
func TestRunTelegramInEachLanguage(t *testing.T) {
	api := telegramtest.NewFake(t)
	env := map[string]string{"SITREP_TELEGRAM_TOKEN": api.Token, "SITREP_TELEGRAM_API_ENDPOINT": api.URL,
		"SITREP_HTTP_ADDR": freeAddr(t)}
	logs := newSyncBuffer("http server listening")
	m := &Main{Stdin: strings.NewReader(""), Stdout: io.Discard, Stderr: logs, Getenv: func(k string) string { return env[k] },
		Now: time.Now}
	startRun(t, m, logs, "run", "--demo")

	type turn struct{ in, want string }
	talk := func(id int64, lang string, turns []turn) {
		chat, user := telegramtest.Chat{ID: id, Type: "private"}, telegramtest.User{ID: id, UserName: "u" + lang, LanguageCode: lang}
		chatID := strconv.FormatInt(id, 10)
		for i, tr := range turns {
			api.PushMessage(chat, user, tr.in)
			got := api.WaitMessages(t, chatID, i+1)[i]
			if !strings.Contains(got.Text, tr.want) {
				t.Errorf("%s %s: want %q in\n%s", lang, tr.in, tr.want, got.Text)
			}
		}
	}
	// Five commands each: the per-user burst.
	talk(5701, "uk", []turn{
		{"/start", "Вітає sitrep"},
		{"/help", "Пошук у збережених статтях"},
		{"/attacks 7d", "Росія запустила"},
		{"/nosuch", "Невідома команда /nosuch"},
		{"/language en", "From now on sitrep speaks English here."},
	})
	talk(5702, "en", []turn{
		{"/start", "Welcome to sitrep"},
		{"/attacks 7d", "Russia launched"},
		{"/language uk", "Відтепер sitrep говорить тут мовою: українська."},
		{"/help", "Команди sitrep"},
		{"/digest 7d", "<b>Зведення: "}, // last: a digest comes in several messages
	})
	uk := api.WaitMessages(t, "5701", 3)[2].Text
	if !strings.Contains(uk, "дронів") || !strings.Contains(uk, "збито") || !strings.Contains(uk, "Джерело") {
		t.Errorf("Ukrainian figures:\n%s", uk)
	}
	langs := map[string]bool{}
	for _, c := range api.Calls("setMyCommands") {
		langs[c.Params.Get("language_code")] = true
		if c.Params.Get("language_code") == "uk" && !strings.Contains(c.Params.Get("commands"), "Пошук у збережених статтях") {
			t.Errorf("Ukrainian menu: %s", c.Params.Get("commands"))
		}
	}
	if !langs["uk"] || !langs["en"] || !langs[""] {
		t.Errorf("setMyCommands languages: %v", langs)
	}
}
