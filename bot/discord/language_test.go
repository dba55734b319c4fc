package discord

import (
	"context"
	"encoding/json"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/sitrep/sitrep/bot"
	"github.com/sitrep/sitrep/briefings"
	"github.com/sitrep/sitrep/briefings/digest"
	"github.com/sitrep/sitrep/briefings/locale"
	"github.com/sitrep/sitrep/briefings/store/storetest"
	"github.com/sitrep/sitrep/briefings/summarize"
)

func TestRegisterCommandsLocalized(t *testing.T) {
	cat, err := locale.New()
	if err != nil {
		t.Fatal(err)
	}
	f := newFakeDiscord(t)
	b := newTestBot(t, f, nil)
	b.cfg.Catalogue = cat
	if err := b.RegisterCommands(context.Background()); err != nil {
		t.Fatal(err)
	}
	h := f.wait("PUT", "/applications/app1/commands")
	var cmds []struct {
		Name    string            `json:"name"`
		Desc    string            `json:"description"`
		Locales map[string]string `json:"description_localizations"`
		Options []struct {
			Name    string            `json:"name"`
			Locales map[string]string `json:"description_localizations"`
		} `json:"options"`
	}
	if err := json.Unmarshal(h.Body, &cmds); err != nil {
		t.Fatal(err)
	}
	seen := false
	for _, c := range cmds {
		for loc, d := range c.Locales {
			if n := len([]rune(d)); n == 0 || n > maxCommandText {
				t.Errorf("%s %s: description of %d characters", c.Name, loc, n)
			}
		}
		if c.Name != "search" {
			continue
		}
		seen = true
		if c.Desc != "Search stored articles" || c.Locales["uk"] != "Пошук у збережених статтях" || c.Locales["en-GB"] != c.Desc {
			t.Errorf("search: %q %v", c.Desc, c.Locales)
		}
		if len(c.Options) != 1 || c.Options[0].Locales["uk"] != "Слова для пошуку" {
			t.Errorf("search options %+v", c.Options)
		}
	}
	if !seen {
		t.Fatal("no /search registered")
	}
}

// A user whose Discord client is in Ukrainian gets the bot in Ukrainian,
// one in English in English, through the real router.
func TestInteractionInUsersLanguage(t *testing.T) {
	st := storetest.Open(t)
	now := time.Date(2026, 3, 10, 9, 0, 0, 0, time.UTC)
	sum := summarize.New()
	router := bot.NewRouter(bot.Deps{Store: st, Summarizer: sum, AttackLines: digest.AttackEvents,
		Digest: func(ctx context.Context, since, until time.Time, topics []briefings.Topic) (*briefings.Digest, error) {
			return digest.Build(ctx, st, sum, digest.Options{Since: since, Until: until, Now: now, Topics: topics})
		},
		Now: func() time.Time { return now }})
	f := newFakeDiscord(t)
	key := newTestKey(t)
	b := newTestBot(t, f, &key)
	b.deferAfter = 1 << 40
	srv := httptest.NewServer(b.InteractionsHandler(router))
	defer srv.Close()
	for locale, want := range map[string]string{"uk": "Свіже зведення", "en-US": "Latest briefing"} {
		i := commandInteraction(2, "start", nil, false, "u-"+locale, 0)
		i["locale"] = locale
		i["channel_id"] = "dm-" + locale
		_, body := postInteraction(t, srv.URL, key, i)
		raw, _ := json.Marshal(body)
		if !strings.Contains(string(raw), want) {
			t.Errorf("%s: %s", locale, raw)
		}
	}
	// The chat's choice outweighs the client's language.
	i := commandInteraction(2, "language", []opt{{Name: "code", Type: 3, Value: "uk"}}, false, "u-en", 0)
	i["locale"], i["channel_id"] = "en-US", "dm-en-US"
	postInteraction(t, srv.URL, key, i)
	i = commandInteraction(2, "help", nil, false, "u-en", 0)
	i["locale"], i["channel_id"] = "en-US", "dm-en-US"
	_, body := postInteraction(t, srv.URL, key, i)
	raw, _ := json.Marshal(body)
	if !strings.Contains(string(raw), "Команди sitrep") {
		t.Errorf("help after /language uk: %s", raw)
	}
	f.assertAllNoMentions(t)
}

// The adapter's own few words (a command with nothing to say, an
// interaction it does not handle, a failure) are in the user's language too.
func TestAdapterMessagesInUserLanguage(t *testing.T) {
	cat, err := locale.New()
	if err != nil {
		t.Fatal(err)
	}
	content := func(body map[string]any) string {
		data, _ := body["data"].(map[string]any)
		s, _ := data["content"].(string)
		return s
	}
	for _, tc := range []struct {
		name  string
		typ   int
		reply func(context.Context, *bot.Request) *bot.Reply
		want  string
	}{
		{"nothing to say", 2, func(context.Context, *bot.Request) *bot.Reply { return nil }, "Готово."},
		{"not handled", 5, nil, "Із цим sitrep не працює."},
		{"failure", 2, func(context.Context, *bot.Request) *bot.Reply { panic("boom") }, "Щось пішло не так"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f := newFakeDiscord(t)
			key := newTestKey(t)
			b := newTestBot(t, f, &key)
			b.cfg.Catalogue = cat
			srv := httptest.NewServer(b.InteractionsHandler(&fakeHandler{reply: tc.reply}))
			defer srv.Close()
			i := commandInteraction(tc.typ, "help", nil, false, "u1", 0)
			i["locale"] = "uk"
			_, body := postInteraction(t, srv.URL, key, i)
			got := content(body)
			if got == "" { // a failure's reply may come as a follow-up
				b.inflight.Wait()
				for _, h := range f.all() {
					if m := h.json(t); m != nil {
						if c, _ := m["content"].(string); c != "" {
							got = c
						}
					}
				}
			}
			if !strings.Contains(got, tc.want) {
				t.Errorf("got %q, want %q", got, tc.want)
			}
		})
	}
}
