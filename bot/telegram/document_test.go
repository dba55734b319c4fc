package telegram_test

import (
	"context"
	"strings"
	"testing"

	"github.com/sitrep/sitrep/bot"
	"github.com/sitrep/sitrep/bot/telegram/telegramtest"
	"github.com/sitrep/sitrep/briefings/ingest"
	"github.com/sitrep/sitrep/briefings/store/storetest"
)

// An admin sends an OPML file to the bot in a private chat: it is
// downloaded (getFile, then the file URL) and imported as /importopml,
// every feed through the address guard, the report in the admin's
// language. A file from someone else is refused without being read.
func TestOPMLDocumentImported(t *testing.T) {
	f := telegramtest.NewFake(t)
	b, logs := newBot(t, f, nil)
	st := storetest.Open(t)
	router := bot.NewRouter(bot.Deps{Store: st, CheckURL: ingest.CheckPublicURL,
		FetchFile: func(context.Context, string) ([]byte, error) { panic("a sent file is not fetched") }})
	run(t, b, router)
	list := []byte(`<opml version="2.0"><body><outline text="Wire" xmlUrl="https://wire.example/rss"/>` +
		`<outline text="Home" xmlUrl="http://10.0.0.1/feed"/></body></opml>`)

	admin := telegramtest.User{ID: 1001, UserName: "admin", LanguageCode: "uk"}
	f.PushDocument(telegramtest.Chat{ID: 1001, Type: "private"}, admin, "feeds.opml", list)
	got := f.WaitMessages(t, "1001", 1)[0].Text
	if !strings.Contains(got, "OPML: додано 1, уже були 0, відхилено 1") || !strings.Contains(got, "адреса не публічна") {
		t.Errorf("admin's import:\n%s", got)
	}
	if n := len(f.Calls("getFile")); n != 1 {
		t.Errorf("getFile calls: %d", n)
	}
	other := telegramtest.User{ID: 2002, UserName: "bob"}
	f.PushDocument(telegramtest.Chat{ID: 2002, Type: "private"}, other, "feeds.opml", list)
	if got := f.WaitMessages(t, "2002", 1)[0].Text; !strings.Contains(got, "for the bot's admins") {
		t.Errorf("someone else's file: %q", got)
	}
	if n := len(f.Calls("getFile")); n != 1 {
		t.Errorf("someone else's file was downloaded (%d getFile calls)", n)
	}
	srcs, err := st.ListSources(context.Background())
	if err != nil || len(srcs) != 1 || srcs[0].URL != "https://wire.example/rss" {
		t.Fatalf("sources %+v %v", srcs, err)
	}
	if strings.Contains(logs.String(), f.Token) {
		t.Error("token in the logs")
	}
}
