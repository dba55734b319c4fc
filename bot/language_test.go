package bot_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/sitrep/sitrep/bot"
	"github.com/sitrep/sitrep/bot/render"
	"github.com/sitrep/sitrep/bot/schedule"
	"github.com/sitrep/sitrep/briefings"
	"github.com/sitrep/sitrep/briefings/locale"
)

// A chat follows its user's app language until it chooses one with
// /language; every reply, button and error is then in the chosen language.
func TestLanguageCommand(t *testing.T) {
	h := newHarness(t)
	uk := func(text string) *bot.Request { r := req(text); r.Locale = "uk"; return r }

	_, out := h.say(t, uk("/help"))
	if !strings.Contains(out, "Команди sitrep") || !strings.Contains(out, "/search <слова> Пошук у збережених статтях") {
		t.Errorf("help for a Ukrainian app:\n%s", out)
	}
	_, out = h.say(t, req("/help"))
	if !strings.Contains(out, "sitrep commands") {
		t.Errorf("help for an app in no language:\n%s", out)
	}
	rep, out := h.say(t, uk("/start"))
	if !strings.Contains(out, "Вітає sitrep") || rep.Buttons[0][0].Label != "Свіже зведення" {
		t.Errorf("start:\n%s %+v", out, rep.Buttons)
	}
	// Errors: the router's own and a command's.
	for in, want := range map[string]string{
		"/nosuch":         "Невідома команда /nosuch. Спробуйте /help.",
		"/digest 99x":     `Не розумію період "99x"; вкажіть щось на кшталт 24h або 7d.`,
		"/alerts maybe":   "Напишіть /alerts on або /alerts off.",
		"/language fr":    "Я не розмовляю мовою fr; оберіть одну з: en, uk.",
		"/removesource 9": "", // admins only
	} {
		rep, out := h.say(t, uk(in))
		if want != "" && (out != want || !rep.Error) {
			t.Errorf("%s: %q, want %q", in, out, want)
		}
	}

	// The chat chooses English although the app is Ukrainian; the choice is kept.
	_, out = h.say(t, uk("/language en"))
	if out != "From now on sitrep speaks English here." {
		t.Errorf("language en: %q", out)
	}
	_, out = h.say(t, uk("/alerts on min 50"))
	if out != "Attack alerts are on: at least 50 launched." {
		t.Errorf("alerts after /language en: %q", out)
	}
	rep, out = h.say(t, uk("/language"))
	if !strings.Contains(out, "This chat reads sitrep in English") || len(rep.Buttons[0]) != 2 || rep.Buttons[0][1].Data != "/language uk" {
		t.Errorf("language menu: %q %+v", out, rep.Buttons)
	}
	_, out = h.say(t, req("/language uk"))
	if out != "Відтепер sitrep говорить тут мовою: українська." {
		t.Errorf("language uk: %q", out)
	}
	_, out = h.say(t, req("/alerts on drones"))
	if out != "Сповіщення про атаки ввімкнено: щонайменше 50 запущених; дрони." {
		t.Errorf("alerts in Ukrainian: %q", out)
	}
	rep, out = h.say(t, req("/settings"))
	if !strings.Contains(out, "Мова: українська") || !strings.Contains(out, "Спершу статті мовою чату: вимкнено") {
		t.Errorf("settings:\n%s", out)
	}
	last := rep.Buttons[len(rep.Buttons)-1]
	if last[0].Data != "/alerts off" || rep.Buttons[len(rep.Buttons)-2][0].Data != "/ownlang on" {
		t.Errorf("settings buttons %+v", rep.Buttons)
	}
	if _, out = h.say(t, req("/ownlang on")); !strings.Contains(out, "Спершу статті мовою чату: увімкнено") {
		t.Errorf("ownlang on:\n%s", out)
	}
	s, err := h.st.GetChatSettings(context.Background(), req("").Chat)
	if err != nil || s.Lang != "uk" || !s.OwnLangSources {
		t.Fatalf("stored %+v %v", s, err)
	}
}

// A chat that sets up a delivery remembers the language it was answered in,
// so digests and alerts, which have no user to ask, speak it.
func TestSubscribeRemembersLanguage(t *testing.T) {
	h := newHarness(t)
	r := req("/subscribe 08:00 Europe/Kyiv")
	r.Locale = "uk-UA"
	_, out := h.say(t, r)
	if !strings.Contains(out, "Підписку оформлено") || !strings.Contains(out, "Зведення щодня о 08:00 (Europe/Kyiv), усі теми.") ||
		!strings.Contains(out, "Наступне: ср 11 березня 08:00 EET.") {
		t.Errorf("subscribe:\n%s", out)
	}
	s, err := h.st.GetChatSettings(context.Background(), r.Chat)
	if err != nil || s.Lang != "uk" {
		t.Fatalf("stored %+v %v", s, err)
	}
	cat, _ := locale.New()
	langs := &bot.Languages{Catalogue: cat, Default: locale.English, Store: h.st}
	if got := langs.Lang(context.Background(), r.Chat, ""); got != locale.Ukrainian {
		t.Errorf("a delivery to the chat speaks %s", got)
	}
}

// Every command's help is in the English catalogue as the table writes it,
// so a new command cannot miss its translations unnoticed (TestMissingKeys
// in locale lists what other languages lack).
func TestCommandHelpCatalogued(t *testing.T) {
	cat, err := locale.New()
	if err != nil {
		t.Fatal(err)
	}
	en := cat.For(locale.English)
	for _, c := range bot.Commands() {
		if got := bot.CommandHelp(en, c); got != c.Help {
			t.Errorf("%s: catalogue %+v, table %+v", c.Name, got, c.Help)
		}
		for _, key := range []string{"cmd." + c.Name + ".usage", "cmd." + c.Name + ".summary"} {
			if _, ok := en.Lookup(key); !ok {
				t.Errorf("en.yaml lacks %s", key)
			}
		}
		for _, a := range c.Args {
			if _, ok := en.Lookup("cmd." + c.Name + ".args.a_" + a.Name); !ok || bot.ArgHelp(en, c, a) != a.Help {
				t.Errorf("en.yaml lacks or differs on %s argument %s", c.Name, a.Name)
			}
		}
	}
}

// A chat that prefers articles in its language reads a story from the
// article in that language when the story has one: headline and sentences
// verbatim from it; other chats read the story's best article.
func TestDigestInChatsLanguage(t *testing.T) {
	h := newHarness(t)
	ctx := context.Background()
	add := func(src, lang, title, body string, story int64) *briefings.Article {
		s := &briefings.Source{Name: src, URL: "https://" + strings.ToLower(src) + ".example/feed", Kind: briefings.SourceFeed,
			Enabled: true, ShowText: true, Lang: lang}
		if err := h.st.UpsertSource(ctx, s); err != nil {
			t.Fatal(err)
		}
		a := &briefings.Article{SourceID: s.ID, URL: s.URL + "/1", Title: title, Body: body, Lang: lang, StoryID: story,
			PublishedAt: now0.Add(-time.Hour), FetchedAt: now0, ContentHash: title, Topics: []briefings.Topic{briefings.TopicDiplomacy}}
		if _, err := h.st.AddArticle(ctx, a); err != nil {
			t.Fatal(err)
		}
		return a
	}
	en := add("Wire", "en", "Ministers meet in Geneva on ceasefire monitoring",
		"Foreign ministers met in Geneva on Monday to discuss how a ceasefire could be monitored. The talks lasted four hours.", 0)
	add("Pravda", "uk", "Міністри зустрілися в Женеві",
		"Міністри закордонних справ зустрілися в Женеві в понеділок, щоб обговорити моніторинг перемир'я. Переговори тривали чотири години.", en.StoryID)

	_, out := h.say(t, req("/digest"))
	if !strings.Contains(out, "Ministers meet in Geneva") {
		t.Fatalf("digest:\n%s", out)
	}
	r := req("/ownlang on")
	r.Locale = "uk"
	h.say(t, r)
	_, out = h.say(t, req("/digest"))
	if !strings.Contains(out, "Міністри зустрілися в Женеві") || !strings.Contains(out, "Переговори тривали чотири години.") ||
		strings.Contains(out, "The talks lasted") || !strings.Contains(out, "Зведення: ") {
		t.Errorf("digest preferring Ukrainian articles:\n%s", out)
	}
}

// A schedule the user mistyped is explained in the chat's language, through
// the catalogue, whatever the schedule parser's own (English) text says.
func TestScheduleErrorsInChatLanguage(t *testing.T) {
	h := newHarness(t)
	r := bot.NewRouter(bot.Deps{Store: h.st, Now: func() time.Time { return h.now }, RatePerMinute: 600, RateBurst: 1000,
		NextDigest: func(spec, tz string, after time.Time) (time.Time, error) {
			s, err := schedule.Parse(spec, tz)
			if err != nil {
				return time.Time{}, err
			}
			return s.Next(after), nil
		}})
	for in, want := range map[string][2]string{
		"/subscribe 08:00 Mars/Base":                {`I don't know the time zone "Mars/Base"`, `Не знаю часового поясу "Mars/Base"`},
		"/subscribe CRON_TZ=Europe/Kyiv 0 99 * * *": {`"0 99 * * *" is not a schedule I can read`, `Не можу прочитати розклад "0 99 * * *"`},
		"/subscribe CRON_TZ=Europe/Kyiv":            {"has a time zone but no schedule after it", "є часовий пояс, але немає розкладу"},
	} {
		for k, loc := range []string{"en", "uk"} {
			q := req(in)
			q.Locale = loc
			rep := r.Handle(context.Background(), q)
			out := render.Text(rep)
			if !rep.Error || !strings.Contains(out, want[k]) || strings.Contains(out, "schedule:") {
				t.Errorf("%s in %s: %q, want %q", in, loc, out, want[k])
			}
		}
	}
}
