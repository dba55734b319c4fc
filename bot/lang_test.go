package bot

import (
	"context"
	"testing"
	"time"

	"github.com/sitrep/sitrep/briefings"
	"github.com/sitrep/sitrep/briefings/locale"
	"github.com/sitrep/sitrep/briefings/store/storetest"
)

func TestLanguagesPick(t *testing.T) {
	ctx := context.Background()
	st := storetest.Open(t)
	chosen := briefings.Chat{Platform: briefings.PlatformTelegram, ChatID: "1"}
	if err := st.SetChatSettings(ctx, &briefings.ChatSettings{Chat: chosen, Lang: "en"}); err != nil {
		t.Fatal(err)
	}
	fresh := briefings.Chat{Platform: briefings.PlatformDiscord, ChatID: "2"}
	l := &Languages{Catalogue: testCatalogue(t), Default: locale.Ukrainian, Store: st}
	cases := []struct {
		chat   briefings.Chat
		locale string
		want   locale.Lang
	}{
		{chosen, "uk", locale.English},   // the chat's choice wins over the user's app
		{fresh, "en-GB", locale.English}, // Discord's locale
		{fresh, "uk", locale.Ukrainian},  // Telegram's language_code
		{fresh, "ru", locale.Ukrainian},  // a language the bot lacks: the default
		{fresh, "", locale.Ukrainian},
	}
	for _, tc := range cases {
		if got := l.Lang(ctx, tc.chat, tc.locale); got != tc.want {
			t.Errorf("%v %q: %s, want %s", tc.chat, tc.locale, got, tc.want)
		}
	}
}

func TestAlertReplyInUkrainian(t *testing.T) {
	uk := testCatalogue(t).For(locale.Ukrainian)
	r := &briefings.AttackReport{Attacker: "RU", Target: "UA", Date: "2025-09-17", Period: "overnight",
		Source: "Ukraine's Air Force", SourceName: "Sample Wire", ArticleURL: "https://wire.example/a",
		PublishedAt: time.Date(2025, 9, 17, 6, 0, 0, 0, time.UTC),
		Launched:    briefings.Counts{Drones: briefings.IntPtr(146)}, InterceptedOrJammed: briefings.Counts{Drones: briefings.IntPtr(118)}}
	rep := AlertReply(uk, []*briefings.AttackReport{r}, time.UTC)
	if rep.Title != "Повітряна атака у ніч на 17 вересня 2025" {
		t.Errorf("title %q", rep.Title)
	}
	lines := rep.Paragraphs[0].Lines
	if got := lines[0][0].Text; got != "17 вересня 2025, уночі: Росія запустила 146 дронів; 118 збито або подавлено (81%). Джерело: Повітряні сили України через Sample Wire" {
		t.Errorf("figures %q", got)
	}
	// The figures come from a report of record: the line links it, in the
	// reader's language.
	if l := lines[0]; len(l) != 3 || l[2].Text != "звіт" || l[2].URL != "https://wire.example/a" || len(lines) != 1 {
		t.Errorf("report of record link %+v", lines)
	}
	// Outlets side by side (no report of record): every source is listed.
	other := *r
	other.Source, other.SourceName, other.ArticleURL = "", "Other Wire", "https://other.example/b"
	other.Launched.Drones = briefings.IntPtr(150)
	r.Source = ""
	rep = AlertReply(uk, []*briefings.AttackReport{r, &other}, time.UTC)
	lines = rep.Paragraphs[0].Lines
	if src := lines[len(lines)-1]; src[0].Text != "Джерела: " || src[1].Text != "Sample Wire" || src[1].URL != "https://wire.example/a" {
		t.Errorf("sources %+v", src)
	}
}
